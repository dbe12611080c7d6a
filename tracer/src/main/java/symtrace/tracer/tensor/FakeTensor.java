package symtrace.tracer.tensor;

import java.util.Objects;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymInt;

/**
 * A tensor without data: a dtype and a layout whose sizes, strides and offset may be symbolic,
 * over a {@link FakeStorage} that views share (so aliasing is known, as in PyTorch's
 * FakeTensor). A fake tensor made from a small real tensor may keep it as its {@link #constant()},
 * which is how constant propagation reads values during tracing.
 */
public final class FakeTensor implements TensorValue {
  private final DType dtype;
  private final Geometry geometry;
  private final FakeStorage storage;
  /** Its values when known (constant propagation); forgotten when a write makes them stale. */
  private Tensor constant;
  /** The element count, one value per tensor as a TensorImpl keeps it; made on first use. */
  private SymInt numel;
  /** Whether it is contiguous, once a composite has asked (a TensorImpl's cached answer). */
  private SymBool contiguity;
  /** {@code item()}'s unbacked value and {@code nonzero}'s unbacked count, with the version of
   * the memory each was made at (PyTorch's {@code item_memo} and {@code nonzero_memo}). */
  private Object itemMemo;
  private int itemMemoVersion;
  private SymInt nonzeroMemo;
  private int nonzeroMemoVersion;

  private FakeTensor(DType dtype, Geometry geometry, FakeStorage storage, Tensor constant) {
    this.dtype = Objects.requireNonNull(dtype, "dtype");
    this.geometry = Objects.requireNonNull(geometry, "geometry");
    this.storage = Objects.requireNonNull(storage, "storage");
    this.constant = constant;
  }

  /** A fresh tensor with its own storage, just large enough for the layout. */
  public static FakeTensor of(DType dtype, Geometry geometry) {
    return new FakeTensor(dtype, geometry, new FakeStorage(dtype), null);
  }

  /** A fresh contiguous tensor of the given sizes. */
  public static FakeTensor contiguous(DType dtype, java.util.List<SymInt> sizes) {
    return of(dtype, Geometry.contiguous(sizes));
  }

  /** A view: the same storage seen through another layout. */
  public FakeTensor view(Geometry layout) {
    return new FakeTensor(dtype, layout, storage, null);
  }

  /** An in-place write with unknown values: the tensor's values are no longer known. */
  public void forgetConstant() {
    constant = null;
  }

  /** An in-place write computed on the values: they are the tensor's values from now on. */
  public void rememberConstant(Tensor value) {
    constant = value;
  }

  /** The same tensor, remembering its values (constant propagation). */
  public FakeTensor withConstant(Tensor value) {
    return new FakeTensor(dtype, geometry, storage, value);
  }

  @Override
  public DType dtype() {
    return dtype;
  }

  @Override
  public Geometry geometry() {
    return geometry;
  }

  /** The product of the sizes, the same SymInt on every call (PyTorch caches it per tensor). */
  @Override
  public SymInt symNumel() {
    if (numel == null) {
      numel = geometry.numel();
    }
    return numel;
  }

  /** The contiguity computed for this tensor before, or null when none was asked yet. */
  public SymBool knownContiguity() {
    return contiguity;
  }

  /** Keeps the first contiguity computed for this tensor (later ones are the same question). */
  public void rememberContiguity(SymBool value) {
    if (contiguity == null) {
      contiguity = value;
    }
  }

  public FakeStorage storage() {
    return storage;
  }

  /** The values when known (a traced constant); null otherwise. */
  public Tensor constant() {
    return constant;
  }

  public boolean isAliasOf(FakeTensor other) {
    return storage == other.storage;
  }

  @Override
  public String toString() {
    return "FakeTensor(" + typeAnnotation() + ", strides=" + geometry.strides() + ")";
  }

  /**
   * The unbacked value {@code item()} gave for this tensor, while its memory is unchanged;
   * else null. PyTorch memoizes it so that reading the same tensor twice gives one symbol.
   */
  public Object itemMemo() {
    return itemMemo != null && itemMemoVersion == storage.version() ? itemMemo : null;
  }

  public void rememberItem(Object value) {
    itemMemo = value;
    itemMemoVersion = storage.version();
  }

  /** The unbacked count {@code nonzero} gave for this tensor, while its memory is unchanged. */
  public SymInt nonzeroMemo() {
    return nonzeroMemo != null && nonzeroMemoVersion == storage.version() ? nonzeroMemo : null;
  }

  public void rememberNonzero(SymInt count) {
    nonzeroMemo = count;
    nonzeroMemoVersion = storage.version();
  }

  /**
   * The identity of a fake tensor's memory: views of one tensor share it, and its version
   * counts the in-place writes to any of them (a TensorImpl's shared version counter).
   */
  public static final class FakeStorage {
    private final DType dtype;
    private int version;

    FakeStorage(DType dtype) {
      this.dtype = dtype;
    }

    public DType dtype() {
      return dtype;
    }

    public int version() {
      return version;
    }

    /** Records an in-place write. */
    public void bump() {
      version++;
    }
  }
}
