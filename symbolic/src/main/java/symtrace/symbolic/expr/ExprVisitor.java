package symtrace.symbolic.expr;

/**
 * Exhaustive dispatch over the kinds of {@link Expr}: one method per node class.
 *
 * @param <R> the result of a visit
 */
public interface ExprVisitor<R> {
  R visitInt(IntLit e);

  R visitRat(RatLit e);

  R visitFloat(FloatLit e);

  R visitInfinity(Infinity e);

  R visitSym(Sym e);

  R visitBool(BoolLit e);

  R visitAdd(Add e);

  R visitMul(Mul e);

  R visitPow(Pow e);

  R visitApply(Apply e);
}
