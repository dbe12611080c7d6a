package symtrace.tracer.ops;

import java.util.ArrayList;
import java.util.List;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.Geometry;
import symtrace.tracer.tensor.ShapeRules;
import symtrace.tracer.tensor.TensorError;

/**
 * The layout of {@code slice.Tensor(self, dim, start, end, step)}, Python's {@code
 * x[start:end:step]} on one dimension, as PyTorch's fake tensors compute it ({@code
 * slice_forward} in {@code fake_impls.py}): each bound is resolved into {@code [0, size]} with
 * {@code guard_or_false} tests, so a bound that sizes decide records the guard PyTorch records
 * and an undecidable one records none; an end of {@code sys.maxsize} (Python's omitted end) is
 * the size when that is statically known. A bound no test resolves, which only unbacked sizes
 * give, becomes a {@code Min}/{@code Max}, and an undecidable length a fresh unbacked size.
 */
final class SliceLayout {
  private SliceLayout() {}

  static Geometry of(Geometry g, long dim, SymInt start, SymInt end, SymInt step,
      Conditions c) {
    if (g.dim() == 0) {
      throw TensorError.index("slice() cannot be applied to a 0-dim tensor.");
    }
    int d = ShapeRules.wrapDim(dim, g.dim());
    if (c.holds(step.le(0))) {
      throw TensorError.runtime("slice step must be positive");
    }
    SymInt size = g.size(d);
    SymInt startIndex = start == null ? SymInt.of(0) : index(size, start, c);
    SymInt endIndex = end == null || c.knownTrue(end.eq(Long.MAX_VALUE))
        ? size
        : index(size, end, c);

    SymInt length = null;
    if (startIndex != null && endIndex != null) {
      if (c.orFalse(endIndex.ge(startIndex))) {
        length = ceilDiv(endIndex.sub(startIndex), step);
      } else if (c.orFalse(startIndex.ge(endIndex))) {
        length = SymInt.of(0);
      } else {
        length = ceilDiv(endIndex.sub(startIndex).max(SymInt.of(0)), step);
      }
    }
    if (length == null) {
      SymInt fresh = c.context().newUnbackedInt("slice");
      c.check(fresh.ge(0), () -> TensorError.runtime("slice: negative length " + fresh));
      c.check(fresh.le(size), () -> TensorError.runtime("slice: length " + fresh
          + " exceeds the size " + size));
      length = fresh;
    }
    SymInt offset;
    if (startIndex != null) {
      offset = g.storageOffset().add(startIndex.mul(g.stride(d)));
    } else {
      SymInt fresh = c.context().newUnbackedInt("slice");
      c.check(fresh.ge(0), () -> TensorError.runtime("slice: negative storage offset " + fresh));
      offset = fresh;
    }
    List<SymInt> sizes = new ArrayList<>(g.sizes());
    List<SymInt> strides = new ArrayList<>(g.strides());
    sizes.set(d, length);
    strides.set(d, g.stride(d).mul(step));
    return new Geometry(sizes, strides, offset);
  }

  /**
   * {@code sym_and(a, b)} as sympy builds it: a conjunct the ranges already prove drops out, so
   * the guard is the rest ({@code s//2 <= s}, not {@code s//2 >= 0 & s//2 <= s}).
   */
  private static SymBool both(SymBool a, SymBool b, Conditions c) {
    if (c.knownTrue(a)) {
      return b;
    }
    return c.knownTrue(b) ? a : a.and(b);
  }

  /** {@code (n + step - 1) // step}. */
  private static SymInt ceilDiv(SymInt n, SymInt step) {
    return n.add(step).sub(1).floorDiv(step);
  }

  /** PyTorch's {@code _compute_slice_index}: a bound clamped into {@code [0, size]}, or null. */
  private static SymInt index(SymInt size, SymInt index, Conditions c) {
    if (c.orFalse(both(index.ge(0), index.le(size), c))) {
      return index;
    }
    if (c.orFalse(both(index.lt(0), index.ge(size.neg()), c))) {
      return index.add(size);
    }
    if (c.orFalse(index.lt(size.neg()))) {
      return SymInt.of(0);
    }
    if (c.orFalse(index.gt(size))) {
      return size;
    }
    if (c.orFalse(index.ge(0))) {
      return index.min(size);
    }
    if (c.orFalse(index.lt(0))) {
      return index.add(size).max(SymInt.of(0));
    }
    return null;
  }
}
