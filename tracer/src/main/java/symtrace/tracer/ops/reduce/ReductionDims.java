package symtrace.tracer.ops.reduce;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.ShapeRules;
import symtrace.tracer.tensor.TensorError;

/**
 * The dimensions a reduction reduces and the shape it leaves, as ATen's {@code resize_reduction}
 * computes them: dims are wrapped ({@code -1} is the last; a zero-dimensional tensor takes
 * {@code 0} and {@code -1}), a repeated dim is an error, no dims (None or {@code []}) means every
 * dimension, and a reduced dimension becomes a 1 with {@code keepdim} and disappears without.
 * Immutable.
 */
public final class ReductionDims {
  private final List<SymInt> inputSizes;
  private final boolean[] reduced;
  private final boolean keepdim;

  private ReductionDims(List<SymInt> inputSizes, boolean[] reduced, boolean keepdim) {
    this.inputSizes = List.copyOf(inputSizes);
    this.reduced = reduced;
    this.keepdim = keepdim;
  }

  /**
   * ATen's {@code make_dim_mask}: the listed dims, or all of them for null or an empty list.
   *
   * @throws TensorError ({@code IndexError}) for a dim out of range, or {@code dim 1 appears
   *     multiple times in the list of dims}
   */
  public static ReductionDims of(List<SymInt> sizes, long[] dims, boolean keepdim) {
    int ndim = sizes.size();
    boolean[] mask = new boolean[ndim];
    if (dims == null || dims.length == 0) {
      Arrays.fill(mask, true);
    } else {
      boolean[] seen = new boolean[Math.max(ndim, 1)];
      for (long d : dims) {
        int w = ShapeRules.wrapDim(d, ndim);
        if (seen[w]) {
          throw TensorError.runtime("dim " + w + " appears multiple times in the list of dims");
        }
        seen[w] = true;
        if (w < ndim) {
          mask[w] = true;
        }
      }
    }
    return new ReductionDims(sizes, mask, keepdim);
  }

  /** One dim, wrapped. */
  public static ReductionDims single(List<SymInt> sizes, long dim, boolean keepdim) {
    return of(sizes, new long[] {dim}, keepdim);
  }

  /** Every dimension, without keepdim. */
  public static ReductionDims all(List<SymInt> sizes) {
    return of(sizes, null, false);
  }

  public boolean reduces(int dim) {
    return reduced[dim];
  }

  public int inputDim() {
    return inputSizes.size();
  }

  /** ATen's {@code shape_from_dim_mask}. */
  public List<SymInt> outSizes() {
    List<SymInt> out = new ArrayList<>();
    for (int d = 0; d < reduced.length; d++) {
      if (!reduced[d]) {
        out.add(inputSizes.get(d));
      } else if (keepdim) {
        out.add(SymInt.of(1));
      }
    }
    return out;
  }

  /** The kept dimensions in order, then the reduced ones in order. */
  public long[] keptFirst() {
    long[] perm = new long[reduced.length];
    int i = 0;
    for (int d = 0; d < reduced.length; d++) {
      if (!reduced[d]) {
        perm[i++] = d;
      }
    }
    for (int d = 0; d < reduced.length; d++) {
      if (reduced[d]) {
        perm[i++] = d;
      }
    }
    return perm;
  }

  /** How many input elements one output element reduces. */
  public SymInt reducedNumel() {
    SymInt n = SymInt.of(1);
    for (int d = 0; d < reduced.length; d++) {
      if (reduced[d]) {
        n = n.mul(inputSizes.get(d));
      }
    }
    return n;
  }
}
