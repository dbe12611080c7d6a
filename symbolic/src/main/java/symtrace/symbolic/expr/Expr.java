package symtrace.symbolic.expr;

import java.util.List;
import java.util.Map;
import java.util.Set;
import symtrace.symbolic.print.SympyPrinter;

/**
 * An immutable, hash-consed symbolic expression with sympy's vocabulary and Python's semantics.
 *
 * <p>The kinds are:
 *
 * <ul>
 *   <li>{@link Num} atoms: {@link IntLit} (a {@code long} with exact overflow to {@code
 *       BigInteger}), {@link RatLit}, {@link FloatLit} and {@link Infinity} ({@code int_oo},
 *       {@code oo}, their negations and {@code nan});
 *   <li>{@link Sym}: a named symbol with assumptions (integer, real, positive, nonnegative);
 *   <li>{@link BoolLit}: {@code True} and {@code False};
 *   <li>{@link Add}, {@link Mul}, {@link Pow}: sympy's canonical sums, products and powers;
 *   <li>{@link Apply}: a function of {@link Fn} applied to arguments, covering PyTorch's size
 *       functions ({@code FloorDiv}, {@code Mod}, {@code Max}, ...), relations and boolean
 *       connectives.
 * </ul>
 *
 * <p><b>Interning contract.</b> Expressions are built only through {@link Exprs}; its smart
 * constructors canonicalize and then intern, so two expressions are equal exactly when they are
 * the same object: {@code a.equals(b) == (a == b)}. The hash is computed once at construction.
 * Interning is thread-safe and weak: an expression no longer referenced is collected.
 *
 * <p><b>Canonical form.</b> Construction applies sympy's automatic rules (flattening, collecting
 * terms and coefficients, numeric folding, a number times a sum distributed, sympy's argument
 * order) and the construction-time rules of each PyTorch function. Degenerate nodes never exist:
 * there is no {@code Add} with one term, no {@code Mul} whose coefficient is 0, no {@code x**1}.
 */
public abstract sealed class Expr permits Num, Sym, BoolLit, Add, Mul, Pow, Apply {
  private final int hash;
  private Set<Sym> freeSymbols;
  // Fuzzy facts, computed lazily: see Facts.
  byte signMask = -1;
  byte integerFact = -1;
  byte parityFact = -2;

  Expr(int hash) {
    this.hash = hash;
  }

  /** Returns the kind of node, for exhaustive switches. */
  public abstract Kind kind();

  /** Returns the arguments in sympy's {@code args} order (empty for atoms). */
  public abstract List<Expr> args();

  public abstract <R> R accept(ExprVisitor<R> visitor);

  /** Returns true when this is a number (integer, rational, float or an infinity). */
  public boolean isNumber() {
    return false;
  }

  /** Returns true when this node is a relation or a boolean connective or literal. */
  public boolean isBoolean() {
    return false;
  }

  /** Returns true when this expression has no free symbols. */
  public final boolean isConstant() {
    return freeSymbols().isEmpty();
  }

  /** Returns the symbols occurring in this expression, in sympy's order. */
  public final Set<Sym> freeSymbols() {
    Set<Sym> s = freeSymbols;
    if (s == null) {
      s = FreeSymbols.of(this);
      freeSymbols = s;
    }
    return s;
  }

  /** Returns this expression with every symbol in {@code bindings} replaced (sympy's xreplace). */
  public final Expr subs(Map<Sym, ? extends Expr> bindings) {
    return Substitution.apply(this, bindings);
  }

  /** Returns {@code TRUE}, {@code FALSE} or null (unknown) for "is an integer". */
  public final Boolean isInteger() {
    return Facts.isInteger(this);
  }

  /** Returns {@code TRUE}, {@code FALSE} or null (unknown) for "is positive". */
  public final Boolean isPositive() {
    return Facts.isPositive(this);
  }

  /** Returns {@code TRUE}, {@code FALSE} or null (unknown) for "is non-negative". */
  public final Boolean isNonNegative() {
    return Facts.isNonNegative(this);
  }

  /** Returns {@code TRUE}, {@code FALSE} or null (unknown) for "is negative". */
  public final Boolean isNegative() {
    return Facts.isNegative(this);
  }

  /** Returns {@code TRUE}, {@code FALSE} or null (unknown) for "is zero". */
  public final Boolean isZero() {
    return Facts.isZero(this);
  }

  /** Prints sympy's {@code str} of this expression. */
  @Override
  public final String toString() {
    return SympyPrinter.print(this);
  }

  @Override
  public final int hashCode() {
    return hash;
  }

  /**
   * Structural equality of one level: same kind, same payload, identical children. Children are
   * interned, so this is full structural equality; after interning it coincides with identity.
   */
  @Override
  public final boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Expr other) || other.hash != hash || other.getClass() != getClass()) {
      return false;
    }
    return sameShape(other);
  }

  /** Compares payload and children (by identity) with another node of the same class. */
  abstract boolean sameShape(Expr other);

  /** The kinds of expression node. */
  public enum Kind {
    INTEGER,
    RATIONAL,
    FLOAT,
    INFINITY,
    SYMBOL,
    BOOLEAN,
    ADD,
    MUL,
    POW,
    APPLY
  }
}
