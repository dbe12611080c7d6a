package symtrace.symbolic.expr;

import java.util.Arrays;
import java.util.List;

/**
 * A sum: a numeric constant plus at least one non-numeric term (or two terms and no constant).
 *
 * <p>Invariants (checked by {@link Exprs}): terms are pairwise distinct after removing their
 * coefficients, none is a number or a sum, and they are stored in sympy's printing order
 * ({@link ExprOrder#compareTerms}); the constant is last when printed. Built only by {@link
 * Exprs#add}.
 */
public final class Add extends Expr {
  private final Num constant;
  private final Expr[] terms;

  private Add(Num constant, Expr[] terms) {
    super(31 * Arrays.hashCode(terms) + constant.hashCode() + 6);
    this.constant = constant;
    this.terms = terms;
  }

  static Expr create(Num constant, Expr[] sortedTerms) {
    return Interner.intern(new Add(constant, sortedTerms));
  }

  /** Returns the numeric term (integer 0 when there is none). */
  public Num constant() {
    return constant;
  }

  /** Returns the non-numeric terms in printing order. */
  public List<Expr> terms() {
    return Arrays.asList(terms);
  }

  int termCount() {
    return terms.length;
  }

  Expr term(int i) {
    return terms[i];
  }

  @Override
  public Kind kind() {
    return Kind.ADD;
  }

  @Override
  public List<Expr> args() {
    if (constant.isZeroValue()) {
      return Arrays.asList(terms);
    }
    Expr[] all = new Expr[terms.length + 1];
    all[0] = constant;
    System.arraycopy(terms, 0, all, 1, terms.length);
    return Arrays.asList(all);
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitAdd(this);
  }

  @Override
  boolean sameShape(Expr other) {
    Add o = (Add) other;
    if (o.constant != constant || o.terms.length != terms.length) {
      return false;
    }
    for (int i = 0; i < terms.length; i++) {
      if (o.terms[i] != terms[i]) {
        return false;
      }
    }
    return true;
  }
}
