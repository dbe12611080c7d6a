package symtrace.tracer.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static symtrace.tracer.tensor.Tensors.arange;
import static symtrace.tracer.tensor.Tensors.assertIndexError;
import static symtrace.tracer.tensor.Tensors.assertLayout;
import static symtrace.tracer.tensor.Tensors.assertRuntimeError;
import static symtrace.tracer.tensor.Tensors.assertValues;
import static symtrace.tracer.tensor.Tensors.shape;

import org.junit.jupiter.api.Test;

class TensorTest {
  @Test
  void newTensorsAreContiguousWithZeroSizesCountedAsOne() {
    assertLayout(Tensor.zeros(DType.FLOAT32, 2, 3, 4), shape(2, 3, 4), shape(12, 4, 1), 0);
    // torch.zeros(2, 0, 3).stride() == (3, 3, 1)
    Tensor empty = Tensor.zeros(DType.FLOAT32, 2, 0, 3);
    assertLayout(empty, shape(2, 0, 3), shape(3, 3, 1), 0);
    assertEquals(0, empty.numel());
    assertEquals(0, empty.storage().size());
    Tensor scalar = Tensor.scalar(DType.INT64, 7);
    assertLayout(scalar, shape(), shape(), 0);
    assertEquals(1, scalar.numel());
    assertEquals(7, scalar.itemLong());
  }

  @Test
  void rejectsNegativeSizesAsTorchZeros() {
    assertRuntimeError("Trying to create tensor with negative dimension -1: [2, -1]",
        () -> Tensor.zeros(DType.FLOAT32, 2, -1));
  }

  @Test
  void elementAccessByIndexAndFlatIndex() {
    Tensor t = Tensor.ofDoubles(DType.FLOAT32, shape(2, 3), 0, 1, 2, 3, 4, 5);
    assertEquals(5.0, t.getDouble(1, 2));
    assertEquals(3, t.getLong(1, 0));
    assertFalse(t.getBool(0, 0));
    t.setDouble(new long[] {0, 1}, 7.5);
    assertEquals(7.5, t.getDoubleFlat(1));
    t.setLongFlat(4, 9);
    assertEquals(9.0, t.getDouble(1, 1));
    t.setBool(new long[] {1, 2}, true);
    assertEquals(1.0, t.getDoubleFlat(5));
    assertEquals(4, t.storageIndex(1, 1));
    assertEquals(4, t.storageIndexOfFlat(4));
    assertValues(t, 0, 7.5, 2, 3, 9, 1);
    assertThrows(IndexOutOfBoundsException.class, () -> t.getDouble(2, 0));
    assertThrows(IndexOutOfBoundsException.class, () -> t.getDouble(0));
    assertThrows(IndexOutOfBoundsException.class, () -> t.getDoubleFlat(6));
  }

  @Test
  void flatIndexFollowsTheLayoutOfAView() {
    Tensor t = arange(DType.INT64, 3, 4).t(); // sizes [4, 3], strides [1, 4]
    assertEquals(4, t.storageIndexOfFlat(1)); // element (0, 1) is x[1][0]
    assertEquals(1, t.getLongFlat(3)); // element (1, 0) is x[0][1]
    assertEquals(11, t.getLong(3, 2));
  }

  @Test
  void valuesAreConvertedOnTheWayIn() {
    Tensor i = Tensor.ofDoubles(DType.INT64, shape(3), -1.5, 2.7, -0.25);
    assertValues(i, -1, 2, 0);
    Tensor b = Tensor.ofLongs(DType.BOOL, shape(2), 0, -3);
    assertValues(b, 0, 1);
    assertEquals(2, Tensor.full(DType.INT32, 2.9, 2).getLongFlat(1));
  }

  @Test
  void contiguityIgnoresStridesOfSizeOneDims() {
    assertTrue(arange(DType.FLOAT32, 3, 4).isContiguous());
    assertFalse(arange(DType.FLOAT32, 3, 4).t().isContiguous());
    Tensor base = Tensor.zeros(DType.FLOAT32, 100);
    assertTrue(base.asStrided(shape(1, 3), shape(100, 1), 0).isContiguous());
    assertTrue(base.asStrided(shape(3, 1), shape(1, 7), 0).isContiguous());
    assertFalse(base.asStrided(shape(3, 2), shape(1, 3), 0).isContiguous());
    // fewer than two elements: always contiguous
    assertTrue(base.asStrided(shape(1, 1), shape(9, 9), 5).isContiguous());
    assertTrue(base.asStrided(shape(2, 0), shape(5, 9), 0).isContiguous());
  }

  @Test
  void nonOverlappingAndDense() {
    assertTrue(arange(DType.FLOAT32, 3, 4).t().isNonOverlappingAndDense());
    assertTrue(arange(DType.FLOAT32, 2, 3, 4).permute(2, 0, 1).isNonOverlappingAndDense());
    assertFalse(arange(DType.FLOAT32, 3).expand(2, 3).isNonOverlappingAndDense());
    assertFalse(arange(DType.FLOAT32, 3, 4).slice(1, null, null, 2).isNonOverlappingAndDense());
    assertTrue(Tensor.zeros(DType.FLOAT32, 5).isNonOverlappingAndDense());
    assertFalse(Tensor.zeros(DType.FLOAT32, 6).slice(0, null, null, 2).isNonOverlappingAndDense());
  }

  @Test
  void sizeAndStrideWrapButNotOnZeroDimTensors() {
    Tensor t = Tensor.zeros(DType.FLOAT32, 2, 3);
    assertEquals(3, t.size(-1));
    assertEquals(1, t.stride(-1));
    assertEquals(3, t.stride(0));
    assertIndexError("Dimension out of range (expected to be in range of [-2, 1], but got 2)",
        () -> t.size(2));
    assertIndexError("Dimension specified as 0 but tensor has no dimensions",
        () -> Tensor.scalar(DType.FLOAT32, 1).size(0));
  }

  @Test
  void layoutsOverAStorageAreBoundsChecked() {
    // the layout of a real report: 72 float32 elements are 288 bytes, the layout needs 576
    Storage s = Storage.allocate(DType.FLOAT32, 72);
    assertRuntimeError("setStorage: sizes [2, 2, 6, 3, 2], strides [72, 36, 6, 2, 1], storage"
        + " offset 0, and itemsize 4 requiring a storage size of 576 are out of bounds for"
        + " storage of size 288",
        () -> Tensor.of(s, shape(2, 2, 6, 3, 2), shape(72, 36, 6, 2, 1), 0));
    Tensor ok = Tensor.of(s, shape(2, 6, 3, 2), shape(36, 6, 2, 1), 0);
    assertEquals(72, ok.numel());
    assertTrue(ok.isAliasOf(Tensor.of(s, shape(72), shape(1), 0)));
    // no elements: any layout fits
    assertEquals(0, Tensor.of(s, shape(0, 1000), shape(1000, 1), 500).numel());
    assertRuntimeError("Tensor: invalid storage offset -1",
        () -> Tensor.of(s, shape(1), shape(1), -1));
  }

  @Test
  void itemNeedsOneElement() {
    assertEquals(4.0, arange(DType.FLOAT32, 5).select(0, 4).itemDouble());
    assertTrue(Tensor.ofBools(DType.BOOL, shape(1, 1), true).itemBool());
    assertRuntimeError("a Tensor with 2 elements cannot be converted to Scalar",
        () -> Tensor.zeros(DType.FLOAT32, 2).itemDouble());
  }

  @Test
  void describesItself() {
    assertEquals("f32[3, 4]", Tensor.zeros(DType.FLOAT32, 3, 4).typeString());
    assertEquals("b8[]", Tensor.scalar(DType.BOOL, 1).typeString());
    assertEquals("Tensor(i64[4, 3], strides=[1, 4], offset=0)",
        arange(DType.INT64, 3, 4).t().toString());
  }

  @Test
  void rowMajorExports() {
    Tensor t = arange(DType.INT32, 2, 2).t();
    assertEquals("[0, 2, 1, 3]", java.util.Arrays.toString(t.toLongArray()));
    assertEquals("[false, true, true, true]", java.util.Arrays.toString(t.toBoolArray()));
  }
}
