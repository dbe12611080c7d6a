package symtrace.symbolic.expr;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Construction-time rules of {@code FloorDiv}, {@code CleanDiv}, {@code CeilDiv}, {@code Mod},
 * {@code PythonMod} and {@code ModularIndexing}, ported from PyTorch's {@code
 * torch/utils/_sympy/functions.py}. Each rule is sound for integer arguments (the property tests
 * evaluate both sides).
 */
final class DivisionRules {
  private DivisionRules() {}

  static Expr floorDiv(Expr base, Expr divisor) {
    Expr r = reduceFloorDiv(base, divisor);
    return r != null ? r : Apply.create(Fn.FLOOR_DIV, base, divisor);
  }

  /** {@code CleanDiv} shares FloorDiv's rules; what they leave stays a CleanDiv. */
  static Expr cleanDiv(Expr base, Expr divisor) {
    Expr r = reduceFloorDiv(base, divisor);
    return r != null ? r : Apply.create(Fn.CLEAN_DIV, base, divisor);
  }

  private static boolean isZero(Expr e) {
    return e instanceof Num n && !n.isNaN() && n.signum() == 0;
  }

  private static boolean isInfinity(Expr e) {
    return e instanceof Infinity i && !i.isNaN();
  }

  private static boolean equalValued(Expr e, long v) {
    return e instanceof Num n && !n.isInfinite() && Nums.compare(n, IntLit.of(v)) == 0;
  }

  private static Expr reduceFloorDiv(Expr base, Expr divisor) {
    if (isZero(divisor)) {
      throw SymbolicArithmeticError.divisionByZero();
    }
    if (isInfinity(base) && isInfinity(divisor)) {
      return Infinity.NAN;
    }
    if (base == Infinity.NAN || divisor == Infinity.NAN) {
      return Infinity.NAN;
    }
    if (Facts.isZero(base) == Boolean.TRUE) {
      return Exprs.ZERO; // 0 // b => 0
    }
    boolean integerBase = Facts.isInteger(base) == Boolean.TRUE;
    if (integerBase && equalValued(divisor, 1)) {
      return base; // a // 1 => a
    }
    if (integerBase && equalValued(divisor, -1)) {
      return Exprs.mul(base, Exprs.MINUS_ONE); // a // -1 => -a
    }
    if (base instanceof Num b && divisor instanceof Num d && (b.isInfinite() || d.isInfinite())) {
      double r = b.toDouble() / d.toDouble();
      if (Double.isNaN(r)) {
        return Infinity.NAN;
      }
      if (Double.isInfinite(r)) {
        return r > 0 ? Infinity.INT_OO : Infinity.NEG_INT_OO;
      }
      return IntLit.of((long) Math.floor(r));
    }
    if (base instanceof IntLit b && divisor instanceof IntLit d) {
      return IntLit.of(Nums.floorDiv(b.bigValue(), d.bigValue()));
    }
    if (base instanceof Num b && divisor instanceof Num d) {
      if (b instanceof FloatLit || d instanceof FloatLit) {
        // Python's // on a float: the floor of the quotient, a float
        return FloatLit.of(Math.floor(b.toDouble() / d.toDouble()));
      }
      // rationals: the exact floor
      return IntLit.of(Nums.floorDiv(b.numerator().multiply(d.denominator()),
          d.numerator().multiply(b.denominator())));
    }
    if (base instanceof Apply a && (a.fn() == Fn.FLOOR_DIV || a.fn() == Fn.CLEAN_DIV)
        && Facts.isPositive(a.arg(1)) == Boolean.TRUE && Facts.isPositive(divisor) == Boolean.TRUE) {
      // (a // b) // c => a // (b*c), for positive b and c. PyTorch applies it to sizes only;
      // with a negative divisor it is wrong: (-7 // 2) // -2 == 2 but -7 // -4 == 1.
      return floorDiv(a.arg(0), Exprs.mul(a.arg(1), divisor));
    }
    if (divisor instanceof IntLit) {
      // (x + y) // b => x // b + y/b when y/b is an integer
      Expr quotients = Exprs.ZERO;
      List<Expr> divisible = new ArrayList<>();
      for (Expr term : addArgs(base)) {
        Expr q = Exprs.div(term, divisor);
        if (Facts.isInteger(q) == Boolean.TRUE) {
          divisible.add(term);
          quotients = Exprs.add(quotients, q);
        }
      }
      if (!divisible.isEmpty()) {
        Expr rest = Exprs.sub(base, Exprs.add(divisible));
        return Exprs.add(floorDiv(rest, divisor), quotients);
      }
    }
    Expr gcd = simpleFloorDivGcd(base, divisor);
    if (gcd != Exprs.ONE) {
      // (g*a) // (g*b) => a // b
      return floorDiv(
          Exprs.expand(Exprs.div(base, gcd)), Exprs.expand(Exprs.div(divisor, gcd)));
    }
    return null;
  }

  /** sympy's {@code Add.make_args}: the terms of a sum (constant included), or the expression. */
  static List<Expr> addArgs(Expr e) {
    return e instanceof Add a ? a.args() : List.of(e);
  }

  /** sympy's {@code Mul.make_args}. */
  static List<Expr> mulArgs(Expr e) {
    return e instanceof Mul m ? m.args() : List.of(e);
  }

  /**
   * PyTorch's {@code simple_floordiv_gcd}: the integer gcd of all coefficients of {@code p} and
   * {@code q}, times the factors of {@code q} that occur syntactically in every term of {@code p}.
   */
  static Expr simpleFloorDivGcd(Expr p, Expr q) {
    BigInteger g = integerFactor(p).gcd(integerFactor(q));
    Expr gcd = IntLit.of(g);
    if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
      p = Exprs.expand(Exprs.div(p, gcd));
      q = Exprs.expand(Exprs.div(q, gcd));
    }
    List<List<Expr>> baseSplits = new ArrayList<>();
    for (Expr term : addArgs(p)) {
      baseSplits.add(mulArgs(term));
    }
    for (Expr x : mulArgs(q)) {
      if (x instanceof Num) {
        continue; // numbers are in the integer gcd above; a float factor would never shrink
      }
      boolean inAll = true;
      for (List<Expr> split : baseSplits) {
        if (!split.contains(x)) {
          inAll = false;
          break;
        }
      }
      if (inAll) {
        gcd = Exprs.mul(gcd, x);
      }
    }
    return gcd;
  }

  private static BigInteger integerFactor(Expr e) {
    BigInteger g = BigInteger.ZERO;
    for (Expr term : addArgs(e)) {
      BigInteger c = BigInteger.ONE;
      for (Expr f : mulArgs(term)) {
        if (f instanceof IntLit i) {
          c = c.multiply(i.bigValue().abs());
        }
      }
      g = g.gcd(c);
    }
    return g.signum() == 0 ? BigInteger.ONE : g;
  }

  /**
   * A cheap stand-in for sympy's polynomial gcd used by CeilDiv and ModularIndexing: the content
   * gcd when the second argument is an integer, else the syntactic common factors.
   */
  static Expr gcd(Expr a, Expr b) {
    if (b instanceof IntLit bi) {
      if (a instanceof IntLit ai) {
        return IntLit.of(ai.bigValue().gcd(bi.bigValue()));
      }
      BigInteger g = bi.bigValue().abs();
      for (Expr term : addArgs(a)) {
        Num c = Exprs.coefficient(term);
        if (!(c instanceof IntLit ci)) {
          return Exprs.ONE;
        }
        g = g.gcd(ci.bigValue());
      }
      return IntLit.of(g.signum() == 0 ? BigInteger.ONE : g);
    }
    return simpleFloorDivGcd(a, b);
  }

  static Expr ceilDiv(Expr base, Expr divisor) {
    // CeilDiv(a, b) => CleanDiv(a, b) if b divides a, else FloorDiv(a + (b - 1), b)
    if (gcd(base, divisor) == divisor) {
      return cleanDiv(base, divisor);
    }
    return floorDiv(Exprs.add(base, Exprs.sub(divisor, Exprs.ONE)), divisor);
  }

  static Expr mod(Expr p, Expr q) {
    Expr r = reduceMod(p, q, false);
    return r != null ? r : Apply.create(Fn.MOD, p, q);
  }

  static Expr pythonMod(Expr p, Expr q) {
    Expr r = reduceMod(p, q, true);
    return r != null ? r : Apply.create(Fn.PYTHON_MOD, p, q);
  }

  private static Expr reduceMod(Expr p, Expr q, boolean python) {
    if (isZero(q)) {
      throw SymbolicArithmeticError.moduloByZero();
    }
    // p == 0, p == q, p == -q, q == 1 => 0
    if (p == Exprs.ZERO || p == q || p == Exprs.neg(q) || q == Exprs.ONE) {
      return Exprs.ZERO;
    }
    if (p instanceof Num a && q instanceof Num b) {
      return numericMod(a, b);
    }
    if (q == Exprs.TWO) {
      int parity = Facts.parity(p);
      if (parity >= 0) {
        return IntLit.of(parity);
      }
    }
    Expr ratio = Exprs.div(p, q);
    if (Facts.isInteger(ratio) == Boolean.TRUE) {
      return Exprs.ZERO; // a multiple of q
    }
    Expr less = Exprs.lt(p, q);
    if (less == BoolLit.TRUE && Facts.isPositive(ratio) == Boolean.TRUE) {
      return p; // 0 < p < q => p
    }
    return null;
  }

  private static Expr numericMod(Num a, Num b) {
    if (a instanceof IntLit x && b instanceof IntLit y) {
      return IntLit.of(Nums.floorMod(x.bigValue(), y.bigValue()));
    }
    if (a.isInfinite() || b.isInfinite()) {
      return Infinity.NAN;
    }
    double x = a.toDouble();
    double y = b.toDouble();
    double r = x - Math.floor(x / y) * y;
    if (a instanceof FloatLit || b instanceof FloatLit) {
      return FloatLit.of(r);
    }
    // rationals: p/q mod r/s exactly
    Num quotient = IntLit.of(Nums.floorDiv(
        a.numerator().multiply(b.denominator()), b.numerator().multiply(a.denominator())));
    return Nums.sub(a, Nums.mul(quotient, b));
  }

  static Expr modularIndexing(Expr base, Expr divisor, Expr modulus) {
    if (base == Exprs.ZERO || modulus == Exprs.ONE) {
      return Exprs.ZERO;
    }
    if (base instanceof IntLit b && divisor instanceof IntLit d && modulus instanceof IntLit m) {
      BigInteger q = Nums.floorDiv(b.bigValue(), d.bigValue());
      return IntLit.of(Nums.floorMod(q, m.bigValue()));
    }
    if (divisor != Exprs.ONE) {
      Expr g = gcd(base, divisor);
      if (g != Exprs.ONE) {
        return modularIndexing(
            Exprs.expand(Exprs.div(base, g)), Exprs.expand(Exprs.div(divisor, g)), modulus);
      }
    }
    if (base instanceof Add sum) {
      Expr period = Exprs.mul(modulus, divisor);
      List<Expr> kept = new ArrayList<>();
      boolean allPositive = true;
      List<Expr> terms = sum.args();
      for (Expr term : terms) {
        if (gcd(term, period) != period) {
          Num c = Exprs.coefficient(term);
          if (c instanceof IntLit && c.signum() < 0) {
            allPositive = false;
            break;
          }
          kept.add(term);
        }
      }
      if (kept.size() != terms.size() && allPositive) {
        return modularIndexing(Exprs.add(kept), divisor, modulus);
      }
    }
    if (base instanceof Apply a && (a.fn() == Fn.FLOOR_DIV || a.fn() == Fn.CLEAN_DIV)
        && Facts.isPositive(a.arg(1)) == Boolean.TRUE && Facts.isPositive(divisor) == Boolean.TRUE) {
      // ModularIndexing(a // b, d, m) => ModularIndexing(a, b*d, m), for positive b and d
      return modularIndexing(a.arg(0), Exprs.mul(a.arg(1), divisor), modulus);
    }
    return Apply.create(Fn.MODULAR_INDEXING, base, divisor, modulus);
  }
}
