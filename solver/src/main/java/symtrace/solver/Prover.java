package symtrace.solver;

import java.util.List;
import java.util.Optional;
import symtrace.symbolic.expr.Expr;

/**
 * Decides whether facts imply a goal, over the integers (and floats) with Python's semantics.
 *
 * <p><b>Soundness.</b> {@code PROVED} only if the goal evaluates to true without error at every
 * assignment satisfying the facts and the symbols' {@link SymbolDomain}; {@code REFUTED} only with
 * a counterexample checked by exact evaluation; {@code UNKNOWN} is always allowed. A fact that
 * cannot be translated exactly is not assumed (so a proof never rests on it, and a counterexample
 * must still satisfy it when evaluated); a goal that cannot be translated is {@code UNKNOWN}.
 *
 * <p><b>Lifecycle.</b> A prover owns native solver memory: close it (try-with-resources, or with
 * the shape environment it serves). Calls on one prover are serialized; independent provers may
 * run in parallel threads. The implementation is {@link symtrace.solver.z3.Z3Prover}.
 */
public interface Prover extends AutoCloseable {
  /**
   * Proves {@code goal} under {@code facts}; a refutation carries the smallest counterexample
   * (symbols in {@link Assignments#symbolOrder()}, values in {@link Assignments#compareValues}
   * order, lexicographically), so the answer is deterministic.
   */
  Verdict prove(List<Expr> facts, Expr goal);

  /** {@link #prove(List, Expr)} without facts. */
  default Verdict prove(Expr goal) {
    return prove(List.of(), goal);
  }

  /**
   * The cheap form of {@link #prove}: {@code PROVED}, {@code REFUTED} (the solver found an
   * assignment violating the goal; it is neither minimized nor returned) or {@code UNKNOWN}.
   */
  Verdict.Outcome entails(List<Expr> facts, Expr goal);

  /**
   * A minimal subset of {@code facts} that already implies {@code goal} (in the facts' order: no
   * fact of it can be dropped), or empty when {@code facts} do not provably imply it.
   */
  Optional<List<Expr>> support(List<Expr> facts, Expr goal);

  /**
   * Classifies {@code condition} under {@code facts}: always true, always false, either (with the
   * smallest assignment for each outcome) or unknown.
   */
  Classification classify(List<Expr> facts, Expr condition);

  /** Releases the solver; later calls throw {@link IllegalStateException}. Idempotent. */
  @Override
  void close();
}
