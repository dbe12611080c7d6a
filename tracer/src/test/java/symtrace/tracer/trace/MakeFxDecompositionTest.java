package symtrace.tracer.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static symtrace.tracer.trace.MakeFxCases.assertGraphMatchesEager;
import static symtrace.tracer.trace.MakeFxCases.calls;
import static symtrace.tracer.trace.MakeFxCases.code;
import static symtrace.tracer.trace.MakeFxCases.fresh;
import static symtrace.tracer.trace.MakeFxCases.program;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import symtrace.tracer.fx.Node;
import symtrace.tracer.ops.Decomposition;
import symtrace.tracer.ops.OpOverload;
import symtrace.tracer.ops.OpRegistry;
import symtrace.tracer.ops.PyScalars;
import symtrace.tracer.run.ProgramRunner;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Device;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorValue;

/**
 * make_fx's {@code decomposition_table=}: PyTorch's tests of it ({@code test/test_proxy_tensor.py},
 * the [DECOMP] cases of section 4.1 of pytorch-semantics.md).
 */
class MakeFxDecompositionTest {
  private static OpOverload op(String name) {
    return OpRegistry.standard().get(name);
  }

  /**
   * T03 {@code test_proxy_tensor_mode_with_decomp_table_preserves_proxy}: the entry runs with
   * the proxy mode re-entered, so the {@code zeros} it creates is traced and copied into.
   */
  @Test
  void decompTablePreservesProxy() {
    ProgramRunner r = program("""
        def f(x):
            y = x.new_zeros(x.size())
            y.copy_(x)
            return y
        """);
    Decomposition newZeros = (a, ops) -> ops.call(op("aten.zeros.default"),
        List.of(a.get("size")), Map.of("dtype", a.tensor(0).dtype(), "device", Device.CPU,
            "pin_memory", false));
    Trace t = r.trace(r.inputs("x=f32[2]"), MakeFx.of(TracingMode.REAL)
        .withDecompositions(Map.of(op("aten.new_zeros.default"), newZeros)));
    assertEquals("""
        def forward(self, x_1):
            zeros = torch.ops.aten.zeros.default([2], dtype = torch.float32, \
        device = device(type='cpu'), pin_memory = False)
            copy_ = torch.ops.aten.copy_.default(zeros, x_1);  zeros = x_1 = None
            return copy_""", code(t));
  }

  /**
   * T04 {@code test_make_fx_reentrant_dispatch}, on a composite ({@code aten.norm.Scalar} is not
   * among symtrace's operators): an entry for {@code linear} replaces its own decomposition, and
   * the {@code matmul} the entry calls is decomposed further by its composite decomposition.
   */
  @ParameterizedTest
  @EnumSource(TracingMode.class)
  void reentrantDispatchThroughAComposite(TracingMode mode) {
    ProgramRunner r = program("""
        def f(x, w, b):
            return torch.nn.functional.linear(x, w, b)
        """);
    Decomposition linear = (a, ops) -> ops.call("aten.add.Tensor",
        ops.call("aten.matmul.default", a.get(0), ops.call("aten.t.default", a.get(1))),
        a.get(2));
    String specs = "x=f32[4,3] w=f32[5,3] b=f32[5]";
    Trace t = r.trace(r.inputs(specs), MakeFx.of(mode)
        .withDecompositions(Map.of(op("aten.linear.default"), linear)));
    for (Node n : t.module().graph()) {
      if (n.isCall()) {
        String target = n.op().qualifiedName();
        assertTrue(!target.contains("linear") && !target.contains("matmul")
            && !target.contains("addmm"), code(t));
      }
    }
    assertEquals(1, calls(t, "aten.mm.default").size(), code(t));
    assertEquals(1, calls(t, "aten.add.Tensor").size(), code(t));
    assertGraphMatchesEager(r, t, fresh(r, specs, 1));
  }

  /**
   * T05 {@code test_partial_decomp}, with the table: the entry declines the default-scaled call,
   * which stays one addmm node, and decomposes the other; values equal eager's.
   */
  @Test
  void partialDecomp() {
    ProgramRunner r = program("""
        def f(a, b, c):
            x = torch.addmm(a, b, c)
            y = torch.addmm(a, b, c, beta=2, alpha=1)
            return x + y
        """);
    Decomposition addmm = (a, ops) -> {
      Object beta = PyScalars.normalize(a.get("beta"));
      Object alpha = PyScalars.normalize(a.get("alpha"));
      if (beta.equals(1L) && alpha.equals(1L)) {
        return Decomposition.NOT_IMPLEMENTED;
      }
      return ops.call("aten.add.Tensor", ops.call("aten.mul.Tensor", a.get(0), beta),
          ops.call("aten.mul.Tensor", ops.call("aten.matmul.default", a.get(1), a.get(2)),
              alpha));
    };
    String specs = "a=f32[5,5] b=f32[5,5] c=f32[5,5]";
    Trace t = r.trace(r.inputs(specs), MakeFx.of(TracingMode.REAL)
        .withDecompositions(Map.of(op("aten.addmm.default"), addmm)));
    assertEquals(1, calls(t, "aten.addmm.default").size(), code(t));
    assertGraphMatchesEager(r, t, fresh(r, specs, 1));
  }

  /**
   * T06 {@code test_decomp_of_capture}: the entry for {@code t} also applies to a captured real
   * tensor, so no {@code t} node is left.
   */
  @Test
  void decompOfCapture() {
    Tensor val = Tensor.zeros(DType.FLOAT32, 5);
    Decomposition nop = (a, ops) -> ops.call("aten.cos.default", a.get(0));
    Trace t = MakeFx.of(TracingMode.REAL)
        .withDecompositions(Map.of(op("aten.t.default"), nop))
        .trace((ctx, in) -> ctx.ops().call("aten.add.Tensor",
            ctx.ops().call("aten.t.default", in.get(0)), ctx.ops().call("aten.t.default", val)),
            List.of(new MakeFx.Input("x", Tensor.zeros(DType.FLOAT32, 5))));
    assertEquals(0, calls(t, "aten.t.default").size(), code(t));
    assertEquals(2, calls(t, "aten.cos.default").size(), code(t));
  }

  /** An operator the table has no entry for is traced as it is, next to one it replaces. */
  @Test
  void onlyTableEntriesAreReplaced() {
    Decomposition relu = (a, ops) -> ops.call("aten.clamp.default", a.get(0), 0L);
    Trace t = MakeFx.of(TracingMode.SYMBOLIC)
        .withDecompositions(Map.of(op("aten.relu.default"), relu))
        .trace((ctx, in) -> ctx.ops().call("aten.sin.default",
            ctx.ops().call("aten.relu.default", in.get(0))),
            List.of(new MakeFx.Input("x", Tensor.zeros(DType.FLOAT32, 3))));
    assertEquals("""
        def forward(self, x_1):
            clamp = torch.ops.aten.clamp.default(x_1, 0);  x_1 = None
            sin = torch.ops.aten.sin.default(clamp);  clamp = None
            return sin""", code(t));
    assertTrue(((TensorValue) t.module().graph().outputNode().inputs().get(0).val()).dim() == 1);
  }
}
