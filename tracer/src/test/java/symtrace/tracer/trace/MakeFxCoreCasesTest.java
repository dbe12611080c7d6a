package symtrace.tracer.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static symtrace.tracer.trace.MakeFxCases.assertGraphMatchesEager;
import static symtrace.tracer.trace.MakeFxCases.calls;
import static symtrace.tracer.trace.MakeFxCases.code;
import static symtrace.tracer.trace.MakeFxCases.fresh;
import static symtrace.tracer.trace.MakeFxCases.program;
import static symtrace.tracer.trace.MakeFxCases.trace;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import symtrace.tracer.ops.PyScalars;
import symtrace.tracer.run.ProgramRunner;

/**
 * PyTorch's make_fx core tests ({@code test/test_proxy_tensor.py}, section 4.1 of
 * pytorch-semantics.md) with their expected code and values, in the modes PyTorch runs them.
 */
class MakeFxCoreCasesTest {
  /** T01 {@code test_make_fx_simple}: the traced graph equals eager on a fresh input. */
  @ParameterizedTest
  @EnumSource(TracingMode.class)
  void makeFxSimple(TracingMode mode) {
    ProgramRunner r = program("""
        def f(x):
            return torch.sin(x)
        """);
    Trace t = r.trace(r.inputs("x=f32[3]"), mode);
    assertGraphMatchesEager(r, t, fresh(r, "x=f32[3]", 1));
  }

  /** T02 {@code test_empty_like_doesnt_burn_in_defaults}. */
  @Test
  void emptyLikeDoesntBurnInDefaults() {
    Trace t = trace("""
        def f(x):
            return torch.empty_like(x)
        """, "x=f32[3]", TracingMode.REAL);
    assertEquals("""
        def forward(self, x_1):
            empty_like = torch.ops.aten.empty_like.default(x_1, pin_memory = False);  x_1 = None
            return empty_like""", code(t));
  }

  /** T05 {@code test_partial_decomp}, without a table: both addmm calls stay addmm nodes. */
  @Test
  void partialDecompWithoutATable() {
    ProgramRunner r = program("""
        def f(a, b, c):
            x = torch.addmm(a, b, c)
            y = torch.addmm(a, b, c, beta=2, alpha=1)
            return x + y
        """);
    String specs = "a=f32[5,5] b=f32[5,5] c=f32[5,5]";
    Trace t = r.trace(r.inputs(specs), TracingMode.REAL);
    assertEquals(2, calls(t, "aten.addmm.default").size());
    assertGraphMatchesEager(r, t, fresh(r, specs, 1));
  }

  /**
   * T12 {@code test_tensor_constants}: a captured scalar constant (lifted through {@code
   * lift_fresh_copy}) read as the fill value gives eager's result.
   */
  @ParameterizedTest
  @EnumSource(value = TracingMode.class, names = {"REAL", "SYMBOLIC"})
  void tensorConstants(TracingMode mode) {
    ProgramRunner r = program("""
        def f():
            val = torch.tensor(float('inf'))
            return torch.full((100, 100), val)
        """);
    Trace t = r.trace(r.inputs(""), mode);
    assertTrue(code(t).contains("_tensor_constant0 = self._tensor_constant0"), code(t));
    assertGraphMatchesEager(r, t, r.inputs(""));
  }

  /**
   * T14 {@code test_constant_proxy_tensor_mut}: the in-place add works on the lifted copy, so
   * running the graph twice gives eager's result both times.
   */
  @ParameterizedTest
  @EnumSource(value = TracingMode.class, names = {"REAL", "SYMBOLIC"})
  void constantProxyTensorMut(TracingMode mode) {
    ProgramRunner r = program("""
        def f():
            val = torch.tensor(float(1))
            val.add_(2)
            return torch.full((100, 100), val)
        """);
    Trace t = r.trace(r.inputs(""), mode);
    assertGraphMatchesEager(r, t, r.inputs(""));
    assertGraphMatchesEager(r, t, r.inputs(""));
  }

  /**
   * A lifted one-element constant keeps its value in fake and symbolic mode too, so {@code
   * item()} reads the number (proxy_call's constant propagation) and an in-place write on it is
   * computed on the value as well.
   */
  @ParameterizedTest
  @EnumSource(value = TracingMode.class, names = {"FAKE", "SYMBOLIC"})
  void itemOfALiftedConstantIsItsValue(TracingMode mode) {
    Trace t = trace("""
        def f(x):
            c = torch.tensor([2])
            c.add_(1)
            return x * c.item()
        """, "x=f32[3]", mode);
    assertTrue(code(t).contains("mul = torch.ops.aten.mul.Tensor(x_1, 3)"), code(t));
    assertEquals(List.of(), calls(t, "aten._local_scalar_dense.default"));
  }

  /** T15 {@code test_constant_unbind}: {@code g() == 2}. */
  @ParameterizedTest
  @EnumSource(value = TracingMode.class, names = {"REAL", "SYMBOLIC"})
  void constantUnbind(TracingMode mode) {
    ProgramRunner r = program("""
        def f():
            val = torch.tensor([2])
            r, = torch.unbind(val, 0)
            return r.item()
        """);
    Trace t = r.trace(r.inputs(""), mode);
    Object g = ProgramRunner.runGraph(t.module(), r.inputs(""));
    assertEquals(2L, PyScalars.normalize(g));
  }

  /**
   * T16 {@code test_constant_blowup}: a 1000-element tensor is no constant, so reading its sum
   * is a data-dependent error.
   */
  @ParameterizedTest
  @EnumSource(value = TracingMode.class, names = {"FAKE", "SYMBOLIC"})
  void constantBlowup(TracingMode mode) {
    RuntimeException e = assertThrows(RuntimeException.class, () -> trace("""
        def f():
            val = torch.tensor([2])
            blowup = val.repeat(1000)
            return bool(blowup.sum().item() == 2)
        """, "", mode));
    assertTrue(e.getMessage().contains("data-dependent"), e.getMessage());
  }

  /** T23 {@code test_alias}: no {@code detach}. */
  @Test
  void alias() {
    Trace t = trace("""
        def f(x):
            return torch.ops.aten.alias(x)
        """, "x=f32[2]", TracingMode.FAKE);
    assertEquals("""
        def forward(self, x_1):
            alias = torch.ops.aten.alias.default(x_1);  x_1 = None
            return alias""", code(t));
  }

  /** T25 {@code test_use_fake_and_tensor}: a constant tensor next to fake inputs. */
  @Test
  void useFakeAndTensor() {
    ProgramRunner r = program("""
        def f(x, y):
            z = torch.tensor([2.0, 3.0])
            return x + y + z
        """);
    Trace t = r.trace(r.inputs("x=f32[2] y=f32[2]"), TracingMode.FAKE);
    assertGraphMatchesEager(r, t, fresh(r, "x=f32[2] y=f32[2]", 1));
  }
}
