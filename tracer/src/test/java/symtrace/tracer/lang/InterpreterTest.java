package symtrace.tracer.lang;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static symtrace.tracer.lang.Programs.parse;
import static symtrace.tracer.lang.Programs.run;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.env.SourceLocation;
import symtrace.tracer.dispatch.Dispatcher;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Tensor;

/** Statements and Python semantics of the interpreter, on plain values and real tensors. */
class InterpreterTest {
  private static Tensor t(double... values) {
    return Tensor.ofDoubles(DType.FLOAT32, new long[] {values.length}, values);
  }

  private static double[] values(Object tensor) {
    return ((Tensor) tensor).toDoubleArray();
  }

  @Test
  void assignmentsUnpackAndChainLeftToRight() {
    Program p = parse(
        "def f():",
        "    a = b = 3",
        "    c, (d, e) = 1, (2, 4)",
        "    c, d = d, c",
        "    [g, h] = (a, b)",
        "    return a, b, c, d, e, g, h");
    assertEquals(PyTuple.of(3L, 3L, 2L, 1L, 4L, 3L, 3L), run(p));
  }

  @Test
  void augmentedAssignmentOnScalarsIsPythonArithmetic() {
    Program p = parse(
        "def f(k):",
        "    k += 5",
        "    k -= 1",
        "    k *= 2",
        "    k //= 3",
        "    s = 1.0",
        "    s /= 4",
        "    m = 7",
        "    m %= -3",
        "    return k, s, m, 2 ** 10, 2 ** -1, 7 / 2, -7 // 2",
        "");
    assertEquals(PyTuple.of(5L, 0.25, -2L, 1024L, 0.5, 3.5, -4L), run(p, 4L));
  }

  @Test
  void augmentedAssignmentOnATensorIsInPlace() {
    Program p = parse(
        "def f(x):",
        "    y = x",
        "    y += 1",
        "    y *= 2",
        "    return x");
    Tensor x = t(1, 2);
    Object out = run(p, x);
    assertSame(x, out);
    assertArrayEquals(new double[] {4, 6}, values(x));
  }

  @Test
  void augmentedAssignmentOfASubscriptWritesBack() {
    Program p = parse(
        "def f(x):",
        "    x[1] += 10",
        "    lst = [1, 2]",
        "    lst[0] -= 5",
        "    lst += [7]",
        "    return x, lst");
    Tensor x = t(1, 2, 3);
    PyTuple out = (PyTuple) run(p, x);
    assertArrayEquals(new double[] {1, 12, 3}, values(out.get(0)));
    assertEquals(List.of(-4L, 2L, 7L), out.get(1));
  }

  @Test
  void ifElifElseAndConditionalExpressions() {
    Program p = parse(
        "def f(n):",
        "    if n < 3:",
        "        r = 'small'",
        "    elif 3 <= n < 10:",
        "        r = 'medium'",
        "    else:",
        "        r = 'large'",
        "    return r, (1 if n % 2 == 0 else -1)");
    assertEquals(PyTuple.of("small", -1L), run(p, 1L));
    assertEquals(PyTuple.of("medium", 1L), run(p, 4L));
    assertEquals(PyTuple.of("large", 1L), run(p, 10L));
  }

  @Test
  void booleanOperatorsReturnTheDecidingOperand() {
    Program p = parse(
        "def f():",
        "    return 0 or 5, 3 and 4, None or 'x', not 0, 1 < 2 < 1, (1 < 2) == True");
    assertEquals(PyTuple.of(5L, 4L, "x", true, false, true), run(p));
  }

  @Test
  void loopsOverRangesTuplesListsAndTensors() {
    Program p = parse(
        "def f(x):",
        "    total = 0",
        "    for i in range(10, 0, -3):",
        "        total = total + i",
        "    for a, b in ((1, 2), (3, 4)):",
        "        total = total + a * b",
        "    rows = []",
        "    for row in x:",
        "        rows.append(row.sum())",
        "    return total, len(rows), rows[1]");
    Tensor x = Tensor.ofDoubles(DType.FLOAT32, new long[] {2, 2}, 1, 2, 3, 4);
    PyTuple out = (PyTuple) run(p, x);
    assertEquals(10L + 7 + 4 + 1 + 2 + 12, out.get(0));
    assertEquals(2L, out.get(1));
    assertEquals(7.0, ((Tensor) out.get(2)).itemDouble());
  }

  @Test
  void returnInsideALoopLeavesTheFunction() {
    Program p = parse(
        "def first_over(limit):",
        "    for i in range(100):",
        "        if i * i > limit:",
        "            return i",
        "",
        "def f():",
        "    return first_over(50), first_over(10000)");
    assertEquals(PyTuple.of(8L, null), run(p));
  }

  @Test
  void helpersTakeDefaultsKeywordsAndSeeModuleNames() {
    Program p = parse(
        "import torch",
        "SCALE = 3",
        "",
        "def scaled(v, by=SCALE, offset=0):",
        "    return v * by + offset",
        "",
        "def f():",
        "    return scaled(2), scaled(2, 10), scaled(2, offset=1), scaled(by=2, v=5)");
    assertEquals(PyTuple.of(6L, 20L, 7L, 10L), run(p));
  }

  @Test
  void nestedFunctionsReadTheEnclosingScope() {
    Program p = parse(
        "def f(n):",
        "    base = n * 2",
        "    def add(k):",
        "        return base + k",
        "    base = base + 1",
        "    return add(1)");
    assertEquals(8L, run(p, 3L));
  }

  @Test
  void functionWithoutReturnGivesNoneAndDocstringsAndPassAreSkipped() {
    Program p = parse(
        "def f():",
        "    \"\"\"Nothing to see.\"\"\"",
        "    pass");
    assertNull(run(p));
  }

  @Test
  void builtins() {
    Program p = parse(
        "def f():",
        "    t = (4, -2, 9)",
        "    return (len(t), min(t), max(3, 8, 1), abs(-2.5), sum([1, 2, 3]), sum([], 10),",
        "        int(3.9), int(-3.9), int(True), float(2), float('inf'), bool(0), bool((0,)),",
        "        len(range(2, 11, 3)))");
    assertEquals(PyTuple.of(3L, -2L, 8L, 2.5, 6L, 10L, 3L, -3L, 1L, 2.0,
        Double.POSITIVE_INFINITY, false, true, 3L), run(p));
  }

  @Test
  void tuplesConcatenateRepeatSliceAndIndex() {
    Program p = parse(
        "def f(x):",
        "    s = x.shape",
        "    return s[1:], s[-1], s + (5,), (1,) * 3, s[::-1], s == (2, 3), [1] + [2]");
    Tensor x = Tensor.zeros(DType.FLOAT32, 2, 3);
    assertEquals(PyTuple.of(PyTuple.of(3L), 3L, PyTuple.of(2L, 3L, 5L), PyTuple.of(1L, 1L, 1L),
        PyTuple.of(3L, 2L), true, List.of(1L, 2L)), run(p, x));
  }

  @Test
  void sizeQueriesReadTheTensor() {
    Program p = parse(
        "def f(x):",
        "    return (x.shape, x.size(), x.size(-1), x.stride(0), x.stride(), x.numel(),",
        "        x.dim(), x.ndim, len(x), x.dtype, x.shape[0] * x.shape[1])");
    Tensor x = Tensor.zeros(DType.INT64, 2, 3);
    assertEquals(PyTuple.of(PyTuple.of(2L, 3L), PyTuple.of(2L, 3L), 3L, 3L, PyTuple.of(3L, 1L),
        6L, 2L, 2L, 2L, DType.INT64, 6L), run(p, x));
  }

  @Test
  void importsBindModulesAndFunctions() {
    Program p = parse(
        "import torch.nn.functional as nnf",
        "from torch import nn",
        "from operator import mul",
        "import operator",
        "",
        "def f(x):",
        "    return nnf.relu(x), nn.functional.relu(x), mul(3, 4), operator.add(1, 2)");
    PyTuple out = (PyTuple) run(p, t(-1, 2));
    assertArrayEquals(new double[] {0, 2}, values(out.get(0)));
    assertArrayEquals(new double[] {0, 2}, values(out.get(1)));
    assertEquals(12L, out.get(2));
    assertEquals(3L, out.get(3));
  }

  @Test
  void printedGraphCodeRuns() {
    Program p = parse(
        "def forward(self, x_1):",
        "    sym_size_int = torch.ops.aten.sym_size.int(x_1, 0)",
        "    mul = sym_size_int * 2;  sym_size_int = None",
        "    split = torch.ops.aten.split.Tensor(x_1, 1)",
        "    getitem = split[0];  split = None",
        "    abs_1 = _operator_abs(-mul)",
        "    add = torch.ops.aten.add.Tensor(getitem, abs_1);  getitem = abs_1 = None",
        "    return (add, operator.floordiv(mul, 3))");
    PyTuple out = (PyTuple) run(p, t(1, 2));
    assertArrayEquals(new double[] {5}, values(out.get(0)));
    assertEquals(1L, out.get(1));
  }

  @Test
  void hooksSeeEveryStatementAndConditionWithItsLine() {
    Program p = parse(
        "def helper(a):",
        "    return a + 1",
        "",
        "def f(n):",
        "    m = helper(n)",
        "    if m > 2:",
        "        m = 0",
        "    assert m == 0",
        "    return m");
    List<String> seen = new ArrayList<>();
    ExecutionHooks hooks = new ExecutionHooks() {
      @Override
      public AutoCloseable at(SourceLocation location) {
        seen.add(location.line() + ":" + location.column() + " " + location.code().strip());
        return () -> seen.add("end " + location.line());
      }

      @Override
      public ShapeEnv shapeEnv() {
        return null;
      }
    };
    Interpreter interpreter = new Interpreter(p, Dispatcher.standard(), hooks);
    seen.clear();
    interpreter.call(p.lastFunction().orElseThrow(), List.of(5L));
    assertEquals(List.of("5:5 m = helper(n)", "2:5 return a + 1", "end 2", "end 5",
        "6:8 if m > 2:", "end 6", "7:9 m = 0", "end 7", "8:12 assert m == 0", "end 8",
        "9:5 return m", "end 9"), seen);
  }

  @Test
  void tensorTruthAndConversionsReadTheValue() {
    Program p = parse(
        "def f(x):",
        "    s = x.sum()",
        "    r = 1 if s > 2 else 0",
        "    return r, int(s), float(s), bool(s), s.item()");
    assertEquals(PyTuple.of(1L, 3L, 3.5, true, 3.5), run(p, t(1.5, 2)));
  }

  @Test
  void theEntryMayTakeTheGraphModuleSelf() {
    Program p = parse(
        "def forward(self, n_1):",
        "    return n_1 + 1");
    assertEquals(3L, run(p, 2L));
    assertTrue(p.lastFunction().orElseThrow().params().get(0).name().equals("self"));
  }
}
