package symtrace.tracer.tensor;

/** The storage of a bool tensor: a {@code boolean[]}. */
public final class BoolStorage extends Storage {
  private final boolean[] data;

  BoolStorage(boolean[] data) {
    super(DType.BOOL);
    this.data = data;
  }

  /** The backing array, for kernels that loop over it. */
  public boolean[] array() {
    return data;
  }

  @Override
  public int size() {
    return data.length;
  }

  @Override
  public double getDouble(int index) {
    return data[index] ? 1.0 : 0.0;
  }

  @Override
  public long getLong(int index) {
    return data[index] ? 1 : 0;
  }

  @Override
  public boolean getBool(int index) {
    return data[index];
  }

  @Override
  public void setDouble(int index, double value) {
    data[index] = value != 0;
  }

  @Override
  public void setLong(int index, long value) {
    data[index] = value != 0;
  }

  @Override
  public void setBool(int index, boolean value) {
    data[index] = value;
  }

  @Override
  public void copyElement(int index, Storage src, int srcIndex) {
    data[index] = src.getBool(srcIndex);
  }

  @Override
  public Storage copy() {
    return new BoolStorage(data.clone());
  }
}
