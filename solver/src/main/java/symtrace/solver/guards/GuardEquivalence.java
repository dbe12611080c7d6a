package symtrace.solver.guards;

import java.util.ArrayList;
import java.util.List;
import symtrace.solver.Prover;
import symtrace.solver.Verdict;
import symtrace.symbolic.expr.Expr;

/**
 * Decides whether two guard sets are equivalent under base facts, with a counterexample when they
 * are not.
 *
 * <p><b>Rule.</b> {@code B and A} is equivalent to {@code B and C} iff {@code B and A} implies
 * every guard of {@code C} and {@code B and C} implies every guard of {@code A}. The guards are
 * checked one by one, first {@code C}'s then {@code A}'s, in order; the first refuted one gives
 * the counterexample (the smallest assignment, see {@link Prover#prove}), so the answer is
 * deterministic. Any {@code UNKNOWN} (and no refutation) makes the answer unknown.
 *
 * <p>Cost: {@code |A| + |C|} proofs; stateless.
 */
public final class GuardEquivalence {
  private final Prover prover;

  public GuardEquivalence(Prover prover) {
    this.prover = prover;
  }

  /** Compares {@code first} and {@code second} without base facts. */
  public Equivalence compare(List<Expr> first, List<Expr> second) {
    return compare(List.of(), first, second);
  }

  public Equivalence compare(List<Expr> base, List<Expr> first, List<Expr> second) {
    String unknown = null;
    for (int direction = 0; direction < 2; direction++) {
      List<Expr> from = direction == 0 ? first : second;
      List<Expr> to = direction == 0 ? second : first;
      List<Expr> facts = new ArrayList<>(base);
      facts.addAll(from);
      for (Expr g : to) {
        Verdict v = prover.prove(facts, g);
        if (v.isRefuted()) {
          return Equivalence.different(v.counterexample(), direction == 0, g);
        }
        if (v.isUnknown() && unknown == null) {
          unknown = "cannot decide whether " + g + " follows: " + v.reason();
        }
      }
    }
    return unknown == null ? Equivalence.equivalent() : Equivalence.unknown(unknown);
  }
}
