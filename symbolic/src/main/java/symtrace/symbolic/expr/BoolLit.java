package symtrace.symbolic.expr;

import java.util.List;

/** sympy's {@code true} and {@code false}, printed {@code True} and {@code False}. */
public final class BoolLit extends Expr {
  public static final BoolLit TRUE = Interner.intern(new BoolLit(true));
  public static final BoolLit FALSE = Interner.intern(new BoolLit(false));

  private final boolean value;

  private BoolLit(boolean value) {
    super(value ? 1231 : 1237);
    this.value = value;
  }

  public static BoolLit of(boolean value) {
    return value ? TRUE : FALSE;
  }

  public boolean value() {
    return value;
  }

  @Override
  public Kind kind() {
    return Kind.BOOLEAN;
  }

  @Override
  public List<Expr> args() {
    return List.of();
  }

  @Override
  public boolean isBoolean() {
    return true;
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitBool(this);
  }

  @Override
  boolean sameShape(Expr other) {
    return ((BoolLit) other).value == value;
  }
}
