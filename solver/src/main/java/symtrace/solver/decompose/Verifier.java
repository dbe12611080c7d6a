package symtrace.solver.decompose;

import java.util.List;
import java.util.Map;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Sym;

/**
 * Checks that a candidate term equals the target: the candidate with every name replaced by its
 * tracked expression must be the target for every assignment satisfying the facts.
 */
public interface Verifier {
  /** How the equality was established ({@code "expansion"}, {@code "z3"}), or null if not. */
  String verify(Expr target, Expr candidate, Map<Sym, Expr> definitions, List<Expr> facts);

  /**
   * The exact check for polynomial identities: {@code expand(target - candidate') == 0} in the
   * canonical form. Functions such as {@code FloorDiv} are compared structurally, so an identity
   * that needs their semantics is not found here (a solver verifier proves those).
   */
  static Verifier expansion() {
    return (target, candidate, definitions, facts) -> {
      Expr substituted = candidate.subs(definitions);
      return Exprs.expand(Exprs.sub(target, substituted)) == Exprs.ZERO ? "expansion" : null;
    };
  }

  /**
   * A solver proof: {@code Eq(target, candidate')} is PROVED without the facts, or else under
   * them. Verifies what expansion cannot, such as identities of {@code FloorDiv} and {@code Mod}.
   */
  static Verifier prover(symtrace.solver.Prover prover) {
    return (target, candidate, definitions, facts) -> {
      Expr substituted = candidate.subs(definitions);
      Expr goal = Exprs.eq(target, substituted);
      if (goal == symtrace.symbolic.expr.BoolLit.TRUE) {
        return "expansion";
      }
      // entails, not prove: a refuted candidate needs no minimized counterexample. Most
      // identities hold without the facts, and many guards (nonlinear ones) slow Z3 down, so
      // the facts are added only when the identity alone is not proved.
      if (prover.entails(List.of(), goal) == symtrace.solver.Verdict.Outcome.PROVED) {
        return "z3";
      }
      boolean underFacts = !facts.isEmpty()
          && prover.entails(facts, goal) == symtrace.solver.Verdict.Outcome.PROVED;
      return underFacts ? "z3" : null;
    };
  }

  /** Tries {@code this}, then {@code other}. */
  default Verifier orElse(Verifier other) {
    return (target, candidate, definitions, facts) -> {
      String r = verify(target, candidate, definitions, facts);
      return r != null ? r : other.verify(target, candidate, definitions, facts);
    };
  }
}
