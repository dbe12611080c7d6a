package symtrace.symbolic.env;

import symtrace.symbolic.expr.Expr;

/**
 * Decides a condition without recording a guard, when the shape environment's facts imply it.
 *
 * <p>Soundness: an answer (a {@code BoolLit} or number) is returned only if it holds for every
 * assignment of the symbols consistent with the environment's ranges, replacements and axioms;
 * null ("don't know") is always allowed, and then the caller records a guard.
 *
 * <p>{@link PyTorchDecider} reproduces PyTorch's algorithm (for parity with its guards); the
 * solver module supplies a stronger one. Obtain the environment's with {@link
 * ShapeEnv#decider()}; replace it with {@link ShapeEnv#setDecider}.
 */
public interface StaticDecider {
  /**
   * Returns the value of {@code expr} (already simplified and canonicalized by the environment)
   * when it is statically known, else null.
   */
  Expr decide(ShapeEnv env, Expr expr, boolean sizeOblivious);

  /**
   * As {@link #decide}, but from the symbols' ranges and the replacements alone, not from the
   * recorded guards, runtime asserts or divisibility facts (PyTorch's {@code axioms=()}). {@code
   * produce_guards} asks this to drop the guards that the bindings and ranges it prints already
   * imply; an answer that used a guard would drop that guard on the strength of itself. The
   * default is {@link #decide}, right for a decider that reads only ranges (PyTorch's).
   */
  default Expr decideFromRanges(ShapeEnv env, Expr expr, boolean sizeOblivious) {
    return decide(env, expr, sizeOblivious);
  }
}
