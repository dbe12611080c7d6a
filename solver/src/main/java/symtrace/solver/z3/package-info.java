/**
 * The Z3 back end: exact translation of expressions, the long-lived prover, and the shape
 * environment's solver decider.
 *
 * <h2>Main types</h2>
 *
 * <ul>
 *   <li>{@link symtrace.solver.z3.Z3Prover}: one Z3 context and solver per owner, facts enabled
 *       by assumption literals, goals checked in {@code push}/{@code pop} scopes under an {@code
 *       rlimit}, answers cached by (fact list, goal); {@code AutoCloseable}.
 *   <li>{@link symtrace.solver.z3.Z3Decider}: a {@link symtrace.symbolic.env.StaticDecider} that
 *       asks the prover what PyTorch's algorithm leaves open; {@code install} registers it with
 *       the shape environment, which closes it ({@code ShapeEnv.onClose}). {@code
 *       Z3Prover.attach(env)} likewise gives a prover that closes with the environment.
 *   <li>{@link symtrace.solver.z3.Z3RewriteValidator}: translation validation, each rewrite of a
 *       shape environment proved under the facts it relied on (found by {@code ServiceLoader}).
 *   <li>{@code Z3Translator} (package-private): {@code Expr} to Z3 with the evaluator's exact
 *       semantics and a definedness condition per term.
 * </ul>
 *
 * <h2>Invariants</h2>
 *
 * Z3 types appear only in this package, and only in package-private signatures. Z3 loads its
 * native library when the first prover is created, never before. A context is used by one thread
 * at a time (every prover method is synchronized); contexts are closed explicitly (a cleaner is
 * only a backstop). See {@code shared/reference/symja-z3-notes.md} section 4 for the measurements
 * behind these choices.
 */
package symtrace.solver.z3;
