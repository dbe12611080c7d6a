/**
 * Proofs about symbolic sizes: whether facts imply a goal, with counterexamples, and what the
 * facts say about a condition.
 *
 * <h2>Main types</h2>
 *
 * <ul>
 *   <li>{@link symtrace.solver.Prover}: {@code prove(facts, goal)}, {@code entails}, {@code
 *       support} (a minimal subset of facts that implies a goal) and {@code classify}; the
 *       implementation is {@link symtrace.solver.z3.Z3Prover}.
 *   <li>{@link symtrace.solver.Verdict}: {@code PROVED}, {@code REFUTED} with a counterexample,
 *       or {@code UNKNOWN} with the reason.
 *   <li>{@link symtrace.solver.Classification}: always true, always false, either (with a
 *       witness for each outcome), or unknown.
 *   <li>{@link symtrace.solver.ProverSettings} and {@link symtrace.solver.SymbolDomain}: the
 *       deterministic budget and what every symbol satisfies implicitly.
 *   <li>{@link symtrace.solver.Assignments}: the order and text of counterexamples ({@code s0=6,
 *       s1=2}).
 * </ul>
 *
 * <h2>Invariants</h2>
 *
 * Semantics are Python's, as {@link symtrace.symbolic.eval.Evaluator} computes them. {@code
 * PROVED} holds at every assignment satisfying the facts and domains; a counterexample is always
 * checked by evaluation; what cannot be translated exactly is never assumed, so {@code UNKNOWN}
 * is the only approximation. Budgets count solver steps, never wall time. Counterexamples are the
 * lexicographically smallest, so answers do not depend on the solver's history. No Z3 type appears
 * outside {@link symtrace.solver.z3}.
 */
package symtrace.solver;
