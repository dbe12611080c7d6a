package symtrace.tracer.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static symtrace.tracer.lang.Programs.parse;
import static symtrace.tracer.lang.Programs.run;

import org.junit.jupiter.api.Test;
import symtrace.symbolic.env.DataDependentError;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.data.InputData;
import symtrace.tracer.tensor.data.InputSpec;

/**
 * A wrong program fails with a {@link ProgramError} at the expression that failed, with the
 * Python exception and PyTorch's or Python's words; nothing else escapes, except the shape
 * environment's data-dependent error, which names the program line.
 */
class InterpreterErrorsTest {
  private static final Tensor X = Tensor.zeros(DType.FLOAT32, 2, 3);

  private static ExecutionError fails(Program p, Object... args) {
    return assertThrows(ExecutionError.class, () -> run(p, args));
  }

  @Test
  void undefinedNameAtItsPosition() {
    ExecutionError e = fails(parse(
        "def f(x):",
        "    y = x + 1",
        "    return y * zz"), X);
    assertEquals("t.py:3:16: NameError: name 'zz' is not defined", e.getMessage());
    assertEquals("NameError", e.pythonType());
    assertEquals("t.py:3:16: NameError: name 'zz' is not defined\n    return y * zz\n"
        + "               ^", e.render("def f(x):\n    y = x + 1\n    return y * zz\n"));
  }

  @Test
  void readingALocalBeforeItIsAssigned() {
    ExecutionError e = fails(parse(
        "n = 3",
        "def f():",
        "    m = n",
        "    n = 4",
        "    return m"));
    assertEquals("t.py:3:9: UnboundLocalError: cannot access local variable 'n' where it is not"
        + " associated with a value", e.getMessage());
  }

  @Test
  void helperArgumentsAreCheckedAsPythonDoes() {
    assertEquals("t.py:4:12: TypeError: g() missing 2 required positional arguments: 'a' and 'b'",
        fails(parse("def g(a, b, c=1):", "    return a", "def f():", "    return g()"))
            .getMessage());
    assertEquals("t.py:4:12: TypeError: g() takes 1 positional argument but 2 were given",
        fails(parse("def g(a):", "    return a", "def f():", "    return g(1, 2)"))
            .getMessage());
    assertEquals("t.py:4:12: TypeError: g() got an unexpected keyword argument 'z'",
        fails(parse("def g(a):", "    return a", "def f():", "    return g(1, z=2)"))
            .getMessage());
  }

  @Test
  void torchCallsWithWrongArgumentsNameTheParameter() {
    ExecutionError e = fails(parse(
        "import torch",
        "def f(x):",
        "    return torch.relu(x, 'x')"), X);
    assertEquals("t.py:3:12: TypeError: relu() takes 1 positional argument but 2 were given",
        e.getMessage());
    ExecutionError wrongType = fails(parse(
        "import torch",
        "def f(x):",
        "    return torch.cumsum(x, 'a')"), X);
    assertEquals("t.py:3:12: TypeError: cumsum(): argument 'dim' (position 2) must be int, not"
        + " str", wrongType.getMessage());
  }

  @Test
  void operatorErrorsAreLocatedWithPyTorchsText() {
    ExecutionError e = fails(parse(
        "def f(x):",
        "    y = x * 2",
        "    return y.view(7)"), X);
    assertEquals("RuntimeError", e.pythonType());
    assertTrue(e.getMessage().startsWith("t.py:3:12: RuntimeError: shape '[7]' is invalid for"
        + " input of size 6"), e.getMessage());
  }

  @Test
  void indexOutOfBounds() {
    ExecutionError e = fails(parse("def f(x):", "    return x[5]"), X);
    assertEquals("t.py:2:12: IndexError: index 5 is out of bounds for dimension 0 with size 2",
        e.getMessage());
    assertEquals("t.py:2:12: IndexError: tuple index out of range",
        fails(parse("def f(x):", "    return x.shape[2]"), X).getMessage());
  }

  @Test
  void unpackingTheWrongNumberOfValues() {
    assertEquals("t.py:2:5: ValueError: not enough values to unpack (expected 3, got 2)",
        fails(parse("def f(x):", "    a, b, c = x.shape", "    return a"), X).getMessage());
  }

  @Test
  void constructsOutsideTheLanguageAreNamed() {
    assertEquals("t.py:2:5: NotImplementedError: the builtin print() is not supported",
        fails(parse("def f(x):", "    print(x)"), X).getMessage());
    assertEquals("t.py:2:12: NotImplementedError: the builtin isinstance() is not supported",
        fails(parse("def f(x):", "    return isinstance(x, int)"), X).getMessage());
    assertEquals("t.py:2:12: NotImplementedError: tolist is not supported: it makes Python data"
        + " of a tensor's values", fails(parse("def f(x):", "    return x.tolist()"), X)
            .getMessage());
  }

  @Test
  void attributesThatDoNotExist() {
    assertEquals("t.py:3:12: AttributeError: module 'torch' has no attribute 'frobnicate'",
        fails(parse("import torch", "def f(x):", "    return torch.frobnicate(x)"), X)
            .getMessage());
    assertEquals("t.py:2:12: AttributeError: 'Tensor' object has no attribute 'frobnicate'",
        fails(parse("def f(x):", "    return x.frobnicate()"), X).getMessage());
    assertEquals("t.py:2:12: AttributeError: 'int' object has no attribute 'shape'",
        fails(parse("def f(x):", "    return x.shape"), 3L).getMessage());
  }

  @Test
  void pythonArithmeticErrors() {
    assertEquals("t.py:2:12: ZeroDivisionError: division by zero",
        fails(parse("def f(n):", "    return n / 0"), 3L).getMessage());
    assertEquals("t.py:2:12: TypeError: unsupported operand type(s) for +: 'int' and 'str'",
        fails(parse("def f(n):", "    return n + 'a'"), 3L).getMessage());
    assertEquals("t.py:2:12: TypeError: unsupported operand type(s) for +: 'Tensor' and 'str'",
        fails(parse("def f(x):", "    return x + 'a'"), X).getMessage());
  }

  @Test
  void failedAssertionsCarryTheirMessage() {
    assertEquals("t.py:2:5: AssertionError: needs rows",
        fails(parse("def f(x):", "    assert x.shape[0] > 5, 'needs rows'"), X).getMessage());
  }

  @Test
  void loopsTooLongToUnrollAreRefused() {
    ExecutionError e = fails(parse("def f():", "    for i in range(10 ** 9):", "        pass"));
    assertEquals("t.py:2:14: NotImplementedError: range(0, 1000000000) has 1000000000 items; loops"
        + " are unrolled, and at most 1000000 iterations are supported", e.getMessage());
  }

  @Test
  void runawayRecursionIsAnError() {
    ExecutionError e = fails(parse("def g(n):", "    return g(n + 1)", "def f():",
        "    return g(0)"));
    assertEquals("RecursionError", e.pythonType());
  }

  @Test
  void recursionAsDeepAsPythonAllowsRuns() throws InterruptedException {
    // 990 nested calls: under Python's limit of 1000. The interpreter's frames need a stack
    // the size the command line gives its thread.
    Object[] result = new Object[1];
    Thread t = new Thread(null, () -> result[0] = Programs.run(parse("def g(n):",
        "    return 0 if n == 0 else 1 + g(n - 1)", "def f():", "    return g(990)")), "deep",
        8L << 20);
    t.start();
    t.join();
    assertEquals(990L, result[0]);
  }

  @Test
  void branchingOnTensorDataInATraceIsTheShapeEnvironmentsError() {
    Program p = parse(
        "import torch",
        "def f(x):",
        "    if x.sum() > 0:",
        "        return x * 2",
        "    return x - 1");
    Tensor x = InputData.tensor(InputSpec.TensorInput.of(DType.FLOAT32, 4, 3), 0);
    DataDependentError e = assertThrows(DataDependentError.class, () -> Programs.trace(p, x));
    assertTrue(e.getMessage().startsWith("Could not guard on data-dependent expression Eq(u0, 1)"),
        e.getMessage());
    assertTrue(e.getMessage().contains("Caused by: t.py:3:8 (if x.sum() > 0:)"), e.getMessage());
  }
}
