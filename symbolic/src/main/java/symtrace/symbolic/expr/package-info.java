/**
 * The expression tree: an immutable, interned {@link symtrace.symbolic.expr.Expr} with sympy's
 * vocabulary and PyTorch's size functions.
 *
 * <h2>Main types</h2>
 *
 * <ul>
 *   <li>{@link symtrace.symbolic.expr.Exprs}: the smart constructors (the only way to build).
 *   <li>Node classes: {@link symtrace.symbolic.expr.IntLit}, {@link
 *       symtrace.symbolic.expr.RatLit}, {@link symtrace.symbolic.expr.FloatLit}, {@link
 *       symtrace.symbolic.expr.Infinity}, {@link symtrace.symbolic.expr.Sym}, {@link
 *       symtrace.symbolic.expr.BoolLit}, {@link symtrace.symbolic.expr.Add}, {@link
 *       symtrace.symbolic.expr.Mul}, {@link symtrace.symbolic.expr.Pow}, {@link
 *       symtrace.symbolic.expr.Apply} of a {@link symtrace.symbolic.expr.Fn}.
 *   <li>{@link symtrace.symbolic.expr.ExprOrder}: sympy's orderings (sort key, term order,
 *       {@code Basic.compare}).
 *   <li>{@link symtrace.symbolic.expr.Facts}: sign, integrality and parity queries.
 * </ul>
 *
 * <h2>Invariants</h2>
 *
 * Equal expressions are the same object; construction rules are sound for every assignment of
 * the symbols consistent with their assumptions; no node is degenerate (a one-term sum, a unit
 * product, {@code x**1}).
 */
package symtrace.symbolic.expr;
