package symtrace.solver.z3;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.FPExpr;
import com.microsoft.z3.IntExpr;
import com.microsoft.z3.IntNum;
import com.microsoft.z3.RealExpr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import symtrace.solver.z3.Term.Type;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.IntLit;

/**
 * The arithmetic rules of {@link Z3Translator}: sums and products in the evaluator's order,
 * powers, Python's floor division and modulus, true division, and conversions to int. Each takes
 * translated operands and returns the translated result with its definedness condition.
 */
final class Arithmetic extends Conversions {
  static final int MAX_POWER = 64;

  Arithmetic(Context ctx) {
    super(ctx);
  }

  Term sum(Expr where, List<Term> terms) {
    if (!anyFloat(terms)) {
      return exactFold(terms, true);
    }
    // The evaluator folds left from the int 0; order matters once a float appears.
    Term acc = null;
    BoolExpr defined = tt;
    for (Term t : terms) {
      defined = and(defined, t.defined());
      if (acc == null) {
        // 0 + x: x itself for an exact x; for a float, 0.0 + x (which turns -0.0 into 0.0)
        acc = t.type() == Type.FLOAT ? floatTerm(ctx.mkFPAdd(rne, fpZero, fpValue(t))) : t;
      } else if (acc.type() != Type.FLOAT && t.type() != Type.FLOAT) {
        acc = exactFold(List.of(acc, t), true);
      } else {
        acc = floatTerm(ctx.mkFPAdd(rne, fp(acc, where), fp(t, where)));
      }
    }
    return withDefined(acc, defined);
  }

  Term product(Expr where, List<Term> terms) {
    if (!anyFloat(terms)) {
      return exactFold(terms, false);
    }
    // From the int 1: 1 * x is x exactly, for floats too (IEEE: 1.0 * x == x, signs and nan kept).
    Term acc = null;
    BoolExpr defined = tt;
    for (Term t : terms) {
      defined = and(defined, t.defined());
      if (acc == null) {
        acc = t;
      } else if (acc.type() != Type.FLOAT && t.type() != Type.FLOAT) {
        acc = exactFold(List.of(acc, t), false);
      } else {
        acc = floatTerm(ctx.mkFPMul(rne, fp(acc, where), fp(t, where)));
      }
    }
    return withDefined(acc, defined);
  }

  /** An exact sum or product of ints, rationals and bools (as 0/1). */
  Term exactFold(List<Term> terms, boolean add) {
    boolean rational = false;
    BoolExpr defined = tt;
    for (Term t : terms) {
      rational |= t.type() == Type.RAT;
      defined = and(defined, t.defined());
    }
    if (terms.size() == 1) {
      Term t = terms.get(0);
      return t.type() == Type.BOOL ? new Term(Type.INT, intOf(t), t.defined(), null) : t;
    }
    if (rational) {
      RealExpr[] xs = new RealExpr[terms.size()];
      for (int i = 0; i < xs.length; i++) {
        xs[i] = realOf(terms.get(i));
      }
      RealExpr v = (RealExpr) (add ? ctx.mkAdd(xs) : ctx.mkMul(xs));
      return new Term(Type.RAT, v, defined, null);
    }
    IntExpr[] xs = new IntExpr[terms.size()];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = intOf(terms.get(i));
    }
    IntExpr v = (IntExpr) (add ? ctx.mkAdd(xs) : ctx.mkMul(xs));
    return new Term(Type.INT, v, defined, null);
  }

  Term power(Expr where, Term base, Expr exponent) {
    if (!(exponent instanceof IntLit n) || !n.fitsLong()) {
      throw new UntranslatableException(where, "a power with a symbolic or non-integer exponent");
    }
    if (base.type() == Type.FLOAT) {
      throw new UntranslatableException(where, "a float power (Math.pow) is not an IEEE basic operation");
    }
    long k = n.longValue();
    if (Math.abs(k) > MAX_POWER) {
      throw new UntranslatableException(where, "an exponent above " + MAX_POWER);
    }
    Term p = repeatedProduct(base, (int) Math.abs(k));
    if (k > 0) {
      return p;
    }
    // x**-k == 1/x**k, an exact rational; 0**-k raises ZeroDivisionError.
    RealExpr v = (RealExpr) ctx.mkDiv(ctx.mkReal(1), realOf(p));
    return new Term(Type.RAT, v, and(base.defined(), nonZero(base)), null);
  }

  Term repeatedProduct(Term base, int k) {
    List<Term> copies = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      copies.add(base);
    }
    return exactFold(copies, false);
  }

  Term powByNatural(Expr where, Term base, Expr exponent) {
    if (base.type() != Type.INT && base.type() != Type.BOOL) {
      throw new UntranslatableException(where, "PowByNatural of a non-integer base");
    }
    if (!(exponent instanceof IntLit n) || !n.fitsLong()) {
      throw new UntranslatableException(where, "PowByNatural with a symbolic exponent");
    }
    long k = n.longValue();
    if (k < 0) {
      // ValueError: Exponent must be non-negative.
      return new Term(Type.INT, ctx.mkInt(0), ff, null);
    }
    if (k > MAX_POWER) {
      throw new UntranslatableException(where, "an exponent above " + MAX_POWER);
    }
    if (k == 0) {
      return new Term(Type.INT, ctx.mkInt(1), base.defined(), null);
    }
    return repeatedProduct(base, (int) k);
  }

  Term floorDiv(Expr where, Term a, Term b) {
    BoolExpr defined = and(a.defined(), b.defined());
    if (a.type() == Type.FLOAT || b.type() == Type.FLOAT) {
      // Math.floor(toDouble(a) / toDouble(b)); a zero divisor raises.
      FPExpr fa = fp(a, where);
      FPExpr fb = fp(b, where);
      FPExpr q = ctx.mkFPRoundToIntegral(ctx.mkFPRoundTowardNegative(), ctx.mkFPDiv(rne, fa, fb));
      return new Term(Type.FLOAT, q, and(defined, ctx.mkNot(ctx.mkFPIsZero(fb))), null);
    }
    if (a.type() == Type.RAT || b.type() == Type.RAT) {
      // floor of the exact quotient, an int
      IntExpr q = ctx.mkReal2Int(ctx.mkDiv(realOf(a), realOf(b)));
      return new Term(Type.INT, q, and(defined, nonZero(b)), null);
    }
    return new Term(Type.INT, pyFloorDiv(intOf(a), intOf(b)), and(defined, nonZero(b)), null);
  }

  Term mod(Expr where, Term a, Term b) {
    BoolExpr defined = and(a.defined(), b.defined());
    if (a.type() == Type.FLOAT || b.type() == Type.FLOAT) {
      FPExpr fa = fp(a, where);
      FPExpr fb = fp(b, where);
      return new Term(Type.FLOAT, floatMod(fa, fb), and(defined, ctx.mkNot(ctx.mkFPIsZero(fb))), null);
    }
    if (a.type() == Type.RAT || b.type() == Type.RAT) {
      // a - b * floor(a / b), exact
      RealExpr ra = realOf(a);
      RealExpr rb = realOf(b);
      RealExpr q = ctx.mkInt2Real(ctx.mkReal2Int(ctx.mkDiv(ra, rb)));
      RealExpr r = (RealExpr) ctx.mkSub(ra, ctx.mkMul(rb, q));
      return new Term(Type.RAT, r, and(defined, nonZero(b)), null);
    }
    return new Term(Type.INT, pyMod(intOf(a), intOf(b)), and(defined, nonZero(b)), null);
  }

  /** Python's {@code a // b} on ints from Z3's Euclidean {@code div}. */
  IntExpr pyFloorDiv(IntExpr a, IntExpr b) {
    if (b instanceof IntNum n) {
      int sign = n.getBigInteger().signum();
      // a // b == a div b for b > 0, and (-a) div (-b) for b < 0 (then -b > 0)
      return sign >= 0 ? (IntExpr) ctx.mkDiv(a, b) : (IntExpr) ctx.mkDiv(neg(a), neg(b));
    }
    return (IntExpr) ctx.mkITE(ctx.mkGt(b, ctx.mkInt(0)), ctx.mkDiv(a, b), ctx.mkDiv(neg(a), neg(b)));
  }

  /** Python's {@code a % b} on ints (the divisor's sign) from Z3's Euclidean {@code mod}. */
  IntExpr pyMod(IntExpr a, IntExpr b) {
    if (b instanceof IntNum n) {
      int sign = n.getBigInteger().signum();
      // a % b == a mod b for b > 0, and -((-a) mod (-b)) for b < 0
      return sign >= 0 ? ctx.mkMod(a, b) : neg(ctx.mkMod(neg(a), neg(b)));
    }
    return (IntExpr) ctx.mkITE(ctx.mkGt(b, ctx.mkInt(0)), ctx.mkMod(a, b), neg(ctx.mkMod(neg(a), neg(b))));
  }

  /**
   * The evaluator's float {@code %}: Java's truncated remainder {@code r = x % y} (sign of x),
   * then {@code r += y} when {@code r != 0} and its sign differs from y's.
   */
  FPExpr floatMod(FPExpr x, FPExpr y) {
    // IEEE remainder r0 = x - n*y (n nearest); Java's fmod differs by one |y| when r0 != 0 and
    // its sign differs from x's, and the exact sum r0 +- |y| is representable, so one rounded
    // addition gives it exactly.
    FPExpr r0 = ctx.mkFPRem(x, y);
    BoolExpr wrongSign =
        ctx.mkAnd(ctx.mkNot(ctx.mkFPIsZero(r0)), ctx.mkXor(ctx.mkFPIsNegative(r0), ctx.mkFPIsNegative(x)));
    FPExpr absY = ctx.mkFPAbs(y);
    FPExpr step = (FPExpr) ctx.mkITE(ctx.mkFPIsNegative(x), ctx.mkFPNeg(absY), absY);
    FPExpr fmod = (FPExpr) ctx.mkITE(wrongSign, ctx.mkFPAdd(rne, r0, step), r0);
    // Python's adjustment: (r != 0) is true for nan, (r < 0) false for nan.
    BoolExpr adjust = ctx.mkAnd(ctx.mkNot(ctx.mkFPIsZero(fmod)),
        ctx.mkXor(ctx.mkFPLt(fmod, fpZero), ctx.mkFPLt(y, fpZero)));
    return (FPExpr) ctx.mkITE(adjust, ctx.mkFPAdd(rne, fmod, y), fmod);
  }

  Term trueDiv(Expr where, Term a, Term b) {
    BoolExpr defined = and(a.defined(), b.defined());
    if (isIntLike(a) && isIntLike(b)) {
      // int / int is the correctly rounded exact quotient. Its zero is -0.0 for a negative
      // divisor when the evaluator divides as doubles (both operands below 53 bits: -2**52 <= b);
      // for a wider divisor it divides as BigDecimals, whose zero is +0.0. (Python's 0 / b is
      // -0.0 for every negative b.)
      IntExpr ib = intOf(b);
      RealExpr q = (RealExpr) ctx.mkDiv(realOf(a), realOf(b));
      BoolExpr negativeZero = ctx.mkAnd(ctx.mkEq(intOf(a), ctx.mkInt(0)), ctx.mkLt(ib, ctx.mkInt(0)),
          ctx.mkGe(ib, ctx.mkInt(BigInteger.ONE.shiftLeft(52).negate().toString())));
      FPExpr v = (FPExpr) ctx.mkITE(negativeZero, ctx.mkFPZero(f64, true), ctx.mkFPToFP(rne, q, f64));
      return new Term(Type.FLOAT, v, and(defined, nonZero(b)), null);
    }
    FPExpr fa = fp(a, where);
    FPExpr fb = fp(b, where);
    return new Term(Type.FLOAT, ctx.mkFPDiv(rne, fa, fb), and(defined, ctx.mkNot(ctx.mkFPIsZero(fb))), null);
  }

  enum Rounding {
    FLOOR,
    CEILING,
    DOWN,
    HALF_EVEN
  }

  Term toInt(Expr where, Term x, Rounding mode) {
    switch (x.type()) {
      case INT:
      case BOOL:
        return new Term(Type.INT, intOf(x), x.defined(), null);
      case RAT:
        return new Term(Type.INT, round(realOf(x), mode), x.defined(), null);
      default:
        {
          // nan and infinities raise ValueError
          FPExpr f = fpValue(x);
          BoolExpr finite = ctx.mkNot(ctx.mkOr(ctx.mkFPIsNaN(f), ctx.mkFPIsInfinite(f)));
          IntExpr v = mode == Rounding.HALF_EVEN
              ? ctx.mkReal2Int(ctx.mkFPToReal(ctx.mkFPRoundToIntegral(rne, f)))
              : round(ctx.mkFPToReal(f), mode);
          return new Term(Type.INT, v, and(x.defined(), finite), null);
        }
    }
  }

  IntExpr round(RealExpr r, Rounding mode) {
    IntExpr floor = ctx.mkReal2Int(r);
    switch (mode) {
      case FLOOR:
        return floor;
      case CEILING:
        return neg(ctx.mkReal2Int((RealExpr) ctx.mkUnaryMinus(r)));
      case DOWN:
        return (IntExpr) ctx.mkITE(ctx.mkGe(r, ctx.mkReal(0)), floor,
            neg(ctx.mkReal2Int((RealExpr) ctx.mkUnaryMinus(r))));
      default:
        {
          // half to even: floor + 1 above one half, floor below, the even one at a tie
          RealExpr frac = (RealExpr) ctx.mkSub(r, ctx.mkInt2Real(floor));
          RealExpr half = ctx.mkReal(1, 2);
          IntExpr up = (IntExpr) ctx.mkAdd(floor, ctx.mkInt(1));
          IntExpr tie = (IntExpr) ctx.mkITE(ctx.mkEq(ctx.mkMod(floor, ctx.mkInt(2)), ctx.mkInt(0)), floor, up);
          return (IntExpr) ctx.mkITE(ctx.mkGt(frac, half), up, ctx.mkITE(ctx.mkLt(frac, half), floor, tie));
        }
    }
  }

}
