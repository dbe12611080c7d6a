/**
 * {@link symtrace.symbolic.simplify.SizeSimplifier}: the simplifier behind {@code symtrace
 * simplify}, deciding what a shape environment knows statically (construction rules, facts,
 * ranges re-based as PyTorch does).
 */
package symtrace.symbolic.simplify;
