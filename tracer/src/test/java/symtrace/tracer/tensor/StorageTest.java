package symtrace.tracer.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StorageTest {
  @Test
  void float32RoundsOnEveryWrite() {
    Storage s = Storage.allocate(DType.FLOAT32, 3);
    s.setDouble(0, 0.1);
    assertEquals(0.10000000149011612, s.getDouble(0));
    assertEquals((double) 0.1f, s.getDouble(0));
    // 2^24 + 1 is not a float32: it rounds to even, once, straight from the long
    s.setLong(1, 16_777_217L);
    assertEquals(16_777_216.0, s.getDouble(1));
    s.setDouble(2, 1e40);
    assertEquals(Double.POSITIVE_INFINITY, s.getDouble(2));
  }

  @Test
  void float64KeepsDoubles() {
    Storage s = Storage.ofDoubles(DType.FLOAT64, 0.1, 1e40);
    assertEquals(0.1, s.getDouble(0));
    assertEquals(1e40, s.getDouble(1));
    s.setLong(0, (1L << 53) + 1);
    assertEquals(9.007199254740992E15, s.getDouble(0));
  }

  @Test
  void int32WrapsAndFloatsTruncateTowardZero() {
    Storage s = Storage.allocate(DType.INT32, 3);
    s.setLong(0, 1L << 31);
    assertEquals(-(1L << 31), s.getLong(0));
    s.setLong(1, (1L << 32) + 1);
    assertEquals(1, s.getLong(1));
    s.setDouble(2, -2.7);
    assertEquals(-2, s.getLong(2));
    Storage l = Storage.ofDoubles(DType.INT64, 2.7, -0.5);
    assertEquals(2, l.getLong(0));
    assertEquals(0, l.getLong(1));
  }

  @Test
  void boolIsNonZeroAndNaNIsTrue() {
    Storage b = Storage.ofDoubles(DType.BOOL, 0.0, -0.0, Double.NaN, 0.25);
    assertFalse(b.getBool(0));
    assertFalse(b.getBool(1));
    assertTrue(b.getBool(2));
    assertTrue(b.getBool(3));
    assertEquals(1.0, b.getDouble(2));
    assertEquals(0, b.getLong(0));
    Storage f = Storage.ofBools(DType.FLOAT32, true, false);
    assertEquals(1.0, f.getDouble(0));
    assertEquals(0.0, f.getDouble(1));
    assertTrue(Storage.ofLongs(DType.INT64, 3).getBool(0));
  }

  @Test
  void readsConvert() {
    Storage f = Storage.ofDoubles(DType.FLOAT64, 3.9, -3.9);
    assertEquals(3, f.getLong(0));
    assertEquals(-3, f.getLong(1));
    assertTrue(f.getBool(0));
    assertEquals(5.0, Storage.ofLongs(DType.INT32, 5).getDouble(0));
  }

  @Test
  void copyElementConvertsFromTheSourceRepresentation() {
    Storage src = Storage.ofLongs(DType.INT64, 16_777_217L, -7);
    Storage dst = Storage.allocate(DType.FLOAT32, 2);
    dst.copyElement(0, src, 0);
    assertEquals(16_777_216.0, dst.getDouble(0));
    Storage ints = Storage.allocate(DType.INT32, 1);
    ints.copyElement(0, Storage.ofDoubles(DType.FLOAT32, -1.5), 0);
    assertEquals(-1, ints.getLong(0));
    Storage bools = Storage.allocate(DType.BOOL, 1);
    bools.copyElement(0, src, 1);
    assertTrue(bools.getBool(0));
  }

  @Test
  void sizesBytesAndCopies() {
    Storage s = Storage.allocate(DType.FLOAT64, 5);
    assertEquals(5, s.size());
    assertEquals(40, s.nbytes());
    assertEquals(5, Storage.allocate(DType.BOOL, 5).nbytes());
    Storage c = s.copy();
    c.setDouble(0, 1);
    assertEquals(0.0, s.getDouble(0));
    assertEquals(DType.FLOAT64, c.dtype());
    assertThrows(IllegalArgumentException.class, () -> Storage.allocate(DType.INT64, -1));
  }
}
