/**
 * Decomposition: rebuilding a symbolic value from the values a graph tracks (PyTorch's {@code
 * _build_proxy_for_sym_expr}).
 *
 * <p>{@link symtrace.solver.decompose.NaiveDecomposer} is PyTorch's syntactic walk, the baseline;
 * {@link symtrace.solver.decompose.SolverDecomposer} adds elimination (Gröbner bases) and a
 * bounded search. Every answer is checked by a {@link symtrace.solver.decompose.Verifier}.
 */
package symtrace.solver.decompose;
