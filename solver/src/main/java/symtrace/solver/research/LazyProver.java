package symtrace.solver.research;

import java.util.List;
import java.util.Map;
import symtrace.solver.decompose.Verifier;
import symtrace.solver.z3.Z3Prover;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Sym;

/**
 * The verifier the solver strategies use, as {@code symtrace decompose} does: expansion, then a
 * Z3 proof from a prover created on first need (so polynomial answers never start Z3). Owns that
 * prover: close it.
 */
final class LazyProver implements Verifier, AutoCloseable {
  private final Verifier expansion = Verifier.expansion();
  private Z3Prover prover;

  @Override
  public String verify(Expr target, Expr candidate, Map<Sym, Expr> definitions, List<Expr> facts) {
    String how = expansion.verify(target, candidate, definitions, facts);
    if (how != null) {
      return how;
    }
    if (prover == null) {
      prover = Z3Prover.create();
    }
    return Verifier.prover(prover).verify(target, candidate, definitions, facts);
  }

  @Override
  public void close() {
    if (prover != null) {
      prover.close();
      prover = null;
    }
  }
}
