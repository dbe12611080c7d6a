package symtrace.symbolic.env;

import symtrace.symbolic.expr.Expr;

/**
 * A deferred runtime assert: a fact over unbacked symbols that cannot be checked at graph entry
 * and is asserted where the symbols are bound (PyTorch's {@code RuntimeAssert}).
 */
public record RuntimeAssert(Expr expr, String message, Provenance provenance) {
  @Override
  public String toString() {
    return expr.toString();
  }
}
