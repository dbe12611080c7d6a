package symtrace.solver.decompose;

import java.util.List;
import symtrace.symbolic.expr.Expr;

/**
 * Rebuilds a symbolic value from the values a graph tracks (PyTorch's {@code
 * _build_proxy_for_sym_expr}): a term over the tracked names that equals the target under the
 * facts.
 *
 * <p>Soundness: a returned term is verified equal to the target for every assignment satisfying
 * the facts (exactly, by a polynomial identity or a solver proof); "not found" is always allowed.
 */
public interface Decomposer {
  /** The strategy's name, as the command line and the benchmark report it. */
  String name();

  Decomposition decompose(Expr target, List<Tracked> tracked, List<Expr> facts);
}
