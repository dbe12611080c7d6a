package symtrace.symbolic.eval;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import symtrace.symbolic.expr.SymbolicArithmeticError;

/**
 * Python's arithmetic on concrete values: {@code Long} and {@code BigInteger} (Python int; a
 * {@code Long} whenever the value fits), {@link Fraction} (sympy's exact rationals), {@code
 * Double} (Python float) and {@code Boolean} (Python bool, which is an int in arithmetic).
 *
 * <p>Integer arithmetic never overflows; {@code //} floors; {@code %} takes the divisor's sign;
 * comparisons between ints and floats are exact, as in Python.
 */
public final class PyMath {
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private PyMath() {}

  static Object normalize(BigInteger v) {
    return v.bitLength() < 64 ? (Object) v.longValue() : v;
  }

  public static boolean isInt(Object v) {
    return v instanceof Long || v instanceof BigInteger || v instanceof Boolean;
  }

  public static boolean isFloat(Object v) {
    return v instanceof Double;
  }

  static BigInteger big(Object v) {
    if (v instanceof Long l) {
      return BigInteger.valueOf(l);
    }
    if (v instanceof BigInteger b) {
      return b;
    }
    if (v instanceof Boolean b) {
      return b ? BigInteger.ONE : BigInteger.ZERO;
    }
    throw new IllegalArgumentException("not an int: " + v);
  }

  public static double toDouble(Object v) {
    if (v instanceof Double d) {
      return d;
    }
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof BigInteger b) {
      return b.doubleValue();
    }
    if (v instanceof Fraction f) {
      return f.toDouble();
    }
    if (v instanceof Boolean b) {
      return b ? 1.0 : 0.0;
    }
    throw new IllegalArgumentException("not a number: " + v);
  }

  private static BigInteger[] fraction(Object v) {
    if (v instanceof Fraction f) {
      return new BigInteger[] {f.numerator(), f.denominator()};
    }
    return new BigInteger[] {big(v), BigInteger.ONE};
  }

  public static Object add(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      long r = x + y;
      if (((x ^ r) & (y ^ r)) >= 0) {
        return r;
      }
      return normalize(BigInteger.valueOf(x).add(BigInteger.valueOf(y)));
    }
    if (a instanceof Double || b instanceof Double) {
      return toDouble(a) + toDouble(b);
    }
    if (a instanceof Fraction || b instanceof Fraction) {
      BigInteger[] p = fraction(a);
      BigInteger[] q = fraction(b);
      return Fraction.of(p[0].multiply(q[1]).add(q[0].multiply(p[1])), p[1].multiply(q[1]));
    }
    return normalize(big(a).add(big(b)));
  }

  public static Object neg(Object a) {
    if (a instanceof Long x && x != Long.MIN_VALUE) {
      return -x;
    }
    if (a instanceof Double d) {
      return -d;
    }
    if (a instanceof Fraction f) {
      return new Fraction(f.numerator().negate(), f.denominator());
    }
    return normalize(big(a).negate());
  }

  public static Object sub(Object a, Object b) {
    return add(a, neg(b));
  }

  public static Object mul(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      long hi = Math.multiplyHigh(x, y);
      long lo = x * y;
      if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
        return lo;
      }
      return normalize(BigInteger.valueOf(x).multiply(BigInteger.valueOf(y)));
    }
    if (a instanceof Double || b instanceof Double) {
      return toDouble(a) * toDouble(b);
    }
    if (a instanceof Fraction || b instanceof Fraction) {
      BigInteger[] p = fraction(a);
      BigInteger[] q = fraction(b);
      return Fraction.of(p[0].multiply(q[0]), p[1].multiply(q[1]));
    }
    return normalize(big(a).multiply(big(b)));
  }

  /** sympy's exact division {@code a/b} (a rational for ints), float division for floats. */
  public static Object exactDiv(Object a, Object b) {
    if (a instanceof Double || b instanceof Double) {
      double d = toDouble(b);
      if (d == 0.0) {
        throw zeroDivision();
      }
      return toDouble(a) / d;
    }
    BigInteger[] p = fraction(a);
    BigInteger[] q = fraction(b);
    if (q[0].signum() == 0) {
      throw zeroDivision();
    }
    return Fraction.of(p[0].multiply(q[1]), p[1].multiply(q[0]));
  }

  /** Python's {@code a / b}: true division, a correctly rounded float. */
  public static double trueDiv(Object a, Object b) {
    if (isInt(a) && isInt(b)) {
      BigInteger q = big(b);
      if (q.signum() == 0) {
        throw zeroDivision();
      }
      BigInteger p = big(a);
      if (p.bitLength() < 53 && q.bitLength() < 53) {
        return (double) p.longValue() / (double) q.longValue();
      }
      return new BigDecimal(p).divide(new BigDecimal(q), new MathContext(40)).doubleValue();
    }
    double d = toDouble(b);
    if (d == 0.0) {
      throw zeroDivision();
    }
    return toDouble(a) / d;
  }

  /** Python's {@code a // b}. */
  public static Object floorDiv(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      if (y == 0) {
        throw zeroDivision();
      }
      if (!(x == Long.MIN_VALUE && y == -1)) {
        return Math.floorDiv(x, y);
      }
    }
    if (a instanceof Double || b instanceof Double) {
      double y = toDouble(b);
      if (y == 0.0) {
        throw zeroDivision();
      }
      return Math.floor(toDouble(a) / y);
    }
    if (a instanceof Fraction || b instanceof Fraction) {
      BigInteger[] p = fraction(a);
      BigInteger[] q = fraction(b);
      if (q[0].signum() == 0) {
        throw zeroDivision();
      }
      return normalize(floorDivBig(p[0].multiply(q[1]), p[1].multiply(q[0])));
    }
    BigInteger y = big(b);
    if (y.signum() == 0) {
      throw zeroDivision();
    }
    return normalize(floorDivBig(big(a), y));
  }

  static BigInteger floorDivBig(BigInteger a, BigInteger b) {
    BigInteger[] qr = a.divideAndRemainder(b);
    if (qr[1].signum() != 0 && qr[1].signum() != b.signum()) {
      return qr[0].subtract(BigInteger.ONE);
    }
    return qr[0];
  }

  /** Python's {@code a % b} (the sign of the divisor). */
  public static Object mod(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      if (y == 0) {
        throw moduloByZero();
      }
      return Math.floorMod(x, y);
    }
    if (a instanceof Double || b instanceof Double) {
      double x = toDouble(a);
      double y = toDouble(b);
      if (y == 0.0) {
        throw moduloByZero();
      }
      double r = x % y;
      if (r != 0 && (r < 0) != (y < 0)) {
        r += y;
      }
      return r;
    }
    if (a instanceof Fraction || b instanceof Fraction) {
      Object q = floorDiv(a, b);
      return sub(a, mul(q, b));
    }
    BigInteger y = big(b);
    if (y.signum() == 0) {
      throw moduloByZero();
    }
    BigInteger r = big(a).mod(y.abs());
    if (y.signum() < 0 && r.signum() != 0) {
      r = r.add(y);
    }
    return normalize(r);
  }

  /** sympy's {@code Pow}: exact for an int base and int exponent (a rational if negative). */
  public static Object pow(Object base, Object exp) {
    if (isInt(exp) && !(base instanceof Double)) {
      BigInteger e = big(exp);
      if (e.bitLength() > 20) {
        throw new ArithmeticException("exponent too large: " + e);
      }
      int n = e.intValue();
      BigInteger[] p = fraction(base);
      if (n >= 0) {
        return Fraction.of(p[0].pow(n), p[1].pow(n));
      }
      if (p[0].signum() == 0) {
        throw zeroDivision();
      }
      return Fraction.of(p[1].pow(-n), p[0].pow(-n));
    }
    if (exp instanceof Fraction f && !(base instanceof Double)) {
      // exact roots of perfect powers, as sympy folds sqrt(4) to 2; otherwise a float
      double r = Math.pow(toDouble(base), f.toDouble());
      if (Double.isNaN(r)) {
        throw new ArithmeticException("complex result");
      }
      long rounded = Math.round(r);
      if (Math.abs(r - rounded) < 1e-9 && isInt(base)
          && pow(rounded, f.denominator().longValue()).equals(pow(base, f.numerator().longValue()))) {
        return rounded;
      }
      return r;
    }
    double r = Math.pow(toDouble(base), toDouble(exp));
    if (Double.isNaN(r)) {
      throw new ArithmeticException("complex result");
    }
    return r;
  }

  /** Python's {@code int ** int} for a natural exponent. */
  public static Object intPow(Object base, Object exp) {
    BigInteger e = big(exp);
    if (e.signum() < 0) {
      throw new SymbolicArithmeticError("ValueError", "Exponent must be non-negative.");
    }
    if (e.bitLength() > 20) {
      throw new ArithmeticException("exponent too large: " + e);
    }
    return normalize(big(base).pow(e.intValue()));
  }

  /** Compares two numbers exactly (Python's int/float comparison). */
  public static int compare(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    if (a instanceof Double || b instanceof Double) {
      double x = toDouble(a);
      double y = toDouble(b);
      if (Double.isNaN(x) || Double.isNaN(y)) {
        return Integer.MIN_VALUE; // unordered
      }
      if (Double.isInfinite(x) || Double.isInfinite(y)) {
        return Double.compare(x, y);
      }
      return exact(a).compareTo(exact(b));
    }
    BigInteger[] p = fraction(a);
    BigInteger[] q = fraction(b);
    return p[0].multiply(q[1]).compareTo(q[0].multiply(p[1]));
  }

  private static BigDecimal exact(Object v) {
    if (v instanceof Double d) {
      return new BigDecimal(d);
    }
    if (v instanceof Fraction f) {
      return new BigDecimal(f.numerator()).divide(new BigDecimal(f.denominator()), MathContext.DECIMAL128);
    }
    return new BigDecimal(big(v));
  }

  /** Python's {@code round(x)}: half to even, an int. */
  public static Object roundToInt(Object x) {
    if (isInt(x)) {
      return normalize(big(x));
    }
    return normalize(exact(x).setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact());
  }

  /** {@code math.floor}, {@code math.ceil} and {@code math.trunc} as ints. */
  public static Object toInt(Object x, RoundingMode mode) {
    if (isInt(x)) {
      return normalize(big(x));
    }
    double d = toDouble(x);
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new SymbolicArithmeticError("ValueError", "cannot convert float " + d + " to integer");
    }
    return normalize(exact(x).setScale(0, mode).toBigIntegerExact());
  }

  static SymbolicArithmeticError zeroDivision() {
    return new SymbolicArithmeticError("ZeroDivisionError", "division by zero");
  }

  static SymbolicArithmeticError moduloByZero() {
    return new SymbolicArithmeticError("ZeroDivisionError", "Modulo by zero");
  }

  /** Returns true when {@code v} is a Python value that fits in a long. */
  static boolean fitsLong(BigInteger v) {
    return v.compareTo(LONG_MIN) >= 0 && v.compareTo(LONG_MAX) <= 0;
  }
}
