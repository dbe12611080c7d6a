package symtrace.symbolic.env;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import symtrace.symbolic.expr.Add;
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Mul;
import symtrace.symbolic.expr.Num;

/**
 * PyTorch's canonical boolean forms ({@code canonicalize_bool_expr}) and the implications of a
 * fact ({@code get_implications}), so that a recorded guard and a later query meet as the same
 * expression.
 *
 * <p>Canonical relation: {@code Lt}, {@code Le}, {@code Eq} or {@code Ne} with every term moved to
 * one side, divided by the gcd of its integer coefficients, and split so that positive terms are
 * on the right and negated ones on the left: {@code a > b => b < a}, {@code x + 3 >= y => y <= x +
 * 3}, {@code 6*x >= 4*y => 2*y <= 3*x}.
 */
final class BooleanForms {
  private BooleanForms() {}

  static Expr canonicalize(Expr e) {
    if (!(e instanceof Apply a)) {
      return e;
    }
    Fn fn = a.fn();
    if (fn == Fn.AND || fn == Fn.OR) {
      List<Expr> args = new ArrayList<>();
      for (Expr x : a.args()) {
        args.add(canonicalize(x));
      }
      return fn == Fn.AND ? Exprs.and(args) : Exprs.or(args);
    }
    if (fn == Fn.NOT) {
      Expr inner = canonicalize(a.arg(0));
      return inner instanceof Apply ia && ia.fn().isRelation() ? canonicalize(Exprs.not(inner)) : Exprs.not(inner);
    }
    if (!fn.isRelation()) {
      return e;
    }
    Fn t;
    Expr rhs;
    if (fn == Fn.GT || fn == Fn.GE) {
      rhs = Exprs.sub(a.arg(0), a.arg(1));
      t = fn == Fn.GT ? Fn.LT : Fn.LE;
    } else {
      rhs = Exprs.sub(a.arg(1), a.arg(0));
      t = fn;
    }
    Expr lhs = Exprs.ZERO;
    rhs = reduceToLowestTerms(rhs);
    if (rhs instanceof Add sum) {
      List<Expr> pos = new ArrayList<>();
      List<Expr> neg = new ArrayList<>();
      for (Expr term : sum.args()) {
        if (isNegative(term)) {
          neg.add(Exprs.neg(term));
        } else {
          pos.add(term);
        }
      }
      rhs = Exprs.add(pos);
      lhs = Exprs.add(neg);
    } else if (isNegative(rhs)) {
      lhs = Exprs.neg(rhs);
      rhs = Exprs.ZERO;
    }
    return Exprs.apply(t, lhs, rhs);
  }

  private static boolean isNegative(Expr term) {
    if (term instanceof Num n) {
      return !n.isNaN() && n.signum() < 0;
    }
    return term instanceof Mul m && m.coefficient().signum() < 0;
  }

  /** Divides a sum (or product) by the gcd of its integer coefficients; an integer becomes 1. */
  static Expr reduceToLowestTerms(Expr e) {
    if (e instanceof IntLit) {
      return e.isZero() == Boolean.TRUE ? e : Exprs.ONE;
    }
    if (e instanceof Add sum) {
      BigInteger g = BigInteger.ZERO;
      for (Expr term : sum.args()) {
        g = g.gcd(integerCoefficient(term));
      }
      if (g.signum() == 0 || g.equals(BigInteger.ONE)) {
        return e;
      }
      return Exprs.div(e, IntLit.of(g));
    }
    if (e instanceof Mul m) {
      BigInteger g = integerCoefficient(m);
      return g.equals(BigInteger.ONE) || g.signum() == 0 ? e : Exprs.div(e, IntLit.of(g));
    }
    return e;
  }

  private static BigInteger integerCoefficient(Expr term) {
    if (term instanceof IntLit i) {
      return i.bigValue().abs();
    }
    if (term instanceof Mul m && m.coefficient() instanceof IntLit c) {
      return c.bigValue().abs();
    }
    return BigInteger.ONE;
  }

  /**
   * What a fact implies, each with its truth value: the fact and its negation, both argument
   * orders of {@code Eq}/{@code Ne} and the opposite relation, {@code Eq(a, b)} implies {@code a
   * <= b} and {@code a >= b}, {@code a < b} implies {@code a <= b}, {@code a != b} and (integers)
   * {@code a <= b - 1}, {@code a <= b} implies {@code a < b + 1}.
   */
  static Map<Expr, BoolLit> implications(Expr e) {
    Map<Expr, BoolLit> equiv = new LinkedHashMap<>();
    addImplication(equiv, e);
    if (e instanceof Apply a && a.fn().isRelation()) {
      Expr l = a.arg(0);
      Expr r = a.arg(1);
      switch (a.fn()) {
        case EQ:
          addImplication(equiv, Exprs.le(l, r));
          addImplication(equiv, Exprs.ge(l, r));
          break;
        case LT:
          addImplication(equiv, Exprs.le(l, r));
          addImplication(equiv, Exprs.ne(l, r));
          if (l.isInteger() == Boolean.TRUE && r.isInteger() == Boolean.TRUE) {
            addImplication(equiv, Exprs.le(l, Exprs.sub(r, Exprs.ONE)));
          }
          break;
        case LE:
          addImplication(equiv, Exprs.lt(l, Exprs.add(r, Exprs.ONE)));
          break;
        default:
          break;
      }
    }
    equiv.remove(BoolLit.TRUE);
    equiv.remove(BoolLit.FALSE);
    return equiv;
  }

  private static void addImplication(Map<Expr, BoolLit> equiv, Expr fact) {
    Expr c = canonicalize(fact);
    if (c instanceof BoolLit) {
      return;
    }
    if (c instanceof Apply a && (a.fn() == Fn.EQ || a.fn() == Fn.NE)) {
      Fn opposite = a.fn() == Fn.EQ ? Fn.NE : Fn.EQ;
      equiv.put(Exprs.apply(a.fn(), a.arg(0), a.arg(1)), BoolLit.TRUE);
      equiv.put(Exprs.apply(a.fn(), a.arg(1), a.arg(0)), BoolLit.TRUE);
      equiv.put(Exprs.apply(opposite, a.arg(0), a.arg(1)), BoolLit.FALSE);
      equiv.put(Exprs.apply(opposite, a.arg(1), a.arg(0)), BoolLit.FALSE);
    } else {
      equiv.put(c, BoolLit.TRUE);
      equiv.put(canonicalize(Exprs.not(c)), BoolLit.FALSE);
    }
  }
}
