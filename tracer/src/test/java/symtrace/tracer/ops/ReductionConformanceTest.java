package symtrace.tracer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static symtrace.tracer.ops.OpTesting.ints;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorValue;

/**
 * The reduction, scan and softmax programs of the conformance suite, written as the aten calls
 * of their recorded graphs: traced symbolically they make exactly current PyTorch's calls and
 * record its guards (none), and run on every eval input they give PyTorch's eager outputs.
 * Pointwise steps come from {@link StandInOps}.
 */
class ReductionConformanceTest {
  /** A program: its outputs from its inputs, by parameter name. */
  @FunctionalInterface
  private interface Program {
    List<Object> run(OpHarness h, Map<String, TensorValue> in);
  }

  private static void check(String name, Program program) {
    Conformance c = Conformance.of(name);
    try (OpHarness h = OpHarness.symbolic()) {
      program.run(h, c.traceInputs(h));
      assertEquals(c.graphCalls(), h.calls());
      assertEquals(c.guards(), h.guards());
    }
    for (int e = 0; e < c.evalCount(); e++) {
      try (OpHarness h = OpHarness.real()) {
        List<Object> out = program.run(h, new LinkedHashMap<>(c.inputs(e)));
        for (int i = 0; i < out.size(); i++) {
          c.assertOutput(e, i, (Tensor) out.get(i));
        }
      }
    }
  }

  private static List<Object> flatten(List<?> values) {
    List<Object> out = new ArrayList<>();
    for (Object v : values) {
      if (v instanceof List<?> l) {
        out.addAll(l);
      } else {
        out.add(v);
      }
    }
    return out;
  }

  @Test
  void reductionsBasic() {
    check("reductions_basic", (h, in) -> {
      TensorValue x = in.get("x");
      Object total = h.call("aten.sum.default", x);
      Object rows = h.call("aten.sum.default", h.call("aten.sum.dim_IntList", x, ints(1)));
      Object s = h.call("aten.add.Tensor", total, rows);
      Object m = h.call("aten.mean.dim", x, ints(0, 2));
      Object mk = h.call("aten.mean.dim", x, ints(-1), true);
      Object hi = h.call("aten.amax.default", x, ints(1));
      Object lo = h.call("aten.amin.default", x, ints(1, 2));
      Object shifted = h.call("aten.add.Tensor", h.call("aten.div.Tensor", x, 2L), 1L);
      Object p = h.call("aten.prod.dim_int", shifted, 1L);
      Object al = h.call("aten.all.default", h.call("aten.gt.Scalar", x, -3L));
      Object an = h.call("aten.any.dim", h.call("aten.gt.Scalar", x, 1.5), 2L);
      return List.of(s, m, mk, hi, lo, p, al, an);
    });
  }

  @Test
  void reductionsIndex() {
    check("reductions_index", (h, in) -> {
      TensorValue x = in.get("x");
      TensorValue k = in.get("k");
      Object am = h.call("aten.argmax.default", x, 1L);
      Object an = h.call("aten.argmin.default", x, 0L, true);
      Object flat = h.call("aten.argmax.default", k);
      Object max = h.call("aten.max.dim", x, 1L);
      Object min = h.call("aten.min.dim", x, 0L);
      Object kmax = h.call("aten.max.dim", k, 1L, true);
      Object top = h.call("aten.max.default", x);
      return flatten(List.of(am, an, flat, max, min, kmax, top));
    });
  }

  @Test
  void softmaxAndLogSoftmax() {
    check("softmax_logsoftmax", (h, in) -> {
      TensorValue x = in.get("x");
      Object p = h.call("aten.softmax.int", x, -1L);
      Object q = h.call("aten.log_softmax.int", x, 0L);
      Object r = h.call("aten.softmax.int", h.call("aten.mul.Tensor", x, 2L), 1L);
      Object s = h.call("aten.log_softmax.int", x, 1L);
      Object sum = h.call("aten.add.Tensor", p, r);
      Object exp = h.call("aten.sum.dim_IntList", h.call("aten.exp.default", s), ints(1));
      return List.of(sum, q, exp);
    });
  }

  @Test
  void varStdCumsum() {
    check("var_std_cumsum", (h, in) -> {
      TensorValue x = in.get("x");
      return List.of(
          h.callKw("aten.var.correction", List.of(x, ints(1)), Map.of("correction", 1L)),
          h.callKw("aten.var.correction", List.of(x, ints(0)), Map.of("correction", 0L)),
          h.callKw("aten.std.correction", List.of(x, ints(1)),
              Map.of("correction", 1L, "keepdim", true)),
          h.call("aten.std.correction", x),
          h.call("aten.cumsum.default", x, 1L),
          h.call("aten.cumsum.default", x, 0L));
    });
  }

  @Test
  void embeddingLookup() {
    check("embedding_lookup", (h, in) -> {
      Object rows = h.call("aten.embedding.default", in.get("table"), in.get("ids"));
      return List.of(rows, h.call("aten.mean.dim", rows, ints(1)));
    });
  }
}
