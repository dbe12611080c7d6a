/**
 * Reasoning about guard lists: an irredundant equivalent subset with, for each dropped guard, the
 * guards that imply it ({@link symtrace.solver.guards.GuardMinimizer}), and equivalence of two
 * guard sets with a counterexample when they differ ({@link
 * symtrace.solver.guards.GuardEquivalence}).
 *
 * <p>Both work through a {@link symtrace.solver.Prover} and inherit its soundness: a guard is
 * dropped only when its implication is {@code PROVED}, and two sets differ only with a checked
 * counterexample.
 */
package symtrace.solver.guards;
