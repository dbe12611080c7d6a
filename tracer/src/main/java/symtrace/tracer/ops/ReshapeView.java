package symtrace.tracer.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymInt;
import symtrace.symbolic.value.SymNode;
import symtrace.tracer.tensor.Geometry;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.TensorValue;
import symtrace.tracer.tensor.ViewRules;

/**
 * The layout of {@code view} and {@code _unsafe_view} of a fake tensor, as PyTorch's fake
 * tensors compute it: {@code torch._refs._reshape_view_helper} ({@code allow_copy=False}). The
 * shape's {@code -1} is inferred, a contiguous tensor going to one dimension (or a vector to two)
 * is restrided at once, and otherwise the output dimensions are built left to right: a dimension
 * of the right length is kept, dimensions are merged ({@code prims.collapse_view}) until their
 * product divides by the length, and the merged one is split ({@code prims.split_dim}) when it is
 * longer.
 *
 * <p>The sizes that merging and splitting compute are new values, as they are in PyTorch (where
 * each is a SymInt of its own that a trace reads through the output's {@code sym_size}); a kept
 * dimension keeps its SymInt. Every test is Python's: {@code ==}, {@code %} and {@code !=} on
 * sizes are guarded bools, the collapse's own tests are {@code guard_or_false}.
 */
final class ReshapeView {
  private ReshapeView() {}

  /**
   * The layout.
   *
   * @throws TensorError ATen's {@code view size is not compatible with input tensor's size and
   *     stride} when the strides allow no view
   */
  static Geometry of(TensorValue a, List<SymInt> proposed, Conditions c) {
    Geometry g = a.geometry();
    SymInt numel = a.symNumel();
    List<SymInt> shape = InferSize.of(proposed, numel, c);
    if (c.orFalse(numel.eq(0))) {
      return new Geometry(shape, contiguousStrides(shape), g.storageOffset());
    }
    if (g.dim() == 0) {
      Geometry out = g;
      for (SymInt length : shape) {
        if (c.holds(length.ne(1))) {
          throw TensorError.runtime("Cannot reshape 0-dim tensor: shape dimension must be 1, got "
              + length);
        }
        out = rules(c).unsqueeze(out, -1);
      }
      return out;
    }
    if (shape.isEmpty()) {
      Geometry out = g;
      for (SymInt length : g.sizes()) {
        if (c.holds(length.ne(1))) {
          throw TensorError.runtime("Cannot reshape to 0-dim tensor: shape dimension must be 1,"
              + " got " + length);
        }
        out = rules(c).squeeze(out, -1);
      }
      return out;
    }
    if (isContiguousOrFalse(g, numel, c)) {
      if (shape.size() == 1 && g.dim() > 1) {
        return new Geometry(List.of(numel), List.of(SymInt.of(1)), g.storageOffset());
      }
      if (shape.size() == 2 && g.dim() == 1) {
        return new Geometry(shape, List.of(shape.get(1), SymInt.of(1)), g.storageOffset());
      }
    }
    SymInt expected = SymInt.product(shape);
    c.check(numel.eq(expected), () -> TensorError.runtime("Could not reshape a tensor with shape "
        + g.sizes() + " as a tensor with shape " + shape + "!"));
    return coreAlgorithm(g, shape, c);
  }

  /** {@code _reshape_view_helper_core_alg}. */
  private static Geometry coreAlgorithm(Geometry a, List<SymInt> shape, Conditions c) {
    int idx = 0;
    Geometry out = a;
    for (SymInt length : shape) {
      if (idx >= out.dim()) {
        // a tail unsqueeze, as split_dim so the strides come out right
        if (c.holds(length.ne(1))) {
          throw TensorError.runtime("Cannot unsqueeze dimension with length " + length
              + ", expected 1");
        }
        int last = out.dim() - 1;
        out = splitDim(out, last, out.size(last), c);
        idx++;
        continue;
      }
      if (c.holds(length.eq(out.size(idx)))) {
        idx++;
        continue;
      }
      SymInt accum = out.size(idx);
      int end = idx;
      while (c.holds(accum.mod(length).ne(0))) {
        end++;
        if (end >= out.dim()) {
          throw notViewable();
        }
        accum = times(accum, out.size(end));
      }
      if (end != idx) {
        if (collapse(out, idx, end, c) == null) {
          throw notViewable();
        }
        // flatten: collapse_view, whose meta runs the helper again
        out = collapse(out, idx, end, c);
      }
      if (c.holds(accum.ne(length))) {
        out = splitDim(out, idx, length, c);
      }
      idx++;
    }
    while (idx < out.dim()) {
      int at = idx;
      Geometry tail = out;
      c.check(out.size(idx).eq(1), () -> TensorError.runtime("a.size(" + at
          + ") expected to be 1 but got " + tail.size(at)));
      out = rules(c).squeeze(out, idx);
    }
    return out;
  }

  /** {@code prims.split_dim(a, dim, outer)}: {@code outer} rows of {@code size // outer}. */
  private static Geometry splitDim(Geometry a, int dim, SymInt outer, Conditions c) {
    c.checkIsSize(outer);
    SymInt size = a.size(dim);
    SymInt inner = size.floorDiv(outer);
    if (c.holds(size.mod(outer).ne(0))) {
      throw TensorError.runtime("Attempting to split dimension of length " + size
          + ", but outer length of " + outer + " divides it with a remainder!");
    }
    List<SymInt> sizes = new ArrayList<>(a.sizes());
    List<SymInt> strides = new ArrayList<>(a.strides());
    SymInt stride = a.stride(dim);
    sizes.set(dim, outer);
    sizes.add(dim + 1, inner);
    strides.set(dim, times(stride, inner));
    strides.add(dim + 1, stride);
    return new Geometry(sizes, strides, a.storageOffset());
  }

  /**
   * {@code prims._collapse_view_helper(a, start, end)}: dimensions {@code start..end} as one,
   * or null when no view exists.
   */
  private static Geometry collapse(Geometry a, int start, int end, Conditions c) {
    if (end == start) {
      return a;
    }
    SymInt numel = a.numel();
    SymBool valid = SymBool.of(true);
    if (c.orFalse(numel.ne(0))) {
      for (int idx = end - 1; idx >= start; idx--) {
        SymBool joins = a.size(idx).eq(1).or(a.size(idx + 1).eq(1))
            .or(a.stride(idx).eq(times(a.stride(idx + 1), a.size(idx + 1))));
        valid = valid.and(joins);
        if (valid.isConstant() && !valid.hint()) {
          break;
        }
      }
    }
    valid = valid.or(numel.eq(0));
    if (!c.orFalse(valid)) {
      return null;
    }
    SymInt stride = a.stride(end);
    for (int idx = end - 1; idx >= start; idx--) {
      if (c.holds(a.size(idx).ne(1)) && c.holds(a.stride(idx).lt(stride))) {
        stride = a.stride(idx);
      }
    }
    SymInt length = a.size(end);
    if (c.orTrue(length.ne(0))) {
      for (int idx = end - 1; idx >= start; idx--) {
        if (c.orFalse(a.size(idx).eq(0))) {
          length = SymInt.of(0);
          stride = SymInt.of(0);
          break;
        }
        length = times(length, a.size(idx));
      }
    } else {
      stride = SymInt.of(0);
    }
    List<SymInt> sizes = new ArrayList<>(a.sizes().subList(0, start));
    sizes.add(length);
    sizes.addAll(a.sizes().subList(end + 1, a.dim()));
    List<SymInt> strides = new ArrayList<>(a.strides().subList(0, start));
    strides.add(stride);
    strides.addAll(a.strides().subList(end + 1, a.dim()));
    if (c.orFalse(numel.eq(0))) {
      strides = contiguousStrides(sizes);
    }
    return new Geometry(sizes, strides, a.storageOffset());
  }

  /** {@code torch._prims_common.is_contiguous(a, false_if_dde=True)}. */
  private static boolean isContiguousOrFalse(Geometry g, SymInt numel, Conditions c) {
    if (c.orFalse(numel.lt(2))) {
      return true;
    }
    SymInt expected = SymInt.of(1);
    for (int d = g.dim() - 1; d >= 0; d--) {
      if (c.orFalse(g.size(d).eq(1))) {
        continue;
      }
      if (c.orTrue(g.stride(d).ne(expected))) {
        return false;
      }
      expected = times(expected, g.size(d));
    }
    return true;
  }

  /** {@code make_contiguous_strides_for}: each stride the product of {@code max(size, 1)}. */
  private static List<SymInt> contiguousStrides(List<SymInt> sizes) {
    SymInt[] out = new SymInt[sizes.size()];
    SymInt multiplier = SymInt.of(1);
    for (int d = sizes.size() - 1; d >= 0; d--) {
      out[d] = multiplier;
      SymInt s = sizes.get(d);
      multiplier = times(multiplier,
          s.isConstant() ? SymInt.of(Math.max(s.constantValue(), 1)) : s.max(SymInt.of(1)));
    }
    return Arrays.asList(out);
  }

  /**
   * Python's {@code a * b}: a product with a symbolic factor is a value of its own even when the
   * other factor is 1 (PyTorch's SymNode arithmetic makes a new node every time).
   */
  private static SymInt times(SymInt a, SymInt b) {
    SymInt p = a.mul(b);
    if (p == a || p == b) {
      return p.isConstant() ? p : copy(p);
    }
    return p;
  }

  private static SymInt copy(SymInt v) {
    SymNode n = v.node();
    return new SymInt(new SymNode(n.rawExpr(), n.env(), n.type(), n.hint()));
  }

  private static TensorError notViewable() {
    return TensorError.runtime("view size is not compatible with input tensor's size and stride"
        + " (at least one dimension spans across two contiguous subspaces). Use .reshape(...)"
        + " instead.");
  }

  private static ViewRules rules(Conditions c) {
    return ViewRules.of(c.why());
  }
}
