package symtrace.tracer.ops.reduce;

import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Tensor;

/**
 * CPU kernels that run along one dimension and keep the shape: {@code cumsum} and the
 * softmaxes. The input is read with that dimension moved last, and the result is written
 * through the same permutation of a new contiguous output. Accumulation is in double (what ATen
 * uses for float32 {@code cumsum} on CPU), rounded when stored.
 */
public final class ScanKernels {
  private ScanKernels() {}

  /** The dimensions with {@code dim} moved last. */
  private static long[] dimLast(int ndim, int dim) {
    long[] perm = new long[ndim];
    int i = 0;
    for (int d = 0; d < ndim; d++) {
      if (d != dim) {
        perm[i++] = d;
      }
    }
    perm[ndim - 1] = dim;
    return perm;
  }

  /** {@code cumsum(self, dim)} in {@code out}; {@code dim} already wrapped. */
  public static Tensor cumsum(Tensor in, int dim, DType out) {
    Tensor src = in.to(out);
    Tensor result = Tensor.zeros(out, in.sizes());
    if (in.dim() == 0) {
      return result.copy_(src);
    }
    long[] perm = dimLast(in.dim(), dim);
    Tensor from = src.permute(perm);
    Tensor to = result.permute(perm);
    int length = Math.toIntExact(in.size(dim));
    int n = Math.toIntExact(in.numel());
    if (out.isFloatingPoint()) {
      double[] v = from.toDoubleArray();
      for (int start = 0; start < n; start += length) {
        double acc = 0;
        for (int i = start; i < start + length; i++) {
          acc += v[i];
          to.setDoubleFlat(i, acc);
        }
      }
    } else {
      long[] v = from.toLongArray();
      for (int start = 0; start < n; start += length) {
        long acc = 0;
        for (int i = start; i < start + length; i++) {
          acc += v[i];
          to.setLongFlat(i, acc);
        }
      }
    }
    return result;
  }

  /**
   * {@code _softmax(self, dim)} or {@code _log_softmax}: {@code exp(x - max) / sum} or {@code x -
   * max - log(sum)} over {@code dim} (already wrapped; a zero-dimensional input is one element).
   *
   * @throws symtrace.tracer.tensor.TensorError for a non-floating input, as the CPU kernel is
   *     only implemented for floating dtypes
   */
  public static Tensor softmax(Tensor in, int dim, boolean log) {
    DType dtype = in.dtype();
    boolean lastDim = in.dim() == 0 || dim == in.dim() - 1;
    if (!dtype.isFloatingPoint()) {
      throw ReductionTypes.notImplemented((log ? "log_softmax" : "softmax")
          + (lastDim ? "_lastdim_kernel_impl" : "_kernel_impl"), dtype);
    }
    Tensor result = Tensor.zeros(dtype, in.sizes());
    Tensor from = in.dim() == 0 ? in.view(1) : in.permute(dimLast(in.dim(), dim));
    Tensor to = in.dim() == 0 ? result.view(1) : result.permute(dimLast(in.dim(), dim));
    int length = Math.toIntExact(from.size(-1));
    int n = Math.toIntExact(in.numel());
    double[] v = from.toDoubleArray();
    for (int start = 0; start < n; start += length) {
      double max = Double.NEGATIVE_INFINITY;
      for (int i = start; i < start + length; i++) {
        max = Double.isNaN(v[i]) || v[i] > max ? v[i] : max;
      }
      double sum = 0;
      for (int i = start; i < start + length; i++) {
        sum += Math.exp(v[i] - max);
      }
      for (int i = start; i < start + length; i++) {
        to.setDoubleFlat(i, log ? v[i] - max - Math.log(sum) : Math.exp(v[i] - max) / sum);
      }
    }
    return result;
  }

  /**
   * {@code _safe_softmax(self, dim)}: the softmax, with 0 instead of NaN for a row that is
   * {@code -inf} throughout (a fully masked attention row).
   */
  public static Tensor safeSoftmax(Tensor in, int dim) {
    Tensor out = softmax(in, dim, false);
    if (in.dim() == 0) {
      return out;
    }
    long[] perm = dimLast(in.dim(), dim);
    Tensor from = in.permute(perm);
    Tensor to = out.permute(perm);
    int length = Math.toIntExact(in.size(dim));
    double[] v = from.toDoubleArray();
    for (int start = 0; start < v.length; start += length) {
      boolean masked = true;
      for (int i = start; i < start + length && masked; i++) {
        masked = v[i] == Double.NEGATIVE_INFINITY;
      }
      for (int i = start; i < start + length && masked; i++) {
        to.setDoubleFlat(i, 0);
      }
    }
    return out;
  }
}
