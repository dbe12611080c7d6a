package symtrace.tracer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static symtrace.tracer.ops.OpTesting.ints;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorValue;

/**
 * The matrix products and the {@code matmul}, {@code linear} and {@code einsum} decompositions on
 * the conformance programs: the overloads a symbolic run records, in order, are those of current
 * PyTorch's graph ({@code pt2.modes.symbolic.code}), and real runs give PyTorch's eager outputs.
 * Views and arithmetic come from {@link StandInOps}.
 */
class LinalgConformanceTest {
  /** matmul_family: {@code (m + mm2 - mt, bm, bcast, tt, am)}. */
  private static List<Object> matmulFamily(OpHarness h, TensorValue a, TensorValue b,
      TensorValue c, TensorValue d) {
    Object m = h.call("aten.mm.default", a, b);
    Object mm2 = h.call("aten.matmul.default", a, b);
    Object mt = h.call("aten.matmul.default", a, b);
    Object bm = h.call("aten.bmm.default", c, d);
    Object bcast = h.call("aten.matmul.default", c, b);
    Object tt = h.call("aten.matmul.default", h.call("aten.t.default", b),
        h.call("aten.t.default", a));
    Object am = h.callKw("aten.addmm.default", List.of(m, a, b),
        Map.of("beta", 0.5, "alpha", 2.0));
    Object sum = h.call("aten.sub.Tensor", h.call("aten.add.Tensor", m, mm2), mt);
    return List.of(sum, bm, bcast, tt, am);
  }

  @Test
  void matmulFamilyRecordsPyTorchsGraphAndValues() {
    try (OpHarness h = OpHarness.symbolic()) {
      matmulFamily(h, h.input(DType.FLOAT32, 3, 4), h.input(DType.FLOAT32, 4, 5),
          h.input(DType.FLOAT32, 2, 3, 4), h.input(DType.FLOAT32, 2, 4, 6));
      assertEquals(List.of("mm.default", "mm.default", "mm.default", "bmm.default",
          "view.default", "mm.default", "_unsafe_view.default", "t.default", "t.default",
          "mm.default", "addmm.default", "add.Tensor", "sub.Tensor"), h.calls());
      assertEquals(List.of(), h.guards());
    }
    Conformance c = Conformance.of("matmul_family");
    for (int e = 0; e < c.evalCount(); e++) {
      Map<String, Tensor> in = c.inputs(e);
      try (OpHarness h = OpHarness.real()) {
        List<Object> out = matmulFamily(h, in.get("a"), in.get("b"), in.get("c"), in.get("d"));
        for (int i = 0; i < out.size(); i++) {
          c.assertOutput(e, i, (Tensor) out.get(i));
        }
      }
    }
  }

  /** linear_bias: {@code (linear(x, w, b) - linear(x, w), linear(x.reshape(-1, 8), w, b))}. */
  private static List<Object> linearBias(OpHarness h, TensorValue x, TensorValue w,
      TensorValue b) {
    Object h1 = h.call("aten.linear.default", x, w, b);
    Object h2 = h.call("aten.linear.default", x, w);
    Object flat = h.call("aten.linear.default",
        h.call("aten.reshape.default", x, List.of(-1L, x.symSize(2))), w, b);
    return List.of(h.call("aten.sub.Tensor", h1, h2), flat);
  }

  @Test
  void linearRecordsPyTorchsGraphAndValues() {
    try (OpHarness h = OpHarness.symbolic()) {
      linearBias(h, h.input(DType.FLOAT32, 2, 5, 8), h.input(DType.FLOAT32, 6, 8),
          h.input(DType.FLOAT32, 6));
      assertEquals(List.of("view.default", "t.default", "addmm.default", "view.default",
          "t.default", "view.default", "mm.default", "_unsafe_view.default", "view.default",
          "t.default", "addmm.default", "sub.Tensor"), h.calls());
      assertEquals(List.of(), h.guards());
    }
    Conformance c = Conformance.of("linear_bias");
    for (int e = 0; e < c.evalCount(); e++) {
      Map<String, Tensor> in = c.inputs(e);
      try (OpHarness h = OpHarness.real()) {
        List<Object> out = linearBias(h, in.get("x"), in.get("w"), in.get("b"));
        c.assertOutput(e, 0, (Tensor) out.get(0));
        c.assertOutput(e, 1, (Tensor) out.get(1));
      }
    }
  }

  private static List<Object> einsums(OpHarness h, TensorValue x, TensorValue y,
      TensorValue w) {
    return List.of(h.call("aten.einsum.default", "bij,bjk->bik", List.of(x, y)),
        h.call("aten.einsum.default", "bij,kj->bik", List.of(x, w)),
        h.call("aten.einsum.default", "bij->bj", List.of(x)));
  }

  @Test
  void einsumLowersAsPyTorchDoes() {
    try (OpHarness h = OpHarness.symbolic()) {
      einsums(h, h.input(DType.FLOAT32, 2, 5, 8), h.input(DType.FLOAT32, 2, 8, 3),
          h.input(DType.FLOAT32, 6, 8));
      List<String> contraction = List.of("permute.default", "view.default", "permute.default",
          "view.default", "bmm.default", "view.default", "permute.default", "view.default");
      List<String> expected = new ArrayList<>(List.of("unsqueeze.default", "permute.default",
          "unsqueeze.default", "permute.default"));
      expected.addAll(contraction);
      expected.addAll(List.of("unsqueeze.default", "permute.default", "unsqueeze.default",
          "unsqueeze.default", "permute.default"));
      expected.addAll(contraction);
      expected.addAll(List.of("permute.default", "sum.dim_IntList"));
      assertEquals(expected, h.calls());
      assertEquals(List.of(), h.guards());
    }
    Conformance c = Conformance.of("einsum_two");
    for (int e = 0; e < c.evalCount(); e++) {
      Map<String, Tensor> in = c.inputs(e);
      try (OpHarness h = OpHarness.real()) {
        List<Object> out = einsums(h, in.get("x"), in.get("y"), in.get("w"));
        for (int i = 0; i < out.size(); i++) {
          c.assertOutput(e, i, (Tensor) out.get(i));
        }
      }
    }
  }

  /** mini_attention's body; {@code / 2.0} is a multiplication by a 0-d 0.5, which is exact. */
  private static Object attention(OpHarness h, TensorValue x, TensorValue wq, TensorValue wk,
      TensorValue wv) {
    TensorValue q = heads(h, (TensorValue) h.call("aten.matmul.default", x, wq));
    TensorValue k = heads(h, (TensorValue) h.call("aten.matmul.default", x, wk));
    TensorValue v = heads(h, (TensorValue) h.call("aten.matmul.default", x, wv));
    Object scores = h.call("aten.matmul.default", q,
        h.call("aten.transpose.int", k, -2L, -1L));
    Object scaled = h.call("aten.mul.Tensor", scores, Tensor.scalar(DType.FLOAT32, 0.5));
    Object att = h.call("aten.softmax.int", scaled, -1L);
    TensorValue y = (TensorValue) h.call("aten.permute.default",
        h.call("aten.matmul.default", att, v), ints(0, 2, 1, 3));
    return h.call("aten.reshape.default", y, List.of(x.symSize(0), x.symSize(1), -1L));
  }

  private static TensorValue heads(OpHarness h, TensorValue t) {
    List<Object> shape = List.of(t.symSize(0), t.symSize(1), 4L, h.ops().floorDiv(t.symSize(2),
        4L));
    return (TensorValue) h.call("aten.permute.default", h.call("aten.view.default", t, shape),
        ints(0, 2, 1, 3));
  }

  @Test
  void batchedMatmulExpandsAndReshapesAsPyTorchDoes() {
    try (OpHarness h = OpHarness.symbolic()) {
      attention(h, h.input(DType.FLOAT32, 2, 6, 16), h.input(DType.FLOAT32, 16, 16),
          h.input(DType.FLOAT32, 16, 16), h.input(DType.FLOAT32, 16, 16));
      List<String> projection = List.of("view.default", "mm.default", "_unsafe_view.default",
          "view.default", "permute.default");
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        expected.addAll(projection);
      }
      expected.addAll(List.of("transpose.int", "expand.default", "clone.default",
          "_unsafe_view.default", "expand.default", "clone.default", "_unsafe_view.default",
          "bmm.default", "view.default", "mul.Tensor", "_softmax.default", "expand.default",
          "view.default", "expand.default", "clone.default", "_unsafe_view.default",
          "bmm.default", "view.default", "permute.default", "clone.default",
          "_unsafe_view.default"));
      assertEquals(expected, h.calls());
    }
    Conformance c = Conformance.of("mini_attention");
    for (int e = 0; e < c.evalCount(); e++) {
      Map<String, Tensor> in = c.inputs(e);
      try (OpHarness h = OpHarness.real()) {
        c.assertOutput(e, 0, (Tensor) attention(h, in.get("x"), in.get("wq"), in.get("wk"),
            in.get("wv")));
      }
    }
  }
}
