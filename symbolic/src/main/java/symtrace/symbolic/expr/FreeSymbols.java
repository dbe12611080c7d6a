package symtrace.symbolic.expr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Computes the free symbols of an expression, sorted in sympy's order (by name). */
final class FreeSymbols {
  private FreeSymbols() {}

  static Set<Sym> of(Expr e) {
    if (e instanceof Sym s) {
      return Set.of(s);
    }
    List<Expr> args = e.args();
    if (args.isEmpty()) {
      return Set.of();
    }
    if (args.size() == 1) {
      return args.get(0).freeSymbols();
    }
    List<Sym> all = new ArrayList<>();
    Set<Sym> seen = new java.util.HashSet<>();
    for (Expr a : args) {
      for (Sym s : a.freeSymbols()) {
        if (seen.add(s)) {
          all.add(s);
        }
      }
    }
    if (all.isEmpty()) {
      return Set.of();
    }
    all.sort(ExprOrder.SORT_KEY);
    return Collections.unmodifiableSet(new LinkedHashSet<>(all));
  }
}
