package symtrace.symbolic.env;

import symtrace.symbolic.expr.Expr;

/**
 * A recorded guard: a boolean expression over backed symbols that must hold for an input to be
 * accepted by the trace (PyTorch's {@code ShapeGuard}), with its provenance.
 */
public record Guard(Expr expr, Provenance provenance, boolean sizeOblivious) {
  @Override
  public String toString() {
    return expr.toString();
  }
}
