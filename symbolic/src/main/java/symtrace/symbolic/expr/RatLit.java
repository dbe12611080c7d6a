package symtrace.symbolic.expr;

import java.math.BigInteger;

/** A rational that is not an integer: numerator and denominator coprime, denominator >= 2. */
public final class RatLit extends Num {
  private final BigInteger num;
  private final BigInteger den;

  private RatLit(BigInteger num, BigInteger den) {
    super(num.hashCode() * 961 + den.hashCode() * 31 + 2);
    this.num = num;
    this.den = den;
  }

  /** Returns {@code p/q} in lowest terms: an {@link IntLit} when it is integral. */
  public static Num of(BigInteger p, BigInteger q) {
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
      return IntLit.of(p);
    }
    return Interner.intern(new RatLit(p, q));
  }

  public static Num of(long p, long q) {
    return of(BigInteger.valueOf(p), BigInteger.valueOf(q));
  }

  @Override
  public BigInteger numerator() {
    return num;
  }

  @Override
  public BigInteger denominator() {
    return den;
  }

  @Override
  public Kind kind() {
    return Kind.RATIONAL;
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitRat(this);
  }

  @Override
  public int signum() {
    return num.signum();
  }

  @Override
  public double toDouble() {
    return new java.math.BigDecimal(num)
        .divide(new java.math.BigDecimal(den), java.math.MathContext.DECIMAL64)
        .doubleValue();
  }

  @Override
  boolean sameShape(Expr other) {
    RatLit o = (RatLit) other;
    return num.equals(o.num) && den.equals(o.den);
  }
}
