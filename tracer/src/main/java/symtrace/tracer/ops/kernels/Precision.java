package symtrace.tracer.ops.kernels;

import symtrace.tracer.tensor.DType;

/**
 * The floating-point precision an elementwise kernel computes in. A float32 kernel holds its
 * values as doubles that are float32 values, and rounds after every basic operation: for
 * {@code + - * /} and {@code sqrt} of float32 operands, rounding the exact double result to
 * float32 is float32 arithmetic (double carries more than twice float32's precision), so the
 * results are PyTorch's bit for bit; transcendental functions are rounded once from a double
 * result, within one float32 ulp of PyTorch's vectorized versions.
 */
public enum Precision {
  SINGLE,
  DOUBLE;

  /** The precision of a floating dtype. */
  public static Precision of(DType dtype) {
    return dtype == DType.FLOAT32 ? SINGLE : DOUBLE;
  }

  /** The value as this precision holds it: rounded to float32 for {@link #SINGLE}. */
  public double round(double v) {
    return this == SINGLE ? (double) (float) v : v;
  }
}
