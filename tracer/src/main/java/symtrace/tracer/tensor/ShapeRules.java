package symtrace.tracer.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymInt;

/**
 * PyTorch's shape and layout arithmetic, written once over {@link SymInt}: dimension wrapping,
 * {@code infer_size} ({@code -1} in a view), broadcasting, contiguity, dense-stride inference
 * and {@code computeStride} (when a view of a strided tensor exists).
 *
 * <p>Every size comparison is a {@link SymBool} converted with {@code guardBool(why)}: on the
 * constant SymInts of a real tensor that is plain arithmetic, on a fake tensor's symbolic sizes
 * it records a guard whose provenance is the operator this instance was made for. Error texts
 * are PyTorch's ({@link TensorError}).
 */
public final class ShapeRules {
  private final Provenance why;

  private ShapeRules(Provenance why) {
    this.why = why;
  }

  /** Rules whose guards name the operator {@code op}. */
  public static ShapeRules of(String op) {
    return new ShapeRules(Provenance.of(op));
  }

  /** Rules whose guards carry {@code why}. */
  public static ShapeRules of(Provenance why) {
    return new ShapeRules(why);
  }

  Provenance why() {
    return why;
  }

  boolean holds(SymBool condition) {
    return condition.guardBool(why);
  }

  // ---------------------------------------------------------------------------------------
  // Dimensions

  /**
   * c10's {@code maybe_wrap_dim(dim, ndim)} with {@code wrap_scalar=true}: a zero-dimensional
   * tensor accepts dims {@code -1} and {@code 0}.
   *
   * @throws TensorError ({@code IndexError}) {@code Dimension out of range (expected to be in
   *     range of [-2, 1], but got 2)}
   */
  public static int wrapDim(long dim, int ndim) {
    return wrapDim(dim, ndim, true);
  }

  /**
   * {@code maybe_wrap_dim}; without {@code wrapScalar} a zero-dimensional tensor has no valid
   * dim ({@code Dimension specified as 0 but tensor has no dimensions}).
   */
  public static int wrapDim(long dim, int ndim, boolean wrapScalar) {
    if (ndim <= 0) {
      if (!wrapScalar) {
        throw TensorError.index(
            "Dimension specified as " + dim + " but tensor has no dimensions");
      }
      ndim = 1;
    }
    long min = -ndim;
    long max = ndim - 1;
    if (dim < min || dim > max) {
      throw TensorError.index("Dimension out of range (expected to be in range of [" + min
          + ", " + max + "], but got " + dim + ")");
    }
    return (int) (dim < 0 ? dim + ndim : dim);
  }

  // ---------------------------------------------------------------------------------------
  // infer_size and broadcasting

  /**
   * {@code infer_size(shape, numel)}: the shape with its one {@code -1} replaced so that it
   * holds {@code numel} elements.
   *
   * @throws TensorError {@code only one dimension can be inferred}, {@code invalid shape
   *     dimension -2}, {@code shape '[3, 5]' is invalid for input of size 12}, or the ambiguity
   *     of {@code -1} with zero elements
   */
  public List<SymInt> inferSize(List<SymInt> shape, SymInt numel) {
    int inferDim = -1;
    SymInt newSize = SymInt.of(1);
    for (int d = 0; d < shape.size(); d++) {
      SymInt s = shape.get(d);
      if (s.isConstant() && s.constantValue() == -1) {
        if (inferDim >= 0) {
          throw TensorError.runtime("only one dimension can be inferred");
        }
        inferDim = d;
      } else if (s.isConstant() && s.constantValue() < 0) {
        throw TensorError.runtime("invalid shape dimension " + s);
      } else {
        newSize = newSize.mul(s);
      }
    }
    boolean fits = holds(numel.eq(newSize))
        || (inferDim >= 0 && holds(newSize.gt(0)) && holds(numel.mod(newSize).eq(0)));
    if (!fits) {
      throw TensorError.runtime("shape '" + shape + "' is invalid for input of size " + numel);
    }
    if (inferDim < 0) {
      return List.copyOf(shape);
    }
    if (holds(newSize.eq(0))) {
      throw TensorError.runtime("cannot reshape tensor of 0 elements into shape " + shape
          + " because the unspecified dimension size -1 can be any value and is ambiguous");
    }
    List<SymInt> out = new ArrayList<>(shape);
    out.set(inferDim, numel.floorDiv(newSize));
    return out;
  }

  /**
   * {@code infer_size(a, b)}: the broadcast of two shapes, aligned at the right; a size 1
   * stretches to the other size (even 0).
   *
   * @throws TensorError {@code The size of tensor a (3) must match the size of tensor b (4) at
   *     non-singleton dimension 1}
   */
  public List<SymInt> broadcastShapes(List<SymInt> a, List<SymInt> b) {
    int ndim = Math.max(a.size(), b.size());
    SymInt[] out = new SymInt[ndim];
    for (int i = ndim - 1; i >= 0; i--) {
      int offset = ndim - 1 - i;
      int dimA = a.size() - 1 - offset;
      int dimB = b.size() - 1 - offset;
      SymInt sizeA = dimA >= 0 ? a.get(dimA) : SymInt.of(1);
      SymInt sizeB = dimB >= 0 ? b.get(dimB) : SymInt.of(1);
      // the C++ order of the three tests, so that a symbolic trace records the same guards
      if (!(holds(sizeA.eq(sizeB)) || holds(sizeA.eq(1)) || holds(sizeB.eq(1)))) {
        throw TensorError.runtime("The size of tensor a (" + sizeA
            + ") must match the size of tensor b (" + sizeB + ") at non-singleton dimension " + i);
      }
      // 1s map to the other size (even 0)
      out[i] = holds(sizeA.eq(1)) ? sizeB : sizeA;
    }
    return Arrays.asList(out);
  }

  // ---------------------------------------------------------------------------------------
  // Layouts

  /**
   * Row-major strides for {@code sizes} as c10 computes them: a size 0 counts as 1, so {@code
   * [2, 0, 3]} has strides {@code [3, 3, 1]}. For a symbolic size this is {@code Max(s, 1)}.
   */
  public static List<SymInt> contiguousStrides(List<SymInt> sizes) {
    SymInt[] out = new SymInt[sizes.size()];
    SymInt stride = SymInt.of(1);
    for (int d = sizes.size() - 1; d >= 0; d--) {
      out[d] = stride;
      SymInt s = sizes.get(d);
      SymInt atLeastOne =
          s.isConstant() ? SymInt.of(Math.max(s.constantValue(), 1)) : s.max(SymInt.of(1));
      stride = stride.mul(atLeastOne);
    }
    return Arrays.asList(out);
  }

  /** Row-major strides of concrete sizes (size 0 counted as 1). */
  public static long[] contiguousStrides(long[] sizes) {
    long[] out = new long[sizes.length];
    long stride = 1;
    for (int d = sizes.length - 1; d >= 0; d--) {
      out[d] = stride;
      stride *= Math.max(sizes[d], 1);
    }
    return out;
  }

  /**
   * c10's {@code compute_contiguous}: fewer than two elements, or row-major strides on every
   * dimension whose size is not 1 (the stride of a size-1 dimension is ignored).
   */
  public boolean isContiguous(Geometry g) {
    if (holds(g.numel().lt(2))) {
      return true;
    }
    SymInt expected = SymInt.of(1);
    for (int d = g.dim() - 1; d >= 0; d--) {
      SymInt size = g.size(d);
      if (holds(size.eq(1))) {
        continue;
      }
      if (!holds(g.stride(d).eq(expected))) {
        return false;
      }
      expected = expected.mul(size);
    }
    return true;
  }

  /**
   * {@code is_contiguous_or_false}: row-major strides on every dimension of size other than 1
   * (either the plain product of the inner sizes or the product of {@code max(size, 1)}, as
   * {@code make_contiguous_strides_for} writes it); false when that cannot be decided. It
   * records guards on backed sizes only where plain bools would, and none on unbacked ones.
   */
  public boolean isContiguousOrFalse(Geometry g) {
    if (g.numel().lt(2).guardOrFalse(why)) {
      return true;
    }
    SymInt expected = SymInt.of(1);
    SymInt expectedMax = SymInt.of(1);
    for (int d = g.dim() - 1; d >= 0; d--) {
      SymInt size = g.size(d);
      if (size.eq(1).guardOrFalse(why)) {
        continue;
      }
      SymInt stride = g.stride(d);
      if (stride.ne(expected).guardOrTrue(why) && stride.ne(expectedMax).guardOrTrue(why)) {
        return false;
      }
      expectedMax = expectedMax.mul(size.max(SymInt.of(1)));
      expected = expected.mul(size);
    }
    return true;
  }

  /**
   * c10's {@code compute_non_overlapping_and_dense}: some permutation of the dimensions is
   * contiguous (the elements fill a block of storage without gaps or repeats). As {@code
   * SymbolicShapeMeta} does, a tensor known to be contiguous is so at once, without the
   * comparisons of the general test (which an unbacked size could not decide).
   */
  public boolean isNonOverlappingAndDense(Geometry g) {
    int ndim = g.dim();
    if (ndim == 0 || isContiguousOrFalse(g)) {
      return true;
    }
    if (ndim == 1) {
      return holds(g.size(0).lt(2)) || holds(g.stride(0).eq(1));
    }
    List<Integer> perm = new ArrayList<>();
    for (int d = 0; d < ndim; d++) {
      perm.add(d);
    }
    // sizes below 2 go last, the rest by increasing stride (a stable sort, as std::sort on
    // this comparator gives no stronger guarantee that matters here)
    perm.sort((a, b) -> {
      boolean aSmall = holds(g.size(a).lt(2));
      boolean bSmall = holds(g.size(b).lt(2));
      if (aSmall != bSmall) {
        return aSmall ? 1 : -1;
      }
      if (aSmall) {
        return 0;
      }
      return holds(g.stride(a).lt(g.stride(b))) ? -1 : holds(g.stride(b).lt(g.stride(a))) ? 1 : 0;
    });
    SymInt required = SymInt.of(1);
    for (int d : perm) {
      SymInt size = g.size(d);
      if (holds(size.lt(2))) {
        return true;
      }
      if (!holds(g.stride(d).eq(required))) {
        return false;
      }
      required = required.mul(size);
    }
    return true;
  }

  /**
   * ATen's {@code infer_dense_strides}: dense strides that keep the order of {@code g}'s strides
   * (what {@code empty_like} with {@code preserve_format} gives a tensor that is not dense).
   * Dimensions are ordered from innermost by increasing stride with TensorIterator's stable
   * insertion sort; a stride-0 dimension compares as ambiguous and keeps its place; equal
   * strides put the smaller size inside.
   */
  public List<SymInt> denseStrides(Geometry g) {
    int ndim = g.dim();
    int[] perm = new int[ndim];
    for (int i = 0; i < ndim; i++) {
      perm[i] = ndim - 1 - i;
    }
    for (int i = 1; i < ndim; i++) {
      int dim1 = i;
      for (int j = 1; j <= i; j++) {
        int dim0 = i - j;
        int c = shouldSwap(g, perm[dim0], perm[dim1]);
        if (c > 0) {
          int tmp = perm[dim0];
          perm[dim0] = perm[dim1];
          perm[dim1] = tmp;
          dim1 = dim0;
        } else if (c < 0) {
          break;
        }
      }
    }
    SymInt[] out = new SymInt[ndim];
    SymInt current = SymInt.of(1);
    for (int i = 0; i < ndim; i++) {
      int d = perm[i];
      out[d] = current;
      if (holds(g.size(d).gt(1))) {
        current = current.mul(g.size(d));
      }
    }
    return Arrays.asList(out);
  }

  private int shouldSwap(Geometry g, int dim0, int dim1) {
    SymInt s0 = g.stride(dim0);
    SymInt s1 = g.stride(dim1);
    if (holds(s0.eq(0)) || holds(s1.eq(0))) {
      return 0;
    }
    if (holds(s0.lt(s1))) {
      return -1;
    }
    if (holds(s0.gt(s1))) {
      return 1;
    }
    return holds(g.size(dim0).gt(g.size(dim1))) ? 1 : 0;
  }

  /**
   * ATen's {@code computeStride}: the strides of a view of {@code (oldSizes, oldStrides)} with
   * {@code newSizes} (same number of elements), or empty when no view exists.
   *
   * <p>The old dimensions split into chunks that are contiguous among themselves ({@code
   * stride[i] == size[i+1] * stride[i+1]}, size-1 dimensions never end a chunk); a view exists
   * when the new sizes split into chunks of the same element counts, in order. With zero
   * elements any strides do: the old ones when the shape is unchanged, else contiguous ones.
   */
  public Optional<List<SymInt>> computeStride(
      List<SymInt> oldSizes, List<SymInt> oldStrides, List<SymInt> newSizes) {
    if (oldSizes.isEmpty()) {
      return Optional.of(Collections.nCopies(newSizes.size(), SymInt.of(1)));
    }
    SymInt numel = SymInt.product(oldSizes);
    boolean zeroNumel = holds(numel.eq(0));
    if (zeroNumel && sameSizes(oldSizes, newSizes)) {
      return Optional.of(List.copyOf(oldStrides));
    }
    SymInt[] newStrides = new SymInt[newSizes.size()];
    if (zeroNumel) {
      for (int d = newSizes.size() - 1; d >= 0; d--) {
        newStrides[d] = d == newSizes.size() - 1
            ? SymInt.of(1)
            : newSizes.get(d + 1).max(SymInt.of(1)).mul(newStrides[d + 1]);
      }
      return Optional.of(Arrays.asList(newStrides));
    }
    int viewD = newSizes.size() - 1;
    SymInt chunkBaseStride = oldStrides.get(oldStrides.size() - 1);
    SymInt tensorNumel = SymInt.of(1);
    SymInt viewNumel = SymInt.of(1);
    for (int tensorD = oldSizes.size() - 1; tensorD >= 0; tensorD--) {
      tensorNumel = tensorNumel.mul(oldSizes.get(tensorD));
      boolean chunkEnds = tensorD == 0
          || (!holds(oldSizes.get(tensorD - 1).eq(1))
              && !holds(oldStrides.get(tensorD - 1).eq(tensorNumel.mul(chunkBaseStride))));
      if (!chunkEnds) {
        continue;
      }
      while (viewD >= 0
          && (holds(viewNumel.lt(tensorNumel)) || holds(newSizes.get(viewD).eq(1)))) {
        newStrides[viewD] = viewNumel.mul(chunkBaseStride);
        viewNumel = viewNumel.mul(newSizes.get(viewD));
        viewD--;
      }
      if (!holds(viewNumel.eq(tensorNumel))) {
        return Optional.empty();
      }
      if (tensorD > 0) {
        chunkBaseStride = oldStrides.get(tensorD - 1);
        tensorNumel = SymInt.of(1);
        viewNumel = SymInt.of(1);
      }
    }
    if (viewD != -1) {
      return Optional.empty();
    }
    return Optional.of(Arrays.asList(newStrides));
  }

  /** Elementwise equality of two shapes (a guard per size on symbolic shapes). */
  public boolean sameSizes(List<SymInt> a, List<SymInt> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!holds(a.get(i).eq(b.get(i)))) {
        return false;
      }
    }
    return true;
  }
}
