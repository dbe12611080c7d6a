package symtrace.symbolic.range;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.function.UnaryOperator;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.FloatLit;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Num;
import symtrace.symbolic.expr.OpaqueFunctions;

/**
 * Transfer functions of conversions, rounding, float math and bitwise functions for {@link
 * ValueRange}: PyTorch's {@code to_dtype}, {@code trunc_to_int}, {@code floor_to_int}, {@code
 * ceil_to_int}, {@code round_to_int}, {@code round_decimal}, {@code trunc}, {@code sqrt}, {@code
 * exp}, {@code log}, {@code log2}, the trigonometric functions and {@code bitwise_and/or/xor}.
 *
 * <p>Conversions and rounding are increasing, so they map the ends. The float functions use the
 * evaluator's {@code java.lang.Math} functions, which are semi-monotonic, at the ends; {@code
 * log2}, a quotient of logarithms except at powers of two, is widened by a few ulps because that
 * switch is not monotone to the last bit.
 */
public final class RangeFunctions {
  private static final ValueRange UNIT = ValueRange.of(FloatLit.of(-1.0), FloatLit.of(1.0));
  private static final int LOG2_SLACK_ULPS = 4;
  private static final int POW_HALF_SLACK_ULPS = 2;

  private RangeFunctions() {}

  private static ValueRange increasing(ValueRange x, UnaryOperator<Num> fn) {
    x = x.numeric();
    return Endpoints.range(fn.apply(x.lo()), fn.apply(x.hi()));
  }

  /** {@code ToFloat(x)}: each end to the nearest float, {@code int_oo} to {@code oo}. */
  public static ValueRange toFloat(ValueRange x) {
    return increasing(x, Endpoints::toFloat);
  }

  /** {@code TruncToInt(x)}, {@code math.trunc}: infinities become {@code int_oo}. */
  public static ValueRange truncToInt(ValueRange x) {
    return increasing(x, e -> Endpoints.toInt(e, RoundingMode.DOWN));
  }

  /** {@code FloorToInt(x)} and sympy's {@code floor(x)}. */
  public static ValueRange floorToInt(ValueRange x) {
    return increasing(x, e -> Endpoints.toInt(e, RoundingMode.FLOOR));
  }

  /** {@code CeilToInt(x)} and sympy's {@code ceiling(x)}. */
  public static ValueRange ceilToInt(ValueRange x) {
    return increasing(x, e -> Endpoints.toInt(e, RoundingMode.CEILING));
  }

  /** {@code RoundToInt(x)}, Python's {@code round(x)}: half to even. */
  public static ValueRange roundToInt(ValueRange x) {
    return increasing(x, e -> Endpoints.toInt(e, RoundingMode.HALF_EVEN));
  }

  /**
   * {@code RoundDecimal(x, n)}, Python's {@code round(x, n)}: increasing in {@code x} for a known
   * {@code n}; unknown when {@code n} is not a single integer.
   */
  public static ValueRange roundDecimal(ValueRange x, ValueRange ndigits) {
    ndigits = ndigits.numeric();
    if (!ndigits.isSingleton()
        || !(ndigits.lo() instanceof IntLit n)
        || !n.fitsLong()
        || Math.abs(n.longValue()) > 400) {
      return ValueRange.unknown();
    }
    int digits = (int) n.longValue();
    return increasing(
        x,
        e -> {
          if (Endpoints.isInfinite(e)) {
            return Endpoints.toFloat(e);
          }
          // The evaluator's round(x, n): the float rounded exactly in decimal, half to even.
          BigDecimal exact = new BigDecimal(e.toDouble());
          return FloatLit.of(exact.setScale(digits, RoundingMode.HALF_EVEN).doubleValue());
        });
  }

  /** {@code TruncToFloat(x)}: truncation toward zero, as a float. */
  public static ValueRange truncToFloat(ValueRange x) {
    return increasing(
        x,
        e -> {
          if (Endpoints.isInfinite(e)) {
            return Endpoints.toFloat(e);
          }
          double d = e.toDouble();
          return FloatLit.of(d < 0 ? Math.ceil(d) : Math.floor(d));
        });
  }

  private static Num opaque(Fn fn, Num x) {
    return FloatLit.of(OpaqueFunctions.apply(fn, x.toDouble()));
  }

  /** {@code OpaqueUnaryFn_sqrt(x)}: unknown when {@code x} can be negative. */
  public static ValueRange sqrt(ValueRange x) {
    x = x.numeric();
    if (x.lo().signum() < 0) {
      return ValueRange.unknown();
    }
    return increasing(x, e -> opaque(Fn.OPAQUE_SQRT, e));
  }

  /**
   * {@code x**(1/2)} (sympy's {@code Pow} with exponent {@code 1/2}), bounded as {@link #sqrt}; the
   * evaluator computes it with {@code Math.pow} (within one ulp of the root, where {@code
   * Math.sqrt} is within half an ulp), so the ends are widened by two ulps.
   */
  static ValueRange powHalf(ValueRange x) {
    ValueRange r = sqrt(x);
    if (r.equals(ValueRange.unknown())) {
      return r;
    }
    return Endpoints.range(
        Endpoints.widen(r.lo(), POW_HALF_SLACK_ULPS, false),
        Endpoints.widen(r.hi(), POW_HALF_SLACK_ULPS, true));
  }

  /** {@code OpaqueUnaryFn_exp(x)}: increasing. */
  public static ValueRange exp(ValueRange x) {
    return increasing(x, e -> opaque(Fn.OPAQUE_EXP, e));
  }

  /** {@code OpaqueUnaryFn_log(x)}: unknown unless {@code x > 0}. */
  public static ValueRange log(ValueRange x) {
    x = x.numeric();
    if (x.lo().signum() <= 0) {
      return ValueRange.unknown();
    }
    return increasing(x, e -> opaque(Fn.OPAQUE_LOG, e));
  }

  /** {@code OpaqueUnaryFn_log2(x)}: unknown unless {@code x > 0}. */
  public static ValueRange log2(ValueRange x) {
    x = x.numeric();
    if (x.lo().signum() <= 0) {
      return ValueRange.unknown();
    }
    ValueRange r = increasing(x, e -> opaque(Fn.OPAQUE_LOG2, e));
    return Endpoints.range(
        Endpoints.widen(r.lo(), LOG2_SLACK_ULPS, false),
        Endpoints.widen(r.hi(), LOG2_SLACK_ULPS, true));
  }

  /** {@code sin(x)}: {@code [-1.0, 1.0]}, as in PyTorch. */
  public static ValueRange sin(ValueRange x) {
    return UNIT;
  }

  /** {@code cos(x)}: {@code [-1.0, 1.0]}, as in PyTorch. */
  public static ValueRange cos(ValueRange x) {
    return UNIT;
  }

  /** {@code tan(x)} and {@code tanh(x)}: unknown, as in PyTorch. */
  public static ValueRange tan(ValueRange x) {
    return ValueRange.unknown();
  }

  /**
   * {@code a & b}. On booleans it is {@code And}. The result is at most the larger upper bound; it
   * is at least 0 when both can only be non-negative, and otherwise at least {@code -2**k} for the
   * smallest power of two below the smaller lower bound (the bits above {@code k} are all set in
   * both). Deviation: PyTorch answers a lower bound of 0 when a lower bound is {@code -int_oo};
   * here it is {@code -int_oo}.
   */
  public static ValueRange bitwiseAnd(ValueRange a, ValueRange b) {
    if (a.isBool() && b.isBool()) {
      return RangeLogic.and(a, b);
    }
    a = a.numeric();
    b = b.numeric();
    if (!a.isInt() || !b.isInt()) {
      return ValueRange.unknownInt();
    }
    Num lower = Endpoints.min(a.lo(), b.lo());
    if (lower.signum() >= 0) {
      lower = IntLit.of(0);
    } else if (!Endpoints.isInfinite(lower)) {
      BigInteger m = ((IntLit) lower).bigValue().negate().subtract(BigInteger.ONE);
      lower = IntLit.of(BigInteger.ONE.shiftLeft(m.bitLength()).negate());
    }
    return Endpoints.range(lower, Endpoints.max(a.hi(), b.hi()));
  }

  /**
   * {@code a | b}. On booleans it is {@code Or}. The result is at least the smaller lower bound; it
   * is at most {@code 2**bit_length(u) - 1} for a positive larger upper bound {@code u}, at most -1
   * when both are negative, at most 0 when {@code u == 0}.
   */
  public static ValueRange bitwiseOr(ValueRange a, ValueRange b) {
    if (a.isBool() && b.isBool()) {
      return RangeLogic.or(a, b);
    }
    a = a.numeric();
    b = b.numeric();
    if (!a.isInt() || !b.isInt()) {
      return ValueRange.unknownInt();
    }
    Num upper = Endpoints.max(a.hi(), b.hi());
    if (upper instanceof IntLit u) {
      if (u.signum() > 0) {
        upper =
            IntLit.of(BigInteger.ONE.shiftLeft(u.bigValue().bitLength()).subtract(BigInteger.ONE));
      } else if (u.signum() < 0) {
        upper = IntLit.of(-1);
      }
    }
    return Endpoints.range(Endpoints.min(a.lo(), b.lo()), upper);
  }

  /** {@code a ^ b}: exact for two single values, unknown otherwise. */
  public static ValueRange bitwiseXor(ValueRange a, ValueRange b) {
    if (a.isBool() && b.isBool()) {
      boolean canBeFalse = false;
      boolean canBeTrue = false;
      for (Object x : new Object[] {a.lower(), a.upper()}) {
        for (Object y : new Object[] {b.lower(), b.upper()}) {
          boolean r = ((BoolLit) x).value() ^ ((BoolLit) y).value();
          canBeTrue |= r;
          canBeFalse |= !r;
        }
      }
      return ValueRange.of(BoolLit.of(!canBeFalse), BoolLit.of(canBeTrue));
    }
    a = a.numeric();
    b = b.numeric();
    if (a.isSingleton()
        && b.isSingleton()
        && a.lo() instanceof IntLit x
        && b.lo() instanceof IntLit y) {
      return ValueRange.singleton(IntLit.of(x.bigValue().xor(y.bigValue())));
    }
    return ValueRange.unknownInt();
  }
}
