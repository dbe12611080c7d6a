package symtrace.tracer.ops.kernels;

import symtrace.tracer.tensor.Layout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.Geometry;
import symtrace.tracer.tensor.ShapeRules;

/**
 * The strides of an elementwise operator's output: PyTorch's {@code
 * compute_elementwise_output_strides} (the stride rule of TensorIterator as the fake and meta
 * implementations state it), with FakeTensor's fast path first.
 *
 * <ol>
 *   <li>Zero-dimensional operands ("CPU scalars") and Python numbers never influence the layout.
 *   <li>Fast path: when every tensor operand is contiguous and one of them already has the
 *       output's shape, the output is contiguous (this is what keeps {@code x + y} with a
 *       broadcast row vector free of stride guards).
 *   <li>One tensor operand: its strides when it is non-overlapping and dense (a transposed
 *       input gives a transposed output), else dense strides in its stride order ({@code
 *       empty_like}).
 *   <li>Several: the operands, expanded to the output shape, order the dimensions from the
 *       innermost by an insertion sort on their strides (stride-0 dimensions are ambiguous and
 *       keep their place); the output is contiguous in that order.
 * </ol>
 *
 * Every test is {@code guard_or_false} or {@code guard_or_true} as in PyTorch, so unbacked sizes
 * fall back to the general answer instead of raising, and on constant sizes it is arithmetic.
 */
public final class ElementwiseLayout {
  private final Provenance why;

  private ElementwiseLayout(Provenance why) {
    this.why = why;
  }

  /**
   * The output strides for {@code shape}.
   *
   * @param operands the layouts of the tensor operands (any shapes broadcasting to {@code shape})
   */
  public static List<SymInt> strides(Provenance why, List<SymInt> shape, List<Geometry> operands) {
    return new ElementwiseLayout(why).compute(shape, operands);
  }

  /** Layout predicates whose guards carry {@code why}. */
  public static ElementwiseLayout predicates(Provenance why) {
    return new ElementwiseLayout(why);
  }

  private List<SymInt> compute(List<SymInt> shape, List<Geometry> operands) {
    int ndim = shape.size();
    List<Geometry> tensors = new ArrayList<>();
    for (Geometry g : operands) {
      if (g.dim() > 0) {
        tensors.add(g);
      }
    }
    if (ndim == 0 || tensors.isEmpty() || fastContiguous(shape, operands)) {
      return ShapeRules.contiguousStrides(shape);
    }
    if (ndim == 1) {
      return List.of(SymInt.of(1));
    }
    List<Geometry> expanded = new ArrayList<>();
    for (Geometry g : tensors) {
      expanded.add(expand(g, shape));
    }
    if (expanded.size() == 1) {
      Geometry only = expanded.get(0);
      return isNonOverlappingAndDenseOrFalse(only)
          ? only.strides()
          : ShapeRules.of(why).denseStrides(only);
    }
    int[] perm = logicalToPhysical(shape, expanded);
    List<SymInt> physicalShape = new ArrayList<>();
    for (int d : perm) {
      physicalShape.add(shape.get(d));
    }
    List<SymInt> physicalStrides = ShapeRules.contiguousStrides(physicalShape);
    SymInt[] out = new SymInt[ndim];
    for (int i = 0; i < ndim; i++) {
      out[perm[i]] = physicalStrides.get(i);
    }
    return Arrays.asList(out);
  }

  private boolean fastContiguous(List<SymInt> shape, List<Geometry> operands) {
    boolean fullShape = false;
    for (Geometry g : operands) {
      if (!isContiguousOrFalse(g)) {
        return false;
      }
      fullShape |= g.dim() == shape.size() && sameShapeOrFalse(g.sizes(), shape);
    }
    return fullShape;
  }

  private boolean sameShapeOrFalse(List<SymInt> a, List<SymInt> b) {
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).eq(b.get(i)).guardOrFalse(why)) {
        return false;
      }
    }
    return true;
  }

  /** The operand seen with the output's shape: broadcast dimensions get stride 0. */
  private Geometry expand(Geometry g, List<SymInt> shape) {
    int ndim = shape.size();
    List<SymInt> strides = new ArrayList<>();
    for (int i = 0; i < ndim; i++) {
      int d = g.dim() - ndim + i;
      boolean stretched = d < 0
          || (g.size(d).eq(1).guardOrFalse(why) && !shape.get(i).eq(1).guardOrFalse(why));
      strides.add(stretched ? SymInt.of(0) : g.stride(d));
    }
    return new Geometry(shape, strides, g.storageOffset());
  }

  /**
   * {@code compute_elementwise_output_logical_to_physical_perm}: {@code perm[i]} is the
   * logical dimension stored at physical position i (outermost first).
   */
  private int[] logicalToPhysical(List<SymInt> shape, List<Geometry> tensors) {
    int ndim = shape.size();
    int[] identity = new int[ndim];
    for (int i = 0; i < ndim; i++) {
      identity[i] = i;
    }
    boolean allContiguous = true;
    for (Geometry g : tensors) {
      allContiguous &= isContiguousOrFalse(g);
    }
    if (allContiguous) {
      return identity;
    }
    // sorted innermost first, reversed at the end
    int[] perm = new int[ndim];
    for (int i = 0; i < ndim; i++) {
      perm[i] = ndim - 1 - i;
    }
    for (int i = 1; i < ndim; i++) {
      int dim1 = i;
      for (int dim0 = i - 1; dim0 >= 0; dim0--) {
        int c = shouldSwap(shape, tensors, perm[dim0], perm[dim1]);
        if (c > 0) {
          int t = perm[dim0];
          perm[dim0] = perm[dim1];
          perm[dim1] = t;
          dim1 = dim0;
        } else if (c < 0) {
          break;
        }
      }
    }
    int[] out = new int[ndim];
    for (int i = 0; i < ndim; i++) {
      out[i] = perm[ndim - 1 - i];
    }
    return out;
  }

  private int shouldSwap(List<SymInt> shape, List<Geometry> tensors, int a, int b) {
    for (Geometry g : tensors) {
      SymInt strideA = g.stride(a);
      SymInt strideB = g.stride(b);
      if (orFalse(strideA.eq(0)) || orFalse(strideB.eq(0))) {
        continue;
      }
      if (orFalse(strideA.eq(strideB))) {
        if (ge(shape.get(b), shape.get(a))) {
          continue;
        }
        return 1;
      }
      if (ge(strideB, strideA)) {
        return -1;
      }
      if (ge(strideA, strideB)) {
        return 1;
      }
    }
    return 0;
  }

  /** {@code a >= b} for non-negative values, also when only divisibility shows it. */
  private boolean ge(SymInt a, SymInt b) {
    if (orFalse(b.eq(0))) {
      return true;
    }
    if (orFalse(a.eq(0))) {
      return false;
    }
    return orFalse(a.ge(b)) || orFalse(a.mod(b).eq(0));
  }

  /** {@code is_contiguous_or_false} (see {@link ShapeRules#isContiguousOrFalse}). */
  public boolean isContiguousOrFalse(Geometry g) {
    return ShapeRules.of(why).isContiguousOrFalse(g);
  }

  /**
   * {@code _is_non_overlapping_and_dense_or_false}: some order of the dimensions is contiguous;
   * false when that cannot be decided.
   */
  public boolean isNonOverlappingAndDenseOrFalse(Geometry g) {
    if (orFalse(g.numel().lt(2))) {
      return true;
    }
    if (g.dim() == 1) {
      return orFalse(g.stride(0).eq(1));
    }
    List<Integer> dims = new ArrayList<>();
    for (int d = 0; d < g.dim(); d++) {
      dims.add(d);
    }
    // a stable sort by stride; "less" also holds where divisibility shows it (u0 < 2048*u0)
    dims.sort((x, y) -> strideLess(g.stride(x), g.stride(y)) ? -1
        : strideLess(g.stride(y), g.stride(x)) ? 1 : 0);
    List<SymInt> sizes = new ArrayList<>();
    List<SymInt> strides = new ArrayList<>();
    for (int i = dims.size() - 1; i >= 0; i--) {
      sizes.add(g.size(dims.get(i)));
      strides.add(g.stride(dims.get(i)));
    }
    return isContiguousOrFalse(new Geometry(sizes, strides, g.storageOffset()));
  }

  private boolean strideLess(SymInt a, SymInt b) {
    return orFalse(a.lt(b))
        || ((orFalse(a.eq(0)) || orFalse(b.mod(a).eq(0))) && orTrue(a.ne(b)));
  }

  private boolean orFalse(SymBool b) {
    return b.guardOrFalse(why);
  }

  private boolean orTrue(SymBool b) {
    return b.guardOrTrue(why);
  }
}
