package symtrace.tracer.ops;

import static symtrace.tracer.ops.OpTesting.ints;

import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Tensor;

/**
 * The reduction, scan and softmax kernels against PyTorch's eager outputs of the conformance
 * programs, on every eval input. Each program's aten calls are made as its recorded graph makes
 * them; the few pointwise steps between them are done here in float32.
 */
class ReductionConformanceTest {
  private static Tensor map(Tensor x, DoubleUnaryOperator f) {
    double[] v = x.toDoubleArray();
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) f.applyAsDouble(v[i]);
    }
    return Tensor.ofDoubles(x.dtype(), x.sizes(), v);
  }

  private static Tensor test(Tensor x, DoublePredicate p) {
    double[] v = x.toDoubleArray();
    boolean[] b = new boolean[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = p.test(v[i]);
    }
    return Tensor.ofBools(DType.BOOL, x.sizes(), b);
  }

  private static List<?> list(Object o) {
    return (List<?>) o;
  }

  @Test
  void reductionsBasicMatchesEager() {
    Conformance c = Conformance.of("reductions_basic");
    for (int e = 0; e < c.evalCount(); e++) {
      Tensor x = c.inputs(e).get("x");
      try (OpHarness h = OpHarness.real()) {
        Object total = h.call("aten.sum.default", x);
        Object rows = h.call("aten.sum.default", h.call("aten.sum.dim_IntList", x, ints(1)));
        c.assertOutput(e, 0, (Tensor) h.call("aten.add.Tensor", total, rows));
        c.assertOutput(e, 1, (Tensor) h.call("aten.mean.dim", x, ints(0, 2)));
        c.assertOutput(e, 2, (Tensor) h.call("aten.mean.dim", x, ints(-1), true));
        c.assertOutput(e, 3, (Tensor) h.call("aten.amax.default", x, ints(1)));
        c.assertOutput(e, 4, (Tensor) h.call("aten.amin.default", x, ints(1, 2)));
        Tensor shifted = map(map(x, v -> v / 2), v -> v + 1);
        c.assertOutput(e, 5, (Tensor) h.call("aten.prod.dim_int", shifted, 1L));
        c.assertOutput(e, 6, (Tensor) h.call("aten.all.default", test(x, v -> v > -3)));
        c.assertOutput(e, 7, (Tensor) h.call("aten.any.dim", test(x, v -> v > 1.5), 2L));
      }
    }
  }

  @Test
  void reductionsIndexMatchesEager() {
    Conformance c = Conformance.of("reductions_index");
    for (int e = 0; e < c.evalCount(); e++) {
      Map<String, Tensor> in = c.inputs(e);
      Tensor x = in.get("x");
      Tensor k = in.get("k");
      try (OpHarness h = OpHarness.real()) {
        c.assertOutput(e, 0, (Tensor) h.call("aten.argmax.default", x, 1L));
        c.assertOutput(e, 1, (Tensor) h.call("aten.argmin.default", x, 0L, true));
        c.assertOutput(e, 2, (Tensor) h.call("aten.argmax.default", k));
        List<?> max = list(h.call("aten.max.dim", x, 1L));
        c.assertOutput(e, 3, (Tensor) max.get(0));
        c.assertOutput(e, 4, (Tensor) max.get(1));
        List<?> min = list(h.call("aten.min.dim", x, 0L));
        c.assertOutput(e, 5, (Tensor) min.get(0));
        c.assertOutput(e, 6, (Tensor) min.get(1));
        List<?> kmax = list(h.call("aten.max.dim", k, 1L, true));
        c.assertOutput(e, 7, (Tensor) kmax.get(0));
        c.assertOutput(e, 8, (Tensor) kmax.get(1));
        c.assertOutput(e, 9, (Tensor) h.call("aten.max.default", x));
      }
    }
  }

  @Test
  void softmaxesMatchEager() {
    Conformance c = Conformance.of("softmax_logsoftmax");
    for (int e = 0; e < c.evalCount(); e++) {
      Tensor x = c.inputs(e).get("x");
      try (OpHarness h = OpHarness.real()) {
        Object p = h.call("aten.softmax.int", x, -1L);
        Object r = h.call("aten.softmax.int", map(x, v -> v * 2), 1L);
        c.assertOutput(e, 0, (Tensor) h.call("aten.add.Tensor", p, r));
        c.assertOutput(e, 1, (Tensor) h.call("aten.log_softmax.int", x, 0L));
        Tensor s = (Tensor) h.call("aten.log_softmax.int", x, 1L);
        c.assertOutput(e, 2, (Tensor) h.call("aten.sum.dim_IntList", map(s, Math::exp), ints(1)));
      }
    }
  }

  @Test
  void varStdCumsumMatchEager() {
    Conformance c = Conformance.of("var_std_cumsum");
    for (int e = 0; e < c.evalCount(); e++) {
      Tensor x = c.inputs(e).get("x");
      try (OpHarness h = OpHarness.real()) {
        c.assertOutput(e, 0, (Tensor) h.callKw("aten.var.correction", List.of(x, ints(1)),
            Map.of("correction", 1L)));
        c.assertOutput(e, 1, (Tensor) h.callKw("aten.var.correction", List.of(x, ints(0)),
            Map.of("correction", 0L)));
        c.assertOutput(e, 2, (Tensor) h.callKw("aten.std.correction", List.of(x, ints(1)),
            Map.of("correction", 1L, "keepdim", true)));
        c.assertOutput(e, 3, (Tensor) h.call("aten.std.correction", x));
        c.assertOutput(e, 4, (Tensor) h.call("aten.cumsum.default", x, 1L));
        c.assertOutput(e, 5, (Tensor) h.call("aten.cumsum.default", x, 0L));
      }
    }
  }

  @Test
  void embeddingMeanMatchesEager() {
    Conformance c = Conformance.of("embedding_lookup");
    for (int e = 0; e < c.evalCount(); e++) {
      Map<String, Tensor> in = c.inputs(e);
      try (OpHarness h = OpHarness.real()) {
        Tensor rows = (Tensor) h.call("aten.embedding.default", in.get("table"), in.get("ids"));
        c.assertOutput(e, 0, rows);
        c.assertOutput(e, 1, (Tensor) h.call("aten.mean.dim", rows, ints(1)));
      }
    }
  }
}
