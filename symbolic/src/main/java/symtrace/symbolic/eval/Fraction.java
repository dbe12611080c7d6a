package symtrace.symbolic.eval;

import java.math.BigInteger;

/** An exact rational value produced by evaluating sympy's division: in lowest terms, den >= 2. */
public record Fraction(BigInteger numerator, BigInteger denominator) {
  /** Returns {@code p/q} normalized: an integer value ({@code Long} or {@code BigInteger}) when q divides p. */
  public static Object of(BigInteger p, BigInteger q) {
    if (q.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
    if (q.signum() < 0) {
      p = p.negate();
      q = q.negate();
    }
    BigInteger g = p.gcd(q);
    if (!g.equals(BigInteger.ONE)) {
      p = p.divide(g);
      q = q.divide(g);
    }
    if (q.equals(BigInteger.ONE)) {
      return PyMath.normalize(p);
    }
    return new Fraction(p, q);
  }

  public double toDouble() {
    return new java.math.BigDecimal(numerator)
        .divide(new java.math.BigDecimal(denominator), java.math.MathContext.DECIMAL64)
        .doubleValue();
  }

  @Override
  public String toString() {
    return numerator + "/" + denominator;
  }
}
