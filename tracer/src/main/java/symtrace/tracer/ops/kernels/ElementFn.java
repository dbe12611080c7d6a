package symtrace.tracer.ops.kernels;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.TensorError;

/**
 * What an elementwise operator computes for one element, in the two domains its computation
 * dtype may be: floating ({@code float32}, {@code float64}: values as doubles, see {@link
 * Precision}) and integral ({@code int32}, {@code int64}, and {@code bool} as 0/1). Either may be
 * absent, when PyTorch's kernel has no version for that dtype.
 *
 * <p>The arguments are the operands' values already converted to the computation dtype, in the
 * order the operator lists them; a result is converted to the output dtype on write (a
 * comparison returns 1 or 0 into a bool output).
 *
 * @param kernelName the name PyTorch's dispatch error uses ({@code "gelu_cpu" not implemented
 *     for 'Long'})
 * @param floating the floating computation, or null
 * @param integral the integral computation of int32 and int64, or null
 * @param bool the computation of bool operands (0 and 1), usually {@code integral}, or null
 */
public record ElementFn(String kernelName, Floating floating, Integral integral, Integral bool) {

  /** A floating computation: the result of the values {@code x} at precision {@code p}. */
  @FunctionalInterface
  public interface Floating {
    double apply(double[] x, Precision p);
  }

  /** An integral computation (two's complement: int32 results are wrapped afterwards). */
  @FunctionalInterface
  public interface Integral {
    long apply(long[] x);
  }

  /** A function whose integral version also serves bool operands. */
  public static ElementFn of(String kernelName, Floating floating, Integral integral) {
    return new ElementFn(kernelName, floating, integral, integral);
  }

  /** A function with only a floating version. */
  public static ElementFn floatingOnly(String kernelName, Floating floating) {
    return new ElementFn(kernelName, floating, null, null);
  }

  /**
   * Checks that the function has a version for a computation dtype, so that a meta rule fails
   * where the kernel would.
   *
   * @throws TensorError ATen's dispatch error, {@code "gelu_cpu" not implemented for 'Long'}
   */
  public void checkSupports(DType compute) {
    Object variant = compute.isFloatingPoint() ? floating : compute == DType.BOOL ? bool
        : integral;
    if (variant == null) {
      throw TensorError.runtime(
          "\"" + kernelName + "\" not implemented for '" + compute.scalarTypeName() + "'");
    }
  }

  /** The same function without a bool version (ATen's kernel does not dispatch on bool). */
  public ElementFn withoutBool() {
    return new ElementFn(kernelName, floating, integral, null);
  }

  /** A function of one value, rounded once to the precision. */
  public static Floating unaryFloating(DoubleUnaryOperator f) {
    return (x, p) -> p.round(f.applyAsDouble(x[0]));
  }

  /** A function of two values, rounded once to the precision. */
  public static Floating binaryFloating(DoubleBinaryOperator f) {
    return (x, p) -> p.round(f.applyAsDouble(x[0], x[1]));
  }

  /** A function of one integer. */
  public static Integral unaryIntegral(LongUnaryOperator f) {
    return x -> f.applyAsLong(x[0]);
  }

  /** A function of two integers. */
  public static Integral binaryIntegral(LongBinaryOperator f) {
    return x -> f.applyAsLong(x[0], x[1]);
  }
}
