package symtrace.symbolic.expr;

import java.math.BigInteger;

/**
 * Arithmetic on numbers with sympy's rules: exact integers and rationals, floats absorbing exact
 * values, and PyTorch's infinities ({@code int_oo} yields to {@code oo}; opposite infinities give
 * {@code nan}; an infinity times exact zero is {@code nan}).
 */
public final class Nums {
  private Nums() {}

  public static Num add(Num a, Num b) {
    if (a instanceof IntLit x && b instanceof IntLit y) {
      if (x.fitsLong() && y.fitsLong()) {
        long p = x.longValue();
        long q = y.longValue();
        long r = p + q;
        if (((p ^ r) & (q ^ r)) >= 0) {
          return IntLit.of(r);
        }
      }
      return IntLit.of(x.bigValue().add(y.bigValue()));
    }
    if (a.isInfinite() || b.isInfinite()) {
      return addInfinite(a, b);
    }
    if (a instanceof FloatLit || b instanceof FloatLit) {
      return FloatLit.of(a.toDouble() + b.toDouble());
    }
    BigInteger p = a.numerator().multiply(b.denominator()).add(b.numerator().multiply(a.denominator()));
    return RatLit.of(p, a.denominator().multiply(b.denominator()));
  }

  private static Num addInfinite(Num a, Num b) {
    if (a.isNaN() || b.isNaN()) {
      return Infinity.NAN;
    }
    if (!b.isInfinite()) {
      return a;
    }
    if (!a.isInfinite()) {
      return b;
    }
    Infinity x = (Infinity) a;
    Infinity y = (Infinity) b;
    if (x.signum() == y.signum()) {
      return x.isIntegerInfinity() ? y : x; // oo wins over int_oo
    }
    if (x.isIntegerInfinity() != y.isIntegerInfinity()) {
      return x.isIntegerInfinity() ? y : x; // oo + -int_oo == oo, as in PyTorch
    }
    return Infinity.NAN;
  }

  public static Num neg(Num a) {
    if (a instanceof IntLit x) {
      if (x.fitsLong() && x.longValue() != Long.MIN_VALUE) {
        return IntLit.of(-x.longValue());
      }
      return IntLit.of(x.bigValue().negate());
    }
    if (a instanceof FloatLit f) {
      return FloatLit.of(-f.value());
    }
    if (a instanceof Infinity inf) {
      return inf.negate();
    }
    return RatLit.of(a.numerator().negate(), a.denominator());
  }

  public static Num sub(Num a, Num b) {
    return add(a, neg(b));
  }

  public static Num mul(Num a, Num b) {
    if (a instanceof IntLit x && b instanceof IntLit y) {
      if (x.fitsLong() && y.fitsLong()) {
        long p = x.longValue();
        long q = y.longValue();
        long hi = Math.multiplyHigh(p, q);
        long lo = p * q;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
          return IntLit.of(lo);
        }
      }
      return IntLit.of(x.bigValue().multiply(y.bigValue()));
    }
    if (a.isInfinite() || b.isInfinite()) {
      return mulInfinite(a, b);
    }
    if (a instanceof FloatLit || b instanceof FloatLit) {
      return FloatLit.of(a.toDouble() * b.toDouble());
    }
    return RatLit.of(
        a.numerator().multiply(b.numerator()), a.denominator().multiply(b.denominator()));
  }

  private static Num mulInfinite(Num a, Num b) {
    if (a.isNaN() || b.isNaN()) {
      return Infinity.NAN;
    }
    if (a.signum() == 0 || b.signum() == 0) {
      return Infinity.NAN;
    }
    boolean real =
        (a instanceof Infinity x && !x.isIntegerInfinity())
            || (b instanceof Infinity y && !y.isIntegerInfinity());
    boolean positive = a.signum() == b.signum();
    if (real) {
      return positive ? Infinity.OO : Infinity.NEG_OO;
    }
    return positive ? Infinity.INT_OO : Infinity.NEG_INT_OO;
  }

  /** Returns {@code 1/a}; throws {@link ArithmeticException} for exact zero. */
  public static Num reciprocal(Num a) {
    if (a instanceof FloatLit f) {
      return FloatLit.of(1.0 / f.value());
    }
    if (a instanceof Infinity inf) {
      return inf.isNaN() ? inf : IntLit.of(0);
    }
    if (a.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
    return RatLit.of(a.denominator(), a.numerator());
  }

  /**
   * Returns {@code base**exp} when it is a number exactly representable here (an integer
   * exponent on an exact or float base, or a float exponent), else null.
   */
  public static Num pow(Num base, Num exp) {
    if (exp instanceof IntLit e) {
      if (base instanceof FloatLit f) {
        return FloatLit.of(Math.pow(f.value(), e.toDouble()));
      }
      if (base.isInfinite()) {
        if (base.isNaN()) {
          return Infinity.NAN;
        }
        if (e.signum() == 0) {
          return IntLit.of(1);
        }
        if (e.signum() < 0) {
          return IntLit.of(0);
        }
        boolean even = !e.bigValue().testBit(0);
        Infinity inf = (Infinity) base;
        return even && inf.signum() < 0 ? inf.negate() : inf;
      }
      if (!e.fitsLong() || Math.abs(e.longValue()) > 100_000) {
        return null;
      }
      int n = (int) e.longValue();
      if (n >= 0) {
        return RatLit.of(base.numerator().pow(n), base.denominator().pow(n));
      }
      if (base.signum() == 0) {
        throw new ArithmeticException("division by zero");
      }
      return RatLit.of(base.denominator().pow(-n), base.numerator().pow(-n));
    }
    if (exp instanceof FloatLit || base instanceof FloatLit) {
      if (base.isInfinite() || exp.isInfinite()) {
        return null;
      }
      double r = Math.pow(base.toDouble(), exp.toDouble());
      return Double.isNaN(r) ? null : FloatLit.of(r);
    }
    return null;
  }

  /** Compares two real numbers (nan sorts above everything, for a total order). */
  public static int compare(Num a, Num b) {
    if (a == b) {
      return 0;
    }
    if (a.isNaN() || b.isNaN()) {
      return a.isNaN() ? (b.isNaN() ? 0 : 1) : -1;
    }
    if (a instanceof IntLit x && b instanceof IntLit y) {
      if (x.fitsLong() && y.fitsLong()) {
        return Long.compare(x.longValue(), y.longValue());
      }
      return x.bigValue().compareTo(y.bigValue());
    }
    if (a.isInfinite() || b.isInfinite()) {
      int sa = a.isInfinite() ? a.signum() * 2 : 0;
      int sb = b.isInfinite() ? b.signum() * 2 : 0;
      return Integer.compare(sa, sb);
    }
    if (a instanceof FloatLit || b instanceof FloatLit) {
      return Double.compare(a.toDouble(), b.toDouble());
    }
    return a.numerator().multiply(b.denominator()).compareTo(b.numerator().multiply(a.denominator()));
  }

  /** Python's {@code a // b} on integers (floors toward negative infinity). */
  public static BigInteger floorDiv(BigInteger a, BigInteger b) {
    BigInteger[] qr = a.divideAndRemainder(b);
    if (qr[1].signum() != 0 && (qr[1].signum() != b.signum())) {
      return qr[0].subtract(BigInteger.ONE);
    }
    return qr[0];
  }

  /** Python's {@code a % b} on integers (the result takes the divisor's sign). */
  public static BigInteger floorMod(BigInteger a, BigInteger b) {
    BigInteger r = a.mod(b.abs());
    if (b.signum() < 0 && r.signum() != 0) {
      r = r.add(b);
    }
    return r;
  }

  /** Returns true for an integer, including {@code int_oo} and {@code -int_oo}. */
  public static boolean isIntegral(Num n) {
    return n instanceof IntLit || (n instanceof Infinity i && i.isIntegerInfinity());
  }
}
