package symtrace.solver.z3;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.FPExpr;
import com.microsoft.z3.FPRMExpr;
import com.microsoft.z3.FPSort;
import com.microsoft.z3.IntExpr;
import com.microsoft.z3.IntNum;
import com.microsoft.z3.RealExpr;
import java.math.BigDecimal;
import java.util.List;
import symtrace.solver.z3.Term.Type;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.RatLit;

/**
 * The conversions between a {@link Term}'s Python types and Z3 sorts that every translation rule
 * shares, with the evaluator's semantics: bools count as 0 and 1, ints become floats by correct
 * rounding, rationals only as literals the evaluator converts exactly.
 */
class Conversions {
  final Context ctx;
  final FPSort f64;
  final FPRMExpr rne;
  final BoolExpr tt;
  final BoolExpr ff;
  final FPExpr fpZero;

  Conversions(Context ctx) {
    this.ctx = ctx;
    this.f64 = ctx.mkFPSortDouble();
    this.rne = ctx.mkFPRoundNearestTiesToEven();
    this.tt = ctx.mkTrue();
    this.ff = ctx.mkFalse();
    this.fpZero = ctx.mkFPZero(f64, false);
  }

  static boolean anyFloat(List<Term> terms) {
    for (Term t : terms) {
      if (t.type() == Type.FLOAT) {
        return true;
      }
    }
    return false;
  }

  static boolean isIntLike(Term t) {
    return t.type() == Type.INT || t.type() == Type.BOOL;
  }

  IntExpr intOf(Term t) {
    if (t.type() == Type.BOOL) {
      return (IntExpr) ctx.mkITE((BoolExpr) t.value(), ctx.mkInt(1), ctx.mkInt(0));
    }
    return (IntExpr) t.value();
  }

  RealExpr realOf(Term t) {
    if (t.type() == Type.RAT) {
      return (RealExpr) t.value();
    }
    return ctx.mkInt2Real(intOf(t));
  }

  FPExpr fpValue(Term t) {
    return (FPExpr) t.value();
  }

  /**
   * The evaluator's {@code toDouble}: ints round to nearest; a rational is translated only as a
   * literal the evaluator's decimal conversion gives exactly (a variable one would round twice).
   */
  FPExpr fp(Term t, Expr where) {
    switch (t.type()) {
      case FLOAT:
        return fpValue(t);
      case RAT:
        if (t.literal() instanceof RatLit r && exactDouble(r)) {
          return ctx.mkFP(r.toDouble(), f64);
        }
        throw new UntranslatableException(where, "a rational converted to a float rounds twice in the evaluator");
      default:
        return ctx.mkFPToFP(rne, ctx.mkInt2Real(intOf(t)), f64);
    }
  }

  /**
   * A float for comparisons' infinity test: as {@link #fp}, but a variable rational is rounded
   * correctly (it can only differ from the evaluator's conversion next to the overflow threshold).
   */
  FPExpr looseFp(Term t) {
    if (t.type() == Type.RAT && !(t.literal() instanceof RatLit r && exactDouble(r))) {
      return ctx.mkFPToFP(rne, realOf(t), f64);
    }
    return fp(t, null);
  }

  static boolean exactDouble(RatLit r) {
    double d = r.toDouble();
    return !Double.isInfinite(d)
        && new BigDecimal(d).multiply(new BigDecimal(r.denominator())).compareTo(new BigDecimal(r.numerator())) == 0;
  }

  BoolExpr nonZero(Term t) {
    if (t.type() == Type.RAT) {
      return ctx.mkNot(ctx.mkEq(realOf(t), ctx.mkReal(0)));
    }
    IntExpr v = intOf(t);
    if (v instanceof IntNum n) {
      return n.getBigInteger().signum() != 0 ? tt : ff;
    }
    return ctx.mkNot(ctx.mkEq(v, ctx.mkInt(0)));
  }

  Term floatTerm(FPExpr v) {
    return new Term(Type.FLOAT, v, tt, null);
  }

  static Term withDefined(Term t, BoolExpr defined) {
    return new Term(t.type(), t.value(), defined, t.literal());
  }

  IntExpr neg(IntExpr x) {
    if (x instanceof IntNum n) {
      return ctx.mkInt(n.getBigInteger().negate().toString());
    }
    return (IntExpr) ctx.mkUnaryMinus(x);
  }

  @SuppressWarnings("unchecked")
  com.microsoft.z3.Expr<?> ite(BoolExpr c, com.microsoft.z3.Expr<?> a, com.microsoft.z3.Expr<?> b) {
    return ctx.mkITE(c, (com.microsoft.z3.Expr<com.microsoft.z3.Sort>) a, (com.microsoft.z3.Expr<com.microsoft.z3.Sort>) b);
  }

  BoolExpr and(BoolExpr a, BoolExpr b) {
    if (a.isTrue() || b.isFalse()) {
      return b;
    }
    if (b.isTrue() || a.isFalse()) {
      return a;
    }
    return ctx.mkAnd(a, b);
  }

  BoolExpr implies(BoolExpr a, BoolExpr b) {
    if (b.isTrue()) {
      return b;
    }
    return ctx.mkImplies(a, b);
  }
}
