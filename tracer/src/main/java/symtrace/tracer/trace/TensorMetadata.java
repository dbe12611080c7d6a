package symtrace.tracer.trace;

import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.FakeTensor;
import symtrace.tracer.tensor.TensorValue;

/**
 * The memory format make_fx records in a traced tensor's {@code tensor_meta} ({@code
 * _extract_tensor_metadata}, which {@code set_meta} runs on every input and output it tracks):
 * the first of contiguous, channels-last and channels-last-3d that the tensor is, each asked
 * with {@code torch._prims_common}'s tests without committing ({@code guard_or_false} on sizes
 * being 1 or the element count below 2, {@code guard_or_true} on strides differing). The answer
 * itself is not needed; the guards these tests record on backed sizes are part of the trace (a
 * size whose hint is 1 is specialized to 1, as in PyTorch).
 */
final class TensorMetadata {
  private static final Provenance WHY = Provenance.of("tensor_meta");
  private static final int[] CHANNELS_LAST = {1, 3, 2, 0};
  private static final int[] CHANNELS_LAST_3D = {1, 4, 3, 2, 0};

  private TensorMetadata() {}

  /** Asks the memory-format questions of a traced fake tensor. */
  static void record(TensorValue t) {
    if (!(t instanceof FakeTensor)) {
      return;
    }
    if (contiguous(t)) {
      return;
    }
    if (t.dim() == 4 && inOrder(t, CHANNELS_LAST)) {
      return;
    }
    if (t.dim() == 5) {
      inOrder(t, CHANNELS_LAST_3D);
    }
  }

  /** {@code is_contiguous(a, false_if_dde=True)}. */
  private static boolean contiguous(TensorValue t) {
    if (t.symNumel().lt(2).guardOrFalse(WHY)) {
      return true;
    }
    SymInt expected = SymInt.of(1);
    for (int d = t.dim() - 1; d >= 0; d--) {
      SymInt size = t.symSize(d);
      if (size.eq(1).guardOrFalse(WHY)) {
        continue;
      }
      if (t.symStride(d).ne(expected).guardOrTrue(WHY)) {
        return false;
      }
      expected = expected.mul(size);
    }
    return true;
  }

  /** {@code is_channels_last_contiguous_2d/_3d(a, false_if_dde=True)}: strides in this order. */
  private static boolean inOrder(TensorValue t, int[] order) {
    SymInt expected = SymInt.of(1);
    for (int d : order) {
      SymInt size = t.symSize(d);
      if (size.eq(1).guardOrFalse(WHY)) {
        continue;
      }
      if (t.symStride(d).ne(expected).guardOrTrue(WHY)) {
        return false;
      }
      expected = expected.mul(size);
    }
    return true;
  }
}
