package symtrace.tracer.ops;

import symtrace.tracer.tensor.Storage;
import symtrace.tracer.tensor.Tensor;

/**
 * Fills a fresh tensor element by element from a source: each output index names a source
 * index, or none (the element stays zero). The kernels that move elements without arithmetic
 * (flip, roll, repeat, tril, triu, index_select, gather, advanced indexing) are such maps; the
 * element is copied in its own representation and converted once to the output's dtype.
 */
final class Gather {
  private Gather() {}

  /** Where an output element comes from. */
  @FunctionalInterface
  interface SourceIndex {
    /**
     * Writes into {@code source} the source index of the element at {@code out}.
     *
     * @return false when the element has no source and stays zero
     */
    boolean find(long[] out, long[] source);
  }

  /** Fills {@code out} (zero-filled, freshly allocated) from {@code src}; returns {@code out}. */
  static Tensor into(Tensor out, Tensor src, SourceIndex map) {
    long[] sizes = out.sizes();
    long[] index = new long[sizes.length];
    long[] source = new long[src.dim()];
    Storage to = out.storage();
    Storage from = src.storage();
    for (long n = out.numel(); n > 0; n--) {
      if (map.find(index, source)) {
        to.copyElement(out.storageIndex(index), from, src.storageIndex(source));
      }
      next(index, sizes);
    }
    return out;
  }

  /** Advances a row-major multi-index by one (the last dimension fastest). */
  static void next(long[] index, long[] sizes) {
    for (int d = index.length - 1; d >= 0; d--) {
      if (++index[d] < sizes[d]) {
        return;
      }
      index[d] = 0;
    }
  }
}
