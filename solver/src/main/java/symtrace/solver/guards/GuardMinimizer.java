package symtrace.solver.guards;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import symtrace.solver.Prover;
import symtrace.solver.Verdict.Outcome;
import symtrace.symbolic.expr.Expr;

/**
 * Reduces a guard list to an irredundant subset with the same meaning.
 *
 * <p><b>Question.</b> Given base facts {@code B} (ranges, say) and guards {@code g1..gn}, find
 * {@code K} ⊆ {@code {g1..gn}} with {@code B and K} equivalent to {@code B and g1..gn} and no
 * {@code k} in {@code K} implied by {@code B and K - {k}}.
 *
 * <p><b>Rule.</b> Scan the guards from last to first, dropping {@code gi} when {@code B} and the
 * guards still kept, other than {@code gi}, imply it. Equivalence: a dropped guard is implied by
 * guards kept at that point, which are themselves equivalent to the final set by induction.
 * Irredundancy: a kept guard was not implied by a superset of its final companions, and
 * implication is monotone, so it is not implied by them either. Scanning backwards keeps the
 * earlier of two equivalent guards (the one a reader met first). A repeated guard counts once
 * (its first occurrence).
 *
 * <p>Then each dropped guard gets the guards that imply it: a minimal subset of the kept guards
 * ({@link Prover#support}).
 *
 * <p><b>Soundness and cost.</b> Only {@code PROVED} implications drop a guard; a guard whose check
 * is {@code UNKNOWN} is kept and listed as undecided. {@code n} implication checks, plus one support
 * computation (a few checks) per dropped guard. Stateless; the prover's cache serves repeats.
 */
public final class GuardMinimizer {
  private final Prover prover;

  public GuardMinimizer(Prover prover) {
    this.prover = prover;
  }

  /** Minimizes {@code guards} without base facts. */
  public Minimization minimize(List<Expr> guards) {
    return minimize(List.of(), guards);
  }

  /** Minimizes {@code guards} under the {@code base} facts, which are never dropped or listed. */
  public Minimization minimize(List<Expr> base, List<Expr> guards) {
    List<Expr> distinct = new ArrayList<>();
    Set<Expr> seen = new HashSet<>();
    for (Expr g : guards) {
      if (seen.add(g)) {
        distinct.add(g); // a repeated guard is the same guard: it appears once in the result
      }
    }
    boolean[] keep = new boolean[distinct.size()];
    java.util.Arrays.fill(keep, true);
    List<Expr> undecided = new ArrayList<>();
    for (int i = distinct.size() - 1; i >= 0; i--) {
      keep[i] = false;
      Outcome o = prover.entails(concat(base, selected(distinct, keep)), distinct.get(i));
      if (o != Outcome.PROVED) {
        keep[i] = true;
        if (o == Outcome.UNKNOWN) {
          undecided.add(0, distinct.get(i));
        }
      }
    }
    List<Expr> kept = selected(distinct, keep);
    List<Expr> facts = concat(base, kept);
    Set<Expr> keptSet = new HashSet<>(kept);
    Map<Expr, List<Expr>> impliedBy = new LinkedHashMap<>();
    for (Expr g : distinct) {
      if (!keptSet.contains(g)) {
        Optional<List<Expr>> support = prover.support(facts, g);
        List<Expr> by = new ArrayList<>();
        for (Expr f : support.orElse(kept)) {
          if (keptSet.contains(f)) {
            by.add(f);
          }
        }
        impliedBy.put(g, by);
      }
    }
    return new Minimization(kept, impliedBy, undecided);
  }

  private static List<Expr> selected(List<Expr> guards, boolean[] keep) {
    List<Expr> out = new ArrayList<>();
    for (int i = 0; i < guards.size(); i++) {
      if (keep[i]) {
        out.add(guards.get(i));
      }
    }
    return out;
  }

  private static List<Expr> concat(List<Expr> a, List<Expr> b) {
    List<Expr> out = new ArrayList<>(a.size() + b.size());
    out.addAll(a);
    out.addAll(b);
    return out;
  }
}
