package symtrace.symbolic.env;

import java.util.ArrayList;
import java.util.List;
import symtrace.symbolic.expr.Add;
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.Mul;

/**
 * PyTorch's {@code try_solve} ({@code torch/utils/_sympy/solve.py}): isolates {@code thing} on
 * the left of a relation by moving the terms without it to the right and dividing by the factors
 * without it (flipping an inequality for a negative factor, doing nothing when the sign is
 * unknown). With {@code floordivInequality}, {@code a // b == c} becomes {@code a >= b*c and a <
 * b*(c + 1)} for a positive {@code b} and integer {@code c}.
 */
final class TrySolve {
  /** A solved relation {@code thing op rhs}. */
  record Solution(Expr relation, Expr rhs) {}

  private TrySolve() {}

  static Solution solve(Expr expr, Expr thing, boolean floordivInequality) {
    if (!(expr instanceof Apply a) || !a.fn().isRelation()) {
      return null;
    }
    boolean lhsHas = has(a.arg(0), thing);
    boolean rhsHas = has(a.arg(1), thing);
    if (lhsHas && rhsHas) {
      return null;
    }
    List<Expr> candidates = new ArrayList<>();
    if (lhsHas) {
      candidates.add(expr);
    }
    if (rhsHas) {
      candidates.add(Exprs.apply(a.fn().reversed(), a.arg(1), a.arg(0)));
    }
    for (Expr e : candidates) {
      for (int trial = 0; trial < 5; trial++) {
        Expr next = isolate(e, thing, floordivInequality);
        if (next == e) {
          break;
        }
        e = next;
      }
      if (e instanceof Apply r && r.fn().isRelation() && r.arg(0) == thing) {
        return new Solution(e, r.arg(1));
      }
    }
    return null;
  }

  static boolean has(Expr e, Expr thing) {
    if (e == thing) {
      return true;
    }
    for (Expr x : e.args()) {
      if (has(x, thing)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isInequality(Fn fn) {
    return fn == Fn.GT || fn == Fn.GE || fn == Fn.LT || fn == Fn.LE;
  }

  private static Expr isolate(Expr e, Expr thing, boolean floordivInequality) {
    if (!(e instanceof Apply a) || !a.fn().isRelation()) {
      return e;
    }
    Fn op = a.fn();
    Expr lhs = a.arg(0);
    Expr rhs = a.arg(1);
    if (lhs instanceof Add sum) {
      List<Expr> without = new ArrayList<>();
      for (Expr t : sum.args()) {
        if (!has(t, thing)) {
          without.add(t);
        }
      }
      Expr move = Exprs.add(without);
      e = Exprs.apply(op, Exprs.sub(lhs, move), Exprs.sub(rhs, move));
    }
    if (e instanceof Apply r && r.fn().isRelation() && r.arg(0) instanceof Mul m) {
      List<Expr> others = new ArrayList<>();
      for (Expr f : m.args()) {
        if (!has(f, thing)) {
          others.add(f);
        }
      }
      Expr other = Exprs.mul(others);
      Boolean negative = other.isNegative();
      // Divide an equality only when the right side is known nonzero (PyTorch: a zero factor
      // would make "a*b == 0" teach "b == 0").
      boolean mayDivide = isInequality(r.fn()) ? negative != null : r.arg(1).isZero() == Boolean.FALSE;
      if (mayDivide) {
        Fn newOp = isInequality(r.fn()) && negative == Boolean.TRUE ? r.fn().reversed() : r.fn();
        e = Exprs.apply(newOp, Exprs.div(r.arg(0), other), Exprs.div(r.arg(1), other));
      }
    }
    if (floordivInequality && e instanceof Apply r && r.fn().isRelation()
        && r.arg(0) instanceof Apply fd && fd.fn() == Fn.FLOOR_DIV
        && fd.arg(1).isPositive() == Boolean.TRUE && r.arg(1).isInteger() == Boolean.TRUE) {
      Expr num = fd.arg(0);
      Expr den = fd.arg(1);
      Expr c = r.arg(1);
      switch (r.fn()) {
        case EQ:
          return Exprs.and(Exprs.ge(num, Exprs.mul(c, den)),
              Exprs.lt(num, Exprs.mul(Exprs.add(c, Exprs.ONE), den)));
        case NE:
          return Exprs.or(Exprs.lt(num, Exprs.mul(c, den)),
              Exprs.ge(num, Exprs.mul(Exprs.add(c, Exprs.ONE), den)));
        case GT:
          return Exprs.ge(num, Exprs.mul(Exprs.add(c, Exprs.ONE), den));
        case GE:
          return Exprs.ge(num, Exprs.mul(c, den));
        case LT:
          return Exprs.lt(num, Exprs.mul(c, den));
        case LE:
          return Exprs.lt(num, Exprs.mul(Exprs.add(c, Exprs.ONE), den));
        default:
          break;
      }
    }
    return e;
  }
}
