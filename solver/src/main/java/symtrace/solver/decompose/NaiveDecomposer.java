package symtrace.solver.decompose;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.FloatLit;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Sym;

/**
 * PyTorch's {@code _build_proxy_for_sym_expr}, ported faithfully as the baseline: look the
 * expression up among the tracked values; a number is itself; otherwise rebuild every argument
 * recursively and combine them with the node's operator. It fails as soon as an argument has no
 * tracked producer, so {@code s1*s2*s3} with {@code s1*s2} and {@code s3} tracked is not found
 * (the product's arguments are {@code s1}, {@code s2}, {@code s3}).
 */
public final class NaiveDecomposer implements Decomposer {
  @Override
  public String name() {
    return "naive";
  }

  @Override
  public Decomposition decompose(Expr target, List<Tracked> tracked, List<Expr> facts) {
    Map<Expr, Tracked> byExpr = new HashMap<>();
    Map<Sym, Expr> definitions = new HashMap<>();
    for (Tracked t : tracked) {
      byExpr.putIfAbsent(t.expr(), t); // the first producer wins, as PyTorch's tracker
      definitions.put(Sym.integer(t.name()), t.expr());
    }
    Expr term = build(target, byExpr);
    if (term == null) {
      return Decomposition.notFound(target, name(), Decompositions.missingSymbols(target, tracked));
    }
    String how = Verifier.expansion().verify(target, term, definitions, facts);
    if (how == null) {
      return Decomposition.notFound(target, name(), List.of());
    }
    return Decomposition.found(target, term, name(), how, Decompositions.cost(term, tracked));
  }

  private static Expr build(Expr e, Map<Expr, Tracked> byExpr) {
    Tracked hit = byExpr.get(e);
    if (hit != null) {
      return Sym.integer(hit.name());
    }
    if (e instanceof IntLit || e instanceof FloatLit) {
      return e;
    }
    if (e.args().isEmpty()) {
      // An untracked symbol, or an atom no tracked value builds (a rational, infinity, a bool).
      return null;
    }
    List<Expr> args = new ArrayList<>();
    for (Expr a : e.args()) {
      Expr b = build(a, byExpr);
      if (b == null) {
        return null;
      }
      args.add(b);
    }
    return Exprs.rebuild(e, args);
  }
}
