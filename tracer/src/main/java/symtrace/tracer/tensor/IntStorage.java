package symtrace.tracer.tensor;

/**
 * The storage of an int32 or int64 tensor: a {@code long[]}. For int32 every write wraps to 32
 * bits ({@code (long) (int) v}), as a C++ narrowing cast does.
 */
public final class IntStorage extends Storage {
  private final long[] data;
  private final boolean int32;

  IntStorage(DType dtype, long[] data) {
    super(dtype);
    this.data = data;
    this.int32 = dtype == DType.INT32;
  }

  /**
   * The backing array, for kernels that loop over it. A kernel writing it directly must store
   * only int32 values in an int32 storage ({@link #wrap}).
   */
  public long[] array() {
    return data;
  }

  /** The value as this storage stores it: wrapped to 32 bits for int32. */
  public long wrap(long value) {
    return int32 ? (long) (int) value : value;
  }

  @Override
  public int size() {
    return data.length;
  }

  @Override
  public double getDouble(int index) {
    return data[index];
  }

  @Override
  public long getLong(int index) {
    return data[index];
  }

  @Override
  public boolean getBool(int index) {
    return data[index] != 0;
  }

  @Override
  public void setDouble(int index, double value) {
    data[index] = int32 ? (long) (int) value : (long) value;
  }

  @Override
  public void setLong(int index, long value) {
    data[index] = int32 ? (long) (int) value : value;
  }

  @Override
  public void setBool(int index, boolean value) {
    data[index] = value ? 1 : 0;
  }

  @Override
  public void copyElement(int index, Storage src, int srcIndex) {
    if (src instanceof IntStorage i) {
      setLong(index, i.data[srcIndex]);
    } else if (src instanceof FloatStorage f) {
      setDouble(index, f.getDouble(srcIndex));
    } else {
      setBool(index, src.getBool(srcIndex));
    }
  }

  @Override
  public Storage copy() {
    return new IntStorage(dtype(), data.clone());
  }
}
