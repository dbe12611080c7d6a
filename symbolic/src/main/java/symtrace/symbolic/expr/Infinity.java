package symtrace.symbolic.expr;

/**
 * The infinities and nan. {@code int_oo} is PyTorch's integer infinity (so that integer value
 * ranges stay integer); {@code oo} is sympy's real infinity; {@code ToFloat(int_oo) == oo}.
 */
public final class Infinity extends Num {
  /** PyTorch's {@code int_oo}. */
  public static final Infinity INT_OO = Interner.intern(new Infinity("int_oo", 1, true));
  /** PyTorch's {@code -int_oo}. */
  public static final Infinity NEG_INT_OO = Interner.intern(new Infinity("-int_oo", -1, true));
  /** sympy's {@code oo}. */
  public static final Infinity OO = Interner.intern(new Infinity("oo", 1, false));
  /** sympy's {@code -oo}. */
  public static final Infinity NEG_OO = Interner.intern(new Infinity("-oo", -1, false));
  /** sympy's {@code nan}. */
  public static final Infinity NAN = Interner.intern(new Infinity("nan", 0, false));

  private final String name;
  private final int sign;
  private final boolean integer;

  private Infinity(String name, int sign, boolean integer) {
    super(name.hashCode() * 31 + 4);
    this.name = name;
    this.sign = sign;
    this.integer = integer;
  }

  /** Returns the printed name: {@code int_oo}, {@code -int_oo}, {@code oo}, {@code -oo}, {@code nan}. */
  public String name() {
    return name;
  }

  /** Returns true for {@code int_oo} and {@code -int_oo}. */
  public boolean isIntegerInfinity() {
    return integer;
  }

  /** Returns the infinity of the same kind with the opposite sign. */
  public Infinity negate() {
    if (this == NAN) {
      return NAN;
    }
    if (integer) {
      return sign > 0 ? NEG_INT_OO : INT_OO;
    }
    return sign > 0 ? NEG_OO : OO;
  }

  @Override
  public Kind kind() {
    return Kind.INFINITY;
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitInfinity(this);
  }

  @Override
  public int signum() {
    return sign;
  }

  @Override
  public double toDouble() {
    return sign > 0 ? Double.POSITIVE_INFINITY : sign < 0 ? Double.NEGATIVE_INFINITY : Double.NaN;
  }

  @Override
  public boolean isNaN() {
    return sign == 0;
  }

  @Override
  public boolean isInfinite() {
    return true;
  }

  @Override
  boolean sameShape(Expr other) {
    return ((Infinity) other).name.equals(name);
  }
}
