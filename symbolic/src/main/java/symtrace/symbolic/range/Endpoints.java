package symtrace.symbolic.range;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import symtrace.symbolic.eval.PyMath;
import symtrace.symbolic.expr.FloatLit;
import symtrace.symbolic.expr.Infinity;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Num;
import symtrace.symbolic.expr.Nums;

/**
 * Arithmetic on the end points of numeric ranges: integers, rationals, floats and the four
 * infinities, with sympy's and PyTorch's conventions where they are sound.
 *
 * <p>Order: {@code -oo < -int_oo < every finite number < int_oo < oo}, PyTorch's "arbitrary choice"
 * ({@code test_mixed_oo_int_oo}). Comparisons between floats and exact numbers are exact, never
 * through a rounded {@code double}, so a range decision never depends on rounding.
 *
 * <p>Kinds: a result involving a finite float or {@code oo} is a float ({@code _keep_float}); an
 * infinite integer result is {@code int_oo}, an infinite float result {@code oo}. Operations on
 * opposite infinities give {@code nan}; {@link #range} turns a {@code nan} end into the infinity on
 * that side, which is always sound.
 *
 * <p>Float end points are computed with the same double operations (same order, same rounding to
 * nearest) the {@link symtrace.symbolic.eval.Evaluator} applies to a value. Rounding to nearest is
 * monotone, so an operation that is monotone on the reals stays monotone on doubles and its end
 * points bound every computed value.
 */
final class Endpoints {
  /** Python's {@code sys.maxsize}: {@code safe_pow} answers {@code int_oo} above it. */
  static final IntLit SYS_MAXSIZE = IntLit.of(Long.MAX_VALUE);

  private static final IntLit NEG_SYS_MAXSIZE = IntLit.of(-Long.MAX_VALUE);
  private static final Num FLOAT_ZERO = FloatLit.of(0.0);
  private static final int EXACT_POINT_SLACK_ULPS = 4;

  private Endpoints() {}

  /** Returns the range {@code [lo, hi]}, with a {@code nan} end widened to that side's infinity. */
  static ValueRange range(Num lo, Num hi) {
    boolean integral = isIntegral(lo.isNaN() ? hi : lo) && isIntegral(hi.isNaN() ? lo : hi);
    if (lo.isNaN()) {
      lo = integral ? Infinity.NEG_INT_OO : Infinity.NEG_OO;
    }
    if (hi.isNaN()) {
      hi = integral ? Infinity.INT_OO : Infinity.OO;
    }
    return ValueRange.of(lo, hi);
  }

  /** Returns -2, -1, 0, 1, 2 for {@code -oo, -int_oo}, a finite number, {@code int_oo, oo}. */
  private static int infinityRank(Num n) {
    if (!(n instanceof Infinity inf)) {
      return 0;
    }
    return inf.signum() * (inf.isIntegerInfinity() ? 1 : 2);
  }

  /** Compares two end points exactly; neither may be {@code nan}. */
  static int compare(Num a, Num b) {
    if (a == b) {
      return 0;
    }
    int ra = infinityRank(a);
    int rb = infinityRank(b);
    if (ra != 0 || rb != 0) {
      return Integer.compare(ra, rb);
    }
    if (!(a instanceof FloatLit) && !(b instanceof FloatLit)) {
      return Nums.compare(a, b); // exact for integers and rationals
    }
    // p1/q1 <=> p2/q2 with floats as exact binary fractions (BigDecimal(double) is exact).
    return numerator(a).multiply(denominator(b)).compareTo(numerator(b).multiply(denominator(a)));
  }

  private static BigDecimal numerator(Num n) {
    return n instanceof FloatLit f ? new BigDecimal(f.value()) : new BigDecimal(n.numerator());
  }

  private static BigDecimal denominator(Num n) {
    return n instanceof FloatLit ? BigDecimal.ONE : new BigDecimal(n.denominator());
  }

  /** The smaller end point; between equal values a float, so a mixed hull stays a float. */
  static Num min(Num a, Num b) {
    int c = compare(a, b);
    return c < 0 || (c == 0 && !isFloat(b)) ? a : b;
  }

  /** The larger end point; between equal values a float, so a mixed hull stays a float. */
  static Num max(Num a, Num b) {
    int c = compare(a, b);
    return c > 0 || (c == 0 && !isFloat(b)) ? a : b;
  }

  /** True for the four infinities (and {@code nan}). */
  static boolean isInfinite(Num n) {
    return n instanceof Infinity;
  }

  /** True for a finite float and for {@code oo}/{@code -oo}: values of a float range. */
  static boolean isFloat(Num n) {
    return n instanceof FloatLit || n == Infinity.OO || n == Infinity.NEG_OO;
  }

  /** True for an integer and for {@code int_oo}/{@code -int_oo}. */
  static boolean isIntegral(Num n) {
    return n instanceof IntLit || n == Infinity.INT_OO || n == Infinity.NEG_INT_OO;
  }

  /** True for integer 0 and float 0.0 (what {@code safe_mul} treats as zero). */
  static boolean isZero(Num n) {
    return !isInfinite(n) && n.signum() == 0;
  }

  /** The infinity of this sign: {@code oo} for a float result, {@code int_oo} otherwise. */
  static Infinity infinity(int sign, boolean real) {
    if (real) {
      return sign > 0 ? Infinity.OO : Infinity.NEG_OO;
    }
    return sign > 0 ? Infinity.INT_OO : Infinity.NEG_INT_OO;
  }

  /** {@code -a}, infinities included. */
  static Num neg(Num a) {
    return a instanceof Infinity inf ? inf.negate() : Nums.neg(a);
  }

  /** {@code |a|}, infinities included. */
  static Num abs(Num a) {
    return a.signum() < 0 ? neg(a) : a;
  }

  /** {@code _keep_float}: a result computed from a float argument is a float. */
  private static Num keepFloat(Num result, Num a, Num b) {
    if ((a instanceof FloatLit || b instanceof FloatLit) && !isFloat(result)) {
      return toFloat(result);
    }
    return result;
  }

  /** {@code ToFloat}: integers and rationals to the nearest float, {@code int_oo} to {@code oo}. */
  static Num toFloat(Num a) {
    if (a instanceof Infinity inf) {
      return inf.isNaN() ? inf : infinity(inf.signum(), true);
    }
    return a instanceof FloatLit ? a : FloatLit.of(a.toDouble());
  }

  /** {@code a + b}; {@code oo - oo} is {@code nan}. */
  static Num add(Num a, Num b) {
    if (isInfinite(a) || isInfinite(b)) {
      if (a.isNaN() || b.isNaN()) {
        return Infinity.NAN;
      }
      int sa = isInfinite(a) ? a.signum() : 0;
      int sb = isInfinite(b) ? b.signum() : 0;
      if (sa * sb < 0) {
        return Infinity.NAN; // oo - oo
      }
      return infinity(sa != 0 ? sa : sb, isFloat(a) || isFloat(b));
    }
    return keepFloat(Nums.add(a, b), a, b);
  }

  /** {@code safe_mul}: zero times anything (an infinity included) is that zero. */
  static Num mul(Num a, Num b) {
    Num r;
    if (isZero(a)) {
      r = a;
    } else if (isZero(b)) {
      r = b;
    } else if (isInfinite(a) || isInfinite(b)) {
      if (a.isNaN() || b.isNaN()) {
        return Infinity.NAN;
      }
      r = infinity(a.signum() * b.signum(), isFloat(a) || isFloat(b));
    } else {
      r = Nums.mul(a, b);
    }
    return keepFloat(r, a, b);
  }

  /**
   * {@code FloorDiv} of two end points (the divisor is not zero). With an infinity the quotient is
   * floored in floating point, as PyTorch's {@code FloorDiv.eval}; two infinities give {@code
   * sign(a)*sign(b)*int_oo}, as {@code floordiv} in {@code value_ranges.py}.
   */
  static Num floorDiv(Num a, Num b) {
    if (isInfinite(a) && isInfinite(b)) {
      return infinity(a.signum() * b.signum(), false);
    }
    if (isInfinite(a) || isInfinite(b)) {
      double q = a.toDouble() / b.toDouble();
      return Double.isInfinite(q) ? infinity(q > 0 ? 1 : -1, false) : IntLit.of(0);
    }
    if (a instanceof IntLit x && b instanceof IntLit y) {
      return IntLit.of(Nums.floorDiv(x.bigValue(), y.bigValue()));
    }
    if (a instanceof FloatLit || b instanceof FloatLit) {
      // The evaluator's float floor division: floor of the rounded quotient (inf on overflow).
      double q = Math.floor(a.toDouble() / b.toDouble());
      return Double.isInfinite(q) ? infinity(q > 0 ? 1 : -1, true) : IntLit.of(bigOf(q));
    }
    BigInteger p = a.numerator().multiply(b.denominator());
    BigInteger q = a.denominator().multiply(b.numerator());
    return IntLit.of(Nums.floorDiv(p, q));
  }

  /**
   * Python's true division of two end points (the divisor is not zero, not both infinite):
   * correctly rounded for two integers, exactly as the evaluator computes it.
   */
  static Num trueDiv(Num a, Num b) {
    if (isInfinite(a)) {
      return infinity(a.signum() * b.signum(), true);
    }
    if (isInfinite(b)) {
      return FLOAT_ZERO;
    }
    if (a instanceof IntLit x && b instanceof IntLit y) {
      return FloatLit.of(PyMath.trueDiv(x.bigValue(), y.bigValue()));
    }
    return FloatLit.of(a.toDouble() / b.toDouble());
  }

  /**
   * Rounds an end point to an integer ({@code floor}, {@code ceiling}, {@code trunc}, {@code
   * round}).
   */
  static Num toInt(Num a, RoundingMode mode) {
    if (isInfinite(a)) {
      return a.isNaN() ? a : infinity(a.signum(), false);
    }
    if (a instanceof IntLit) {
      return a;
    }
    BigDecimal exact =
        a instanceof FloatLit f
            ? new BigDecimal(f.value())
            : new BigDecimal(a.numerator()).divide(new BigDecimal(a.denominator()), 0, mode);
    return IntLit.of(exact.setScale(0, mode).toBigIntegerExact());
  }

  /** The integer value of an integral, finite double. */
  static BigInteger bigOf(double integral) {
    return new BigDecimal(integral).toBigIntegerExact();
  }

  /**
   * Returns a bound on {@code base**exp} for integer end points and a natural exponent, computed
   * exactly and saturated as {@code safe_pow}: an upper bound above {@code sys.maxsize} is {@code
   * int_oo}. A lower bound above {@code sys.maxsize} is {@code sys.maxsize} itself (not {@code
   * int_oo} as {@code safe_pow} would give, which no finite value reaches); symmetrically for
   * negative results.
   */
  static Num powNatural(Num base, Num exp, boolean upper) {
    if (exp.signum() == 0) {
      return IntLit.of(1); // x**0 == 1, 0**0 included
    }
    BigInteger magnitude = isInfinite(base) ? null : ((IntLit) base).bigValue().abs();
    if (magnitude != null && magnitude.compareTo(BigInteger.ONE) <= 0) {
      if (magnitude.signum() == 0 || base.signum() > 0) {
        return base; // 0**n == 0, 1**n == 1
      }
      if (isInfinite(exp)) {
        return IntLit.of(upper ? 1 : -1); // (-1)**n for an n of either parity
      }
      return IntLit.of(isEven(exp) ? 1 : -1);
    }
    int sign;
    if (base.signum() > 0) {
      sign = 1;
    } else if (!isInfinite(exp)) {
      sign = isEven(exp) ? 1 : -1;
    } else {
      sign = upper ? 1 : -1; // an unbounded exponent has either parity
    }
    if (magnitude == null || isInfinite(exp)) {
      return saturate(sign, upper);
    }
    BigInteger n = ((IntLit) exp).bigValue();
    // |base| >= 2: |base|**n >= 2**n, so a result wider than 128 bits certainly overflows.
    if (n.bitLength() > 31 || (long) magnitude.bitLength() * n.longValue() > 128) {
      return saturate(sign, upper);
    }
    BigInteger r = magnitude.pow(n.intValue());
    if (r.compareTo(SYS_MAXSIZE.bigValue()) > 0) {
      return saturate(sign, upper);
    }
    return IntLit.of(sign > 0 ? r : r.negate());
  }

  /** The bound for a power whose magnitude exceeds {@code sys.maxsize}. */
  private static Num saturate(int sign, boolean upper) {
    if (sign > 0) {
      return upper ? Infinity.INT_OO : SYS_MAXSIZE;
    }
    return upper ? NEG_SYS_MAXSIZE : Infinity.NEG_INT_OO;
  }

  private static boolean isEven(Num exp) {
    return exp instanceof IntLit n && !n.bigValue().testBit(0);
  }

  /**
   * Returns a bound on {@code base**n} for a float range, with the evaluator's {@code Math.pow}.
   * {@code Math.pow} is semi-monotonic, so its value at an end point bounds its values inside an
   * interval where the power is monotone. An exact (integer or rational) end point of a float range
   * is first rounded to a double, and the evaluator powers exact values exactly, so its power is
   * widened by a few ulps to cover both errors.
   */
  static Num powFloat(Num base, long n, boolean upper) {
    Num r = FloatLit.of(Math.pow(base.toDouble(), (double) n));
    if (!(base instanceof FloatLit) && !isInfinite(base)) {
      r = widen(r, EXACT_POINT_SLACK_ULPS, upper);
    }
    return r;
  }

  /** Moves a float end point {@code ulps} units outward (down for a lower bound). */
  static Num widen(Num end, int ulps, boolean upper) {
    if (!(end instanceof FloatLit f)) {
      return end;
    }
    double d = f.value();
    for (int i = 0; i < ulps; i++) {
      d = upper ? Math.nextUp(d) : Math.nextDown(d);
    }
    return FloatLit.of(d);
  }
}
