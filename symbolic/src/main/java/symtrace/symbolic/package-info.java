/**
 * Symbolic reasoning about sizes: expressions, symbolic scalars and the shape environment.
 *
 * <h2>Packages</h2>
 *
 * <ul>
 *   <li>{@code expr}: the interned expression tree ({@code Expr}) with sympy's vocabulary and
 *       PyTorch's size functions, built only through {@code Exprs}.
 *   <li>{@code print}, {@code parse}: sympy's text and PyTorch's Python guard form, both ways.
 *   <li>{@code eval}: exact evaluation at concrete values with Python semantics.
 *   <li>{@code range}: value ranges and the bound of an expression ({@code bound_sympy}).
 *   <li>{@code algebra}: the bridge to Symja for simplify, expand, factor, cancel and solve.
 *   <li>{@code simplify}: the simplifier behind {@code symtrace simplify}.
 * </ul>
 *
 * <p>{@link symtrace.symbolic.SymtraceException} is the root of every user-caused error.
 */
package symtrace.symbolic;
