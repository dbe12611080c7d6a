package symtrace.solver.research;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import symtrace.solver.decompose.Tracked;
import symtrace.symbolic.expr.Expr;

/**
 * One decomposition problem: rebuild {@code target} from the tracked values, under the facts.
 *
 * @param id unique in a corpus, e.g. {@code regrouped/product-0007}
 * @param category what the problem is about
 * @param kind the family that made it ({@code product}, {@code division-pair}) or {@code hand}
 * @param note a sentence about it, or empty
 * @param target the symbolic value wanted
 * @param tracked the values the graph tracks, in the order they were tracked (PyTorch's tracker
 *     takes the first for an expression)
 * @param facts ranges and guards that hold
 * @param truth the known solution and its cost, or why there is none
 * @param origin where it was defined ({@code hand-written.problems:12}, {@code generator seed 1})
 */
public record Problem(String id, Category category, String kind, String note, Expr target,
    List<Tracked> tracked, List<Expr> facts, GroundTruth truth, String origin) {
  public Problem {
    tracked = List.copyOf(tracked);
    facts = List.copyOf(facts);
    Set<String> names = new HashSet<>();
    for (Tracked t : tracked) {
      if (!validName(t.name())) {
        throw new IllegalArgumentException("problem " + id + ": '" + t.name()
            + "' is not a tracked name (an identifier other than s<N>, u<N>)");
      }
      if (!names.add(t.name())) {
        throw new IllegalArgumentException("problem " + id + ": the name '" + t.name()
            + "' is tracked twice");
      }
    }
  }

  /**
   * Whether {@code name} can name a tracked value: an identifier that does not look like a
   * symbol ({@code s0}, {@code u1}), so a term over names never reads a symbol by accident.
   */
  public static boolean validName(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_]*") && !name.matches("[su][0-9]+");
  }
}
