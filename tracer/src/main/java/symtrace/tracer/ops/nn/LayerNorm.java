package symtrace.tracer.ops.nn;

import java.util.ArrayList;
import java.util.List;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.ops.Metas;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Geometry;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.TensorValue;

/**
 * {@code aten.native_layer_norm.default}: the input normalized over its trailing {@code
 * normalized_shape} dims, returning {@code (out, mean, rstd)} with the statistics shaped {@code
 * input.shape[:axis] + [1] * len(normalized_shape)}. The shape checks are {@code torch._check}s
 * of {@code sym_eq} (a guard such as {@code Eq(s0, 8)} when a weight's symbolic size must equal a
 * literal normalized shape).
 */
public final class LayerNorm {
  private final TensorValue input;
  private final TensorValue weight;
  private final TensorValue bias;
  private final List<SymInt> normalized;

  /**
   * Checks a call.
   *
   * @throws TensorError with ATen's {@code _check_layer_norm_inputs} texts
   */
  public LayerNorm(TensorValue input, List<SymInt> normalized, TensorValue weight,
      TensorValue bias, Provenance why) {
    this.input = input;
    this.weight = weight;
    this.bias = bias;
    this.normalized = List.copyOf(normalized);
    if (normalized.isEmpty()) {
      throw TensorError.runtime("Expected normalized_shape to be at least 1-dimensional, i.e.,"
          + " containing at least one element, but got normalized_shape = []");
    }
    if (weight != null && !symEq(weight.symSizes(), normalized).expectTrue(why)) {
      throw TensorError.runtime("Expected weight to be of same shape as normalized_shape, but got"
          + " weight of shape " + weight.symSizes() + " and normalized_shape = " + normalized);
    }
    if (bias != null && !symEq(bias.symSizes(), normalized).expectTrue(why)) {
      throw TensorError.runtime("Expected bias to be of same shape as normalized_shape, but got"
          + " bias of shape " + bias.symSizes() + " and normalized_shape = " + normalized);
    }
    int ndim = input.dim();
    int n = normalized.size();
    boolean fits = ndim >= n
        && symEq(input.symSizes().subList(ndim - n, ndim), normalized).expectTrue(why);
    if (!fits) {
      StringBuilder expected = new StringBuilder("[*");
      for (SymInt s : normalized) {
        expected.append(", ").append(s);
      }
      throw TensorError.runtime("Given normalized_shape=" + normalized
          + ", expected input with shape " + expected + "], but got input of size"
          + input.symSizes());
    }
  }

  /** {@code sym_eq} of two shapes: false for different lengths, else the conjunction. */
  private static SymBool symEq(List<SymInt> a, List<SymInt> b) {
    if (a.size() != b.size()) {
      return SymBool.of(false);
    }
    SymBool all = SymBool.of(true);
    for (int i = 0; i < a.size(); i++) {
      all = all.and(a.get(i).eq(b.get(i)));
    }
    return all;
  }

  private List<SymInt> statSizes() {
    int axis = input.dim() - normalized.size();
    List<SymInt> sizes = new ArrayList<>(input.symSizes().subList(0, axis));
    for (int i = axis; i < input.dim(); i++) {
      sizes.add(SymInt.of(1));
    }
    return sizes;
  }

  /** The fake outputs: {@code out} like the input (contiguous), {@code mean}, {@code rstd}. */
  public List<Object> meta() {
    DType dtype = input.dtype();
    return List.of(Metas.empty(dtype, input.symSizes()), Metas.empty(dtype, statSizes()),
        Metas.empty(dtype, statSizes()));
  }

  /**
   * The kernel: per row the mean and biased variance (in double), {@code rstd = 1 / sqrt(var +
   * eps)}, {@code out = (x - mean) * rstd * weight + bias}.
   */
  public List<Object> compute(double eps) {
    Tensor x = (Tensor) input;
    DType dtype = x.dtype();
    if (!dtype.isFloatingPoint()) {
      throw TensorError.runtime("\"LayerNormKernelImpl\" not implemented for '"
          + dtype.scalarTypeName() + "'");
    }
    long[] stat = Geometry.longs(statSizes());
    Tensor out = Tensor.zeros(dtype, x.sizes());
    Tensor mean = Tensor.zeros(dtype, stat);
    Tensor rstd = Tensor.zeros(dtype, stat);
    long rowLength = 1;
    for (SymInt s : normalized) {
      rowLength *= s.constantValue();
    }
    int n = (int) rowLength;
    double[] v = x.toDoubleArray();
    double[] w = weight == null ? null : ((Tensor) weight).toDoubleArray();
    double[] b = bias == null ? null : ((Tensor) bias).toDoubleArray();
    int rows = n == 0 ? 0 : v.length / n;
    for (int r = 0; r < rows; r++) {
      double m = 0;
      for (int i = 0; i < n; i++) {
        m += v[r * n + i];
      }
      m /= n;
      double var = 0;
      for (int i = 0; i < n; i++) {
        double d = v[r * n + i] - m;
        var += d * d;
      }
      var /= n;
      double inv = 1 / Math.sqrt(var + eps);
      for (int i = 0; i < n; i++) {
        double y = (v[r * n + i] - m) * inv;
        out.storage().setDouble(r * n + i, y * (w == null ? 1 : w[i]) + (b == null ? 0 : b[i]));
      }
      mean.storage().setDouble(r, m);
      rstd.storage().setDouble(r, inv);
    }
    return List.of(out, mean, rstd);
  }
}
