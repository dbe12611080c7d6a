package symtrace.tracer.lang;

/**
 * Exhaustive dispatch on the kinds of {@link Stmt}: one {@code visit} overload per record. Use
 * {@link Stmt#accept(StmtVisitor)}.
 *
 * @param <R> the result of a visit
 */
public interface StmtVisitor<R> {
  R visit(Stmt.Def s);

  R visit(Stmt.Assign s);

  R visit(Stmt.AugAssign s);

  R visit(Stmt.If s);

  R visit(Stmt.For s);

  R visit(Stmt.Return s);

  R visit(Stmt.Assert s);

  R visit(Stmt.Pass s);

  R visit(Stmt.ExprStmt s);

  R visit(Stmt.Import s);

  R visit(Stmt.ImportFrom s);
}
