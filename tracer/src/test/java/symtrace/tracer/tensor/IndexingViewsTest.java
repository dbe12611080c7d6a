package symtrace.tracer.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static symtrace.tracer.tensor.Tensors.arange;
import static symtrace.tracer.tensor.Tensors.assertIndexError;
import static symtrace.tracer.tensor.Tensors.assertLayout;
import static symtrace.tracer.tensor.Tensors.assertRuntimeError;
import static symtrace.tracer.tensor.Tensors.assertValues;
import static symtrace.tracer.tensor.Tensors.shape;

import org.junit.jupiter.api.Test;

/** narrow, select, slice and as_strided: offsets, clamping and errors. */
class IndexingViewsTest {
  private final Tensor x = arange(DType.FLOAT32, 3, 4);
  private final Tensor m = arange(DType.FLOAT32, 8, 6);

  @Test
  void narrow() {
    assertLayout(x.narrow(0, 1, 2), shape(2, 4), shape(4, 1), 4);
    assertLayout(x.narrow(1, -2, 2), shape(3, 2), shape(4, 1), 2);
    assertLayout(x.narrow(-1, 1, 0), shape(3, 0), shape(4, 1), 1);
    assertLayout(x.narrow(0, 3, 0), shape(0, 4), shape(4, 1), 12);
    assertValues(x.narrow(1, 1, 2), 1, 2, 5, 6, 9, 10);
    x.narrow(0, 2, 1).fill_(-1.0);
    assertEquals(-1.0, x.getDouble(2, 0));
  }

  @Test
  void narrowErrorsAreTorchs() {
    assertRuntimeError("narrow(): length must be non-negative.", () -> x.narrow(0, 0, -1));
    assertIndexError("start out of range (expected to be in range of [-3, 3], but got 4)",
        () -> x.narrow(0, 4, 0));
    assertIndexError("start out of range (expected to be in range of [-3, 3], but got -4)",
        () -> x.narrow(0, -4, 1));
    assertRuntimeError("start (2) + length (2) exceeds dimension size (3).",
        () -> x.narrow(0, 2, 2));
    // the start is reported after wrapping
    assertRuntimeError("start (2) + length (2) exceeds dimension size (3).",
        () -> x.narrow(0, -1, 2));
    assertRuntimeError("narrow() cannot be applied to a 0-dim tensor.",
        () -> Tensor.scalar(DType.FLOAT32, 1).narrow(0, 0, 0));
    assertIndexError("Dimension out of range (expected to be in range of [-2, 1], but got 2)",
        () -> x.narrow(2, 0, 1));
  }

  @Test
  void select() {
    assertLayout(x.select(0, 1), shape(4), shape(1), 4);
    assertLayout(x.select(1, -1), shape(3), shape(4), 3);
    assertLayout(x.t().select(0, 2), shape(3), shape(4), 2);
    assertLayout(arange(DType.FLOAT32, 5).select(0, 4), shape(), shape(), 4);
    assertValues(x.select(1, 0), 0, 4, 8);
    x.select(1, 3).setDoubleFlat(2, 100);
    assertEquals(100.0, x.getDouble(2, 3));
  }

  @Test
  void selectErrorsAreTorchs() {
    assertIndexError("select(): index 3 out of range for tensor of size [3, 4] at dimension 0",
        () -> x.select(0, 3));
    assertIndexError("select(): index -5 out of range for tensor of size [3, 4] at dimension 1",
        () -> x.select(-1, -5));
    assertIndexError("select() cannot be applied to a 0-dim tensor.",
        () -> Tensor.scalar(DType.FLOAT32, 1).select(0, 0));
  }

  @Test
  void sliceWithSteps() {
    // x[:, ::2] of an [8, 6]
    assertLayout(m.slice(1, null, null, 2), shape(8, 3), shape(6, 2), 0);
    // x[1:7]
    assertLayout(m.slice(0, 1L, 7L, 1), shape(6, 6), shape(6, 1), 6);
    // x[1::3]: rows 1, 4, 7
    Tensor rows = m.slice(0, 1L, null, 3);
    assertLayout(rows, shape(3, 6), shape(18, 1), 6);
    assertEquals(42.0, rows.getDouble(2, 0));
    // x[4:, 1:]
    assertLayout(m.slice(0, 4L, null, 1).slice(1, 1L, null, 1), shape(4, 5), shape(6, 1), 25);
    // x[:, 1:6:2]
    assertValues(x.slice(1, 1L, 6L, 2), 1, 3, 5, 7, 9, 11);
  }

  @Test
  void sliceClampsAsPython() {
    // x[-3:] and x[-100:100]
    assertLayout(m.slice(0, -3L, null, 1), shape(3, 6), shape(6, 1), 30);
    assertLayout(m.slice(0, -100L, 100L, 1), shape(8, 6), shape(6, 1), 0);
    // x[5:2] is empty at row 5, x[10:] empty at the end, x[:-10] empty at the start
    assertLayout(m.slice(0, 5L, 2L, 1), shape(0, 6), shape(6, 1), 30);
    assertLayout(m.slice(0, 10L, null, 1), shape(0, 6), shape(6, 1), 48);
    assertLayout(m.slice(0, null, -10L, 1), shape(0, 6), shape(6, 1), 0);
    // x[:-1] and x[Long.MIN_VALUE:Long.MAX_VALUE]
    assertLayout(m.slice(0, null, -1L, 1), shape(7, 6), shape(6, 1), 0);
    assertLayout(m.slice(0, Long.MIN_VALUE, Long.MAX_VALUE, 1), shape(8, 6), shape(6, 1), 0);
    assertRuntimeError("slice step must be positive", () -> m.slice(0, null, null, 0));
    assertRuntimeError("slice step must be positive", () -> m.slice(0, null, null, -1));
  }

  @Test
  void slicesShareStorage() {
    Tensor b = m.slice(1, null, null, 2);
    b.fill_(0.0);
    assertValues(m.select(0, 0), 0, 1, 0, 3, 0, 5);
    assertTrue(b.isAliasOf(m));
  }

  @Test
  void asStrided() {
    Tensor v = arange(DType.FLOAT32, 12);
    // sliding windows
    assertValues(v.asStrided(shape(3, 3), shape(1, 1)), 0, 1, 2, 1, 2, 3, 2, 3, 4);
    Tensor w = v.asStrided(shape(2, 2), shape(1, 2), 5);
    assertLayout(w, shape(2, 2), shape(1, 2), 5);
    assertValues(w, 5, 7, 6, 8);
    // the default offset is the view's own
    assertLayout(v.slice(0, 3L, null, 1).asStrided(shape(2), shape(1)), shape(2), shape(1), 3);
    assertRuntimeError("setStorage: sizes [4, 4], strides [4, 1], storage offset 1, and itemsize 4"
        + " requiring a storage size of 68 are out of bounds for storage of size 48",
        () -> v.asStrided(shape(4, 4), shape(4, 1), 1));
    assertRuntimeError("as_strided: Negative strides are not supported at the moment, got"
        + " strides: [-1]", () -> v.asStrided(shape(2), shape(-1), 3));
    assertRuntimeError("mismatch in length of strides and shape",
        () -> v.asStrided(shape(2, 2), shape(1)));
    // a bounds error names the itemsize of the dtype
    assertRuntimeError("setStorage: sizes [13], strides [1], storage offset 0, and itemsize 8"
        + " requiring a storage size of 104 are out of bounds for storage of size 96",
        () -> arange(DType.INT64, 12).asStrided(shape(13), shape(1)));
  }
}
