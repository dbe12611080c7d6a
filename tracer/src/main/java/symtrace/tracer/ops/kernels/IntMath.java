package symtrace.tracer.ops.kernels;

import symtrace.tracer.tensor.TensorError;

/**
 * The integer formulas of PyTorch's CPU kernels: two's complement arithmetic (int32 results are
 * wrapped by the caller), division by zero raising {@code RuntimeError: ZeroDivisionError} as
 * ATen's integer division kernels do.
 */
public final class IntMath {
  private IntMath() {}

  /** Truncating division ({@code rounding_mode='trunc'}). */
  public static long truncDivide(long a, long b) {
    checkDivisor(b);
    return a / b;
  }

  /** Floor division ({@code floor_divide}, {@code rounding_mode='floor'}). */
  public static long floorDivide(long a, long b) {
    checkDivisor(b);
    return Math.floorDiv(a, b);
  }

  /** {@code remainder}: the remainder with the divisor's sign. */
  public static long remainder(long a, long b) {
    checkDivisor(b);
    return Math.floorMod(a, b);
  }

  /**
   * ATen's {@code powi}: repeated squaring; a negative exponent gives 1 for base 1, ±1 for base
   * -1 by the exponent's parity, and 0 otherwise.
   */
  public static long pow(long base, long exponent) {
    if (exponent < 0) {
      if (base == 1) {
        return 1;
      }
      if (base == -1) {
        return exponent % 2 != 0 ? -1 : 1;
      }
      return 0;
    }
    long result = 1;
    long a = base;
    long b = exponent;
    while (b != 0) {
      if ((b & 1) != 0) {
        result *= a;
      }
      b /= 2;
      a *= a;
    }
    return result;
  }

  private static void checkDivisor(long b) {
    if (b == 0) {
      throw TensorError.runtime("ZeroDivisionError");
    }
  }
}
