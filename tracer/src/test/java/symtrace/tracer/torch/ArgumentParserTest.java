package symtrace.tracer.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.lang.PyTuple;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Device;
import symtrace.tracer.tensor.Tensor;

/** PyTorch's Python argument parser: binding, defaults, type checks and conversions. */
class ArgumentParserTest {
  private static final Tensor X = Tensor.zeros(DType.FLOAT32, 2, 3);
  private static final ArgumentParser.ScalarReader NO_ITEM = t -> {
    throw new AssertionError("no tensor read expected");
  };

  private static ArgumentParser.Match match(String schema, List<?> args, Map<String, ?> kw) {
    return ArgumentParser.match(PySignature.parse(schema), args, kw);
  }

  @Test
  void positionalThenKeywordsThenDefaults() {
    ArgumentParser.Match m = match(
        "sum(Tensor input, int[1]? dim, bool keepdim=False, *, ScalarType? dtype=None) -> Any",
        List.of(X, 1L), Map.of("dtype", DType.FLOAT64));
    assertTrue(m.ok());
    assertEquals(Arrays.asList(X, 1L, false, DType.FLOAT64), Arrays.asList(m.values()));
  }

  @Test
  void mismatchesSayWhyAsPyTorchDoes() {
    String sig = "add(Tensor input, Tensor other, *, Scalar alpha=1) -> Any";
    assertEquals("add() takes 2 positional arguments but 3 were given",
        match(sig, List.of(X, X, 2L), Map.of()).mismatch());
    assertEquals("add() missing required argument 'other' (pos 2)",
        match(sig, List.of(X), Map.of()).mismatch());
    assertEquals("add() got an unexpected keyword argument 'beta'",
        match(sig, List.of(X, X), Map.of("beta", 2L)).mismatch());
    assertEquals("add() got multiple values for argument 'other'",
        match(sig, List.of(X, X), Map.of("other", X)).mismatch());
    assertEquals("add(): argument 'other' (position 2) must be Tensor, not int",
        match(sig, List.of(X, 2L), Map.of()).mismatch());
    assertEquals("add(): argument 'alpha' (position 3) must be Number, not str",
        match(sig, List.of(X, X), Map.of("alpha", "a")).mismatch());
  }

  @Test
  void aNumberStandsForATensorOnlyWhereAllowed() {
    PySignature strict = PySignature.parse("eq(Tensor input, Tensor other) -> Any");
    PySignature lenient = new PySignature("add", strict.params(), true);
    assertFalse(ArgumentParser.match(strict, List.of(X, 2L), Map.of()).ok());
    assertTrue(ArgumentParser.match(lenient, List.of(X, 2L), Map.of()).ok());
    assertTrue(ArgumentParser.match(lenient, List.of(X, 0.5), Map.of()).ok());
  }

  @Test
  void pythonTypeRules() {
    assertFalse(match("f(int dim) -> Any", List.of(true), Map.of()).ok(), "a bool is no int");
    assertTrue(match("f(float p) -> Any", List.of(2L), Map.of()).ok(), "an int is a float");
    assertTrue(match("f(Scalar s) -> Any", List.of(true), Map.of()).ok(), "a bool is a number");
    assertTrue(match("f(Scalar s) -> Any", List.of(Tensor.scalar(DType.FLOAT32, 2)), Map.of())
        .ok(), "a 0-dim tensor is a number");
    assertFalse(match("f(Scalar s) -> Any", List.of(X), Map.of()).ok());
    assertTrue(match("f(SymInt n) -> Any", List.of(SymInt.of(3)), Map.of()).ok());
    assertTrue(match("f(int? d=None) -> Any", Arrays.asList((Object) null), Map.of()).ok());
    assertFalse(match("f(int d) -> Any", Arrays.asList((Object) null), Map.of()).ok());
    assertTrue(match("f(Tensor[] ts) -> Any", List.of(PyTuple.of(X, X)), Map.of()).ok());
    assertFalse(match("f(Tensor[] ts) -> Any", List.of(List.of(X, 1L)), Map.of()).ok());
    assertFalse(match("f(Device d) -> Any", List.of(DType.FLOAT32), Map.of()).ok());
    assertTrue(match("f(Device d) -> Any", List.of("cpu"), Map.of()).ok());
  }

  @Test
  void anIntForAFixedSizeListIsRepeated() {
    PySignature sig = PySignature.parse("pool(Tensor input, int[2] kernel_size) -> Any");
    ArgumentParser.Match m = ArgumentParser.match(sig, List.of(X, 3L), Map.of());
    assertTrue(m.ok());
    Object[] converted = ArgumentParser.convert(sig, m.values(), NO_ITEM);
    assertEquals(List.of(3L, 3L), converted[1]);
    assertFalse(match("view(SymInt[] size) -> Any", List.of(PyTuple.of(1.5)), Map.of()).ok());
  }

  @Test
  void intsAfterTheOnePositionalIntListAreGathered() {
    PySignature view = PySignature.parse("view(SymInt[] size) -> Any");
    ArgumentParser.Match m = ArgumentParser.match(view, List.of(2L, -1L), Map.of());
    assertTrue(m.ok());
    assertEquals(List.of(2L, -1L), ArgumentParser.convert(view, m.values(), NO_ITEM)[0]);
    ArgumentParser.Match one = ArgumentParser.match(view, List.of(6L), Map.of());
    assertEquals(List.of(6L), ArgumentParser.convert(view, one.values(), NO_ITEM)[0]);
    ArgumentParser.Match tuple = ArgumentParser.match(view, List.of(PyTuple.of(2L, 3L)),
        Map.of());
    Object list = ArgumentParser.convert(view, tuple.values(), NO_ITEM)[0];
    assertEquals(List.of(2L, 3L), list);
    assertFalse(list instanceof PyTuple, "a tuple passes as a list");
    assertEquals("view() takes 1 positional argument but 2 were given",
        ArgumentParser.match(view, List.of(PyTuple.of(2L), 3L), Map.of()).mismatch());
    assertFalse(match("permute(Tensor input, int[] dims) -> Any", List.of(X, 1L, 0L), Map.of())
        .ok(), "only a lone int list gathers");
  }

  @Test
  void conversionsForOperators() {
    PySignature sig = PySignature.parse(
        "f(Scalar s, Device d, int[] sizes, Tensor? t=None) -> Any");
    Tensor zeroDim = Tensor.scalar(DType.FLOAT32, 2.5);
    ArgumentParser.Match m = ArgumentParser.match(sig,
        List.of(zeroDim, "cpu", PyTuple.of(SymInt.of(4), 2L)), Map.of());
    Object[] v = ArgumentParser.convert(sig, m.values(), t -> ((Tensor) t).itemDouble());
    assertEquals(2.5, v[0]);
    assertEquals(Device.CPU, v[1]);
    assertEquals(List.of(4L, 2L), v[2], "a constant SymInt is a plain int");
    assertNull(v[3]);
    PythonError cuda = assertThrows(PythonError.class, () -> ArgumentParser.convert(sig,
        ArgumentParser.match(sig, List.of(1L, "cuda", List.of()), Map.of()).values(), NO_ITEM));
    assertEquals("RuntimeError", cuda.type());
  }

  @Test
  void signaturesDescribeThemselves() {
    assertEquals("(Tensor input, Tensor other, *, Scalar alpha=1)",
        PySignature.parse("add(Tensor input, Tensor other, *, Scalar alpha=1) -> Any")
            .describe());
  }
}
