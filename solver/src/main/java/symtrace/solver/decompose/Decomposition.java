package symtrace.solver.decompose;

import java.util.List;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Sym;

/**
 * The answer of a {@link Decomposer}: a term over the tracked values' names (as symbols) and
 * integer constants that equals the target, how it was verified, and its cost; or "not found"
 * with the target's symbols that no tracked value provides.
 */
public record Decomposition(
    Expr target, Expr term, String strategy, String verifiedBy, int cost, List<Sym> missing) {
  public static Decomposition found(Expr target, Expr term, String strategy, String verifiedBy, int cost) {
    return new Decomposition(target, term, strategy, verifiedBy, cost, List.of());
  }

  public static Decomposition notFound(Expr target, String strategy, List<Sym> missing) {
    return new Decomposition(target, null, strategy, null, Integer.MAX_VALUE, List.copyOf(missing));
  }

  public boolean isFound() {
    return term != null;
  }

  @Override
  public String toString() {
    if (!isFound()) {
      return "not found" + (missing.isEmpty() ? "" : " (no tracked value provides "
          + String.join(", ", missing.stream().map(Sym::name).toList()) + ")");
    }
    return term + " (verified by " + verifiedBy + ", strategy " + strategy + ")";
  }
}
