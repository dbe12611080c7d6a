package symtrace.tracer.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.function.Executable;
import symtrace.symbolic.value.SymInt;

/** Test helpers: tensors with known values, layout assertions, a broadcasting elementwise op. */
public final class Tensors {
  private Tensors() {}

  /** {@code torch.arange(n, dtype=dtype).view(sizes)}. */
  public static Tensor arange(DType dtype, long... sizes) {
    Tensor t = Tensor.zeros(dtype, sizes);
    for (long i = 0; i < t.numel(); i++) {
      t.setLongFlat(i, i);
    }
    return t;
  }

  public static long[] shape(long... sizes) {
    return sizes;
  }

  /** Asserts sizes, strides and storage offset. */
  public static void assertLayout(Tensor t, long[] sizes, long[] strides, long offset) {
    assertArrayEquals(sizes, t.sizes(), "sizes of " + t);
    assertArrayEquals(strides, t.strides(), "strides of " + t);
    assertEquals(offset, t.storageOffset(), "storage offset of " + t);
  }

  /** Asserts the row-major values. */
  public static void assertValues(Tensor t, double... values) {
    assertArrayEquals(values, t.toDoubleArray(), "values of " + t);
  }

  /** Asserts a TensorError of the given Python type and exact message. */
  public static void assertError(TensorError.PythonType type, String message, Executable call) {
    TensorError e = assertThrows(TensorError.class, call);
    assertEquals(message, e.getMessage());
    assertEquals(type, e.pythonType(), message);
  }

  public static void assertRuntimeError(String message, Executable call) {
    assertError(TensorError.PythonType.RUNTIME_ERROR, message, call);
  }

  public static void assertIndexError(String message, Executable call) {
    assertError(TensorError.PythonType.INDEX_ERROR, message, call);
  }

  /**
   * {@code op(a, b)} broadcast, computed in double and stored as {@code out} (for one float32
   * operation, rounding the exact double result to float32 is float32 arithmetic).
   */
  public static Tensor zip(Tensor a, Tensor b, DType out, DoubleBinaryOperator op) {
    List<SymInt> shape = ShapeRules.of("test").broadcastShapes(
        a.geometry().sizes(), b.geometry().sizes());
    long[] sizes = Geometry.longs(shape);
    double[] x = a.expand(sizes).toDoubleArray();
    double[] y = b.expand(sizes).toDoubleArray();
    Tensor r = Tensor.zeros(out, sizes);
    for (int i = 0; i < x.length; i++) {
      r.setDoubleFlat(i, op.applyAsDouble(x[i], y[i]));
    }
    return r;
  }

  /** {@code op(a, scalar)}. */
  public static Tensor zip(Tensor a, double scalar, DType out, DoubleBinaryOperator op) {
    return zip(a, Tensor.scalar(DType.FLOAT64, scalar), out, op);
  }
}
