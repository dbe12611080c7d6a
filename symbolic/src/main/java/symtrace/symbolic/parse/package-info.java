/**
 * {@link symtrace.symbolic.parse.ExprParser} reads sympy's text and Python's operators back into
 * expressions; errors are {@link symtrace.symbolic.parse.ExprParseException} with a column.
 */
package symtrace.symbolic.parse;
