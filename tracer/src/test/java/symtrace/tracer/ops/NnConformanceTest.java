package symtrace.tracer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static symtrace.tracer.ops.OpTesting.ints;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorValue;

/**
 * Convolution, pooling, layer norm, losses and padding on the conformance programs: PyTorch's
 * eager outputs on every eval input, and on symbolic inputs the guards current PyTorch records
 * for these operators, in its order. (PyTorch's lists also hold guards that tracing adds when it
 * reads an output's contiguity; those are not an operator's and are not expected here.)
 */
class NnConformanceTest {
  /** Asserts {@code ours} is a subsequence of PyTorch's list, so no guard is ours alone. */
  private static void assertSubsequence(List<String> pytorch, List<String> ours) {
    int at = 0;
    for (String g : ours) {
      while (at < pytorch.size() && !pytorch.get(at).equals(g)) {
        at++;
      }
      assertTrue(at < pytorch.size(), g + " is not in PyTorch's guards " + pytorch
          + " (in order); ours: " + ours);
      at++;
    }
  }

  private static List<Object> conv1d(OpHarness h, TensorValue x, TensorValue w, TensorValue b) {
    return List.of(h.call("aten.conv1d.default", x, w, b),
        h.callKw("aten.conv1d.default", List.of(x, w), Map.of("stride", 2L, "padding", 1L)),
        h.call("aten.conv1d.default", x, w, b, 1L, 2L, 2L));
  }

  @Test
  void conv1dMatchesEagerAndGuards() {
    Conformance c = Conformance.of("conv1d_shapes");
    try (OpHarness h = OpHarness.symbolic()) {
      conv1d(h, h.input(DType.FLOAT32, 2, 3, 17), h.input(DType.FLOAT32, 4, 3, 3),
          h.input(DType.FLOAT32, 4));
      assertEquals(List.of("convolution.default", "convolution.default",
          "convolution.default"), h.calls());
      // check_shape_forward, then the mkldnn backend's batch and kernel-size tests, then
      // meta_conv's output size check
      assertEquals(List.of("s7 >= s96", "s75 < 16", "s96 <= 3", "s7 - s96 + 1 > 0"),
          h.guards());
      assertSubsequence(c.guards(), h.guards());
    }
    for (int e = 0; e < c.evalCount(); e++) {
      Map<String, Tensor> in = c.inputs(e);
      try (OpHarness h = OpHarness.real()) {
        List<Object> out = conv1d(h, in.get("x"), in.get("w"), in.get("b"));
        for (int i = 0; i < out.size(); i++) {
          c.assertOutput(e, i, (Tensor) out.get(i));
        }
      }
    }
  }

  private static Tensor relu(Tensor t) {
    double[] v = t.toDoubleArray();
    for (int i = 0; i < v.length; i++) {
      v[i] = Math.max(v[i], 0);
    }
    return Tensor.ofDoubles(t.dtype(), t.sizes(), v);
  }

  @Test
  void conv2dAndPoolsMatchEager() {
    Conformance c = Conformance.of("conv2d_pools");
    for (int e = 0; e < c.evalCount(); e++) {
      Map<String, Tensor> in = c.inputs(e);
      Tensor x = in.get("x");
      try (OpHarness h = OpHarness.real()) {
        Tensor y = (Tensor) h.callKw("aten.conv2d.default", List.of(x, in.get("w")),
            Map.of("stride", 2L, "padding", 1L));
        c.assertOutput(e, 0, y);
        c.assertOutput(e, 1, (Tensor) h.call("aten.max_pool2d.default", relu(y), 2L));
        c.assertOutput(e, 2, (Tensor) h.callKw("aten.max_pool2d.default", List.of(y),
            Map.of("kernel_size", 3L, "stride", 2L, "padding", 1L)));
        c.assertOutput(e, 3, (Tensor) h.call("aten.avg_pool2d.default", x, 2L));
        c.assertOutput(e, 4, (Tensor) h.call("aten.avg_pool2d.default", x, ints(2, 3),
            ints(1, 2), ints(1, 1)));
      }
    }
  }

  @Test
  void conv2dAndPoolsGuardAsPyTorch() {
    Conformance c = Conformance.of("conv2d_pools");
    try (OpHarness h = OpHarness.symbolic()) {
      TensorValue x = h.input(DType.FLOAT32, 2, 3, 13, 11);
      TensorValue y = (TensorValue) h.callKw("aten.conv2d.default",
          List.of(x, h.input(DType.FLOAT32, 4, 3, 3, 3)), Map.of("stride", 2L, "padding", 1L));
      // relu's output has the convolution's layout; a clone stands in for it
      h.call("aten.max_pool2d.default", h.callKw("aten.clone.default", List.of(y),
          Map.of("memory_format", "contiguous_format")), 2L);
      h.callKw("aten.max_pool2d.default", List.of(y),
          Map.of("kernel_size", 3L, "stride", 2L, "padding", 1L));
      h.call("aten.avg_pool2d.default", x, 2L);
      h.call("aten.avg_pool2d.default", x, ints(2, 3), ints(1, 2), ints(1, 1));
      // check_shape_forward (H, W), the backend's kernel-size test, the output's channels-last
      // test in meta_conv's .to(), and pool2d_shape_check's output size; the windows' other
      // sizes are decided by the value ranges
      assertEquals(List.of("s7 + 2 >= s96", "s92 + 2 >= s96", "s96 <= 3",
          "1 < s57*Max(1, (((s7 - s96)//2)) + 2)*Max(1, (((s92 - s96)//2)) + 2)",
          "((((s7 - s96)//4)) + 1 >= 1) & ((((s92 - s96)//4)) + 1 >= 1)"), h.guards());
      assertSubsequence(c.guards(), h.guards());
    }
  }

  @Test
  void layerNormMatchesEagerAndGuards() {
    Conformance c = Conformance.of("layer_norm_mlp");
    try (OpHarness h = OpHarness.symbolic()) {
      TensorValue x = h.input(DType.FLOAT32, 2, 5, 8);
      List<?> out = (List<?>) h.call("aten.native_layer_norm.default", x, ints(8),
          h.input(DType.FLOAT32, 8), h.input(DType.FLOAT32, 8), 1e-5);
      assertEquals(3, out.size());
      assertEquals(c.guards(), h.guards());
    }
    for (int e = 0; e < c.evalCount(); e++) {
      Map<String, Tensor> in = c.inputs(e);
      try (OpHarness h = OpHarness.real()) {
        c.assertOutput(e, 1, (Tensor) h.callKw("aten.layer_norm.default",
            List.of(in.get("x"), ints(8)), Map.of("eps", 1e-3)));
      }
    }
  }

  private static List<Object> losses(OpHarness h, TensorValue logits, TensorValue target,
      TensorValue pred, TensorValue ref) {
    return List.of(h.call("aten.cross_entropy_loss.default", logits, target),
        h.callKw("aten.cross_entropy_loss.default", List.of(logits, target),
            Map.of("reduction", 2L)),
        h.call("aten.mse_loss.default", pred, ref),
        h.call("aten.mse_loss.default", pred, ref, 0L));
  }

  @Test
  void lossesMatchEagerAndGraph() {
    Conformance c = Conformance.of("losses");
    try (OpHarness h = OpHarness.symbolic()) {
      losses(h, h.input(DType.FLOAT32, 6, 5), h.input(DType.INT64, 6),
          h.input(DType.FLOAT32, 6, 5), h.input(DType.FLOAT32, 6, 5));
      assertEquals(List.of("_log_softmax.default", "nll_loss_forward.default",
          "_log_softmax.default", "nll_loss_forward.default", "mse_loss.default",
          "mse_loss.default"), h.calls());
      assertEquals(c.guards(), h.guards());
    }
    for (int e = 0; e < c.evalCount(); e++) {
      Map<String, Tensor> in = c.inputs(e);
      try (OpHarness h = OpHarness.real()) {
        List<Object> out = losses(h, in.get("logits"), in.get("target"), in.get("pred"),
            in.get("ref"));
        for (int i = 0; i < out.size(); i++) {
          c.assertOutput(e, i, (Tensor) out.get(i));
        }
      }
    }
  }

  @Test
  void constantPaddingMatchesEager() {
    Conformance c = Conformance.of("pad_roll");
    for (int e = 0; e < c.evalCount(); e++) {
      Map<String, Tensor> in = c.inputs(e);
      try (OpHarness h = OpHarness.real()) {
        c.assertOutput(e, 0, (Tensor) h.call("aten.pad.default", in.get("x"), ints(1, 2)));
        c.assertOutput(e, 1, (Tensor) h.callKw("aten.pad.default",
            List.of(in.get("y"), ints(1, 1, 2, 0)), Map.of("mode", "constant", "value", 0.5)));
        c.assertOutput(e, 2, (Tensor) h.call("aten.pad.default", in.get("y"),
            ints(0, 0, 1, 1)));
      }
    }
  }
}
