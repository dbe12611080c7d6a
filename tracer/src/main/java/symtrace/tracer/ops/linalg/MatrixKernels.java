package symtrace.tracer.ops.linalg;

import symtrace.tracer.ops.reduce.ReductionTypes;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Storage;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorError;

/**
 * CPU kernels of the matrix products on real tensors whose shapes {@link MatrixShapes} checked.
 * Floating products accumulate in double and are rounded once when stored (PyTorch's BLAS
 * accumulates float32 in float32, which agrees to float32 precision); integer products wrap as
 * int64 does. Outputs are new and contiguous.
 */
public final class MatrixKernels {
  private MatrixKernels() {}

  private static void numeric(DType dtype, String kernel) {
    if (dtype.isBool()) {
      throw ReductionTypes.notImplemented(kernel, dtype);
    }
  }

  /**
   * {@code out[b] = a[b] @ c[b]} for {@code batches} stacked {@code [n, m] @ [m, p]} products
   * of the row-major values, written to storage positions {@code b * n * p + ...}.
   */
  private static void products(Tensor a, Tensor c, Storage out, int batches, int n, int m,
      int p) {
    if (a.dtype().isFloatingPoint()) {
      double[] x = a.toDoubleArray();
      double[] y = c.toDoubleArray();
      for (int b = 0; b < batches; b++) {
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < p; j++) {
            double acc = 0;
            for (int k = 0; k < m; k++) {
              acc += x[(b * n + i) * m + k] * y[(b * m + k) * p + j];
            }
            out.setDouble((b * n + i) * p + j, acc);
          }
        }
      }
    } else {
      long[] x = a.toLongArray();
      long[] y = c.toLongArray();
      for (int b = 0; b < batches; b++) {
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < p; j++) {
            long acc = 0;
            for (int k = 0; k < m; k++) {
              acc += x[(b * n + i) * m + k] * y[(b * m + k) * p + j];
            }
            out.setLong((b * n + i) * p + j, acc);
          }
        }
      }
    }
  }

  private static int size(Tensor t, int d) {
    return Math.toIntExact(t.size(d));
  }

  /** {@code mm}. */
  public static Tensor mm(Tensor self, Tensor mat2) {
    numeric(self.dtype(), "addmm_impl_cpu_");
    Tensor out = Tensor.zeros(self.dtype(), self.size(0), mat2.size(1));
    products(self, mat2, out.storage(), 1, size(self, 0), size(self, 1), size(mat2, 1));
    return out;
  }

  /** {@code bmm}. */
  public static Tensor bmm(Tensor self, Tensor mat2) {
    numeric(self.dtype(), "bmm");
    Tensor out = Tensor.zeros(self.dtype(), self.size(0), self.size(1), mat2.size(2));
    products(self, mat2, out.storage(), size(self, 0), size(self, 1), size(self, 2),
        size(mat2, 2));
    return out;
  }

  /** {@code dot}: a zero-dimensional result. */
  public static Tensor dot(Tensor self, Tensor other) {
    numeric(self.dtype(), "dot");
    Tensor out = Tensor.zeros(self.dtype());
    products(self.view(1, self.numel()), other.view(other.numel(), 1), out.storage(), 1, 1,
        size(self, 0), 1);
    return out;
  }

  /** {@code mv}. */
  public static Tensor mv(Tensor self, Tensor vec) {
    numeric(self.dtype(), "addmv_impl_cpu");
    Tensor out = Tensor.zeros(self.dtype(), self.size(0));
    products(self, vec.view(vec.numel(), 1), out.storage(), 1, size(self, 0), size(self, 1), 1);
    return out;
  }

  /**
   * {@code addmm}: {@code beta * self + alpha * (mat1 @ mat2)}, {@code self} broadcast; with
   * {@code beta == 0} {@code self} is not read (its NaNs do not propagate), as in BLAS.
   *
   * @throws TensorError {@code For integral input tensors, argument alpha must not be a floating
   *     point number.} (and the same for beta)
   */
  public static Tensor addmm(Tensor self, Tensor mat1, Tensor mat2, Object beta, Object alpha) {
    numeric(mat1.dtype(), "addmm_impl_cpu_");
    boolean floating = mat1.dtype().isFloatingPoint();
    if (!floating) {
      for (String name : new String[] {"beta", "alpha"}) {
        if ((name.equals("beta") ? beta : alpha) instanceof Double) {
          throw TensorError.runtime("For integral input tensors, argument " + name
              + " must not be a floating point number.");
        }
      }
    }
    int n = size(mat1, 0);
    int p = size(mat2, 1);
    // the product is kept unrounded, as BLAS scales its accumulator
    Tensor product = Tensor.zeros(floating ? DType.FLOAT64 : DType.INT64, n, p);
    products(mat1, mat2, product.storage(), 1, n, size(mat1, 1), p);
    Tensor added = self.expand(n, p);
    Tensor out = Tensor.zeros(mat1.dtype(), n, p);
    if (floating) {
      double b = number(beta).doubleValue();
      double a = number(alpha).doubleValue();
      double[] prod = product.toDoubleArray();
      double[] base = b == 0 ? null : added.toDoubleArray();
      for (int i = 0; i < n * p; i++) {
        out.storage().setDouble(i, a * prod[i] + (base == null ? 0 : b * base[i]));
      }
    } else {
      long b = number(beta).longValue();
      long a = number(alpha).longValue();
      long[] prod = product.toLongArray();
      long[] base = added.toLongArray();
      for (int i = 0; i < n * p; i++) {
        out.storage().setLong(i, a * prod[i] + b * base[i]);
      }
    }
    return out;
  }

  private static Number number(Object scalar) {
    return scalar instanceof Boolean b ? (Number) (b ? 1L : 0L) : (Number) scalar;
  }
}
