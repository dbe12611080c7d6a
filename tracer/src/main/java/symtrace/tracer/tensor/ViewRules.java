package symtrace.tracer.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymInt;

/**
 * The meta rules of PyTorch's view operators: each maps an input {@link Geometry} and the
 * operator's arguments to the geometry of the view, which shares the input's storage, or
 * raises PyTorch's error. Written once over {@link SymInt} for real and fake tensors alike
 * (comparisons guard through {@link ShapeRules}).
 *
 * <p>Dimensions are Python ints ({@code long}) and wrap as in PyTorch ({@code -1} is the last
 * dimension). Sizes, indices and offsets are SymInts.
 */
public final class ViewRules {
  private final ShapeRules shapes;

  private ViewRules(ShapeRules shapes) {
    this.shapes = shapes;
  }

  /** Rules whose guards name the operator {@code op}. */
  public static ViewRules of(String op) {
    return new ViewRules(ShapeRules.of(op));
  }

  /** Rules whose guards carry {@code why}. */
  public static ViewRules of(Provenance why) {
    return new ViewRules(ShapeRules.of(why));
  }

  /** The shape arithmetic these rules use, with the same provenance. */
  public ShapeRules shapes() {
    return shapes;
  }

  private boolean holds(SymBool condition) {
    return shapes.holds(condition);
  }

  /**
   * {@code view(shape)}: the same elements in a new shape ({@code -1} inferred).
   *
   * @throws TensorError for a shape of another element count, or {@code view size is not
   *     compatible with input tensor's size and stride (...). Use .reshape(...) instead.}
   */
  public Geometry view(Geometry g, List<SymInt> shape) {
    List<SymInt> sizes = shapes.inferSize(shape, g.numel());
    List<SymInt> strides = shapes.computeStride(g.sizes(), g.strides(), sizes)
        .orElseThrow(() -> TensorError.runtime("view size is not compatible with input tensor's"
            + " size and stride (at least one dimension spans across two contiguous subspaces)."
            + " Use .reshape(...) instead."));
    return new Geometry(sizes, strides, g.storageOffset());
  }

  /** {@code transpose(dim0, dim1)}: swaps two dimensions' sizes and strides. */
  public Geometry transpose(Geometry g, long dim0, long dim1) {
    int d0 = ShapeRules.wrapDim(dim0, g.dim());
    int d1 = ShapeRules.wrapDim(dim1, g.dim());
    if (g.dim() == 0) {
      return g;
    }
    List<SymInt> sizes = new ArrayList<>(g.sizes());
    List<SymInt> strides = new ArrayList<>(g.strides());
    sizes.set(d0, g.size(d1));
    sizes.set(d1, g.size(d0));
    strides.set(d0, g.stride(d1));
    strides.set(d1, g.stride(d0));
    return new Geometry(sizes, strides, g.storageOffset());
  }

  /**
   * {@code t()}: transposes a matrix; a tensor of fewer dimensions is returned as is.
   *
   * @throws TensorError {@code t() expects a tensor with <= 2 dimensions, but self is 3D}
   */
  public Geometry t(Geometry g) {
    if (g.dim() > 2) {
      throw TensorError.runtime(
          "t() expects a tensor with <= 2 dimensions, but self is " + g.dim() + "D");
    }
    return g.dim() < 2 ? g : transpose(g, 0, 1);
  }

  /**
   * {@code permute(dims)}: dimension {@code i} of the view is dimension {@code dims[i]}.
   *
   * @throws TensorError when {@code dims} does not name every dimension exactly once
   */
  public Geometry permute(Geometry g, long[] dims) {
    int ndim = g.dim();
    if (ndim != dims.length) {
      throw TensorError.runtime("permute(sparse_coo): number of dimensions in the tensor input "
          + "does not match the length of the desired ordering of dimensions i.e. input.dim() = "
          + ndim + " is not equal to len(dims) = " + dims.length);
    }
    BitSet seen = new BitSet(ndim);
    List<SymInt> sizes = new ArrayList<>(ndim);
    List<SymInt> strides = new ArrayList<>(ndim);
    for (long dim : dims) {
      int d = ShapeRules.wrapDim(dim, ndim);
      if (seen.get(d)) {
        throw TensorError.runtime("permute(): duplicate dims are not allowed.");
      }
      seen.set(d);
      sizes.add(g.size(d));
      strides.add(g.stride(d));
    }
    return new Geometry(sizes, strides, g.storageOffset());
  }

  /**
   * {@code expand(sizes)} ({@code inferExpandGeometry}): new leading dimensions and size-1
   * dimensions stretch with stride 0; {@code -1} keeps an existing size.
   *
   * @throws TensorError with PyTorch's texts, e.g. {@code The expanded size of the tensor (4)
   *     must match the existing size (3) at non-singleton dimension 1.  Target sizes: [2, 4].
   *     Tensor sizes: [2, 3]}
   */
  public Geometry expand(Geometry g, List<SymInt> sizes, DType dtype) {
    int ndim = sizes.size();
    int tensorDim = g.dim();
    if (ndim < tensorDim) {
      throw TensorError.runtime("expand(" + dtype.legacyTypeName() + "{" + g.sizes()
          + "}, size=" + sizes + "): the number of sizes provided (" + ndim
          + ") must be greater or equal to the number of dimensions in the tensor ("
          + tensorDim + ")");
    }
    SymInt[] outSizes = new SymInt[ndim];
    SymInt[] outStrides = new SymInt[ndim];
    for (int i = ndim - 1; i >= 0; i--) {
      int offset = ndim - 1 - i;
      int dim = tensorDim - 1 - offset;
      SymInt size = dim >= 0 ? g.size(dim) : SymInt.of(1);
      SymInt stride = dim >= 0
          ? g.stride(dim)
          : i + 1 < ndim ? outSizes[i + 1].mul(outStrides[i + 1]) : SymInt.of(1);
      SymInt target = sizes.get(i);
      if (target.isConstant() && target.constantValue() == -1) {
        if (dim < 0) {
          throw TensorError.runtime("The expanded size of the tensor (-1) isn't allowed in a"
              + " leading, non-existing dimension " + i);
        }
        target = size;
      }
      if (!holds(size.eq(target))) {
        if (!holds(size.eq(1))) {
          throw TensorError.runtime("The expanded size of the tensor (" + target
              + ") must match the existing size (" + size + ") at non-singleton dimension " + i
              + ".  Target sizes: " + sizes + ".  Tensor sizes: " + g.sizes());
        }
        size = target;
        stride = SymInt.of(0);
      }
      outSizes[i] = size;
      outStrides[i] = stride;
    }
    List<SymInt> out = Arrays.asList(outSizes);
    checkNonNegative(out);
    return new Geometry(out, Arrays.asList(outStrides), g.storageOffset());
  }

  /** {@code unsqueeze(dim)}: a new size-1 dimension at {@code dim} (in {@code [-n-1, n]}). */
  public Geometry unsqueeze(Geometry g, long dim) {
    int d = ShapeRules.wrapDim(dim, g.dim() + 1);
    List<SymInt> sizes = new ArrayList<>(g.sizes());
    List<SymInt> strides = new ArrayList<>(g.strides());
    SymInt stride = d >= g.dim() ? SymInt.of(1) : g.size(d).mul(g.stride(d));
    sizes.add(d, SymInt.of(1));
    strides.add(d, stride);
    return new Geometry(sizes, strides, g.storageOffset());
  }

  /** {@code squeeze()}: drops every size-1 dimension. */
  public Geometry squeeze(Geometry g) {
    BitSet all = new BitSet();
    all.set(0, g.dim());
    return squeezeDims(g, all);
  }

  /**
   * {@code squeeze(dims)}: drops those of {@code dims} whose size is 1; others stay (no error).
   *
   * @throws TensorError {@code dim 0 appears multiple times in the list of dims}
   */
  public Geometry squeeze(Geometry g, long... dims) {
    BitSet chosen = new BitSet();
    for (long dim : dims) {
      int d = ShapeRules.wrapDim(dim, g.dim());
      if (chosen.get(d)) {
        throw TensorError.runtime("dim " + d + " appears multiple times in the list of dims");
      }
      chosen.set(d);
    }
    return squeezeDims(g, chosen);
  }

  private Geometry squeezeDims(Geometry g, BitSet dims) {
    List<SymInt> sizes = new ArrayList<>();
    List<SymInt> strides = new ArrayList<>();
    for (int d = 0; d < g.dim(); d++) {
      if (dims.get(d) && holds(g.size(d).eq(1))) {
        continue;
      }
      sizes.add(g.size(d));
      strides.add(g.stride(d));
    }
    return new Geometry(sizes, strides, g.storageOffset());
  }

  /**
   * The target shape of {@code flatten(start, end)}, which PyTorch computes with {@code
   * reshape}: dimensions {@code start..end} merged into one; {@code [1]} for a
   * zero-dimensional tensor; null when {@code start == end} (flatten returns the tensor itself).
   *
   * @throws TensorError {@code flatten() has invalid args: start_dim cannot come after end_dim}
   */
  public List<SymInt> flattenShape(Geometry g, long startDim, long endDim) {
    int start = ShapeRules.wrapDim(startDim, g.dim());
    int end = ShapeRules.wrapDim(endDim, g.dim());
    if (start > end) {
      throw TensorError.runtime("flatten() has invalid args: start_dim cannot come after end_dim");
    }
    if (g.dim() == 0) {
      return List.of(SymInt.of(1));
    }
    if (start == end) {
      return null;
    }
    SymInt merged = SymInt.of(1);
    for (int d = start; d <= end; d++) {
      merged = merged.mul(g.size(d));
    }
    List<SymInt> shape = new ArrayList<>(g.sizes().subList(0, start));
    shape.add(merged);
    shape.addAll(g.sizes().subList(end + 1, g.dim()));
    return shape;
  }

  /**
   * {@code unflatten(dim, sizes)}: dimension {@code dim} split into {@code sizes} (one {@code
   * -1} inferred), a view.
   *
   * @throws TensorError {@code unflatten: Provided sizes [2, 2] don't multiply up to the size of
   *     dim 1 (3) in the input tensor}, {@code unflatten: sizes must be non-empty}
   */
  public Geometry unflatten(Geometry g, long dim, List<SymInt> sizes) {
    int d = ShapeRules.wrapDim(dim, g.dim(), false);
    if (sizes.isEmpty()) {
      throw TensorError.runtime("unflatten: sizes must be non-empty");
    }
    List<SymInt> inferred;
    try {
      inferred = shapes.inferSize(sizes, g.size(d));
    } catch (TensorError e) {
      if (!e.getMessage().contains("is invalid for input of size")) {
        throw TensorError.runtime("unflatten got an unexpected error:\n" + e.getMessage());
      }
      throw TensorError.runtime("unflatten: Provided sizes " + sizes
          + " don't multiply up to the size of dim " + d + " (" + g.size(d)
          + ") in the input tensor");
    }
    List<SymInt> shape = new ArrayList<>(g.sizes().subList(0, d));
    shape.addAll(inferred);
    shape.addAll(g.sizes().subList(d + 1, g.dim()));
    return view(g, shape);
  }

  /**
   * {@code narrow(dim, start, length)}: elements {@code start .. start+length-1} of {@code dim};
   * a negative {@code start} counts from the end.
   *
   * @throws TensorError with PyTorch's texts for a 0-dim tensor, a negative length, a start out
   *     of {@code [-size, size]} ({@code IndexError}) or a range past the end
   */
  public Geometry narrow(Geometry g, long dim, SymInt start, SymInt length) {
    if (g.dim() == 0) {
      throw TensorError.runtime("narrow() cannot be applied to a 0-dim tensor.");
    }
    if (holds(length.lt(0))) {
      throw TensorError.runtime("narrow(): length must be non-negative.");
    }
    int d = ShapeRules.wrapDim(dim, g.dim());
    SymInt cur = g.size(d);
    if (!(holds(cur.neg().le(start)) && holds(start.le(cur)))) {
      throw TensorError.index("start out of range (expected to be in range of [" + cur.neg()
          + ", " + cur + "], but got " + start + ")");
    }
    if (holds(start.lt(0))) {
      start = start.add(cur);
    }
    if (!holds(start.le(cur.sub(length)))) {
      throw TensorError.runtime("start (" + start + ") + length (" + length
          + ") exceeds dimension size (" + cur + ").");
    }
    return slice(g, d, start, start.add(length), SymInt.of(1));
  }

  /**
   * {@code select(dim, index)}: the slice at {@code index} of {@code dim}, which disappears; a
   * negative index counts from the end.
   *
   * @throws TensorError ({@code IndexError}) {@code select(): index 5 out of range for tensor of
   *     size [3, 4] at dimension 0}, or for a 0-dim tensor
   */
  public Geometry select(Geometry g, long dim, SymInt index) {
    if (g.dim() == 0) {
      throw TensorError.index("select() cannot be applied to a 0-dim tensor.");
    }
    int d = ShapeRules.wrapDim(dim, g.dim());
    SymInt size = g.size(d);
    if (holds(index.lt(size.neg())) || holds(index.ge(size))) {
      throw TensorError.index("select(): index " + index + " out of range for tensor of size "
          + g.sizes() + " at dimension " + d);
    }
    if (holds(index.lt(0))) {
      index = index.add(size);
    }
    List<SymInt> sizes = new ArrayList<>(g.sizes());
    List<SymInt> strides = new ArrayList<>(g.strides());
    sizes.remove(d);
    strides.remove(d);
    return new Geometry(sizes, strides, g.storageOffset().add(index.mul(g.stride(d))));
  }

  /**
   * {@code slice(dim, start, end, step)}, Python's {@code x[start:end:step]} on one dimension:
   * null {@code start}/{@code end} mean the ends; negative ones count from the end; both are
   * then clamped to {@code [0, size]} (an empty range is not an error).
   *
   * @throws TensorError {@code slice step must be positive}
   */
  public Geometry slice(Geometry g, long dim, SymInt start, SymInt end, SymInt step) {
    if (g.dim() == 0) {
      throw TensorError.runtime("slice() cannot be applied to a 0-dim tensor.");
    }
    int d = ShapeRules.wrapDim(dim, g.dim());
    if (!holds(step.gt(0))) {
      throw TensorError.runtime("slice step must be positive");
    }
    SymInt size = g.size(d);
    SymInt s = start == null ? SymInt.of(0) : start;
    SymInt e = end == null ? SymInt.of(Long.MAX_VALUE) : end;
    if (holds(s.lt(0))) {
      s = s.add(size);
    }
    if (holds(e.lt(0))) {
      e = e.add(size);
    }
    if (holds(s.lt(0))) {
      s = SymInt.of(0);
    } else if (holds(s.ge(size))) {
      s = size;
    }
    if (holds(e.lt(s))) {
      e = s;
    } else if (holds(e.ge(size))) {
      e = size;
    }
    SymInt length = e.sub(s);
    List<SymInt> sizes = new ArrayList<>(g.sizes());
    List<SymInt> strides = new ArrayList<>(g.strides());
    sizes.set(d, length.add(step).sub(1).floorDiv(step));
    strides.set(d, g.stride(d).mul(step));
    return new Geometry(sizes, strides, g.storageOffset().add(s.mul(g.stride(d))));
  }

  /**
   * {@code as_strided(sizes, strides, offset)} over a storage of {@code storageNumel} elements:
   * any layout whose elements all lie in the storage.
   *
   * @throws TensorError for mismatched lengths, negative strides, sizes or offset, or {@code
   *     setStorage: sizes [4, 4], strides [1, 2], storage offset 0, and itemsize 4 requiring a
   *     storage size of 28 are out of bounds for storage of size 16}
   */
  public Geometry asStrided(List<SymInt> sizes, List<SymInt> strides, SymInt offset,
      DType dtype, SymInt storageNumel) {
    if (sizes.size() != strides.size()) {
      throw TensorError.runtime("mismatch in length of strides and shape");
    }
    for (SymInt s : strides) {
      if (holds(s.lt(0))) {
        throw TensorError.runtime("as_strided: Negative strides are not supported at the moment,"
            + " got strides: " + strides);
      }
    }
    checkNonNegative(sizes);
    if (holds(offset.lt(0))) {
      throw TensorError.runtime("Tensor: invalid storage offset " + offset);
    }
    Geometry g = new Geometry(sizes, strides, offset);
    checkInBounds(g, dtype, storageNumel);
    return g;
  }

  /**
   * c10's {@code checkInBoundsForStorage}: every element of {@code g} lies within a storage of
   * {@code storageNumel} elements (a layout without elements always does).
   */
  public void checkInBounds(Geometry g, DType dtype, SymInt storageNumel) {
    SymInt needed = SymInt.of(1);
    for (int d = 0; d < g.dim(); d++) {
      if (holds(g.size(d).eq(0))) {
        return;
      }
      needed = needed.add(g.stride(d).mul(g.size(d).sub(1)));
    }
    SymInt item = SymInt.of(dtype.itemSize());
    SymInt neededBytes = needed.add(g.storageOffset()).mul(item);
    SymInt storageBytes = storageNumel.mul(item);
    if (!holds(neededBytes.le(storageBytes))) {
      throw TensorError.runtime("setStorage: sizes " + g.sizes() + ", strides " + g.strides()
          + ", storage offset " + g.storageOffset() + ", and itemsize " + dtype.itemSize()
          + " requiring a storage size of " + neededBytes
          + " are out of bounds for storage of size " + storageBytes);
    }
  }

  private void checkNonNegative(List<SymInt> sizes) {
    for (SymInt s : sizes) {
      if (holds(s.lt(0))) {
        throw TensorError.runtime(
            "Trying to create tensor with negative dimension " + s + ": " + sizes);
      }
    }
  }
}
