package symtrace.solver.z3;

import symtrace.symbolic.expr.Expr;

/**
 * Thrown by {@link Z3Translator} for a subexpression it cannot translate with exact semantics (a
 * transcendental function, a symbolic exponent, a float power, ...). Such a subexpression is never
 * approximated: a goal containing it is {@code UNKNOWN}, a fact containing it is not assumed.
 */
final class UntranslatableException extends RuntimeException {
  private final transient Expr expr;

  UntranslatableException(Expr expr, String reason) {
    super(reason);
    this.expr = expr;
  }

  /** The smallest subexpression that could not be translated. */
  Expr expr() {
    return expr;
  }

  /** One line for a verdict's reason: {@code cannot translate exactly: OpaqueUnaryFn_exp(x) (why)}. */
  String describe() {
    return "cannot translate exactly: " + expr + " (" + getMessage() + ")";
  }
}
