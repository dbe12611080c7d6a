/**
 * Value ranges and interval arithmetic over expressions: PyTorch's {@code ValueRanges} and {@code
 * bound_sympy} ({@code torch/utils/_sympy/value_ranges.py}), the cheap reasoning behind static
 * evaluation of guards ({@code s0 + s1 >= 2} is true for sizes in {@code [2, int_oo]}) and behind
 * the ranges printed for symbols ({@code VR[2, int_oo]}).
 *
 * <h2>Main types</h2>
 *
 * <ul>
 *   <li>{@link symtrace.symbolic.range.ValueRange}: an immutable closed interval of integers,
 *       floats or booleans, with intersection, union and PyTorch's printing.
 *   <li>{@link symtrace.symbolic.range.Bounds}: {@code bound(expr, ranges)}, the interpreter that
 *       bounds a whole expression.
 *   <li>Transfer functions, one per operation: {@link symtrace.symbolic.range.RangeArithmetic},
 *       {@link symtrace.symbolic.range.RangeFunctions}, {@link symtrace.symbolic.range.RangeLogic}.
 *   <li>{@link symtrace.symbolic.range.ValueRangeError}: an empty range ({@code Invalid ranges
 *       [lo:hi]}).
 * </ul>
 *
 * <h2>Soundness contract</h2>
 *
 * A computed range is never too narrow: for every assignment of the symbols inside their ranges at
 * which an expression is defined (no division or modulo by zero, a natural exponent for {@code
 * PowByNatural}), the value {@link symtrace.symbolic.eval.Evaluator} computes lies in {@code
 * Bounds.bound} of the expression, float rounding included. Answers are otherwise PyTorch's; where
 * PyTorch's rule is not sound for symtrace's semantics (for example C's {@code %} for a {@code Mod}
 * of a negative dividend, or {@code safe_pow}'s {@code int_oo} used as a lower bound) the transfer
 * function widens the answer and says so in its documentation.
 *
 * <h2>Invariants</h2>
 *
 * Bounds are numbers or infinities ({@code -oo < -int_oo < finite < int_oo < oo}) or the boolean
 * literals, never {@code nan}; {@code lower <= upper}; an integer range has integer or {@code
 * int_oo} bounds. Everything here is immutable and stateless.
 */
package symtrace.symbolic.range;
