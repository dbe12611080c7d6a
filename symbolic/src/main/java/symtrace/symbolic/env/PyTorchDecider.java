package symtrace.symbolic.env;

import java.util.HashMap;
import java.util.Map;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Infinity;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Num;
import symtrace.symbolic.expr.Nums;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.range.Bounds;
import symtrace.symbolic.range.ValueRange;

/**
 * PyTorch's static evaluation ({@code _maybe_evaluate_static_worker}), the default decider.
 *
 * <p>Question: is the (simplified, canonicalized, axiom-substituted) expression a constant under
 * the symbols' ranges? Rule: every integer symbol {@code s} with a finite lower bound {@code L}
 * is re-based as {@code k + (L - 1)} for a fresh positive integer {@code k} with the shifted
 * range, so that construction's sign rules see the bound ({@code s0 >= 5} becomes {@code k + 4 >=
 * 5}, i.e. {@code True}); the result is expanded and canonicalized; a number is the answer;
 * otherwise interval arithmetic ({@link Bounds#bound}) over the shifted ranges answers when it
 * gives a single value. Sound because each step is an identity for values inside the ranges.
 * Stateless; costs one substitution, one expansion and one bound.
 */
public final class PyTorchDecider implements StaticDecider {
  private static final IntLit SIZE_OBLIVIOUS_CAP = IntLit.of(1L << 48);

  @Override
  public Expr decide(ShapeEnv env, Expr expr, boolean sizeOblivious) {
    Map<Sym, Expr> shift = new HashMap<>();
    Map<Sym, ValueRange> ranges = new HashMap<>();
    int index = 0;
    for (Sym k : expr.freeSymbols()) {
      ValueRange vr = env.range(k);
      if (vr == null) {
        vr = Bounds.defaultRange(k);
      }
      Expr lower = vr.lower();
      Expr upper = vr.upper();
      if (sizeOblivious && env.isSizeLike(k)) {
        if (lower instanceof IntLit l && l.longValue() < 2) {
          lower = IntLit.of(2);
        }
        if (upper == Infinity.INT_OO || (upper instanceof IntLit u && Nums.compare(u, SIZE_OBLIVIOUS_CAP) > 0)) {
          upper = Nums.sub(SIZE_OBLIVIOUS_CAP, IntLit.of(1));
        }
        vr = ValueRange.of(lower, upper);
      }
      if (!(lower instanceof IntLit low) || !vr.isInt() || !k.isIntegerSymbol()) {
        ranges.put(k, vr);
        continue;
      }
      Sym fresh = Sym.size("evaluate_static_shape_" + index++);
      Num offset = Nums.sub(low, IntLit.of(1));
      shift.put(k, Exprs.add(fresh, offset));
      Expr shiftedUpper = upper instanceof Num u ? Nums.sub(u, offset) : upper;
      ranges.put(fresh, ValueRange.of(IntLit.of(1), shiftedUpper));
    }
    Expr rebased = BooleanForms.canonicalize(Exprs.expand(expr.subs(shift)));
    if (rebased instanceof Num || rebased instanceof BoolLit) {
      return rebased;
    }
    ValueRange out = Bounds.bound(rebased, ranges);
    if (out.isSingleton()) {
      return out.lower();
    }
    return null;
  }
}
