package symtrace.symbolic.range;

import symtrace.symbolic.SymtraceException;

/**
 * An empty value range: a lower bound above the upper bound, as PyTorch's {@code ValueRangeError}.
 * The message is PyTorch's, {@code Invalid ranges [lo:hi]}, with each bound in sympy's {@code str}
 * (for example {@code Invalid ranges [5:2]} or {@code Invalid ranges [True:False]}).
 *
 * <p>It is raised by {@link ValueRange#of} and by {@link ValueRange#intersect} when the two ranges
 * are disjoint; a caller that intersects a symbol's range with a new fact learns this way that the
 * fact contradicts what was known.
 */
public final class ValueRangeError extends SymtraceException {
  private static final long serialVersionUID = 1L;

  ValueRangeError(String lower, String upper) {
    super("Invalid ranges [" + lower + ":" + upper + "]");
  }
}
