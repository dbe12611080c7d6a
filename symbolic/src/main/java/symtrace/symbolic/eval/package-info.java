/**
 * Exact evaluation at concrete values with Python's semantics ({@link
 * symtrace.symbolic.eval.Evaluator}, {@link symtrace.symbolic.eval.PyMath}): ints never
 * overflow, {@code //} floors, {@code %} takes the divisor's sign, int/float comparisons are
 * exact.
 */
package symtrace.symbolic.eval;
