package symtrace.tracer.trace;

import java.util.List;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.TensorValue;

/**
 * What PyTorch computes of every traced tensor when it records the node's metadata: whether the
 * tensor is contiguous, by c10's guarding {@code _compute_contiguous}: fewer than two elements
 * is contiguous; otherwise, from the last dimension to the first, a size-1 dimension is skipped
 * and each stride must be the product of the sizes after it. On symbolic sizes each test that
 * is not statically known records a guard ({@code numel >= 2}, {@code size != 1}), as in
 * PyTorch's guard lists. A test on unbacked sizes is not guarded: it counts as false, as
 * PyTorch's data-dependent-friendly form does.
 */
final class TensorMeta {
  private static final Provenance WHY = Provenance.of("tensor_meta");

  private TensorMeta() {}

  /** Whether {@code t} is contiguous, deciding (and guarding) as PyTorch does. */
  static boolean isContiguous(TensorValue t) {
    if (t.symNumel().lt(2).guardOrFalse(WHY)) {
      return true;
    }
    List<SymInt> sizes = t.symSizes();
    List<SymInt> strides = t.symStrides();
    SymInt expected = SymInt.of(1);
    for (int d = sizes.size() - 1; d >= 0; d--) {
      SymInt size = sizes.get(d);
      if (size.eq(1).guardOrFalse(WHY)) {
        continue;
      }
      if (strides.get(d).ne(expected).guardOrFalse(WHY)) {
        return false;
      }
      expected = expected.mul(size);
    }
    return true;
  }
}
