package symtrace.symbolic.env;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Fn;

/**
 * PyTorch's {@code ShapeEnv.simplify}: expand, apply replacements, drop {@code Max(1, x)} and
 * {@code Max(0, x)} when {@code x >= 1} ({@code x >= 0}) is statically known, and rewrite {@code
 * FloorDiv(a, b)} to {@code CleanDiv(a, b)} when {@code Mod(a, b)} is known to be 0. Also the
 * substitution of axioms into an expression (PyTorch's {@code xreplace} of the axiom dict).
 */
final class Simplification {
  private Simplification() {}

  static Expr simplify(ShapeEnv env, Expr e, boolean sizeOblivious) {
    Expr r = env.replace(env.rewrote("expand", e, Exprs.expand(e), Rewrite.Basis.NONE, sizeOblivious));
    if (!(r.args().isEmpty())) {
      r = rewrite(env, r, sizeOblivious);
    }
    return r;
  }

  private static Expr rewrite(ShapeEnv env, Expr e, boolean sizeOblivious) {
    List<Expr> args = e.args();
    if (args.isEmpty()) {
      return e;
    }
    List<Expr> out = new ArrayList<>(args.size());
    boolean changed = false;
    for (Expr a : args) {
      Expr b = rewrite(env, a, sizeOblivious);
      changed |= b != a;
      out.add(b);
    }
    Expr node = changed ? Exprs.rebuild(e, out) : e;
    if (node instanceof Apply a) {
      if (a.fn() == Fn.MAX && a.arity() == 2) {
        // Max(1, x) => x when x >= 1 is known; Max(0, x) => x when x >= 0 is known
        Expr first = a.arg(0);
        Expr x = a.arg(1);
        if ((first == Exprs.ONE || first == Exprs.ZERO)
            && env.maybeEvaluateStatic(Exprs.ge(x, first), sizeOblivious) == BoolLit.TRUE) {
          return env.rewrote("max_of_known_bound", node, x, Rewrite.Basis.ALL, sizeOblivious);
        }
      }
      if (a.fn() == Fn.TRUNC_TO_INT && a.arg(0) instanceof Apply div && div.fn() == Fn.INT_TRUE_DIV) {
        // TruncToInt(IntTrueDiv(a, b)) => CleanDiv(a, b) if b divides a, else FloorDiv(a, b)
        Expr m = Exprs.mod(div.arg(0), div.arg(1));
        Expr r = m == Exprs.ZERO ? Exprs.cleanDiv(div.arg(0), div.arg(1)) : Exprs.floorDiv(div.arg(0), div.arg(1));
        return env.rewrote("trunc_of_int_true_div", node, r, Rewrite.Basis.ALL, sizeOblivious);
      }
      if ((a.fn() == Fn.FLOOR_DIV || a.fn() == Fn.CLEAN_DIV) && a.arg(1) instanceof Apply inner
          && (inner.fn() == Fn.FLOOR_DIV || inner.fn() == Fn.CLEAN_DIV) && inner.arg(0) == a.arg(0)
          && isDivisible(env, inner.arg(0), inner.arg(1)) && isDivisible(env, a.arg(0), a.arg(1))) {
        // a // (a // b) => b when both divisions are exact
        return env.rewrote("floordiv_of_exact_floordiv", node, inner.arg(1), Rewrite.Basis.ALL, sizeOblivious);
      }
      if (a.fn() == Fn.FLOOR_DIV && isDivisible(env, a.arg(0), a.arg(1))) {
        return env.rewrote("floordiv_to_cleandiv", node, Exprs.cleanDiv(a.arg(0), a.arg(1)), Rewrite.Basis.ALL,
            sizeOblivious);
      }
    }
    return node;
  }

  private static boolean isDivisible(ShapeEnv env, Expr a, Expr b) {
    Expr m = Exprs.mod(a, b);
    if (m == Exprs.ZERO || env.divisible.contains(m)) {
      return true;
    }
    // the divisor may itself have become a CleanDiv since the fact was recorded
    if (b instanceof Apply d && d.fn() == Fn.CLEAN_DIV) {
      return env.divisible.contains(Exprs.mod(a, Exprs.floorDiv(d.arg(0), d.arg(1))));
    }
    return false;
  }

  /** Replaces every subexpression that is a key of {@code axioms} by its truth value. */
  static Expr substituteAxioms(Expr e, Map<Expr, BoolLit> axioms) {
    if (axioms.isEmpty()) {
      return e;
    }
    BoolLit known = axioms.get(e);
    if (known != null) {
      return known;
    }
    List<Expr> args = e.args();
    if (args.isEmpty() || !e.isBoolean()) {
      return e;
    }
    List<Expr> out = new ArrayList<>(args.size());
    boolean changed = false;
    for (Expr a : args) {
      Expr b = substituteAxioms(a, axioms);
      changed |= b != a;
      out.add(b);
    }
    return changed ? Exprs.rebuild(e, out) : e;
  }
}
