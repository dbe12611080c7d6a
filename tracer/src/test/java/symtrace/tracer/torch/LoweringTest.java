package symtrace.tracer.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import symtrace.tracer.lang.ExecutionError;
import symtrace.tracer.lang.Programs;
import symtrace.tracer.lang.PyTuple;
import symtrace.tracer.ops.Args;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Device;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.data.InputData;
import symtrace.tracer.tensor.data.InputSpec;

/**
 * Which aten overloads Python calls run, with which values, as PyTorch's bindings choose them
 * (the overloads the conformance graphs record): overload resolution, numbers as tensors, the
 * reflected operators, factories' options, and the functions PyTorch writes in Python.
 */
class LoweringTest {
  private static Tensor data(DType dtype, long... sizes) {
    return InputData.tensor(InputSpec.TensorInput.of(dtype, sizes), 0);
  }

  private static final Tensor X = data(DType.FLOAT32, 2, 3);
  private static final Tensor Y = data(DType.FLOAT32, 3);

  /** Runs {@code return <expr>} with x (2x3), y (3) and records the calls. */
  private static Programs.Recorder calls(String expr) {
    Programs.Recorder r = new Programs.Recorder();
    Programs.run(Programs.recording(r), Programs.parse(
        "import torch",
        "import torch.nn.functional as F",
        "def f(x, y):",
        "    return " + expr), X, Y);
    return r;
  }

  private static List<Object> values(Args a) {
    return Arrays.asList(a.values());
  }

  @Test
  void numbersStandForTensorsInAddSubMulDiv() {
    assertEquals(List.of("aten.add.Tensor"), calls("torch.add(x, 2)").names());
    assertEquals(2L, calls("x + 2").only("aten.add.Tensor").get(1));
    Args reflected = calls("2 + x").only("aten.add.Tensor");
    assertEquals(X, reflected.get(0));
    assertEquals(2L, reflected.get(1));
    assertEquals(List.of("aten.mul.Tensor"), calls("2.5 * x").names());
    assertEquals(List.of("aten.div.Tensor"), calls("x / 4").names());
    assertEquals(List.of("aten.floor_divide.default"), calls("x // 2").names());
    assertEquals(2.0, calls("torch.add(x, y, alpha=2.0)").only("aten.add.Tensor").get("alpha"));
  }

  @Test
  void maxAndMinOfTwoTensorsAreMaximumAndMinimum() {
    assertEquals(List.of("aten.maximum.default"), calls("torch.max(x, y)").names());
    assertEquals(List.of("aten.minimum.default"), calls("x.min(y)").names());
    Tensor max = (Tensor) Programs.run(Programs.parse("import torch", "def f(x, y):",
        "    return torch.max(x, y)"), X, Y);
    double[] x = doubles(X);
    double[] y = doubles(Y);
    double[] expected = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      expected[i] = Math.max(x[i], y[i % y.length]);
    }
    assertArrayEquals(expected, doubles(max));
  }

  @Test
  void severalResultsOfANativeFunctionAreANamedTuple() {
    Object r = Programs.run(Programs.parse("import torch", "def f(x, y):",
        "    r = torch.max(x, 1)",
        "    return r.values, r.indices, r[0], x.min(dim=0).indices"), X, Y);
    PyTuple t = assertInstanceOf(PyTuple.class, r);
    assertEquals(t.get(0), t.get(2), "r.values is r[0]");
    assertEquals(DType.INT64, ((Tensor) t.get(1)).dtype());
    assertEquals("AttributeError", assertThrows(ExecutionError.class, () -> Programs.run(
        Programs.parse("import torch", "def f(x, y):", "    return torch.max(x, 1).mean"),
        X, Y)).pythonType());
  }

  @Test
  void inPlaceFormsOfTheFunctionsPyTorchBindsAsFunctions() {
    assertEquals(List.of("aten.mul.Tensor", "aten.floor_divide_.Tensor"),
        Programs.Recorder.class.cast(recordStatements("y = x * 1", "y //= 2")).names());
    assertEquals(List.of("aten.relu_.default"), calls("torch.relu_(x)").names());
    assertEquals(List.of("aten.relu_.default"), calls("F.relu_(x)").names());
    assertEquals(List.of("aten.clamp_.default"), calls("torch.clamp_(x, min=0.0)").names());
    assertEquals(List.of("aten.fill_.Scalar"), calls("torch.fill_(x, 2.0)").names());
    assertEquals(List.of("aten.zero_.default"), calls("torch.zero_(x)").names());
    assertEquals(List.of("aten.exp_.default"), calls("torch.exp_(x)").names());
    assertEquals(List.of("aten.sigmoid_.default"), calls("x.sigmoid_()").names());
    // logical_not_ is a method only, as in PyTorch
    assertEquals("AttributeError", assertThrows(ExecutionError.class,
        () -> calls("torch.logical_not_(x)")).pythonType());
  }

  @Test
  void allAndAnyTakeADimTupleAsTheirDimsOverload() {
    assertEquals(List.of("aten.gt.Scalar", "aten.all.dims"),
        calls("torch.all(x > 0, dim=(0, 1))").names());
    assertEquals(List.of("aten.gt.Scalar", "aten.any.dim"), calls("(x > 0).any(1)").names());
    Args dims = calls("(x > 0).any(dim=[1], keepdim=True)").only("aten.any.dims");
    assertEquals(List.of(1L), dims.get(1));
    assertEquals(true, dims.get(2));
  }

  @Test
  void aDirectCallOfWhereTakesANumberForATensor() {
    // where.ScalarOther reaches where.self with a wrapped number; printed code calls it so.
    Args direct = calls("torch.ops.aten.where.self(x > 0, x, 0.0)").only("aten.where.self");
    assertEquals(0.0, direct.get(2));
    assertEquals(List.of("aten.gt.Scalar", "aten.where.self"),
        calls("torch.where(x > 0, x, 0.0)").names().stream()
            .filter(n -> !n.equals("aten.where.ScalarOther")).toList());
  }

  private static Programs.Recorder recordStatements(String... body) {
    Programs.Recorder r = new Programs.Recorder();
    String[] lines = new String[body.length + 3];
    lines[0] = "import torch";
    lines[1] = "def f(x, y):";
    for (int i = 0; i < body.length; i++) {
      lines[i + 2] = "    " + body[i];
    }
    lines[body.length + 2] = "    return y";
    Programs.run(Programs.recording(r), Programs.parse(lines), X, Y);
    return r;
  }

  private static double[] doubles(Tensor t) {
    double[] out = new double[(int) t.numel()];
    for (int i = 0; i < out.length; i++) {
      out[i] = t.contiguous().storage().getDouble(i);
    }
    return out;
  }

  @Test
  void otherOperatorsTakeTheirScalarOverloads() {
    assertEquals(List.of("aten.ge.Scalar"), calls("x >= 0.5").names());
    assertEquals(List.of("aten.gt.Scalar"), calls("0.5 < x").names(), "reflected: x > 0.5");
    assertEquals(List.of("aten.eq.Tensor"), calls("x == y").names());
    assertEquals(List.of("aten.remainder.Scalar"), calls("x % -0.75").names());
    assertEquals(List.of("aten.pow.Tensor_Scalar"), calls("x ** 2").names());
    assertEquals(List.of("aten.pow.Scalar"), calls("2.0 ** x").names());
    assertEquals(List.of("aten.rsub.Scalar"), calls("1 - x").names());
    assertEquals(List.of("aten.reciprocal.default", "aten.mul.Tensor"), calls("2 / x").names());
    assertEquals(List.of("aten.neg.default"), calls("-x").names());
    assertEquals(List.of("aten.abs.default"), calls("abs(x)").names());
    assertEquals(List.of(), calls("+x").names(), "+x is x itself");
    assertEquals("RuntimeError", assertThrows(ExecutionError.class, () -> calls("+(x > 0)"))
        .pythonType());
    assertEquals(List.of("aten.masked_fill.Scalar"),
        calls("torch.masked_fill(x, x > 0, -1.0)").names().subList(1, 2));
    assertEquals(List.of("aten.where.self"), calls("torch.where(x > 0, x, y)").names()
        .subList(1, 2));
  }

  @Test
  void overloadsByTheArgumentsGiven() {
    assertEquals(List.of("aten.sum.default"), calls("x.sum()").names());
    Args dims = calls("torch.sum(x, dim=1, keepdim=True)").only("aten.sum.dim_IntList");
    assertEquals(List.of(1L), dims.get("dim"));
    assertEquals(true, dims.get("keepdim"));
    assertEquals(List.of("aten.clamp.default"), calls("x.clamp(min=0.5)").names());
    assertEquals(List.of("aten.max.default"), calls("torch.max(x)").names());
    assertEquals(List.of("aten.max.dim"), calls("torch.max(x, 1)").names());
    assertEquals(List.of("aten.squeeze.default"), calls("torch.squeeze(x)").names());
    assertEquals(List.of("aten.squeeze.dim"), calls("x.squeeze(1)").names());
    assertEquals(List.of("aten.any.dim"), calls("x.any(dim=1)").names());
    assertEquals(List.of("aten.all.default"), calls("torch.all(x)").names());
  }

  @Test
  void severalResultsAreATuple() {
    Object max = Programs.run(Programs.parse("import torch", "def f(x):",
        "    return torch.max(x, dim=1)"), X);
    assertInstanceOf(PyTuple.class, max);
    assertEquals(2, ((PyTuple) max).size());
    Object parts = Programs.run(Programs.parse("import torch", "def f(x):",
        "    return torch.split(x, 1, dim=1)"), X);
    assertEquals(3, ((PyTuple) parts).size());
  }

  @Test
  void intListsTakeVarargsAndIntsForFixedSizes() {
    assertEquals(List.of(3L, -1L), calls("x.view(3, -1)").only("aten.view.default").get(1));
    assertEquals(List.of(1L, 0L), calls("x.permute(1, 0)").only("aten.permute.default").get(1));
    assertEquals(List.of(2L, 1L), calls("x.repeat(2, 1)").only("aten.repeat.default").get(1));
    Args roll = calls("torch.roll(y, 1, 0)").only("aten.roll.default");
    assertEquals(List.of(List.of(1L), List.of(0L)), List.of(roll.get(1), roll.get(2)));
  }

  @Test
  void factoriesPassTheirBindingsOptions() {
    Args zeros = calls("torch.zeros(2, 3)").only("aten.zeros.default");
    assertEquals(Arrays.asList(List.of(2L, 3L), null, null, Device.CPU, false), values(zeros));
    Args full = calls("torch.full((2, 1), 2.5, dtype=torch.float64)").only("aten.full.default");
    assertEquals(DType.FLOAT64, full.get("dtype"));
    assertEquals(Device.CPU, full.get("device"));
    Args like = calls("torch.zeros_like(x, dtype=torch.int64)").only("aten.zeros_like.default");
    assertEquals(DType.INT64, like.get("dtype"));
    assertNull(like.get("device"));
    assertEquals(false, like.get("pin_memory"));
    assertEquals(List.of("aten.arange.start"), calls("torch.arange(1, 4)").names());
  }

  @Test
  void conversions() {
    assertEquals(List.of("aten._to_copy.default"), calls("x.to(torch.float64)").names());
    assertEquals(DType.FLOAT64, calls("x.double()").only("aten._to_copy.default").get("dtype"));
    assertEquals(List.of(), calls("x.float()").names(), "already float32: to() returns x");
    assertEquals(List.of(), calls("x.to()").names());
    assertEquals(List.of(), calls("x.to(y)").names(), "to another float32 tensor: x itself");
    assertEquals(List.of("aten.gt.Scalar", "aten._to_copy.default"),
        calls("x.to(y > 0)").names());
    assertEquals(DType.INT64, calls("x.long()").only("aten._to_copy.default").get("dtype"));
  }

  @Test
  void functionalWrappersDoWhatTheirPythonDoes() {
    Programs.Recorder r = new Programs.Recorder();
    Tensor ids = InputData.tensor(new InputSpec.TensorInput(DType.INT64, List.of(2L, 2L), 0L,
        3L), 0);
    Tensor table = data(DType.FLOAT32, 4, 2);
    Programs.run(Programs.recording(r), Programs.parse(
        "import torch.nn.functional as F",
        "def f(ids, table):",
        "    return F.embedding(ids, table, padding_idx=-1)"), ids, table);
    Args e = r.only("aten.embedding.default");
    assertEquals(table, e.get(0), "the weight comes first");
    assertEquals(ids, e.get(1));
    assertEquals(3L, e.get("padding_idx"), "-1 counts from the end");

    assertEquals(0L, calls("F.softmax(y)").only("aten._softmax.default").get(1),
        "a 1-d input's implicit softmax dim is 0");
    assertEquals(1L, calls("F.softmax(x)").only("aten._softmax.default").get(1));
    Args relu = calls("F.relu(x, inplace=True)").calls().get(0);
    assertEquals("aten.relu_.default", relu.op().qualifiedName());
  }

  @Test
  void tensorLiteralsAreLiftedConstants() {
    Programs.Recorder r = new Programs.Recorder();
    Object out = Programs.run(Programs.recording(r), Programs.parse(
        "import torch",
        "def f():",
        "    return torch.tensor([[1, 2], [3, 4]]), torch.tensor([1, 2.5]),"
            + " torch.tensor(True), torch.tensor([1, 2], dtype=torch.float64)"));
    assertEquals(List.of("aten.lift_fresh.default", "aten.lift_fresh.default",
        "aten.lift_fresh.default", "aten.lift_fresh.default"), r.names());
    PyTuple t = (PyTuple) out;
    Tensor ints = (Tensor) t.get(0);
    assertEquals(DType.INT64, ints.dtype());
    assertArrayEquals(new long[] {2, 2}, ints.sizes());
    assertArrayEquals(new long[] {1, 2, 3, 4}, ints.toLongArray());
    assertEquals(DType.FLOAT32, ((Tensor) t.get(1)).dtype());
    assertArrayEquals(new double[] {1, 2.5}, ((Tensor) t.get(1)).toDoubleArray());
    assertEquals(DType.BOOL, ((Tensor) t.get(2)).dtype());
    assertEquals(0, ((Tensor) t.get(2)).dim());
    assertEquals(DType.FLOAT64, ((Tensor) t.get(3)).dtype());
    ExecutionError ragged = assertThrows(ExecutionError.class, () -> Programs.run(
        Programs.parse("import torch", "def f():", "    return torch.tensor([[1, 2], [3]])")));
    assertEquals("t.py:3:12: ValueError: expected sequence of length 2 at dim 1 (got 1)",
        ragged.getMessage());
  }

  @Test
  void directOverloadCallsAsPrintedGraphsWriteThem() {
    Programs.Recorder r = calls("torch.ops.aten.mul.Tensor(x, 2)");
    assertEquals(List.of("aten.mul.Tensor"), r.names());
    assertEquals(List.of("aten.add.Tensor"), calls("torch.ops.aten.add(x, y)").names());
    assertEquals(List.of("aten.view.default"),
        calls("torch.ops.aten.view.default(x, [-1])").names());
    ExecutionError e = assertThrows(ExecutionError.class, () -> calls("torch.ops.aten.frob(x)"));
    assertTrue(e.getMessage().contains("AttributeError"), e.getMessage());
  }

  @Test
  void typeErrorsListTheSignaturesTried() {
    ExecutionError e = assertThrows(ExecutionError.class, () -> calls("torch.sum(x, 'a')"));
    assertEquals("TypeError", e.pythonType());
    assertTrue(e.detail().startsWith("sum() received an invalid combination of arguments - got"
        + " (Tensor, str), but expected one of: "), e.detail());
  }
}
