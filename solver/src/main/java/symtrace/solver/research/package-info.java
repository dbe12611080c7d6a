/**
 * Research on decomposition: a corpus of problems (rebuild a target from tracked values), the
 * generator and the hand-written problems that make it, an answer checker independent of the
 * strategies, and the harness that runs strategies side by side ({@code symtrace
 * decompose-bench}, {@code docs/decomposition.md}).
 *
 * <p>A {@link symtrace.solver.research.Problem} has a target, the tracked values (name,
 * expression, producer), the facts, and its {@link symtrace.solver.research.GroundTruth}: a
 * solution known by construction and its cost, or a certificate that none exists. {@link
 * symtrace.solver.research.AnswerCheck} re-checks every answer with Z3 and by evaluation at
 * random points; {@link symtrace.solver.research.BenchRun} measures success, wrong answers,
 * provenance and latency per strategy and category.
 */
package symtrace.solver.research;
