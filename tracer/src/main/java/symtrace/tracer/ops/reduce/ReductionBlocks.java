package symtrace.tracer.ops.reduce;

import symtrace.tracer.tensor.Tensor;

/**
 * A real tensor's elements in the order a reduction consumes them: through a view whose kept
 * dimensions come first, so output element {@code k} reduces the {@code length} elements from
 * {@code k * length} on.
 */
final class ReductionBlocks {
  private final Tensor ordered;
  final int count;
  final int length;

  private ReductionBlocks(Tensor ordered, int count, int length) {
    this.ordered = ordered;
    this.count = count;
    this.length = length;
  }

  static ReductionBlocks of(Tensor in, ReductionDims dims) {
    long[] sizes = in.sizes();
    long kept = 1;
    long reduced = 1;
    for (int d = 0; d < sizes.length; d++) {
      if (dims.reduces(d)) {
        reduced *= sizes[d];
      } else {
        kept *= sizes[d];
      }
    }
    Tensor ordered = in.dim() == 0 ? in : in.permute(dims.keptFirst());
    return new ReductionBlocks(ordered, Math.toIntExact(kept), Math.toIntExact(reduced));
  }

  double[] doubles() {
    return ordered.toDoubleArray();
  }

  long[] longs() {
    return ordered.toLongArray();
  }
}
