package symtrace.solver.guards;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import symtrace.symbolic.expr.Expr;

/**
 * The result of {@link GuardMinimizer#minimize}: an equivalent subset of a guard list and why
 * each other guard was dropped.
 *
 * @param kept the guards kept, in their original order; together (with the base facts) they
 *     imply every dropped guard
 * @param impliedBy for each dropped guard, in original order, a minimal list of kept guards that
 *     (with the base facts) implies it; empty when the base facts alone imply it
 * @param undecided kept guards whose redundancy the prover could not decide (its budget ran out
 *     or they have no exact translation): the set is equivalent, but irredundant only up to these
 */
public record Minimization(List<Expr> kept, Map<Expr, List<Expr>> impliedBy, List<Expr> undecided) {
  public Minimization {
    kept = List.copyOf(kept);
    Map<Expr, List<Expr>> copy = new LinkedHashMap<>();
    impliedBy.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    impliedBy = Collections.unmodifiableMap(copy);
    undecided = List.copyOf(undecided);
  }

  /** The dropped guards, in their original order. */
  public List<Expr> dropped() {
    return List.copyOf(impliedBy.keySet());
  }
}
