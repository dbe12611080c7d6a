package symtrace.symbolic.expr;

import com.google.common.base.Preconditions;
import java.util.List;

/**
 * A symbol: a name and its assumptions. Two symbols are the same only when both name and
 * assumptions agree, as in sympy ({@code Symbol('s0', integer=True)} differs from {@code
 * Symbol('s0')}).
 *
 * <p>Assumptions are closed under implication: positive implies nonnegative, integer implies real,
 * nonnegative implies real.
 */
public final class Sym extends Expr {
  /** Integer-valued. */
  public static final int INTEGER = 1;
  /** Real-valued. */
  public static final int REAL = 2;
  /** Strictly positive. */
  public static final int POSITIVE = 4;
  /** Zero or positive. */
  public static final int NONNEGATIVE = 8;

  private final String name;
  private final int assumptions;

  private Sym(String name, int assumptions) {
    super(name.hashCode() * 31 + assumptions * 7 + 5);
    this.name = name;
    this.assumptions = assumptions;
  }

  /** Returns the interned symbol with this name and these assumptions (flags of this class). */
  public static Sym of(String name, int assumptions) {
    Preconditions.checkArgument(!name.isEmpty(), "a symbol needs a name");
    int a = assumptions;
    if ((a & POSITIVE) != 0) {
      a |= NONNEGATIVE;
    }
    if ((a & (INTEGER | NONNEGATIVE)) != 0) {
      a |= REAL;
    }
    return Interner.intern(new Sym(name, a));
  }

  /** A positive integer symbol, as PyTorch makes for a backed size. */
  public static Sym size(String name) {
    return of(name, INTEGER | POSITIVE);
  }

  /** An integer symbol without sign, as PyTorch makes for an unbacked integer. */
  public static Sym integer(String name) {
    return of(name, INTEGER);
  }

  /** A real symbol, as PyTorch makes for a float input. */
  public static Sym real(String name) {
    return of(name, REAL);
  }

  public String name() {
    return name;
  }

  /** Returns the assumption flags. */
  public int assumptions() {
    return assumptions;
  }

  public boolean isIntegerSymbol() {
    return (assumptions & INTEGER) != 0;
  }

  public boolean isRealSymbol() {
    return (assumptions & REAL) != 0;
  }

  public boolean isPositiveSymbol() {
    return (assumptions & POSITIVE) != 0;
  }

  public boolean isNonNegativeSymbol() {
    return (assumptions & NONNEGATIVE) != 0;
  }

  @Override
  public Kind kind() {
    return Kind.SYMBOL;
  }

  @Override
  public List<Expr> args() {
    return List.of();
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitSym(this);
  }

  @Override
  boolean sameShape(Expr other) {
    Sym o = (Sym) other;
    return o.assumptions == assumptions && o.name.equals(name);
  }
}
