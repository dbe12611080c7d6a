package symtrace.symbolic.expr;

/** The float math behind PyTorch's {@code OpaqueUnaryFn_*}, as Python's {@code math} computes it. */
public final class OpaqueFunctions {
  private OpaqueFunctions() {}

  /** Returns {@code math.<name>(x)}; a domain error gives nan. */
  public static double apply(Fn fn, double x) {
    switch (fn) {
      case OPAQUE_SQRT:
        return x < 0 ? Double.NaN : Math.sqrt(x);
      case OPAQUE_EXP:
        return Math.exp(x);
      case OPAQUE_LOG:
        return x <= 0 ? Double.NaN : Math.log(x);
      case OPAQUE_LOG2:
        return x <= 0 ? Double.NaN : log2(x);
      case OPAQUE_SIN:
        return Math.sin(x);
      case OPAQUE_COS:
        return Math.cos(x);
      case OPAQUE_TAN:
        return Math.tan(x);
      case OPAQUE_TANH:
        return Math.tanh(x);
      default:
        throw new IllegalArgumentException("not an opaque float function: " + fn);
    }
  }

  /** An exact log2 for powers of two (as Python's), else the natural-log quotient. */
  private static double log2(double x) {
    long bits = Double.doubleToLongBits(x);
    if ((bits & 0x000FFFFFFFFFFFFFL) == 0 && x > 0 && !Double.isInfinite(x)) {
      return Math.getExponent(x);
    }
    return Math.log(x) / Math.log(2.0);
  }
}
