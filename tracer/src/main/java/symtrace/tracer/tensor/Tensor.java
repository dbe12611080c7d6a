package symtrace.tracer.tensor;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import symtrace.symbolic.value.SymInt;

/**
 * A real, dense CPU tensor: a {@link Storage} seen through sizes, strides and a storage offset,
 * all {@code long}s (element {@code (i_0, ..., i_{n-1})} is storage index {@code offset +
 * sum(i_d * strides[d])}).
 *
 * <p>View operators ({@link #view}, {@link #transpose}, {@link #expand}, {@link #select},
 * {@link #slice}, ...) return tensors over the same storage, computed by {@link ViewRules}
 * exactly as PyTorch lays them out, so a write through a view is seen by its base and by every
 * other view. {@link #reshape}, {@link #flatten} and {@link #contiguous} are views when PyTorch's
 * are and copies otherwise; {@link #clone} and {@link #to} copy. The in-place operators {@link
 * #copy_}, {@link #fill_} and {@link #zero_} write through the layout.
 *
 * <p>Sizes, strides and offset never change after construction; the elements are mutable. Not
 * thread-safe. Arguments a Python program supplies (dims, shapes, indices) are checked with
 * PyTorch's error texts ({@link TensorError}); misuse of the Java element accessors (a wrong
 * number of indices, an index out of range) throws {@link IndexOutOfBoundsException}.
 */
public final class Tensor implements TensorValue {
  private final Storage storage;
  private final long[] sizes;
  private final long[] strides;
  private final long storageOffset;
  private final long numel;

  /** Trusted: callers guarantee the layout lies within the storage. */
  private Tensor(Storage storage, long[] sizes, long[] strides, long storageOffset) {
    this.storage = storage;
    this.sizes = sizes;
    this.strides = strides;
    this.storageOffset = storageOffset;
    long n = 1;
    for (long s : sizes) {
      n *= s;
    }
    this.numel = n;
  }

  // ---------------------------------------------------------------------------------------
  // Creation

  /**
   * {@code torch.zeros(sizes, dtype=dtype)}: a new contiguous tensor.
   *
   * @throws TensorError for a negative size
   */
  public static Tensor zeros(DType dtype, long... sizes) {
    return emptyStrided(dtype, sizes, ShapeRules.contiguousStrides(sizes));
  }

  /**
   * {@code torch.empty(sizes, dtype=dtype)}. Unlike PyTorch's the elements are defined: zero.
   */
  public static Tensor empty(DType dtype, long... sizes) {
    return zeros(dtype, sizes);
  }

  /**
   * {@code torch.empty_strided(sizes, strides)}: a new, zero-filled storage just large enough
   * for the layout.
   */
  public static Tensor emptyStrided(DType dtype, long[] sizes, long[] strides) {
    long needed = requiredStorage(sizes, strides);
    // validation only: the layout is the arguments
    ViewRules.of("empty_strided").asStrided(Geometry.ints(sizes), Geometry.ints(strides),
        SymInt.of(0), dtype, SymInt.of(needed));
    return new Tensor(Storage.allocate(dtype, needed), sizes.clone(), strides.clone(), 0);
  }

  private static long requiredStorage(long[] sizes, long[] strides) {
    long needed = 1;
    for (int d = 0; d < sizes.length; d++) {
      if (sizes[d] == 0) {
        return 0;
      }
      needed += Math.max(strides[d], 0) * Math.max(sizes[d] - 1, 0);
    }
    return needed;
  }

  /** {@code torch.full(sizes, value, dtype=dtype)}. */
  public static Tensor full(DType dtype, double value, long... sizes) {
    return zeros(dtype, sizes).fill_(value);
  }

  /** A contiguous tensor of the given row-major values, converted to {@code dtype}. */
  public static Tensor ofDoubles(DType dtype, long[] sizes, double... values) {
    Tensor t = zeros(dtype, sizes);
    checkCount(t, values.length);
    for (int i = 0; i < values.length; i++) {
      t.storage.setDouble(i, values[i]);
    }
    return t;
  }

  /** A contiguous tensor of the given row-major values, converted to {@code dtype}. */
  public static Tensor ofLongs(DType dtype, long[] sizes, long... values) {
    Tensor t = zeros(dtype, sizes);
    checkCount(t, values.length);
    for (int i = 0; i < values.length; i++) {
      t.storage.setLong(i, values[i]);
    }
    return t;
  }

  /** A contiguous tensor of the given row-major values, converted to {@code dtype}. */
  public static Tensor ofBools(DType dtype, long[] sizes, boolean... values) {
    Tensor t = zeros(dtype, sizes);
    checkCount(t, values.length);
    for (int i = 0; i < values.length; i++) {
      t.storage.setBool(i, values[i]);
    }
    return t;
  }

  private static void checkCount(Tensor t, int count) {
    if (count != t.numel) {
      throw new IllegalArgumentException(
          count + " values for a tensor of shape " + Arrays.toString(t.sizes));
    }
  }

  /** A zero-dimensional tensor ({@code torch.tensor(value, dtype=dtype)}). */
  public static Tensor scalar(DType dtype, double value) {
    return ofDoubles(dtype, new long[0], value);
  }

  /**
   * A tensor over an existing storage ({@code torch.empty(0).set_(storage, offset, sizes,
   * strides)}).
   *
   * @throws TensorError when the layout leaves the storage, or has a negative stride, size or
   *     offset
   */
  public static Tensor of(Storage storage, long[] sizes, long[] strides, long storageOffset) {
    ViewRules.of("set_").asStrided(Geometry.ints(sizes), Geometry.ints(strides),
        SymInt.of(storageOffset), storage.dtype(), SymInt.of(storage.size()));
    return new Tensor(storage, sizes.clone(), strides.clone(), storageOffset);
  }

  // ---------------------------------------------------------------------------------------
  // Metadata

  public DType dtype() {
    return storage.dtype();
  }

  /** The storage this tensor and its views share. */
  public Storage storage() {
    return storage;
  }

  public int dim() {
    return sizes.length;
  }

  /** A copy of the sizes. */
  public long[] sizes() {
    return sizes.clone();
  }

  /** A copy of the strides, in elements. */
  public long[] strides() {
    return strides.clone();
  }

  /**
   * {@code size(dim)}, with a negative dim counted from the end.
   *
   * @throws TensorError ({@code IndexError}) for a dim out of range, or any dim of a 0-dim tensor
   */
  public long size(long dim) {
    return sizes[ShapeRules.wrapDim(dim, sizes.length, false)];
  }

  /** {@code stride(dim)}, with a negative dim counted from the end. */
  public long stride(long dim) {
    return strides[ShapeRules.wrapDim(dim, strides.length, false)];
  }

  long sizeAt(int d) {
    return sizes[d];
  }

  long strideAt(int d) {
    return strides[d];
  }

  public long storageOffset() {
    return storageOffset;
  }

  public long numel() {
    return numel;
  }

  /** The layout as constant SymInts, as {@link ViewRules} takes it. */
  public Geometry geometry() {
    return Geometry.of(sizes, strides, storageOffset);
  }

  /** PyTorch's {@code is_contiguous()}: row-major, ignoring the strides of size-1 dimensions. */
  public boolean isContiguous() {
    return ShapeRules.of("is_contiguous").isContiguous(geometry());
  }

  /** c10's {@code is_non_overlapping_and_dense()}: some dimension order is contiguous. */
  public boolean isNonOverlappingAndDense() {
    return ShapeRules.of("is_non_overlapping_and_dense").isNonOverlappingAndDense(geometry());
  }

  /** True when both tensors view one storage ({@code is_alias_of}). */
  public boolean isAliasOf(Tensor other) {
    return storage == other.storage;
  }

  /** The annotation of printed graphs: {@code f32[3, 4]}. */
  public String typeString() {
    StringBuilder b = new StringBuilder(dtype().shortName()).append('[');
    for (int d = 0; d < sizes.length; d++) {
      b.append(d == 0 ? "" : ", ").append(sizes[d]);
    }
    return b.append(']').toString();
  }

  @Override
  public String toString() {
    return "Tensor(" + typeString() + ", strides=" + Arrays.toString(strides) + ", offset="
        + storageOffset + ")";
  }

  // ---------------------------------------------------------------------------------------
  // Elements

  /** The storage index of the element at {@code index} (one non-negative index per dim). */
  public int storageIndex(long... index) {
    if (index.length != sizes.length) {
      throw new IndexOutOfBoundsException(
          index.length + " indices for a tensor of " + sizes.length + " dimensions");
    }
    long at = storageOffset;
    for (int d = 0; d < index.length; d++) {
      Objects.checkIndex(index[d], sizes[d]);
      at += index[d] * strides[d];
    }
    return (int) at;
  }

  /** The storage index of the element at row-major position {@code flat}. */
  public int storageIndexOfFlat(long flat) {
    Objects.checkIndex(flat, numel);
    long at = storageOffset;
    for (int d = sizes.length - 1; d >= 0; d--) {
      at += (flat % sizes[d]) * strides[d];
      flat /= sizes[d];
    }
    return (int) at;
  }

  /** A cursor over the storage indices of the elements in row-major order. */
  public OffsetCursor cursor() {
    return new OffsetCursor(sizes, strides, storageOffset);
  }

  public double getDouble(long... index) {
    return storage.getDouble(storageIndex(index));
  }

  public long getLong(long... index) {
    return storage.getLong(storageIndex(index));
  }

  public boolean getBool(long... index) {
    return storage.getBool(storageIndex(index));
  }

  public void setDouble(long[] index, double value) {
    storage.setDouble(storageIndex(index), value);
  }

  public void setLong(long[] index, long value) {
    storage.setLong(storageIndex(index), value);
  }

  public void setBool(long[] index, boolean value) {
    storage.setBool(storageIndex(index), value);
  }

  public double getDoubleFlat(long flat) {
    return storage.getDouble(storageIndexOfFlat(flat));
  }

  public long getLongFlat(long flat) {
    return storage.getLong(storageIndexOfFlat(flat));
  }

  public boolean getBoolFlat(long flat) {
    return storage.getBool(storageIndexOfFlat(flat));
  }

  public void setDoubleFlat(long flat, double value) {
    storage.setDouble(storageIndexOfFlat(flat), value);
  }

  public void setLongFlat(long flat, long value) {
    storage.setLong(storageIndexOfFlat(flat), value);
  }

  public void setBoolFlat(long flat, boolean value) {
    storage.setBool(storageIndexOfFlat(flat), value);
  }

  /** The elements in row-major order, as doubles. */
  public double[] toDoubleArray() {
    double[] out = new double[Math.toIntExact(numel)];
    OffsetCursor c = cursor();
    for (int i = 0; i < out.length; i++) {
      out[i] = storage.getDouble(c.next());
    }
    return out;
  }

  /** The elements in row-major order, as longs. */
  public long[] toLongArray() {
    long[] out = new long[Math.toIntExact(numel)];
    OffsetCursor c = cursor();
    for (int i = 0; i < out.length; i++) {
      out[i] = storage.getLong(c.next());
    }
    return out;
  }

  /** The elements in row-major order, as booleans. */
  public boolean[] toBoolArray() {
    boolean[] out = new boolean[Math.toIntExact(numel)];
    OffsetCursor c = cursor();
    for (int i = 0; i < out.length; i++) {
      out[i] = storage.getBool(c.next());
    }
    return out;
  }

  /**
   * {@code item()} as a double.
   *
   * @throws TensorError {@code a Tensor with 2 elements cannot be converted to Scalar}
   */
  public double itemDouble() {
    return storage.getDouble(itemIndex());
  }

  /** {@code item()} as a long. */
  public long itemLong() {
    return storage.getLong(itemIndex());
  }

  /** {@code item()} as a boolean. */
  public boolean itemBool() {
    return storage.getBool(itemIndex());
  }

  private int itemIndex() {
    if (numel != 1) {
      throw TensorError.runtime(
          "a Tensor with " + numel + " elements cannot be converted to Scalar");
    }
    return (int) storageOffset;
  }

  // ---------------------------------------------------------------------------------------
  // Views

  private Tensor viewOf(Geometry g) {
    return new Tensor(storage, Geometry.longs(g.sizes()), Geometry.longs(g.strides()),
        g.storageOffset().constantValue());
  }

  /** {@code view(shape)}: a view in another shape, one {@code -1} inferred. */
  public Tensor view(long... shape) {
    return viewOf(ViewRules.of("view").view(geometry(), Geometry.ints(shape)));
  }

  /**
   * {@code reshape(shape)}: {@link #view} when the strides allow one, else a contiguous copy in
   * the new shape.
   */
  public Tensor reshape(long... shape) {
    ShapeRules rules = ShapeRules.of("reshape");
    List<SymInt> inferred = rules.inferSize(Geometry.ints(shape), SymInt.of(numel));
    return rules.computeStride(geometry().sizes(), geometry().strides(), inferred)
        .map(st -> viewOf(new Geometry(inferred, st, SymInt.of(storageOffset))))
        .orElseGet(() -> clone(MemoryFormat.CONTIGUOUS).view(Geometry.longs(inferred)));
  }

  /** {@code transpose(dim0, dim1)}. */
  public Tensor transpose(long dim0, long dim1) {
    return viewOf(ViewRules.of("transpose").transpose(geometry(), dim0, dim1));
  }

  /** {@code t()}: the transpose of a matrix; a view of a 0-d or 1-d tensor as it is. */
  public Tensor t() {
    return viewOf(ViewRules.of("t").t(geometry()));
  }

  /** {@code permute(dims)}. */
  public Tensor permute(long... dims) {
    return viewOf(ViewRules.of("permute").permute(geometry(), dims));
  }

  /** {@code expand(sizes)}: stretched size-1 and new leading dimensions have stride 0. */
  public Tensor expand(long... sizes) {
    return viewOf(ViewRules.of("expand").expand(geometry(), Geometry.ints(sizes), dtype()));
  }

  /** {@code expand_as(other)}. */
  public Tensor expandAs(Tensor other) {
    return expand(other.sizes);
  }

  /** {@code unsqueeze(dim)}. */
  public Tensor unsqueeze(long dim) {
    return viewOf(ViewRules.of("unsqueeze").unsqueeze(geometry(), dim));
  }

  /** {@code squeeze()}: every size-1 dimension dropped. */
  public Tensor squeeze() {
    return viewOf(ViewRules.of("squeeze").squeeze(geometry()));
  }

  /** {@code squeeze(dim)}: dropped when its size is 1, else an unchanged view. */
  public Tensor squeeze(long dim) {
    return viewOf(ViewRules.of("squeeze").squeeze(geometry(), dim));
  }

  /** {@code squeeze(dims)} (a tuple of dims). */
  public Tensor squeeze(long[] dims) {
    return viewOf(ViewRules.of("squeeze").squeeze(geometry(), dims));
  }

  /** {@code flatten()}: all dimensions merged; a 0-d tensor becomes shape {@code [1]}. */
  public Tensor flatten() {
    return flatten(0, -1);
  }

  /**
   * {@code flatten(start_dim, end_dim)}, through {@link #reshape}; returns this tensor itself
   * when {@code start_dim == end_dim}, as PyTorch does.
   */
  public Tensor flatten(long startDim, long endDim) {
    List<SymInt> shape = ViewRules.of("flatten").flattenShape(geometry(), startDim, endDim);
    return shape == null ? this : reshape(Geometry.longs(shape));
  }

  /** {@code unflatten(dim, sizes)}: a view, one {@code -1} inferred. */
  public Tensor unflatten(long dim, long... sizes) {
    return viewOf(ViewRules.of("unflatten").unflatten(geometry(), dim, Geometry.ints(sizes)));
  }

  /** {@code narrow(dim, start, length)}. */
  public Tensor narrow(long dim, long start, long length) {
    return viewOf(
        ViewRules.of("narrow").narrow(geometry(), dim, SymInt.of(start), SymInt.of(length)));
  }

  /** {@code select(dim, index)}: the dimension disappears. */
  public Tensor select(long dim, long index) {
    return viewOf(ViewRules.of("select").select(geometry(), dim, SymInt.of(index)));
  }

  /**
   * {@code slice(dim, start, end, step)}, i.e. {@code x[start:end:step]} on {@code dim}; null
   * bounds are Python's omitted ones.
   */
  public Tensor slice(long dim, Long start, Long end, long step) {
    return viewOf(ViewRules.of("slice").slice(geometry(), dim,
        start == null ? null : SymInt.of(start), end == null ? null : SymInt.of(end),
        SymInt.of(step)));
  }

  /** {@code as_strided(sizes, strides)} at this tensor's storage offset. */
  public Tensor asStrided(long[] sizes, long[] strides) {
    return asStrided(sizes, strides, storageOffset);
  }

  /** {@code as_strided(sizes, strides, storage_offset)}: any layout within the storage. */
  public Tensor asStrided(long[] sizes, long[] strides, long storageOffset) {
    return viewOf(ViewRules.of("as_strided").asStrided(Geometry.ints(sizes),
        Geometry.ints(strides), SymInt.of(storageOffset), dtype(), SymInt.of(storage.size())));
  }

  // ---------------------------------------------------------------------------------------
  // Copies and in-place writes

  /** {@code contiguous()}: this tensor when it is contiguous, else a contiguous copy. */
  public Tensor contiguous() {
    return isContiguous() ? this : clone(MemoryFormat.CONTIGUOUS);
  }

  /** {@code clone()}: a copy with {@code memory_format=torch.preserve_format}. */
  @Override
  public Tensor clone() {
    return clone(MemoryFormat.PRESERVE);
  }

  /** {@code clone(memory_format=...)}: a copy in a new storage. */
  public Tensor clone(MemoryFormat format) {
    return emptyLike(dtype(), format).copy_(this);
  }

  /** {@code to(dtype)}: this tensor when its dtype is {@code dtype}, else a converted copy. */
  public Tensor to(DType dtype) {
    return dtype == dtype() ? this : emptyLike(dtype, MemoryFormat.PRESERVE).copy_(this);
  }

  /** {@code empty_like(self, dtype=dtype, memory_format=format)}, zero-filled. */
  public Tensor emptyLike(DType dtype, MemoryFormat format) {
    if (format == MemoryFormat.CONTIGUOUS) {
      return zeros(dtype, sizes);
    }
    ShapeRules rules = ShapeRules.of("empty_like");
    Geometry g = geometry();
    long[] outStrides = rules.isNonOverlappingAndDense(g)
        ? strides
        : Geometry.longs(rules.denseStrides(g));
    return emptyStrided(dtype, sizes, outStrides);
  }

  /**
   * {@code copy_(src)}: writes {@code src}, broadcast to this tensor's shape and converted to its
   * dtype, through this tensor's layout. Returns this tensor.
   *
   * @throws TensorError when {@code src} does not broadcast to this shape ({@code output with
   *     shape [3] doesn't match the broadcast shape [2, 3]}), when this tensor has several
   *     elements at one storage index, or when the two partly overlap in storage
   */
  public Tensor copy_(Tensor src) {
    Copies.copy(this, src);
    return this;
  }

  /** {@code fill_(value)}: every element set to {@code value} converted to this dtype. */
  public Tensor fill_(double value) {
    for (OffsetCursor c = cursor(); c.hasNext(); ) {
      storage.setDouble(c.next(), value);
    }
    return this;
  }

  /** {@code fill_(value)} with a Python int. */
  public Tensor fill_(long value) {
    for (OffsetCursor c = cursor(); c.hasNext(); ) {
      storage.setLong(c.next(), value);
    }
    return this;
  }

  /** {@code fill_(value)} with a Python bool. */
  public Tensor fill_(boolean value) {
    for (OffsetCursor c = cursor(); c.hasNext(); ) {
      storage.setBool(c.next(), value);
    }
    return this;
  }

  /** {@code zero_()}. */
  public Tensor zero_() {
    return fill_(0L);
  }
}
