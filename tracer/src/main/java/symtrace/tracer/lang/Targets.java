package symtrace.tracer.lang;

/**
 * Checks assignment targets as CPython does after parsing them as expressions: a target is a
 * name, a subscript, or a tuple or list of targets ({@code a, (b, c) = ...}).
 *
 * <p>An attribute is a valid Python target outside the subset ({@link
 * UnsupportedConstructError}); a call, a literal or an operation is not a target at all ({@link
 * ParseError} {@code cannot assign to function call}).
 */
final class Targets {
  private Targets() {}

  /** Checks the target of {@code =} or of a {@code for} loop. */
  static void checkAssignable(Expr target) {
    if (target instanceof Expr.Name || target instanceof Expr.Subscript) {
      return;
    }
    if (target instanceof Expr.TupleExpr t) {
      t.elements().forEach(Targets::checkAssignable);
      return;
    }
    if (target instanceof Expr.ListExpr l) {
      l.elements().forEach(Targets::checkAssignable);
      return;
    }
    if (target instanceof Expr.Attribute) {
      throw attributeAssignment(target);
    }
    throw new ParseError(target.span(), "cannot assign to " + describe(target));
  }

  /** Checks the target of an augmented assignment such as {@code +=}. */
  static void checkAugmentable(Expr target) {
    if (target instanceof Expr.Name || target instanceof Expr.Subscript) {
      return;
    }
    if (target instanceof Expr.Attribute) {
      throw attributeAssignment(target);
    }
    throw new ParseError(target.span(),
        "'" + describe(target) + "' is an illegal expression for augmented assignment");
  }

  private static UnsupportedConstructError attributeAssignment(Expr target) {
    return new UnsupportedConstructError(
        target.span(), "attribute assignment", "assignment to attributes is not supported");
  }

  /** CPython's name for an expression that is not a target. */
  private static String describe(Expr e) {
    if (e instanceof Expr.Call) {
      return "function call";
    }
    if (e instanceof Expr.NoneLit) {
      return "None";
    }
    if (e instanceof Expr.BoolLit b) {
      return b.value() ? "True" : "False";
    }
    if (e instanceof Expr.EllipsisLit) {
      return "ellipsis";
    }
    if (e instanceof Expr.IntLit || e instanceof Expr.FloatLit || e instanceof Expr.StrLit) {
      return "literal";
    }
    if (e instanceof Expr.Compare) {
      return "comparison";
    }
    if (e instanceof Expr.IfExp) {
      return "conditional expression";
    }
    if (e instanceof Expr.TupleExpr) {
      return "tuple";
    }
    if (e instanceof Expr.ListExpr) {
      return "list";
    }
    return "expression";
  }
}
