package symtrace.symbolic.expr;

import java.math.BigInteger;

/**
 * An integer. Values that fit in a {@code long} are held unboxed (the fast path); others as a
 * {@link BigInteger}. Arithmetic overflows exactly, never silently.
 */
public final class IntLit extends Num {
  private static final int CACHE_LOW = -256;
  private static final int CACHE_HIGH = 1024;
  private static final IntLit[] CACHE = new IntLit[CACHE_HIGH - CACHE_LOW + 1];

  static {
    for (int i = CACHE_LOW; i <= CACHE_HIGH; i++) {
      CACHE[i - CACHE_LOW] = Interner.intern(new IntLit(i, null));
    }
  }

  private final long small;
  private final BigInteger big; // null when the value fits in a long

  private IntLit(long small, BigInteger big) {
    super(big == null ? Long.hashCode(small) * 31 + 1 : big.hashCode() * 31 + 1);
    this.small = small;
    this.big = big;
  }

  /** Returns the interned integer with this value. */
  public static IntLit of(long value) {
    if (value >= CACHE_LOW && value <= CACHE_HIGH) {
      return CACHE[(int) value - CACHE_LOW];
    }
    return Interner.intern(new IntLit(value, null));
  }

  /** Returns the interned integer with this value. */
  public static IntLit of(BigInteger value) {
    if (value.bitLength() < 64) {
      return of(value.longValue());
    }
    return Interner.intern(new IntLit(0, value));
  }

  /** Returns true when the value fits in a {@code long}. */
  public boolean fitsLong() {
    return big == null;
  }

  /** Returns the value; only valid when {@link #fitsLong()}. */
  public long longValue() {
    if (big != null) {
      throw new ArithmeticException("integer does not fit in a long: " + big);
    }
    return small;
  }

  public BigInteger bigValue() {
    return big != null ? big : BigInteger.valueOf(small);
  }

  @Override
  public Kind kind() {
    return Kind.INTEGER;
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitInt(this);
  }

  @Override
  public int signum() {
    return big != null ? big.signum() : Long.signum(small);
  }

  @Override
  public double toDouble() {
    return big != null ? big.doubleValue() : (double) small;
  }

  @Override
  public boolean isZeroValue() {
    return big == null && small == 0;
  }

  @Override
  public boolean isOne() {
    return big == null && small == 1;
  }

  @Override
  public boolean isMinusOne() {
    return big == null && small == -1;
  }

  @Override
  public BigInteger numerator() {
    return bigValue();
  }

  @Override
  public BigInteger denominator() {
    return BigInteger.ONE;
  }

  @Override
  boolean sameShape(Expr other) {
    IntLit o = (IntLit) other;
    return big == null ? o.big == null && o.small == small : big.equals(o.big);
  }
}
