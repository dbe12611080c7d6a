package symtrace.tracer.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static symtrace.tracer.trace.MakeFxCases.assertGraphMatchesEager;
import static symtrace.tracer.trace.MakeFxCases.code;
import static symtrace.tracer.trace.MakeFxCases.fresh;
import static symtrace.tracer.trace.MakeFxCases.program;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import symtrace.tracer.run.ProgramRunner;

/** make_fx's {@code pre_dispatch=True}: composite operators stay whole. */
class PreDispatchTest {
  /** T20 {@code test_pre_dispatch_mode_stack}: {@code matmul} is one node. */
  @ParameterizedTest
  @EnumSource(TracingMode.class)
  void preDispatchModeStack(TracingMode mode) {
    ProgramRunner r = program("""
        def f(a):
            b = torch.ones(4, 4)
            return torch.matmul(a, b)
        """);
    Trace t = r.trace(r.inputs("a=f32[4,4]"), MakeFx.of(mode).withPreDispatch());
    assertEquals("""
        def forward(self, a_1):
            ones = torch.ops.aten.ones.default([4, 4], device = device(type='cpu'), \
        pin_memory = False)
            matmul = torch.ops.aten.matmul.default(a_1, ones);  a_1 = ones = None
            return matmul""", code(t));
    assertGraphMatchesEager(r, t, fresh(r, "a=f32[4,4]", 1));
  }

  /** Nested composites stay whole too: {@code linear} is one node, not {@code t} and addmm. */
  @ParameterizedTest
  @EnumSource(TracingMode.class)
  void linearStaysWhole(TracingMode mode) {
    ProgramRunner r = program("""
        def f(x, w, b):
            return torch.nn.functional.linear(x, w, b).reshape(-1)
        """);
    String specs = "x=f32[2,3] w=f32[4,3] b=f32[4]";
    Trace t = r.trace(r.inputs(specs), MakeFx.of(mode).withPreDispatch());
    assertEquals(1, MakeFxCases.calls(t, "aten.linear.default").size(), code(t));
    assertEquals(1, MakeFxCases.calls(t, "aten.reshape.default").size(), code(t));
    assertEquals(0, MakeFxCases.calls(t, "aten.addmm.default").size(), code(t));
    assertGraphMatchesEager(r, t, fresh(r, specs, 1));
  }
}
