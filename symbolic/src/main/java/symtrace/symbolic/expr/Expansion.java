package symtrace.symbolic.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Distribution of products over sums, everywhere in an expression (sympy's {@code expand}, and
 * PyTorch's {@code safe_expand}): {@code (s0 + 1)*(s0 - 1) => s0**2 - 1}, {@code (s0 + 1)**2 =>
 * s0**2 + 2*s0 + 1}. Function arguments are expanded too; nodes whose arguments did not change
 * are returned as they are.
 */
final class Expansion {
  private static final int MAX_POWER = 64;

  private Expansion() {}

  static Expr expand(Expr e) {
    switch (e.kind()) {
      case ADD:
        {
          List<Expr> args = e.args();
          List<Expr> out = new ArrayList<>(args.size());
          boolean changed = false;
          for (Expr a : args) {
            Expr x = expand(a);
            changed |= x != a;
            out.add(x);
          }
          return changed ? Exprs.add(out) : e;
        }
      case MUL:
        {
          Mul m = (Mul) e;
          List<Expr> sum = new ArrayList<>();
          sum.add(m.coefficient());
          boolean changed = false;
          for (int i = 0; i < m.factorCount(); i++) {
            Expr f = m.factor(i);
            Expr x = expand(f);
            changed |= x != f;
            sum = distribute(sum, x);
          }
          if (!changed && sum.size() == 1) {
            return e;
          }
          return Exprs.add(sum);
        }
      case POW:
        {
          Pow p = (Pow) e;
          Expr base = expand(p.base());
          Expr exp = expand(p.exponent());
          if (base instanceof Add && exp instanceof IntLit n && n.fitsLong()
              && Math.abs(n.longValue()) >= 2 && Math.abs(n.longValue()) <= MAX_POWER) {
            long k = Math.abs(n.longValue());
            List<Expr> sum = List.of(Exprs.ONE);
            for (long i = 0; i < k; i++) {
              sum = distribute(sum, base);
            }
            Expr expanded = Exprs.add(sum);
            return n.signum() > 0 ? expanded : Exprs.pow(expanded, Exprs.MINUS_ONE);
          }
          if (base == p.base() && exp == p.exponent()) {
            return e;
          }
          return expand(Exprs.pow(base, exp));
        }
      case APPLY:
        {
          Apply a = (Apply) e;
          List<Expr> out = new ArrayList<>(a.arity());
          boolean changed = false;
          for (Expr x : a.args()) {
            Expr y = expand(x);
            changed |= y != x;
            out.add(y);
          }
          return changed ? Exprs.apply(a.fn(), out) : e;
        }
      default:
        return e;
    }
  }

  /**
   * Multiplies every term of {@code sum} by {@code factor}, distributing over its terms, and
   * collects like terms at once, so that a power of a sum costs its number of terms, not the
   * number of products.
   */
  private static List<Expr> distribute(List<Expr> sum, Expr factor) {
    List<Expr> terms = factor instanceof Add a ? a.args() : List.of(factor);
    if (terms.size() == 1 && sum.size() == 1) {
      return List.of(Exprs.mul(sum.get(0), terms.get(0)));
    }
    List<Expr> out = new ArrayList<>(sum.size() * terms.size());
    for (Expr s : sum) {
      for (Expr t : terms) {
        out.add(Exprs.mul(s, t));
      }
    }
    Expr collected = Exprs.add(out);
    return collected instanceof Add c ? c.args() : List.of(collected);
  }
}
