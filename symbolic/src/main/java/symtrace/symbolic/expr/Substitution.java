package symtrace.symbolic.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replaces symbols by expressions and rebuilds through the smart constructors, so the result is
 * canonical (sympy's {@code xreplace} followed by automatic evaluation). Subtrees without any of
 * the replaced symbols are kept as they are.
 */
final class Substitution {
  private Substitution() {}

  static Expr apply(Expr e, Map<Sym, ? extends Expr> bindings) {
    if (bindings.isEmpty()) {
      return e;
    }
    if (e instanceof Sym s) {
      Expr r = bindings.get(s);
      return r != null ? r : e;
    }
    List<Expr> args = e.args();
    if (args.isEmpty() || !mentions(e, bindings)) {
      return e;
    }
    List<Expr> out = new ArrayList<>(args.size());
    for (Expr a : args) {
      out.add(apply(a, bindings));
    }
    return Exprs.rebuild(e, out);
  }

  private static boolean mentions(Expr e, Map<Sym, ? extends Expr> bindings) {
    for (Sym s : e.freeSymbols()) {
      if (bindings.containsKey(s)) {
        return true;
      }
    }
    return false;
  }
}
