package symtrace.symbolic.expr;

import java.util.Arrays;
import java.util.List;

/**
 * A function of {@link Fn} applied to arguments that its construction-time rules could not
 * reduce. Relations ({@code Eq}, {@code Lt}, ...) and connectives ({@code And}, {@code Or},
 * {@code Not}) are applications too. Built by the factories of {@link Exprs}.
 */
public final class Apply extends Expr {
  private final Fn fn;
  private final Expr[] args;

  private Apply(Fn fn, Expr[] args) {
    super(43 * Arrays.hashCode(args) + fn.ordinal() * 7 + 9);
    this.fn = fn;
    this.args = args;
  }

  static Expr create(Fn fn, Expr... args) {
    return Interner.intern(new Apply(fn, args));
  }

  public Fn fn() {
    return fn;
  }

  /** Returns argument {@code i}. */
  public Expr arg(int i) {
    return args[i];
  }

  public int arity() {
    return args.length;
  }

  @Override
  public Kind kind() {
    return Kind.APPLY;
  }

  @Override
  public List<Expr> args() {
    return Arrays.asList(args);
  }

  @Override
  public boolean isBoolean() {
    return fn.resultType() == Fn.Type.BOOL;
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitApply(this);
  }

  @Override
  boolean sameShape(Expr other) {
    Apply o = (Apply) other;
    if (o.fn != fn || o.args.length != args.length) {
      return false;
    }
    for (int i = 0; i < args.length; i++) {
      if (o.args[i] != args[i]) {
        return false;
      }
    }
    return true;
  }
}
