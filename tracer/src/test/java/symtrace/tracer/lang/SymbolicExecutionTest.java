package symtrace.tracer.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static symtrace.tracer.lang.Programs.parse;
import static symtrace.tracer.lang.Programs.trace;

import java.util.List;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.env.Guard;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.data.InputData;
import symtrace.tracer.tensor.data.InputSpec;
import symtrace.tracer.trace.Trace;

/**
 * The interpreter under a symbolic trace (make_fx with a ShapeEnv): Python's control flow on
 * SymInts records guards at the program line, size reads dispatch nothing, SymInt arithmetic
 * is recorded, and checks on unbacked values become runtime asserts.
 */
class SymbolicExecutionTest {
  private static Tensor data(long... sizes) {
    return InputData.tensor(InputSpec.TensorInput.of(DType.FLOAT32, sizes), 0);
  }

  private static List<Guard> guards(Trace t) {
    return t.shapeEnv().guards();
  }

  @Test
  void aBranchOnASizeIsAGuardAtItsLine() {
    Trace t = trace(parse(
        "def f(x):",
        "    y = x * 2",
        "    if x.shape[0] > 4:",
        "        return y",
        "    return y + 1"), data(6, 3));
    List<Guard> g = guards(t);
    assertEquals(1, g.size(), g.toString());
    assertTrue(g.get(0).expr().toString().endsWith("> 4"), g.toString());
    assertEquals("branch", g.get(0).provenance().reason());
    assertEquals(3, g.get(0).provenance().location().line());
    assertEquals("    if x.shape[0] > 4:", g.get(0).provenance().location().code());
  }

  @Test
  void aRangeOverASizeSpecializesIt() {
    Trace t = trace(parse(
        "def f(x):",
        "    acc = x[0] * 0",
        "    for i in range(x.shape[0]):",
        "        acc = acc + x[i]",
        "    return acc"), data(3, 2));
    List<Guard> g = guards(t);
    assertEquals(1, g.size(), g.toString());
    assertTrue(g.get(0).expr().toString().startsWith("Eq("), g.toString());
    assertEquals(3, g.get(0).provenance().location().line());
  }

  @Test
  void sizeReadsDispatchNothing() {
    Trace t = trace(parse(
        "def f(x):",
        "    n = x.shape[0]",
        "    m = x.size(1) + x.numel() + x.dim() + len(x.shape)",
        "    return x * 2"), data(4, 3));
    assertEquals(1, t.module().graph().callCount(), t.module().code());
  }

  @Test
  void symbolicArithmeticIsRecordedAndPlainArithmeticIsNot() {
    Trace t = trace(parse(
        "import torch",
        "def f(x):",
        "    n = x.shape[0] * 2 + (3 - 1)",
        "    return torch.zeros(n)"), data(4, 3));
    String code = t.module().code();
    assertTrue(code.contains("mul = sym_size_int * 2"), code);
    assertTrue(code.contains("add = mul + 2"), code);
    assertTrue(code.contains("torch.ops.aten.zeros.default([add], device = device(type='cpu'),"
        + " pin_memory = False)"), code);
  }

  @Test
  void duckSizedEqualityNeedsNoGuard() {
    Trace t = trace(parse(
        "def f(x, y):",
        "    assert x.shape[0] == y.shape[0]",
        "    torch._check(x.shape[1] == y.shape[1])",
        "    return x + y"), data(4, 3), data(4, 3));
    assertEquals(List.of(), guards(t));
  }

  @Test
  void checksOnUnbackedValuesAreDeferredRuntimeAsserts() {
    Tensor k = Tensor.ofLongs(DType.INT64, new long[] {3}, 1, 2, 3);
    Trace t = trace(parse(
        "import torch",
        "def f(k):",
        "    n = k.sum().item()",
        "    torch._check(n >= 0)",
        "    assert n <= 100",
        "    return k * n"), k);
    assertEquals(List.of(), guards(t));
    assertFalse(t.shapeEnv().deferredRuntimeAsserts().isEmpty());
    assertEquals(2, t.shapeEnv().deferredRuntimeAsserts().values().stream()
        .mapToInt(List::size).sum());
  }

  @Test
  void scalarParametersStaySymbolic() {
    Trace t = trace(parse(
        "def f(x, alpha: float, n: int):",
        "    return x * alpha + n"), data(2, 2), 0.5, 3L);
    String code = t.module().code();
    assertTrue(code.contains("torch.ops.aten.mul.Tensor(x_1, alpha_1)"), code);
    assertTrue(code.contains("torch.ops.aten.add.Tensor(mul, n_1)"), code);
  }
}
