package symtrace.symbolic.algebra;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import symtrace.symbolic.expr.Add;
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Mul;
import symtrace.symbolic.expr.Num;
import symtrace.symbolic.expr.Pow;

/**
 * Rewrites between Python floor division and {@code floor} of a quotient, for Symja's
 * simplifier: Symja simplifies {@code Floor((s0*s1 + s0)/(s1 + 1))} under integer assumptions
 * but leaves {@code Quotient} alone. Both directions are exact for integer operands: {@code a //
 * b == floor(a/b)}.
 */
final class FloorForms {
  private FloorForms() {}

  /** Replaces every {@code FloorDiv(a, b)} of integers by {@code floor(a/b)}. */
  static Expr toFloor(Expr e) {
    return rewrite(e, x -> {
      if (x instanceof Apply a && a.fn() == Fn.FLOOR_DIV
          && isInteger(a.arg(0)) && isInteger(a.arg(1))) {
        return Exprs.apply(Fn.FLOOR, Exprs.div(a.arg(0), a.arg(1)));
      }
      return x;
    });
  }

  /**
   * Replaces {@code floor(n/d)} and {@code ceiling(n/d)} with {@code FloorDiv(n, d)} and {@code
   * CeilDiv(n, d)} wherever the argument splits into an integer numerator and denominator.
   */
  static Expr fromFloor(Expr e) {
    return rewrite(e, x -> {
      if (x instanceof Apply a && (a.fn() == Fn.FLOOR || a.fn() == Fn.CEILING)) {
        Expr[] nd = splitFraction(a.arg(0));
        if (nd != null) {
          return a.fn() == Fn.FLOOR ? Exprs.floorDiv(nd[0], nd[1]) : Exprs.ceilDiv(nd[0], nd[1]);
        }
      }
      return x;
    });
  }

  /**
   * Splits {@code x} into {@code {n, d}} with {@code x == n/d}, both integer-valued and {@code
   * d != 1}; null when there is no such split by this syntactic method.
   */
  static Expr[] splitFraction(Expr x) {
    List<Expr> num = new ArrayList<>();
    List<Expr> den = new ArrayList<>();
    if (x instanceof Mul m) {
      Num c = m.coefficient();
      if (c.numerator() == null) {
        return null; // a float or infinite coefficient
      }
      num.add(IntLit.of(c.numerator()));
      den.add(IntLit.of(c.denominator()));
      for (Expr f : m.factors()) {
        if (f instanceof Pow p && p.exponent() instanceof IntLit k && k.signum() < 0) {
          den.add(Exprs.pow(p.base(), Exprs.neg(k)));
        } else {
          num.add(f);
        }
      }
    } else if (x instanceof Pow p && p.exponent() instanceof IntLit k && k.signum() < 0) {
      den.add(Exprs.pow(p.base(), Exprs.neg(k)));
    } else if (x instanceof Add sum) {
      // (s0 + 1)/2 is stored as s0/2 + 1/2: multiply through by the common denominator.
      BigInteger lcm = BigInteger.ONE;
      for (Expr t : sum.args()) {
        Num c = Exprs.coefficient(t);
        if (c.denominator() == null) {
          return null;
        }
        BigInteger d = c.denominator();
        lcm = lcm.multiply(d).divide(lcm.gcd(d));
      }
      num.add(Exprs.expand(Exprs.mul(IntLit.of(lcm), x)));
      den.add(IntLit.of(lcm));
    } else {
      return null;
    }
    Expr n = Exprs.mul(num);
    Expr d = Exprs.mul(den);
    if (d == Exprs.ONE || !isInteger(n) || !isInteger(d)) {
      return null;
    }
    return new Expr[] {n, d};
  }

  private static boolean isInteger(Expr e) {
    return e.isInteger() == Boolean.TRUE;
  }

  /** Rebuilds {@code e} bottom-up, applying {@code f} to every node after its children. */
  static Expr rewrite(Expr e, UnaryOperator<Expr> f) {
    List<Expr> args = e.args();
    if (args.isEmpty()) {
      return f.apply(e);
    }
    List<Expr> out = new ArrayList<>(args.size());
    boolean changed = false;
    for (Expr a : args) {
      Expr b = rewrite(a, f);
      changed |= b != a;
      out.add(b);
    }
    return f.apply(changed ? Exprs.rebuild(e, out) : e);
  }
}
