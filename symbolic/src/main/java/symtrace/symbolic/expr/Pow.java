package symtrace.symbolic.expr;

import java.util.List;

/**
 * A power {@code base**exponent} that construction could not fold: the base is not a number or
 * the exponent is not an integer, and the exponent is neither 0 nor 1. Built by {@link
 * Exprs#pow}.
 */
public final class Pow extends Expr {
  private final Expr base;
  private final Expr exponent;

  private Pow(Expr base, Expr exponent) {
    super(41 * base.hashCode() + exponent.hashCode() + 8);
    this.base = base;
    this.exponent = exponent;
  }

  static Expr create(Expr base, Expr exponent) {
    return Interner.intern(new Pow(base, exponent));
  }

  public Expr base() {
    return base;
  }

  public Expr exponent() {
    return exponent;
  }

  @Override
  public Kind kind() {
    return Kind.POW;
  }

  @Override
  public List<Expr> args() {
    return List.of(base, exponent);
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitPow(this);
  }

  @Override
  boolean sameShape(Expr other) {
    Pow o = (Pow) other;
    return o.base == base && o.exponent == exponent;
  }
}
