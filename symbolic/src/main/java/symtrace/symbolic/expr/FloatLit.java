package symtrace.symbolic.expr;

/**
 * A float (sympy's {@code Float} at 53 bits of precision, Python's {@code float}). Finite only:
 * infinities and nan are {@link Infinity}.
 */
public final class FloatLit extends Num {
  private final double value;

  private FloatLit(double value) {
    super(Double.hashCode(value) * 31 + 3);
    this.value = value;
  }

  /** Returns the float with this value; an infinite or nan value gives {@link Infinity}. */
  public static Num of(double value) {
    if (Double.isNaN(value)) {
      return Infinity.NAN;
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? Infinity.OO : Infinity.NEG_OO;
    }
    if (value == 0.0) {
      value = 0.0; // one zero: -0.0 and 0.0 are the same sympy Float
    }
    return Interner.intern(new FloatLit(value));
  }

  public double value() {
    return value;
  }

  @Override
  public Kind kind() {
    return Kind.FLOAT;
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitFloat(this);
  }

  @Override
  public int signum() {
    return (int) Math.signum(value);
  }

  @Override
  public double toDouble() {
    return value;
  }

  @Override
  boolean sameShape(Expr other) {
    return Double.compare(((FloatLit) other).value, value) == 0;
  }
}
