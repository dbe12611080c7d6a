package symtrace.solver.research;

import java.util.Objects;
import symtrace.symbolic.expr.Expr;

/**
 * What is known about a problem, honestly: either a solution known by construction (a term over
 * the tracked names that equals the target) and its cost, an upper bound of the best answer's
 * cost; or that no solution exists, with the reason ({@link Witness} certifies it).
 *
 * @param solution the known solution, or null when the problem is impossible
 * @param cost the known solution's cost by the cost model ({@code Decompositions.cost}), or -1
 * @param reason why no solution exists, or null when solvable
 */
public record GroundTruth(Expr solution, int cost, String reason) {
  public GroundTruth {
    if ((solution == null) == (reason == null)) {
      throw new IllegalArgumentException("a ground truth is a solution or a reason, not both");
    }
  }

  public static GroundTruth solvable(Expr solution, int cost) {
    return new GroundTruth(Objects.requireNonNull(solution), cost, null);
  }

  public static GroundTruth impossible(String reason) {
    return new GroundTruth(null, -1, Objects.requireNonNull(reason));
  }

  public boolean solvable() {
    return solution != null;
  }
}
