package symtrace.tracer.tensor;

/**
 * The storage of a float32 or float64 tensor: a {@code double[]}. For float32 every write
 * rounds to the nearest float32 ({@code (double) (float) v}), so arithmetic on the stored
 * doubles sees exactly PyTorch's float32 values.
 */
public final class FloatStorage extends Storage {
  private final double[] data;
  private final boolean float32;

  FloatStorage(DType dtype, double[] data) {
    super(dtype);
    this.data = data;
    this.float32 = dtype == DType.FLOAT32;
  }

  /**
   * The backing array, for kernels that loop over it. A kernel writing it directly must store
   * only float32 values in a float32 storage ({@link #round}).
   */
  public double[] array() {
    return data;
  }

  /** The value as this storage stores it: rounded to float32 for float32. */
  public double round(double value) {
    return float32 ? (double) (float) value : value;
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
    return (long) data[index];
  }

  @Override
  public boolean getBool(int index) {
    return data[index] != 0;
  }

  @Override
  public void setDouble(int index, double value) {
    data[index] = float32 ? (double) (float) value : value;
  }

  @Override
  public void setLong(int index, long value) {
    data[index] = float32 ? (double) (float) value : (double) value;
  }

  @Override
  public void setBool(int index, boolean value) {
    data[index] = value ? 1.0 : 0.0;
  }

  @Override
  public void copyElement(int index, Storage src, int srcIndex) {
    if (src instanceof FloatStorage f) {
      setDouble(index, f.data[srcIndex]);
    } else if (src instanceof IntStorage i) {
      setLong(index, i.getLong(srcIndex));
    } else {
      setBool(index, src.getBool(srcIndex));
    }
  }

  @Override
  public Storage copy() {
    return new FloatStorage(dtype(), data.clone());
  }
}
