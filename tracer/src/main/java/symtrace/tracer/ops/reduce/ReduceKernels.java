package symtrace.tracer.ops.reduce;

import java.util.List;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Geometry;
import symtrace.tracer.tensor.Storage;
import symtrace.tracer.tensor.Tensor;

/**
 * CPU kernels of the reductions. Each takes a real input, the {@link ReductionDims} its meta rule
 * computed and the output dtype, and returns a new contiguous output. Floating accumulation is in
 * double, rounded once when stored; integers wrap as int64; NaN propagates through {@code max}
 * and {@code min}, and an arg-reduction returns the first NaN or the first extreme.
 */
public final class ReduceKernels {
  private ReduceKernels() {}

  private static Tensor output(DType dtype, ReductionDims dims) {
    return Tensor.zeros(dtype, Geometry.longs(dims.outSizes()));
  }

  /** {@code sum}: the input converted to {@code out}, then added. */
  public static Tensor sum(Tensor in, ReductionDims dims, DType out) {
    return fold(in.to(out), dims, out, false);
  }

  /** {@code prod}: the input converted to {@code out}, then multiplied. */
  public static Tensor prod(Tensor in, ReductionDims dims, DType out) {
    return fold(in.to(out), dims, out, true);
  }

  private static Tensor fold(Tensor in, ReductionDims dims, DType out, boolean product) {
    ReductionBlocks b = ReductionBlocks.of(in, dims);
    Tensor result = output(out, dims);
    Storage s = result.storage();
    if (out.isFloatingPoint()) {
      double[] v = b.doubles();
      for (int k = 0; k < b.count; k++) {
        double acc = product ? 1 : 0;
        for (int i = k * b.length, end = i + b.length; i < end; i++) {
          acc = product ? acc * v[i] : acc + v[i];
        }
        s.setDouble(k, acc);
      }
    } else {
      long[] v = b.longs();
      for (int k = 0; k < b.count; k++) {
        long acc = product ? 1 : 0;
        for (int i = k * b.length, end = i + b.length; i < end; i++) {
          acc = product ? acc * v[i] : acc + v[i];
        }
        s.setLong(k, acc);
      }
    }
    return result;
  }

  /** {@code mean}: the sum over the reduced count (NaN for none). */
  public static Tensor mean(Tensor in, ReductionDims dims, DType out) {
    ReductionBlocks b = ReductionBlocks.of(in.to(out), dims);
    Tensor result = output(out, dims);
    double[] v = b.doubles();
    for (int k = 0; k < b.count; k++) {
      double acc = 0;
      for (int i = k * b.length, end = i + b.length; i < end; i++) {
        acc += v[i];
      }
      result.storage().setDouble(k, acc / b.length);
    }
    return result;
  }

  /** {@code amax}/{@code amin} and {@code max()}/{@code min()}: NaN wins, else the extreme. */
  public static Tensor extreme(Tensor in, ReductionDims dims, boolean max) {
    ReductionBlocks b = ReductionBlocks.of(in, dims);
    Tensor result = output(in.dtype(), dims);
    Storage s = result.storage();
    if (in.dtype().isFloatingPoint()) {
      double[] v = b.doubles();
      for (int k = 0; k < b.count; k++) {
        s.setDouble(k, v[argExtreme(v, k * b.length, b.length, max)]);
      }
    } else {
      long[] v = b.longs();
      for (int k = 0; k < b.count; k++) {
        s.setLong(k, v[argExtreme(v, k * b.length, b.length, max)]);
      }
    }
    return result;
  }

  /** {@code argmax}/{@code argmin}: the position of the first NaN, else of the first extreme. */
  public static Tensor argExtreme(Tensor in, ReductionDims dims, boolean max) {
    if (in.dtype().isBool()) {
      throw ReductionTypes.notImplemented(max ? "argmax_cpu" : "argmin_cpu", in.dtype());
    }
    return extremeWithIndex(in, dims, max).get(1);
  }

  /** {@code max.dim}/{@code min.dim}: the values and the positions of {@link #argExtreme}. */
  public static List<Tensor> extremeWithIndex(Tensor in, ReductionDims dims, boolean max) {
    ReductionBlocks b = ReductionBlocks.of(in, dims);
    Tensor values = output(in.dtype(), dims);
    Tensor indices = output(DType.INT64, dims);
    if (in.dtype().isFloatingPoint()) {
      double[] v = b.doubles();
      for (int k = 0; k < b.count; k++) {
        int at = argExtreme(v, k * b.length, b.length, max);
        values.storage().setDouble(k, v[at]);
        indices.storage().setLong(k, at - (long) k * b.length);
      }
    } else {
      long[] v = b.longs();
      for (int k = 0; k < b.count; k++) {
        int at = argExtreme(v, k * b.length, b.length, max);
        values.storage().setLong(k, v[at]);
        indices.storage().setLong(k, at - (long) k * b.length);
      }
    }
    return List.of(values, indices);
  }

  private static int argExtreme(double[] v, int from, int length, boolean max) {
    int best = from;
    for (int i = from + 1; i < from + length && !Double.isNaN(v[best]); i++) {
      if (Double.isNaN(v[i]) || (max ? v[i] > v[best] : v[i] < v[best])) {
        best = i;
      }
    }
    return best;
  }

  private static int argExtreme(long[] v, int from, int length, boolean max) {
    int best = from;
    for (int i = from + 1; i < from + length; i++) {
      if (max ? v[i] > v[best] : v[i] < v[best]) {
        best = i;
      }
    }
    return best;
  }

  /** {@code all}/{@code any}: a bool per output element (NaN counts as true). */
  public static Tensor allAny(Tensor in, ReductionDims dims, boolean all) {
    ReductionBlocks b = ReductionBlocks.of(in, dims);
    Tensor result = output(DType.BOOL, dims);
    double[] v = b.doubles();
    for (int k = 0; k < b.count; k++) {
      boolean acc = all;
      for (int i = k * b.length, end = i + b.length; i < end && acc == all; i++) {
        acc = v[i] != 0;
      }
      result.storage().setBool(k, acc);
    }
    return result;
  }

  /**
   * {@code var}/{@code std} with Bessel's {@code correction}: the squared deviations from the
   * mean over {@code max(0, N - correction)}.
   */
  public static Tensor variance(Tensor in, ReductionDims dims, double correction, boolean std) {
    ReductionBlocks b = ReductionBlocks.of(in, dims);
    Tensor result = output(in.dtype(), dims);
    double[] v = b.doubles();
    double divisor = Math.max(0, b.length - correction);
    for (int k = 0; k < b.count; k++) {
      int from = k * b.length;
      double mean = 0;
      for (int i = from; i < from + b.length; i++) {
        mean += v[i];
      }
      mean /= b.length;
      double squares = 0;
      for (int i = from; i < from + b.length; i++) {
        squares += (v[i] - mean) * (v[i] - mean);
      }
      double var = squares / divisor;
      result.storage().setDouble(k, std ? Math.sqrt(var) : var);
    }
    return result;
  }
}
