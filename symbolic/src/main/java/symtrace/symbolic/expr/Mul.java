package symtrace.symbolic.expr;

import java.util.Arrays;
import java.util.List;

/**
 * A product: a numeric coefficient times one or more non-numeric factors.
 *
 * <p>Invariants (kept by {@link Exprs#mul}): the coefficient is neither 0 nor (with a single
 * factor) 1; factors are neither numbers nor products; no two factors share a base (powers are
 * collected); factors are sorted by sympy's {@code sort_key} ({@link ExprOrder#compare}). A
 * coefficient times a single sum does not exist: it is distributed, as sympy does.
 */
public final class Mul extends Expr {
  private final Num coefficient;
  private final Expr[] factors;

  private Mul(Num coefficient, Expr[] factors) {
    super(37 * Arrays.hashCode(factors) + coefficient.hashCode() + 7);
    this.coefficient = coefficient;
    this.factors = factors;
  }

  static Expr create(Num coefficient, Expr[] sortedFactors) {
    return Interner.intern(new Mul(coefficient, sortedFactors));
  }

  /** Returns the numeric coefficient (integer 1 when there is none). */
  public Num coefficient() {
    return coefficient;
  }

  /** Returns the non-numeric factors in sympy's order. */
  public List<Expr> factors() {
    return Arrays.asList(factors);
  }

  int factorCount() {
    return factors.length;
  }

  Expr factor(int i) {
    return factors[i];
  }

  @Override
  public Kind kind() {
    return Kind.MUL;
  }

  @Override
  public List<Expr> args() {
    if (coefficient.isOne()) {
      return Arrays.asList(factors);
    }
    Expr[] all = new Expr[factors.length + 1];
    all[0] = coefficient;
    System.arraycopy(factors, 0, all, 1, factors.length);
    return Arrays.asList(all);
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitMul(this);
  }

  @Override
  boolean sameShape(Expr other) {
    Mul o = (Mul) other;
    if (o.coefficient != coefficient || o.factors.length != factors.length) {
      return false;
    }
    for (int i = 0; i < factors.length; i++) {
      if (o.factors[i] != factors[i]) {
        return false;
      }
    }
    return true;
  }
}
