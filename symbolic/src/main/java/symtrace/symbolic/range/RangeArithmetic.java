package symtrace.symbolic.range;

import java.math.BigInteger;
import java.util.function.BinaryOperator;
import symtrace.symbolic.expr.FloatLit;
import symtrace.symbolic.expr.Infinity;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Num;
import symtrace.symbolic.expr.Nums;

/**
 * Transfer functions of arithmetic for {@link ValueRange}: given ranges of the arguments, a range
 * holding every result. These are the arithmetic methods of PyTorch's {@code
 * SymPyValueRangeAnalysis}; a boolean argument is read as Python's int 0 or 1.
 *
 * <p>Each function is sound: for arguments inside the given ranges, at which the operation is
 * defined (no division by zero, a natural exponent for {@code PowByNatural}), the result lies in
 * the returned range. Where PyTorch's function is not sound this one deviates, and the method says
 * so; everywhere else the result is PyTorch's.
 */
public final class RangeArithmetic {
  /** The largest exponent a rational end point is raised to exactly. */
  private static final long MAX_EXACT_EXPONENT = 1024;

  private RangeArithmetic() {}

  /** {@code a + b}: increasing in both arguments. */
  public static ValueRange add(ValueRange a, ValueRange b) {
    a = a.numeric();
    b = b.numeric();
    return Endpoints.range(Endpoints.add(a.lo(), b.lo()), Endpoints.add(a.hi(), b.hi()));
  }

  /**
   * {@code a * b}: the extreme products of the corners, with {@code 0 * oo = 0} ({@code safe_mul}:
   * a zero factor is zero whatever the other one, and values are finite). Two boolean ranges
   * multiply as {@code And}, as in PyTorch.
   */
  public static ValueRange mul(ValueRange a, ValueRange b) {
    if (a.isBool() && b.isBool()) {
      return RangeLogic.and(a, b);
    }
    return corners(a.numeric(), b.numeric(), Endpoints::mul);
  }

  /**
   * The hull of {@code fn} at the four corners. Sound for every {@code fn} that is monotone in each
   * argument when the other is fixed (the direction may depend on the other argument): moving one
   * coordinate at a time to an end reaches a corner without passing an extreme.
   */
  private static ValueRange corners(ValueRange a, ValueRange b, BinaryOperator<Num> fn) {
    Num[] p = {
      fn.apply(a.lo(), b.lo()), fn.apply(a.lo(), b.hi()),
      fn.apply(a.hi(), b.lo()), fn.apply(a.hi(), b.hi())
    };
    Num lo = null;
    Num hi = null;
    for (Num x : p) {
      if (x.isNaN()) {
        return Endpoints.range(Infinity.NAN, Infinity.NAN);
      }
      lo = lo == null ? x : Endpoints.min(lo, x);
      hi = hi == null ? x : Endpoints.max(hi, x);
    }
    return Endpoints.range(lo, hi);
  }

  /**
   * {@code FloorDiv(a, b)}. When 0 is in {@code b} only the sign is known, assuming (as PyTorch
   * does) that the division is valid: a non-negative quotient {@code [0, int_oo]} when the signs
   * agree, {@code [-int_oo, 0]} when they differ, otherwise unknown. Else the corners, with two
   * infinities giving {@code sign(a)*sign(b)*int_oo}.
   */
  public static ValueRange floorDiv(ValueRange a, ValueRange b) {
    a = a.numeric();
    b = b.numeric();
    if (b.containsZero()) {
      boolean aNonNeg = a.lo().signum() >= 0;
      boolean aNonPos = a.hi().signum() <= 0;
      boolean bNonNeg = b.lo().signum() >= 0;
      boolean bNonPos = b.hi().signum() <= 0;
      if ((bNonNeg && aNonNeg) || (bNonPos && aNonPos)) {
        return ValueRange.of(IntLit.of(0), Infinity.INT_OO);
      }
      if ((bNonPos && aNonNeg) || (bNonNeg && aNonPos)) {
        return ValueRange.of(Infinity.NEG_INT_OO, IntLit.of(0));
      }
      return ValueRange.unknownInt();
    }
    return corners(a, b, Endpoints::floorDiv);
  }

  /**
   * {@code Mod(x, y)} as symtrace evaluates it: Python's {@code %} (the divisor's sign).
   *
   * <p>PyTorch bounds {@code Mod} with C semantics ({@link #cMod}). The two agree when {@code x >=
   * 0} and {@code y > 0}, the only arguments {@code Mod} is defined for, and then the result is
   * PyTorch's. Otherwise it is the union of the C and Python ranges, which is sound whichever
   * {@code %} a consumer prints (Inductor prints C's). Non-integer arguments (Python's float {@code
   * %}) give {@code [0, y.upper]} for a positive divisor, {@code [y.lower, 0]} for a negative one.
   */
  public static ValueRange mod(ValueRange x, ValueRange y) {
    x = x.numeric();
    y = y.numeric();
    if (!x.isInt() || !y.isInt()) {
      return floatMod(y);
    }
    ValueRange c = cMod(x, y);
    if (x.lo().signum() >= 0 && y.lo().signum() > 0) {
      return c;
    }
    return c.union(pythonMod(x, y));
  }

  /**
   * PyTorch's {@code mod}: C's {@code %} (the dividend's sign) on integers. A singleton divisor
   * {@code y} maps an interval with one truncated quotient linearly, a positive dividend to {@code
   * [0, |y|-1]}, a negative one to {@code [1-|y|, 0]}, a mixed one to the overlap of both with the
   * dividend; a wider divisor gives {@code [1-max|y|, max|y|-1]}; a divisor range holding 0 gives
   * {@link ValueRange#unknownInt()}. Non-integer arguments (C's {@code fmod}) give {@code [-max|y|,
   * max|y|]}.
   */
  public static ValueRange cMod(ValueRange x, ValueRange y) {
    x = x.numeric();
    y = y.numeric();
    if (!x.isInt() || !y.isInt()) {
      if (y.containsZero()) {
        return ValueRange.unknown();
      }
      Num m = Endpoints.toFloat(abs(y).hi());
      return Endpoints.range(Endpoints.neg(m), m);
    }
    if (y.containsZero()) {
      return ValueRange.unknownInt();
    }
    if (y.isSingleton()) {
      Num yv = Endpoints.abs(y.lo());
      if (Endpoints.isInfinite(yv)) {
        return ValueRange.unknownInt(); // [int_oo, int_oo] holds no finite divisor
      }
      IntLit m = (IntLit) yv;
      if (x.lo() instanceof IntLit lo
          && x.hi() instanceof IntLit hi
          && lo.bigValue().divide(m.bigValue()).equals(hi.bigValue().divide(m.bigValue()))) {
        // One truncated quotient q: u % y == u - q*y, increasing in u.
        return ValueRange.of(cModValue(lo, m), cModValue(hi, m));
      }
      Num one = IntLit.of(1);
      Num below = Endpoints.add(Endpoints.neg(m), one); // 1 - |y|
      Num above = Endpoints.add(m, IntLit.of(-1)); // |y| - 1
      if (x.hi().signum() < 0) {
        return Endpoints.range(below, IntLit.of(0));
      }
      if (x.lo().signum() > 0) {
        return Endpoints.range(IntLit.of(0), above);
      }
      return Endpoints.range(Endpoints.max(below, x.lo()), Endpoints.min(above, x.hi()));
    }
    Num upper = Endpoints.add(abs(y).hi(), IntLit.of(-1));
    return Endpoints.range(Endpoints.neg(upper), upper);
  }

  /** C's {@code u % m} for {@code m > 0}: {@code |u| % m} with the sign of {@code u}. */
  private static Num cModValue(IntLit u, IntLit m) {
    BigInteger r = u.bigValue().abs().mod(m.bigValue());
    return IntLit.of(u.signum() < 0 ? r.negate() : r);
  }

  /**
   * {@code PythonMod(x, y)}, PyTorch's {@code python_mod}: for {@code x >= 0} and {@code y >= 0}
   * the C range (the semantics agree); otherwise {@code [y.lower + 1, 0]} from a negative divisor
   * joined with {@code [0, y.upper - 1]} from a positive one.
   */
  public static ValueRange pythonMod(ValueRange x, ValueRange y) {
    x = x.numeric();
    y = y.numeric();
    if (!x.isInt() || !y.isInt()) {
      return floatMod(y);
    }
    if (x.lo().signum() >= 0 && y.lo().signum() >= 0) {
      return cMod(x, y);
    }
    Num zero = IntLit.of(0);
    Num lower = y.lo().signum() < 0 ? Endpoints.add(y.lo(), IntLit.of(1)) : zero;
    Num upper = y.hi().signum() > 0 ? Endpoints.add(y.hi(), IntLit.of(-1)) : zero;
    return Endpoints.range(lower, upper);
  }

  /**
   * Python's float {@code x % y}: the divisor's sign and at most its magnitude (rounding can make
   * {@code -1e-20 % 1.0} equal to {@code 1.0}).
   */
  private static ValueRange floatMod(ValueRange y) {
    if (y.containsZero()) {
      return ValueRange.unknown();
    }
    Num zero = FloatLit.of(0.0);
    if (y.lo().signum() > 0) {
      return Endpoints.range(zero, Endpoints.toFloat(y.hi()));
    }
    return Endpoints.range(Endpoints.toFloat(y.lo()), zero);
  }

  /** {@code ModularIndexing(a, b, c) = (a // b) % c}. */
  public static ValueRange modularIndexing(ValueRange a, ValueRange b, ValueRange c) {
    return mod(floorDiv(a, b), c);
  }

  /**
   * {@code IntTrueDiv(a, b)}, Python's int/int: unknown when 0 is in {@code b} or both ranges are
   * unbounded; otherwise the corners, correctly rounded as Python rounds.
   */
  public static ValueRange intTrueDiv(ValueRange a, ValueRange b) {
    return divide(a, b);
  }

  /** {@code FloatTrueDiv(a, b)}: as {@link #intTrueDiv}. */
  public static ValueRange trueDiv(ValueRange a, ValueRange b) {
    return divide(a, b);
  }

  private static ValueRange divide(ValueRange a, ValueRange b) {
    a = a.numeric();
    b = b.numeric();
    // PyTorch tests only the infinity of the operation's own kind; any infinity is safer.
    if (b.containsZero() || (isUnbounded(a) && isUnbounded(b))) {
      return ValueRange.unknown();
    }
    return corners(a, b, Endpoints::trueDiv);
  }

  private static boolean isUnbounded(ValueRange r) {
    return Endpoints.isInfinite(r.lo()) || Endpoints.isInfinite(r.hi());
  }

  /**
   * {@code PowByNatural(a, b)}: integer powers with a natural exponent, PyTorch's {@code
   * pow_by_natural}. The exponent range is clamped to {@code [0, int_oo]} (the exponent is natural
   * by definition); a singleton base and exponent give the exact power; a base {@code >= 1} is
   * increasing in both; a singleton even exponent is convex with its minimum at 0, an odd one
   * increasing; otherwise {@code [-M**e, M**e]} for the largest magnitude {@code M}.
   *
   * <p>Deviations, for soundness: a power above {@code sys.maxsize} is {@code int_oo} only as an
   * upper bound ({@code safe_pow} also makes it a lower bound, which excludes the true value); and
   * a base of exactly 0 gives {@code [0, 1]} when the exponent can be 0, because {@code 0**0 == 1}
   * (PyTorch answers {@code [0, 0]} for {@code PowByNatural([0, 0], [0, 3])}). A float base (from
   * {@code x**2} of a float) uses {@code Math.pow}, as the evaluator does; a rational base exact
   * powers.
   */
  public static ValueRange powByNatural(ValueRange a, ValueRange b) {
    a = a.numeric();
    b = b.numeric();
    if (!b.isInt()) {
      return ValueRange.unknown();
    }
    if (b.hi().signum() < 0) {
      return ValueRange.unknownInt(); // no natural exponent in the range
    }
    ValueRange e = b.lo().signum() < 0 ? ValueRange.of(IntLit.of(0), b.hi()) : b;
    if (!a.isInt()) {
      return e.isSingleton() && e.lo() instanceof IntLit n && n.fitsLong()
          ? realPow(a, n.longValue())
          : ValueRange.unknown();
    }
    if (a.isSingleton() && e.isSingleton()) {
      return ValueRange.of(
          Endpoints.powNatural(a.lo(), e.lo(), false), Endpoints.powNatural(a.lo(), e.lo(), true));
    }
    if (Endpoints.compare(a.lo(), IntLit.of(1)) >= 0) {
      return ValueRange.of(
          Endpoints.powNatural(a.lo(), e.lo(), false), Endpoints.powNatural(a.hi(), e.hi(), true));
    }
    if (e.isSingleton() && e.lo() instanceof IntLit n) {
      Num lo = a.lo();
      Num hi = a.hi();
      if (n.bigValue().testBit(0)) {
        // x**n, n odd: increasing.
        return ValueRange.of(Endpoints.powNatural(lo, n, false), Endpoints.powNatural(hi, n, true));
      }
      // x**n, n even: convex with its minimum at 0.
      Num upper =
          Endpoints.max(Endpoints.powNatural(lo, n, true), Endpoints.powNatural(hi, n, true));
      if (a.containsZero()) {
        return ValueRange.of(IntLit.of(0), upper);
      }
      Num lower =
          Endpoints.min(Endpoints.powNatural(lo, n, false), Endpoints.powNatural(hi, n, false));
      return ValueRange.of(lower, upper);
    }
    if (a.isSingleton() && a.lo().signum() == 0) {
      // 0**0 == 1 and 0**n == 0 otherwise.
      return ValueRange.of(IntLit.of(0), IntLit.of(e.lo().signum() > 0 ? 0 : 1));
    }
    // Unknown parity: bound the magnitude in both directions.
    Num magnitude = Endpoints.max(a.hi(), Endpoints.neg(a.lo()));
    Num bound = Endpoints.powNatural(magnitude, e.hi(), true);
    return ValueRange.of(Endpoints.neg(bound), bound);
  }

  /**
   * {@code x**n} for a non-integer range and a natural {@code n}: exact powers when both ends are
   * exact (rationals, as {@code (u0/3)**2}, which the evaluator computes exactly), the evaluator's
   * {@code Math.pow} otherwise.
   */
  private static ValueRange realPow(ValueRange a, long n) {
    boolean exact = !Endpoints.isFloat(a.lo()) && !Endpoints.isFloat(a.hi());
    if (exact && n > MAX_EXACT_EXPONENT) {
      return ValueRange.unknown();
    }
    Num lo = a.lo();
    Num hi = a.hi();
    if (n % 2 != 0) {
      return Endpoints.range(powEnd(lo, n, false, exact), powEnd(hi, n, true, exact));
    }
    Num upper = Endpoints.max(powEnd(lo, n, true, exact), powEnd(hi, n, true, exact));
    if (a.containsZero()) {
      return Endpoints.range(exact ? IntLit.of(0) : FloatLit.of(0.0), upper);
    }
    Num lower = Endpoints.min(powEnd(lo, n, false, exact), powEnd(hi, n, false, exact));
    return Endpoints.range(lower, upper);
  }

  /** A bound on {@code end**n}: exact for an exact end, else with {@code Math.pow}. */
  private static Num powEnd(Num end, long n, boolean upper, boolean exact) {
    if (!exact) {
      return Endpoints.powFloat(end, n, upper);
    }
    if (Endpoints.isIntegral(end)) {
      return Endpoints.powNatural(end, IntLit.of(n), upper);
    }
    return Nums.pow(end, IntLit.of(n)); // a rational
  }

  /** {@code FloatPow(a, b)} and powers with a non-natural exponent: unknown, as in PyTorch. */
  public static ValueRange pow(ValueRange a, ValueRange b) {
    return ValueRange.unknown();
  }

  /** {@code Min(a, b)}: increasing in both; on booleans it is {@code And}. */
  public static ValueRange minimum(ValueRange a, ValueRange b) {
    if (a.isBool() && b.isBool()) {
      return RangeLogic.and(a, b);
    }
    a = a.numeric();
    b = b.numeric();
    return Endpoints.range(Endpoints.min(a.lo(), b.lo()), Endpoints.min(a.hi(), b.hi()));
  }

  /** {@code Max(a, b)}: increasing in both; on booleans it is {@code Or}. */
  public static ValueRange maximum(ValueRange a, ValueRange b) {
    if (a.isBool() && b.isBool()) {
      return RangeLogic.or(a, b);
    }
    a = a.numeric();
    b = b.numeric();
    return Endpoints.range(Endpoints.max(a.lo(), b.lo()), Endpoints.max(a.hi(), b.hi()));
  }

  /**
   * {@code Abs(x)}: convex with its minimum at 0, so {@code [0, max(|lo|, |hi|)]} when 0 is in the
   * range (a float zero for a float maximum) and the images of the ends otherwise.
   */
  public static ValueRange abs(ValueRange x) {
    x = x.numeric();
    Num l = Endpoints.abs(x.lo());
    Num u = Endpoints.abs(x.hi());
    if (x.containsZero()) {
      Num upper = Endpoints.max(l, u);
      Num zero = Endpoints.isFloat(upper) ? FloatLit.of(0.0) : IntLit.of(0);
      return Endpoints.range(zero, upper);
    }
    return Endpoints.range(Endpoints.min(l, u), Endpoints.max(l, u));
  }

  /** {@code Identity(x)}: the argument's range. */
  public static ValueRange identity(ValueRange x) {
    return x;
  }
}
