package symtrace.tracer.ops.kernels;

/**
 * The floating formulas of PyTorch's CPU kernels, step by step at a {@link Precision}, where the
 * order of roundings is part of the result (floor division, remainder, the activations), and
 * the error function, which Java lacks.
 */
public final class FloatMath {
  private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
  private static final double SQRT1_2 = 0.7071067811865476;
  /** {@code M_SQRT2 * M_2_SQRTPI * 0.5}: sqrt(2 / pi). */
  private static final double GELU_BETA = 0.7978845608028654;
  private static final double GELU_KAPPA = 0.044715;

  private FloatMath() {}

  /**
   * The error function to about 1e-14 absolute, from the series {@code erf(x) = 2/sqrt(pi) *
   * exp(-x^2) * sum(2^n x^(2n+1) / (1*3*...*(2n+1)))}, whose terms are all positive (no
   * cancellation); beyond |x| = 6 erf is 1 within double precision.
   */
  public static double erf(double x) {
    if (Double.isNaN(x)) {
      return x;
    }
    double ax = Math.abs(x);
    if (ax >= 6) {
      return Math.copySign(1.0, x);
    }
    double x2 = ax * ax;
    double term = ax;
    double sum = ax;
    for (int n = 1; n < 1000; n++) {
      term *= 2 * x2 / (2 * n + 1);
      sum += term;
      if (n > x2 && term <= sum * 1e-17) {
        break;
      }
    }
    return Math.copySign(TWO_OVER_SQRT_PI * Math.exp(-x2) * sum, x);
  }

  /** {@code gelu(x)} exact: {@code x * 0.5 * (1 + erf(x * M_SQRT1_2))}, as ATen's kernel. */
  public static double gelu(double x, Precision p) {
    double e = p.round(erf(p.round(x * p.round(SQRT1_2))));
    return p.round(p.round(x * 0.5) * p.round(1 + e));
  }

  /** {@code gelu(x, approximate='tanh')}: {@code 0.5 * x * (1 + tanh(beta * (x + kappa x^3)))}. */
  public static double geluTanh(double x, Precision p) {
    double cube = p.round(p.round(x * x) * x);
    double inner = p.round(p.round(GELU_BETA)
        * p.round(x + p.round(p.round(GELU_KAPPA) * cube)));
    return p.round(p.round(0.5 * x) * p.round(1 + p.round(Math.tanh(inner))));
  }

  /** {@code sigmoid(x) = 1 / (1 + exp(-x))}. */
  public static double sigmoid(double x, Precision p) {
    return p.round(1 / p.round(1 + p.round(Math.exp(-x))));
  }

  /** {@code silu(x) = x / (1 + exp(-x))}. */
  public static double silu(double x, Precision p) {
    return p.round(x / p.round(1 + p.round(Math.exp(-x))));
  }

  /** {@code rsqrt(x) = 1 / sqrt(x)}. */
  public static double rsqrt(double x, Precision p) {
    return p.round(1 / p.round(Math.sqrt(x)));
  }

  /**
   * ATen's {@code div_floor_floating}: the quotient rounded toward negative infinity, computed
   * from {@code fmod} so that it is exact where {@code floor(a / b)} would round up; IEEE
   * results for a zero divisor.
   */
  public static double floorDivide(double a, double b, Precision p) {
    if (b == 0) {
      return p.round(a / b);
    }
    double mod = a % b;
    double div = p.round(p.round(a - mod) / b);
    if (mod != 0 && (b < 0) != (mod < 0)) {
      div = p.round(div - 1);
    }
    if (div == 0) {
      return Math.copySign(0.0, p.round(a / b));
    }
    double floor = Math.floor(div);
    if (p.round(div - floor) > 0.5) {
      floor = p.round(floor + 1);
    }
    return floor;
  }

  /** {@code remainder}: the remainder with the divisor's sign (Python's {@code %}). */
  public static double remainder(double a, double b, Precision p) {
    double mod = a % b;
    if (mod != 0 && (b < 0) != (mod < 0)) {
      mod = p.round(mod + b);
    }
    return mod;
  }

  /** {@code maximum}: NaN when either is NaN, else {@code std::max}. */
  public static double maximum(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return Double.NaN;
    }
    return a < b ? b : a;
  }

  /** {@code minimum}: NaN when either is NaN, else {@code std::min}. */
  public static double minimum(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return Double.NaN;
    }
    return b < a ? b : a;
  }

  /** {@code std::max(a, lo)}: a NaN {@code a} stays, a NaN bound is ignored. */
  public static double clampMin(double a, double lo) {
    return a < lo ? lo : a;
  }

  /** {@code std::min(a, hi)}: a NaN {@code a} stays, a NaN bound is ignored. */
  public static double clampMax(double a, double hi) {
    return hi < a ? hi : a;
  }

  /**
   * {@code pow(base, exponent)} for a scalar exponent, with ATen's special cases: 0.5 is {@code
   * sqrt}, -0.5 {@code rsqrt}, -1 {@code reciprocal}, 2 and 3 repeated products, -2 the
   * reciprocal of the square; otherwise {@code pow} in double.
   */
  public static double powScalar(double base, double exponent, Precision p) {
    if (exponent == 0.5) {
      return p.round(Math.sqrt(base));
    }
    if (exponent == -0.5) {
      return rsqrt(base, p);
    }
    if (exponent == -1) {
      return p.round(1 / base);
    }
    if (exponent == 2) {
      return p.round(base * base);
    }
    if (exponent == 3) {
      return p.round(p.round(base * base) * base);
    }
    if (exponent == -2) {
      return p.round(1 / p.round(base * base));
    }
    return p.round(pow(base, exponent));
  }

  /**
   * C's {@code pow}: as {@link Math#pow} but {@code pow(1, y)} and {@code pow(-1, ±inf)} are 1
   * (Java answers NaN for a NaN or infinite exponent there).
   */
  public static double pow(double base, double exponent) {
    if (base == 1 || (base == -1 && Double.isInfinite(exponent))) {
      return 1;
    }
    return Math.pow(base, exponent);
  }
}
