package symtrace.tracer.tensor;

/**
 * The flat, mutable element buffer behind one or more tensors ({@code torch.UntypedStorage}
 * with its dtype): views share a storage, so a write through any of them is seen by all.
 *
 * <p>One implementation per representation: {@link FloatStorage} ({@code double[]}; float32
 * values are rounded to float32 on every write, so the array only ever holds float32 values),
 * {@link IntStorage} ({@code long[]}; int32 values wrap to 32 bits on every write) and {@link
 * BoolStorage} ({@code boolean[]}).
 *
 * <h2>Conversions</h2>
 *
 * Every element can be read and written as a double, a long or a boolean; a conversion follows
 * PyTorch's casts ({@code static_cast}): floating to integer truncates toward zero, anything to
 * bool is "non-zero" (NaN is true), bool to a number is 0 or 1, integer to float32 rounds once
 * to nearest. Out-of-range floating-to-integer casts, undefined behaviour in C++, saturate here
 * as Java's casts do.
 *
 * <p>Indices are {@code int}: a storage holds at most {@link #MAX_SIZE} elements. A storage is
 * not thread-safe.
 */
public abstract sealed class Storage permits FloatStorage, IntStorage, BoolStorage {
  /** The largest number of elements of one storage. */
  public static final int MAX_SIZE = Integer.MAX_VALUE - 8;

  private final DType dtype;

  Storage(DType dtype) {
    this.dtype = dtype;
  }

  /**
   * Returns a zero-filled storage of {@code size} elements.
   *
   * @throws IllegalArgumentException if {@code size} is negative
   * @throws TensorError if it is above {@link #MAX_SIZE}
   */
  public static Storage allocate(DType dtype, long size) {
    if (size < 0) {
      throw new IllegalArgumentException("storage size out of range: " + size);
    }
    if (size > MAX_SIZE) {
      // a user's size, not a bug: a real tensor this large cannot be held in memory here
      throw TensorError.runtime("a tensor of " + size + " elements is too large: symtrace's CPU"
          + " tensors hold at most " + MAX_SIZE + " elements");
    }
    int n = (int) size;
    switch (dtype) {
      case FLOAT32:
      case FLOAT64:
        return new FloatStorage(dtype, new double[n]);
      case INT32:
      case INT64:
        return new IntStorage(dtype, new long[n]);
      default:
        return new BoolStorage(new boolean[n]);
    }
  }

  /** Returns a storage holding {@code values} converted to {@code dtype}. */
  public static Storage ofDoubles(DType dtype, double... values) {
    Storage s = allocate(dtype, values.length);
    for (int i = 0; i < values.length; i++) {
      s.setDouble(i, values[i]);
    }
    return s;
  }

  /** Returns a storage holding {@code values} converted to {@code dtype}. */
  public static Storage ofLongs(DType dtype, long... values) {
    Storage s = allocate(dtype, values.length);
    for (int i = 0; i < values.length; i++) {
      s.setLong(i, values[i]);
    }
    return s;
  }

  /** Returns a storage holding {@code values} converted to {@code dtype}. */
  public static Storage ofBools(DType dtype, boolean... values) {
    Storage s = allocate(dtype, values.length);
    for (int i = 0; i < values.length; i++) {
      s.setBool(i, values[i]);
    }
    return s;
  }

  public final DType dtype() {
    return dtype;
  }

  /** The number of elements. */
  public abstract int size();

  /** {@code nbytes()}: the size in bytes PyTorch would allocate. */
  public final long nbytes() {
    return (long) size() * dtype.itemSize();
  }

  public abstract double getDouble(int index);

  public abstract long getLong(int index);

  public abstract boolean getBool(int index);

  public abstract void setDouble(int index, double value);

  public abstract void setLong(int index, long value);

  public abstract void setBool(int index, boolean value);

  /**
   * Writes element {@code srcIndex} of {@code src} to {@code index}, converted from the source's
   * own representation (so an int64 written to float32 is rounded once, not through double).
   */
  public abstract void copyElement(int index, Storage src, int srcIndex);

  /** Returns an independent storage with the same dtype and elements. */
  public abstract Storage copy();
}
