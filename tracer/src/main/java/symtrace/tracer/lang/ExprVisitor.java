package symtrace.tracer.lang;

/**
 * Exhaustive dispatch on the kinds of {@link Expr}: one {@code visit} overload per record, so
 * adding a kind breaks every visitor at compile time. Use {@link Expr#accept(ExprVisitor)}.
 *
 * @param <R> the result of a visit
 */
public interface ExprVisitor<R> {
  // Names and literals
  R visit(Expr.Name e);

  R visit(Expr.IntLit e);

  R visit(Expr.FloatLit e);

  R visit(Expr.BoolLit e);

  R visit(Expr.NoneLit e);

  R visit(Expr.StrLit e);

  R visit(Expr.EllipsisLit e);

  // Displays
  R visit(Expr.TupleExpr e);

  R visit(Expr.ListExpr e);

  // Operators
  R visit(Expr.BinOp e);

  R visit(Expr.UnaryOp e);

  R visit(Expr.Compare e);

  R visit(Expr.BoolOp e);

  R visit(Expr.IfExp e);

  // Primaries
  R visit(Expr.Call e);

  R visit(Expr.Attribute e);

  R visit(Expr.Subscript e);

  R visit(Expr.Slice e);
}
