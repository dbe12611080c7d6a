package symtrace.symbolic.expr;

import java.math.BigInteger;
import java.util.List;

/**
 * A numeric atom: an integer, a rational, a float or an infinity. Arithmetic between numbers is
 * in {@link Nums}; these classes only hold values.
 */
public abstract sealed class Num extends Expr permits IntLit, RatLit, FloatLit, Infinity {
  Num(int hash) {
    super(hash);
  }

  @Override
  public final List<Expr> args() {
    return List.of();
  }

  @Override
  public final boolean isNumber() {
    return true;
  }

  /** Returns the sign: -1, 0 or 1 (nan answers 0; callers test {@link #isNaN()} first). */
  public abstract int signum();

  /** Returns this number as a double (infinities as infinities). */
  public abstract double toDouble();

  /** Returns true for {@code nan}. */
  public boolean isNaN() {
    return false;
  }

  /** Returns true for an infinity or {@code nan}. */
  public boolean isInfinite() {
    return false;
  }

  /** Returns true for an exact zero (integer 0). Float 0.0 is not an exact zero. */
  public boolean isZeroValue() {
    return false;
  }

  /** Returns true for the integer 1. */
  public boolean isOne() {
    return false;
  }

  /** Returns true for the integer -1. */
  public boolean isMinusOne() {
    return false;
  }

  /** Returns the numerator of an integer or rational; null otherwise. */
  public BigInteger numerator() {
    return null;
  }

  /** Returns the denominator of an integer (1) or rational; null otherwise. */
  public BigInteger denominator() {
    return null;
  }
}
