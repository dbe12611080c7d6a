package symtrace.tracer.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import symtrace.symbolic.env.Provenance;
import symtrace.tracer.tensor.TensorValue;

/**
 * ATen's {@code computeStride} as the {@code reshape} composite runs it: the strides of a view
 * of a tensor in a new shape (same element count), or empty when no view exists. It runs above
 * the tracer, so its size arithmetic and comparisons go through {@link Ops} in ATen's order and
 * a trace records them. Its comparisons are {@code TORCH_GUARD_OR_FALSE} / {@code
 * TORCH_GUARD_OR_TRUE} (guards on backed sizes, the default where unbacked sizes leave them
 * open, which falls back to a copy), the shape equality a plain guarded bool.
 *
 * <p>The old dimensions split into chunks contiguous among themselves ({@code stride[i] ==
 * size[i+1] * stride[i+1]}; a size-1 dimension never ends a chunk); a view exists when the new
 * sizes split into chunks of the same element counts, in order. With zero elements any strides
 * do: the old ones when the shape is unchanged, else contiguous ones.
 */
final class ViewStrides {
  private ViewStrides() {}

  /**
   * Whether a view of {@code self} in {@code shape} exists (what {@code reshape} asks),
   * memoized by layout and shape ({@link Ops#memoized}): the layers of a model ask it of the
   * same layouts over and over.
   */
  static boolean exists(TensorValue self, List<Object> shape, Ops ops, Provenance why) {
    int ndim = self.dim();
    List<Object> inputs = new ArrayList<>(1 + 2 * ndim + shape.size());
    inputs.add((long) ndim);
    for (int d = 0; d < ndim; d++) {
      inputs.add(PyScalars.normalize(self.symSize(d)));
    }
    for (int d = 0; d < ndim; d++) {
      inputs.add(PyScalars.normalize(self.symStride(d)));
    }
    inputs.addAll(shape);
    return ops.memoized("computeStride", inputs, in -> of(in.subList(1, 1 + ndim),
        in.subList(1 + ndim, 1 + 2 * ndim), in.subList(1 + 2 * ndim, in.size()), ops, why)
        .isPresent());
  }

  /** The strides of the view of a tensor with these sizes and strides in {@code shape}. */
  static Optional<List<Object>> of(List<Object> sizes, List<Object> strides, List<Object> shape,
      Ops ops, Provenance why) {
    int ndim = sizes.size();
    if (ndim == 0) {
      return Optional.of(new ArrayList<>(Collections.nCopies(shape.size(), 1L)));
    }
    // c10::multiply_integers: a product of its own, not the tensor's element count
    boolean zeroNumel = orFalse(ops.scalarBinary("eq", ops.product(sizes), 0L), why);
    if (zeroNumel && sameSizes(sizes, shape, ops, why)) {
      return Optional.of(new ArrayList<>(strides));
    }
    Object[] newStrides = new Object[shape.size()];
    if (zeroNumel) {
      for (int d = shape.size() - 1; d >= 0; d--) {
        newStrides[d] = d == shape.size() - 1 ? 1L
            : ops.mul(atLeastOne(ops, shape.get(d + 1)), newStrides[d + 1]);
      }
      return Optional.of(Arrays.asList(newStrides));
    }
    int viewD = shape.size() - 1;
    Object chunkBaseStride = strides.get(ndim - 1);
    Object tensorNumel = 1L;
    Object viewNumel = 1L;
    for (int tensorD = ndim - 1; tensorD >= 0; tensorD--) {
      tensorNumel = ops.mul(tensorNumel, sizes.get(tensorD));
      boolean chunkEnds = tensorD == 0
          || (orTrue(ops.scalarBinary("ne", sizes.get(tensorD - 1), 1L), why)
              && orTrue(ops.scalarBinary("ne", strides.get(tensorD - 1),
                  ops.mul(tensorNumel, chunkBaseStride)), why));
      if (!chunkEnds) {
        continue;
      }
      while (viewD >= 0
          && (orFalse(ops.scalarBinary("lt", viewNumel, tensorNumel), why)
              || orFalse(ops.scalarBinary("eq", shape.get(viewD), 1L), why))) {
        newStrides[viewD] = ops.mul(viewNumel, chunkBaseStride);
        viewNumel = ops.mul(viewNumel, shape.get(viewD));
        viewD--;
      }
      if (orTrue(ops.scalarBinary("ne", viewNumel, tensorNumel), why)) {
        return Optional.empty();
      }
      if (tensorD > 0) {
        chunkBaseStride = strides.get(tensorD - 1);
        tensorNumel = 1L;
        viewNumel = 1L;
      }
    }
    if (viewD != -1) {
      return Optional.empty();
    }
    return Optional.of(Arrays.asList(newStrides));
  }

  /** {@code SymIntArrayRef::equals}: the same length and each size equal (guarded). */
  private static boolean sameSizes(List<Object> a, List<Object> b, Ops ops, Provenance why) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!holds(ops.scalarBinary("eq", a.get(i), b.get(i)), why)) {
        return false;
      }
    }
    return true;
  }

  private static Object atLeastOne(Ops ops, Object size) {
    return PyScalars.isSymbolic(size) ? ops.call("torch.sym_max", size, 1L)
        : Math.max((Long) size, 1L);
  }

  /** {@code TORCH_GUARD_OR_FALSE}: a guard, or false where the answer is data-dependent. */
  private static boolean orFalse(Object condition, Provenance why) {
    return PyScalars.toSymBool(condition).guardOrFalse(why);
  }

  /** {@code TORCH_GUARD_OR_TRUE}. */
  private static boolean orTrue(Object condition, Provenance why) {
    return PyScalars.toSymBool(condition).guardOrTrue(why);
  }

  private static boolean holds(Object condition, Provenance why) {
    return PyScalars.truth(condition, why);
  }
}
