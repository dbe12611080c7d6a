package symtrace.symbolic.range;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import symtrace.symbolic.expr.Add;
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.ExprVisitor;
import symtrace.symbolic.expr.FloatLit;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.Infinity;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Mul;
import symtrace.symbolic.expr.Num;
import symtrace.symbolic.expr.Pow;
import symtrace.symbolic.expr.RatLit;
import symtrace.symbolic.expr.Sym;

/**
 * Bounds an expression by interval arithmetic: PyTorch's {@code bound_sympy}, which interprets a
 * sympy expression with {@code SymPyValueRangeAnalysis} ({@code torch/utils/_sympy/interp.py}).
 *
 * <p><b>Question and answer.</b> Given a range for each symbol, {@link #bound} returns a {@link
 * ValueRange} holding the value of the expression at every assignment of the symbols inside their
 * ranges: an integer, float or boolean range after the expression's type.
 *
 * <p><b>Soundness.</b> The range is never too narrow: at every such assignment at which the
 * expression is defined (no division or modulo by zero, a natural exponent for {@code
 * PowByNatural}, a non-negative shift count), its value as {@link symtrace.symbolic.eval.Evaluator}
 * computes it lies in the range. The range may be wider than the true image: arguments are bounded
 * independently, so {@code Max(s0, s1) - s0} with both in {@code [0, 5]} is bounded by {@code [-5,
 * 5]}. {@link ValueRange#unknown()} is always a correct answer.
 *
 * <p><b>Rules.</b> Each node is bounded from its arguments' ranges by a transfer function: {@link
 * RangeArithmetic} ({@code Add}, {@code Mul}, divisions, {@code Mod}, powers, {@code Min}, {@code
 * Max}, {@code Abs}), {@link RangeFunctions} (conversions, rounding, float math, bitwise functions)
 * and {@link RangeLogic} (relations, connectives, {@code Piecewise}). Sums, products, {@code Min},
 * {@code Max}, {@code And} and {@code Or} fold left over their arguments in {@link Expr#args()}
 * order, the order in which the evaluator computes them. A power {@code x**n} with a natural
 * exponent is {@code PowByNatural}, {@code x**(1/2)} a square root, any other power unknown. A
 * function without a rule ({@code IsNonOverlappingAndDenseIndicator}, {@code FloatPow}) is unknown
 * of its result type.
 *
 * <p><b>Symbols without a range</b> get PyTorch's defaults from their assumptions ({@link
 * #defaultRange}): a positive integer {@code [1, int_oo]}, a non-negative integer {@code [0,
 * int_oo]}, another integer {@code [-int_oo, int_oo]}, anything else {@code [-oo, oo]}.
 *
 * <p><b>Cost.</b> One transfer function per distinct subexpression (shared subexpressions are
 * bounded once per call); there is no state between calls and no cache to invalidate.
 */
public final class Bounds {
  private static final Num HALF = RatLit.of(1, 2);

  private Bounds() {}

  /** Bounds {@code e} with every symbol at its {@link #defaultRange}. */
  public static ValueRange bound(Expr e) {
    return bound(e, Map.of());
  }

  /**
   * Bounds {@code e} with the symbols in {@code ranges} at their ranges and the others at their
   * {@link #defaultRange}: PyTorch's {@code bound_sympy(e, ranges)}. PyTorch also merges in the
   * ranges of an ambient tracing context's {@code ShapeEnv}; here the caller passes them.
   */
  public static ValueRange bound(Expr e, Map<Sym, ValueRange> ranges) {
    return new Interpreter(ranges).range(e);
  }

  /**
   * PyTorch's range for a symbol it has no range for: {@code [1, int_oo]} for a positive integer,
   * {@code [0, int_oo]} for a non-negative integer, {@code [-int_oo, int_oo]} for another integer,
   * {@code [-oo, oo]} otherwise.
   */
  public static ValueRange defaultRange(Sym s) {
    if (!s.isIntegerSymbol()) {
      return ValueRange.unknown();
    }
    if (s.isPositiveSymbol()) {
      return ValueRange.of(IntLit.of(1), Infinity.INT_OO);
    }
    if (s.isNonNegativeSymbol()) {
      return ValueRange.of(IntLit.of(0), Infinity.INT_OO);
    }
    return ValueRange.unknownInt();
  }

  /** The unknown range of a function's result type. */
  private static ValueRange unknownOf(Fn.Type type) {
    switch (type) {
      case INT:
        return ValueRange.unknownInt();
      case BOOL:
        return ValueRange.unknownBool();
      default:
        return ValueRange.unknown();
    }
  }

  /** One bounding run: the symbol ranges and the ranges of the subexpressions seen so far. */
  private static final class Interpreter implements ExprVisitor<ValueRange> {
    private final Map<Sym, ValueRange> ranges;
    private final Map<Expr, ValueRange> seen = new IdentityHashMap<>();

    Interpreter(Map<Sym, ValueRange> ranges) {
      this.ranges = ranges;
    }

    ValueRange range(Expr e) {
      ValueRange r = seen.get(e);
      if (r == null) {
        r = e.accept(this);
        seen.put(e, r);
      }
      return r;
    }

    private ValueRange fold(List<Expr> args, BinaryOperator<ValueRange> op) {
      ValueRange acc = range(args.get(0));
      for (int i = 1; i < args.size(); i++) {
        acc = op.apply(acc, range(args.get(i)));
      }
      return acc;
    }

    private ValueRange constant(Num n) {
      return n.isNaN() ? ValueRange.unknown() : ValueRange.singleton(n);
    }

    @Override
    public ValueRange visitInt(IntLit e) {
      return constant(e);
    }

    @Override
    public ValueRange visitRat(RatLit e) {
      return constant(e);
    }

    @Override
    public ValueRange visitFloat(FloatLit e) {
      return constant(e);
    }

    @Override
    public ValueRange visitInfinity(Infinity e) {
      return constant(e);
    }

    @Override
    public ValueRange visitSym(Sym e) {
      ValueRange r = ranges.get(e);
      return r != null ? r : defaultRange(e);
    }

    @Override
    public ValueRange visitBool(BoolLit e) {
      return ValueRange.singleton(e);
    }

    @Override
    public ValueRange visitAdd(Add e) {
      return fold(e.args(), RangeArithmetic::add);
    }

    @Override
    public ValueRange visitMul(Mul e) {
      return fold(e.args(), RangeArithmetic::mul);
    }

    @Override
    public ValueRange visitPow(Pow e) {
      Expr exp = e.exponent();
      if (exp == HALF) {
        return RangeFunctions.powHalf(range(e.base()));
      }
      // interp.py: an integer, non-negative exponent is pow_by_natural, anything else pow.
      if (exp.isInteger() == Boolean.TRUE && exp.isNonNegative() == Boolean.TRUE) {
        return RangeArithmetic.powByNatural(range(e.base()), range(exp));
      }
      return RangeArithmetic.pow(range(e.base()), range(exp));
    }

    @Override
    public ValueRange visitApply(Apply e) {
      Fn fn = e.fn();
      List<Expr> args = e.args();
      switch (fn) {
        case FLOOR_DIV:
        case CLEAN_DIV:
          return RangeArithmetic.floorDiv(range(args.get(0)), range(args.get(1)));
        case MOD:
          return RangeArithmetic.mod(range(args.get(0)), range(args.get(1)));
        case PYTHON_MOD:
          return RangeArithmetic.pythonMod(range(args.get(0)), range(args.get(1)));
        case MODULAR_INDEXING:
          return RangeArithmetic.modularIndexing(
              range(args.get(0)), range(args.get(1)), range(args.get(2)));
        case INT_TRUE_DIV:
          return RangeArithmetic.intTrueDiv(range(args.get(0)), range(args.get(1)));
        case FLOAT_TRUE_DIV:
          return RangeArithmetic.trueDiv(range(args.get(0)), range(args.get(1)));
        case POW_BY_NATURAL:
          return RangeArithmetic.powByNatural(range(args.get(0)), range(args.get(1)));
        case FLOAT_POW:
          return RangeArithmetic.pow(range(args.get(0)), range(args.get(1)));
        case LSHIFT:
          // a << b == a * 2**b
          return RangeArithmetic.mul(range(args.get(0)), powerOfTwo(args.get(1)));
        case RSHIFT:
          // a >> b == a // 2**b
          return RangeArithmetic.floorDiv(range(args.get(0)), powerOfTwo(args.get(1)));
        case MAX:
          return fold(args, RangeArithmetic::maximum);
        case MIN:
          return fold(args, RangeArithmetic::minimum);
        case ABS:
          return RangeArithmetic.abs(range(args.get(0)));
        case IDENTITY:
          return RangeArithmetic.identity(range(args.get(0)));
        case BITWISE_AND:
          return RangeFunctions.bitwiseAnd(range(args.get(0)), range(args.get(1)));
        case BITWISE_OR:
          return RangeFunctions.bitwiseOr(range(args.get(0)), range(args.get(1)));
        case BITWISE_XOR:
          return RangeFunctions.bitwiseXor(range(args.get(0)), range(args.get(1)));
        default:
          return applyConversionOrLogic(fn, args);
      }
    }

    private ValueRange powerOfTwo(Expr shift) {
      return RangeArithmetic.powByNatural(ValueRange.singleton(2), range(shift));
    }

    private ValueRange applyConversionOrLogic(Fn fn, List<Expr> args) {
      switch (fn) {
        case TO_FLOAT:
          return RangeFunctions.toFloat(range(args.get(0)));
        case TRUNC_TO_INT:
          return RangeFunctions.truncToInt(range(args.get(0)));
        case FLOOR_TO_INT:
        case FLOOR:
          return RangeFunctions.floorToInt(range(args.get(0)));
        case CEIL_TO_INT:
        case CEILING:
          return RangeFunctions.ceilToInt(range(args.get(0)));
        case ROUND_TO_INT:
          return RangeFunctions.roundToInt(range(args.get(0)));
        case ROUND_DECIMAL:
          return RangeFunctions.roundDecimal(range(args.get(0)), range(args.get(1)));
        case TRUNC_TO_FLOAT:
          return RangeFunctions.truncToFloat(range(args.get(0)));
        case OPAQUE_SQRT:
          return RangeFunctions.sqrt(range(args.get(0)));
        case OPAQUE_EXP:
          return RangeFunctions.exp(range(args.get(0)));
        case OPAQUE_LOG:
          return RangeFunctions.log(range(args.get(0)));
        case OPAQUE_LOG2:
          return RangeFunctions.log2(range(args.get(0)));
        case OPAQUE_SIN:
          return RangeFunctions.sin(range(args.get(0)));
        case OPAQUE_COS:
          return RangeFunctions.cos(range(args.get(0)));
        case OPAQUE_TAN:
        case OPAQUE_TANH:
          return RangeFunctions.tan(range(args.get(0)));
        case EQ:
          return RangeLogic.eq(range(args.get(0)), range(args.get(1)));
        case NE:
          return RangeLogic.ne(range(args.get(0)), range(args.get(1)));
        case LT:
          return RangeLogic.lt(range(args.get(0)), range(args.get(1)));
        case LE:
          return RangeLogic.le(range(args.get(0)), range(args.get(1)));
        case GT:
          return RangeLogic.gt(range(args.get(0)), range(args.get(1)));
        case GE:
          return RangeLogic.ge(range(args.get(0)), range(args.get(1)));
        case AND:
          return fold(args, RangeLogic::and);
        case OR:
          return fold(args, RangeLogic::or);
        case NOT:
          return RangeLogic.not(range(args.get(0)));
        case PIECEWISE:
          return piecewise(args);
        default:
          // IsNonOverlappingAndDenseIndicator and anything without a rule.
          return unknownOf(fn.resultType());
      }
    }

    /** {@code Piecewise} is stored flat: {@code e1, c1, e2, c2, ...}. */
    private ValueRange piecewise(List<Expr> args) {
      List<ValueRange> values = new ArrayList<>();
      List<ValueRange> conditions = new ArrayList<>();
      for (int i = 0; i + 1 < args.size(); i += 2) {
        values.add(range(args.get(i)));
        conditions.add(range(args.get(i + 1)));
      }
      return RangeLogic.piecewise(values, conditions);
    }
  }
}
