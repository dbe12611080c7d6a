package symtrace.solver.decompose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import symtrace.symbolic.expr.Add;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Mul;
import symtrace.symbolic.expr.Pow;

/**
 * Takes the common factor out of a sum of terms over names: {@code 4*A*C + B*C} is {@code C*(4*A
 * + B)}, one operation fewer. The algebra's answers come expanded; the cost model prefers the
 * factored form, and the two are equal by expansion, so both are offered.
 */
final class CommonFactor {
  private CommonFactor() {}

  /** {@code e} with its common factor taken out, or {@code e} when there is none. */
  static Expr of(Expr e) {
    if (!(e instanceof Add a) || a.constant() != Exprs.ZERO && !a.constant().isZeroValue()) {
      return e;
    }
    Map<Expr, Long> common = null;
    for (Expr term : a.terms()) {
      Map<Expr, Long> f = factors(term);
      if (common == null) {
        common = f;
      } else {
        common.keySet().retainAll(f.keySet());
        for (Map.Entry<Expr, Long> c : common.entrySet()) {
          c.setValue(Math.min(c.getValue(), f.get(c.getKey())));
        }
      }
    }
    if (common == null || common.isEmpty()) {
      return e;
    }
    List<Expr> g = new ArrayList<>();
    common.forEach((base, n) -> g.add(n == 1 ? base : Exprs.pow(base, IntLit.of(n))));
    Expr gcd = Exprs.mul(g);
    List<Expr> rest = new ArrayList<>();
    for (Expr term : a.terms()) {
      rest.add(Exprs.expand(Exprs.div(term, gcd)));
    }
    return Exprs.mul(gcd, Exprs.add(rest));
  }

  /** The non-numeric factors of a term, with their integer exponents. */
  private static Map<Expr, Long> factors(Expr term) {
    Map<Expr, Long> out = new LinkedHashMap<>();
    for (Expr f : term instanceof Mul m ? m.factors() : List.of(term)) {
      if (f instanceof Pow p && p.exponent() instanceof IntLit n && n.signum() > 0
          && n.fitsLong()) {
        out.merge(p.base(), n.longValue(), Long::sum);
      } else if (!f.isNumber()) {
        out.merge(f, 1L, Long::sum);
      }
    }
    return out;
  }
}
