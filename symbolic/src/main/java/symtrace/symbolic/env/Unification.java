package symtrace.symbolic.env;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Num;
import symtrace.symbolic.expr.Nums;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.range.ValueRange;

/**
 * What a new guard or assert teaches the environment (PyTorch's {@code _maybe_guard_rel}, {@code
 * _refine_ranges}, {@code _set_replacement}): every relation narrows the ranges of the symbols it
 * can be solved for; an equality without {@code Mod} replaces its "largest" symbol by the
 * solution ({@code s0 == 2*s1} replaces {@code s0}, keeping the range of the replaced symbol);
 * {@code Eq(Mod(a, b), 0)} records that {@code b} divides {@code a}.
 */
final class Unification {
  private Unification() {}

  static void guardRel(ShapeEnv env, Expr expr, Provenance p) {
    if (expr instanceof Apply a && a.fn() == Fn.AND) {
      for (Expr x : a.args()) {
        guardRel(env, x, p);
      }
      return;
    }
    if (!(expr instanceof Apply rel) || !rel.fn().isRelation() || rel.fn() == Fn.NE) {
      return;
    }
    List<Sym> free = new ArrayList<>(expr.freeSymbols());
    if (free.isEmpty() || free.size() > 5) {
      return;
    }
    // Solve for unbacked symbols last, for lexicographically higher symbols first.
    free.sort(Comparator.comparingLong((Sym s) -> sortSize(env, s)).thenComparing(Sym::name).reversed());
    refineRanges(env, expr, p);
    if (rel.fn() != Fn.EQ) {
      return;
    }
    Expr lhs = rel.arg(0);
    Expr rhs = rel.arg(1);
    Apply mod = firstAtom(expr, Fn.MOD);
    if (mod == null) {
      if (hasFloorDivWithDivisorNotOne(expr)) {
        return;
      }
      if (trivialSolve(env, lhs, rhs)) {
        setReplacement(env, (Sym) lhs, env.replace(rhs), "trivial_lhs", p);
      } else if (trivialSolve(env, rhs, lhs)) {
        setReplacement(env, (Sym) rhs, env.replace(lhs), "trivial_rhs", p);
      } else {
        TrySolve.Solution r = TrySolve.solve(expr, free.get(0), false);
        if (r != null && allInteger(r.rhs())) {
          solved(env, expr, r);
          Expr target = env.replace(r.rhs());
          if (!hasUnbacked(env, target)) {
            setReplacement(env, free.get(0), target, "solve", p);
          }
        }
      }
    } else {
      TrySolve.Solution r = TrySolve.solve(expr, mod, false);
      if (r != null && r.rhs() == Exprs.ZERO) {
        solved(env, expr, r);
        env.addDivisible(mod);
      }
    }
  }

  /** Reports a {@code try_solve} result the environment is about to rely on. */
  private static void solved(ShapeEnv env, Expr relation, TrySolve.Solution solution) {
    env.rewrote("try_solve", relation, solution.relation(), Rewrite.Basis.NONE, false);
  }

  private static long sortSize(ShapeEnv env, Sym s) {
    Object hint = env.hint(s);
    if (hint instanceof Long l && s.isPositiveSymbol()) {
      return l;
    }
    return Long.MAX_VALUE;
  }

  private static boolean trivialSolve(ShapeEnv env, Expr lhs, Expr rhs) {
    if (lhs instanceof Sym s) {
      if (env.isUnbacked(s) && !hasUnbacked(env, rhs)) {
        return true;
      }
      return env.isFloatSymbol(s);
    }
    return false;
  }

  static boolean hasUnbacked(ShapeEnv env, Expr e) {
    for (Sym s : e.freeSymbols()) {
      if (env.isUnbacked(s)) {
        return true;
      }
    }
    return false;
  }

  private static boolean allInteger(Expr e) {
    if (e.isInteger() != Boolean.TRUE) {
      return false;
    }
    for (Expr x : e.args()) {
      if (!allInteger(x)) {
        return false;
      }
    }
    return true;
  }

  private static Apply firstAtom(Expr e, Fn fn) {
    if (e instanceof Apply a && a.fn() == fn) {
      return a;
    }
    for (Expr x : e.args()) {
      Apply r = firstAtom(x, fn);
      if (r != null) {
        return r;
      }
    }
    return null;
  }

  private static boolean hasFloorDivWithDivisorNotOne(Expr e) {
    if (e instanceof Apply a && (a.fn() == Fn.FLOOR_DIV || a.fn() == Fn.CLEAN_DIV) && a.arg(1) != Exprs.ONE) {
      return true;
    }
    for (Expr x : e.args()) {
      if (hasFloorDivWithDivisorNotOne(x)) {
        return true;
      }
    }
    return false;
  }

  /** Narrows each symbol's range by the relation solved for it ({@code s > 4 => [5, ...]}). */
  static void refineRanges(ShapeEnv env, Expr expr, Provenance p) {
    Expr e = env.simplify(expr);
    for (Sym symbol : e.freeSymbols()) {
      TrySolve.Solution r = TrySolve.solve(e, symbol, true);
      if (r == null || !symbol.isIntegerSymbol() || r.rhs().isInteger() != Boolean.TRUE) {
        continue;
      }
      solved(env, e, r);
      ValueRange vr = env.range(symbol);
      if (vr == null) {
        continue;
      }
      Fn op = ((Apply) r.relation()).fn();
      ValueRange rhsRange = env.bound(r.rhs());
      Expr lower = vr.lower();
      Expr upper = vr.upper();
      if (lessOrEqual(lower, rhsRange.lower()) && (op == Fn.EQ || op == Fn.GE || op == Fn.GT)) {
        lower = op == Fn.GT ? plus(rhsRange.lower(), 1) : rhsRange.lower();
      }
      if (lessOrEqual(rhsRange.upper(), upper) && (op == Fn.EQ || op == Fn.LE || op == Fn.LT)) {
        upper = op == Fn.LT ? plus(rhsRange.upper(), -1) : rhsRange.upper();
      }
      ValueRange refined;
      try {
        refined = ValueRange.of(lower, upper);
      } catch (RuntimeException impossible) {
        continue; // an empty range: the guard is false everywhere; the caller's hint decides
      }
      if (refined.equals(vr)) {
        continue;
      }
      env.updateRange(symbol, refined, p);
      ValueRange now = env.range(symbol);
      if (now.isSingleton()) {
        setReplacement(env, symbol, now.lower(), "range_refined_to_singleton", p);
      }
    }
  }

  private static boolean lessOrEqual(Expr a, Expr b) {
    return a instanceof Num x && b instanceof Num y && !x.isNaN() && !y.isNaN() && Nums.compare(x, y) <= 0;
  }

  private static Expr plus(Expr a, long k) {
    return a instanceof Num n && !n.isInfinite() ? Nums.add(n, IntLit.of(k)) : a;
  }

  /** PyTorch's {@code _set_replacement}: replace only when the target's range fits the symbol's. */
  static void setReplacement(ShapeEnv env, Sym a, Expr target, String reason, Provenance p) {
    if (target == env.replacements.get(a) || target.freeSymbols().contains(a)) {
      return;
    }
    if (env.settings().preferDeferredRuntimeAssertsOverGuards() && !isSupportedEquivalence(target)) {
      return;
    }
    ValueRange source = env.range(a);
    if (source != null) {
      ValueRange targetBound = env.bound(target);
      env.updateRange(a, targetBound, p);
      if (!targetBound.issubset(source) && target.freeSymbols().size() == 1) {
        Sym b = target.freeSymbols().iterator().next();
        TrySolve.Solution r = TrySolve.solve(Exprs.eq(a, target), b, false);
        if (r != null) {
          solved(env, Exprs.eq(a, target), r);
          ValueRange rational = env.bound(r.rhs());
          Expr lo = Exprs.apply(Fn.CEIL_TO_INT, rational.lower());
          Expr hi = Exprs.apply(Fn.FLOOR_TO_INT, rational.upper());
          if (lo instanceof Num && hi instanceof Num) {
            env.updateRange(b, ValueRange.of(lo, hi), p);
            targetBound = env.bound(target);
          }
        }
      }
      if (env.isSizeLike(a) && target instanceof Sym t) {
        env.sizeLike.add(t);
      } else if (target instanceof Sym t && env.isSizeLike(t)) {
        env.sizeLike.add(a);
      }
      if (!targetBound.issubset(source)) {
        return;
      }
    }
    env.setReplacement(a, target, reason, p);
  }

  /** {@code s*c + d} with integer constants: the only replacements prefer-deferred mode makes. */
  private static boolean isSupportedEquivalence(Expr e) {
    if (e instanceof Sym || e instanceof IntLit) {
      return true;
    }
    if (e.freeSymbols().size() > 1) {
      return false;
    }
    Expr linear = Exprs.expand(e);
    for (Expr t : linear.args()) {
      if (!(t instanceof IntLit || t instanceof Sym || Exprs.withoutCoefficient(t) instanceof Sym)) {
        return false;
      }
    }
    return true;
  }
}
