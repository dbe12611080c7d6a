package symtrace.solver.z3;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.FPExpr;
import com.microsoft.z3.IntExpr;
import symtrace.solver.SymbolDomain;
import symtrace.symbolic.expr.Sym;

/** The formula a {@link SymbolDomain} asserts for one symbol. */
final class Domains {
  private Domains() {}

  static BoolExpr of(SymbolDomain domain, Sym s, Z3Translator translator) {
    Context ctx = translator.context();
    if (domain == SymbolDomain.NONE) {
      return ctx.mkTrue();
    }
    if (s.isIntegerSymbol()) {
      IntExpr x = (IntExpr) translator.symbol(s);
      long lower;
      if (domain == SymbolDomain.SYMTRACE && s.isPositiveSymbol() && s.name().matches("s[0-9]+")) {
        lower = 2; // a backed size: PyTorch specializes 0 and 1
      } else if (s.isPositiveSymbol()) {
        lower = 1;
      } else if (s.isNonNegativeSymbol()) {
        lower = 0;
      } else {
        return ctx.mkTrue();
      }
      return ctx.mkGe(x, ctx.mkInt(lower));
    }
    FPExpr x = (FPExpr) translator.symbol(s);
    BoolExpr finite = ctx.mkNot(ctx.mkOr(ctx.mkFPIsNaN(x), ctx.mkFPIsInfinite(x)));
    FPExpr zero = ctx.mkFPZero(ctx.mkFPSortDouble(), false);
    if (s.isPositiveSymbol()) {
      return ctx.mkAnd(finite, ctx.mkFPGt(x, zero));
    }
    if (s.isNonNegativeSymbol()) {
      return ctx.mkAnd(finite, ctx.mkFPGEq(x, zero));
    }
    return finite;
  }
}
