package symtrace.solver.decompose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Sym;

/**
 * Python's division algorithm as a change of variables, for the linear stage: when the tracked
 * values hold {@code q = x // d} and {@code r = x % d} for a symbol {@code x} and a number or
 * symbol {@code d}, {@code x} is {@code d*q + r}; when they hold {@code q} and a fact says {@code
 * Eq(Mod(x, d), 0)}, {@code x} is {@code d*q}. Replacing {@code q} and {@code r} by fresh
 * variables and then {@code x} by that form makes {@code s0*s1} from {@code s0 // 4}, {@code s0 %
 * 4} and {@code s1} a polynomial identity, {@code 4*A*C + B*C}, with no Gröbner basis. The
 * replacement is exact where the divisor is not zero, which the verifier then proves.
 */
final class DivisionSubstitution {
  private final Map<Expr, Expr> atoms = new LinkedHashMap<>();
  private final Map<Sym, Expr> dividends = new LinkedHashMap<>();

  private DivisionSubstitution() {}

  /** The substitution the tracked values and facts allow (possibly none). */
  static DivisionSubstitution of(List<Tracked> tracked, List<Expr> facts) {
    DivisionSubstitution s = new DivisionSubstitution();
    List<Apply> applications = new ArrayList<>();
    for (Tracked t : tracked) {
      collect(t.expr(), applications);
    }
    for (Apply q : applications) {
      if (q.fn() != Fn.FLOOR_DIV || !(q.arg(0) instanceof Sym x) || s.dividends.containsKey(x)
          || !(q.arg(1) instanceof IntLit || q.arg(1) instanceof Sym) || q.arg(1) == x) {
        continue;
      }
      Expr d = q.arg(1);
      Apply r = null;
      for (Apply m : applications) {
        if ((m.fn() == Fn.MOD || m.fn() == Fn.PYTHON_MOD) && m.arg(0) == x && m.arg(1) == d) {
          r = m;
        }
      }
      Expr zero = Exprs.eq(Exprs.mod(x, d), Exprs.ZERO);
      if (r == null && !facts.contains(zero)) {
        continue;
      }
      int k = s.dividends.size();
      Sym qv = Sym.integer("_quotient" + k);
      s.atoms.put(q, qv);
      Expr rv = Exprs.ZERO;
      if (r != null) {
        rv = Sym.integer("_remainder" + k);
        s.atoms.put(r, rv);
      } else {
        s.atoms.put(Exprs.mod(x, d), Exprs.ZERO);
      }
      s.dividends.put(x, Exprs.add(Exprs.mul(d, qv), rv));
    }
    return s;
  }

  boolean isEmpty() {
    return dividends.isEmpty();
  }

  /** {@code e} with the quotients and remainders as variables and each dividend replaced. */
  Expr apply(Expr e) {
    return dividends.isEmpty() ? e : Exprs.replaceSubexpressions(e, atoms).subs(dividends);
  }

  private static void collect(Expr e, List<Apply> out) {
    if (e instanceof Apply a && !out.contains(a)) {
      out.add(a);
    }
    for (Expr arg : e.args()) {
      collect(arg, out);
    }
  }
}
