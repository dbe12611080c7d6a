package symtrace.symbolic.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Dispatch from a {@link Fn} to its construction rules, and the rules of the small functions:
 * float conversions, rounding, powers, bitwise functions and shifts, {@code Abs}, {@code floor}
 * and {@code ceiling}, the layout indicator and the opaque float functions. Each only folds
 * numbers unless noted, as in PyTorch's {@code functions.py}.
 */
final class FunctionRules {
  private static final BigInteger SYS_MAXSIZE = BigInteger.valueOf(Long.MAX_VALUE);

  private FunctionRules() {}

  static Expr apply(Fn fn, List<? extends Expr> args) {
    if (fn.arity() >= 0 && args.size() != fn.arity()) {
      throw new SymbolicArithmeticError(
          "TypeError",
          fn.sympyName() + " takes exactly " + fn.arity() + " argument"
              + (fn.arity() == 1 ? "" : "s") + " (" + args.size() + " given)");
    }
    switch (fn) {
      case FLOOR_DIV:
        return DivisionRules.floorDiv(args.get(0), args.get(1));
      case CLEAN_DIV:
        return DivisionRules.cleanDiv(args.get(0), args.get(1));
      case MOD:
        return DivisionRules.mod(args.get(0), args.get(1));
      case PYTHON_MOD:
        return DivisionRules.pythonMod(args.get(0), args.get(1));
      case MODULAR_INDEXING:
        return DivisionRules.modularIndexing(args.get(0), args.get(1), args.get(2));
      case MAX:
      case MIN:
        return MinMaxRules.create(fn, args);
      case EQ:
      case NE:
      case LT:
      case LE:
      case GT:
      case GE:
        return RelationRules.create(fn, args.get(0), args.get(1));
      case AND:
        return LogicRules.and(args);
      case OR:
        return LogicRules.or(args);
      case NOT:
        return LogicRules.not(args.get(0));
      case PIECEWISE:
        return LogicRules.piecewise(args);
      default:
        Expr r = reduce(fn, args);
        return r != null ? r : Apply.create(fn, args.toArray(new Expr[0]));
    }
  }

  private static boolean isZero(Expr e) {
    return e instanceof Num n && !n.isNaN() && n.signum() == 0;
  }

  private static Expr reduce(Fn fn, List<? extends Expr> args) {
    Expr a = args.get(0);
    switch (fn) {
      case TO_FLOAT:
        if (a == Infinity.OO || a == Infinity.NEG_OO) {
          return a;
        }
        if (a instanceof IntLit i) {
          return FloatLit.of(i.toDouble());
        }
        if (a == Infinity.INT_OO) {
          return Infinity.OO;
        }
        if (a == Infinity.NEG_INT_OO) {
          return Infinity.NEG_OO;
        }
        return null;
      case TRUNC_TO_INT:
        return toInt(a, RoundingMode.DOWN, true);
      case FLOOR_TO_INT:
        return toInt(a, RoundingMode.FLOOR, true);
      case CEIL_TO_INT:
        return toInt(a, RoundingMode.CEILING, true);
      case ROUND_TO_INT:
        return toInt(a, RoundingMode.HALF_EVEN, false);
      case TRUNC_TO_FLOAT:
        if (a instanceof Num n && !n.isInfinite()) {
          return FloatLit.of(n.toDouble() < 0 ? Math.ceil(n.toDouble()) : Math.floor(n.toDouble()));
        }
        return null;
      case ROUND_DECIMAL:
        if (a instanceof Num n && !n.isInfinite() && args.get(1) instanceof IntLit d) {
          BigDecimal exact = new BigDecimal(n.toDouble());
          return FloatLit.of(
              exact.setScale((int) d.longValue(), RoundingMode.HALF_EVEN).doubleValue());
        }
        return null;
      case FLOOR:
      case CEILING:
        return floorOrCeiling(fn, a);
      case INT_TRUE_DIV:
        return trueDiv(a, args.get(1), true);
      case FLOAT_TRUE_DIV:
        return trueDiv(a, args.get(1), false);
      case POW_BY_NATURAL:
        return powByNatural(a, args.get(1));
      case FLOAT_POW:
        if (a instanceof Num b && args.get(1) instanceof Num e) {
          return FloatLit.of(Math.pow(b.toDouble(), e.toDouble()));
        }
        return null;
      case BITWISE_AND:
      case BITWISE_OR:
      case BITWISE_XOR:
        if (a instanceof IntLit x && args.get(1) instanceof IntLit y) {
          BigInteger p = x.bigValue();
          BigInteger q = y.bigValue();
          return IntLit.of(fn == Fn.BITWISE_AND ? p.and(q) : fn == Fn.BITWISE_OR ? p.or(q) : p.xor(q));
        }
        return null;
      case LSHIFT:
        checkShift(args.get(1));
        return Exprs.mul(a, Exprs.pow(Exprs.TWO, args.get(1)));
      case RSHIFT:
        checkShift(args.get(1));
        return DivisionRules.floorDiv(a, Exprs.pow(Exprs.TWO, args.get(1)));
      case ABS:
        return abs(a);
      case IS_NON_OVERLAPPING_AND_DENSE:
        return nonOverlappingAndDense(args);
      case IDENTITY:
        return null;
      default:
        if (fn.isOpaqueUnary()) {
          return opaque(fn, a);
        }
        return null;
    }
  }

  private static Expr toInt(Expr a, RoundingMode mode, boolean integerInfinities) {
    if (a == Infinity.OO || a == Infinity.INT_OO) {
      return Infinity.INT_OO;
    }
    if (a == Infinity.NEG_OO || a == Infinity.NEG_INT_OO) {
      return Infinity.NEG_INT_OO;
    }
    if (a instanceof IntLit) {
      return a;
    }
    if (a instanceof Num n && !n.isNaN()) {
      BigDecimal exact = n instanceof RatLit
          ? new BigDecimal(n.numerator()).divide(new BigDecimal(n.denominator()), MathContext.DECIMAL128)
          : new BigDecimal(n.toDouble());
      return IntLit.of(exact.setScale(0, mode).toBigIntegerExact());
    }
    return null;
  }

  private static Expr floorOrCeiling(Fn fn, Expr a) {
    if (a instanceof Num) {
      return toInt(a, fn == Fn.FLOOR ? RoundingMode.FLOOR : RoundingMode.CEILING, true);
    }
    if (Facts.isInteger(a) == Boolean.TRUE) {
      return a; // floor(n) => n for an integer n
    }
    if (a instanceof Add sum) {
      // floor(x + n) => floor(x) + n for integer terms n
      List<Expr> integral = new ArrayList<>();
      List<Expr> rest = new ArrayList<>();
      for (Expr t : sum.args()) {
        (Facts.isInteger(t) == Boolean.TRUE ? integral : rest).add(t);
      }
      if (!integral.isEmpty() && !rest.isEmpty()) {
        return Exprs.add(Apply.create(fn, Exprs.add(rest)), Exprs.add(integral));
      }
    }
    return null;
  }

  private static Expr trueDiv(Expr a, Expr b, boolean intDiv) {
    if (isZero(b)) {
      throw SymbolicArithmeticError.divisionByZero();
    }
    if (a instanceof Num x && b instanceof Num y) {
      if (intDiv && !(x.isInfinite() || y.isInfinite())) {
        if (x instanceof IntLit p && y instanceof IntLit q) {
          return FloatLit.of(exactQuotient(p.bigValue(), q.bigValue()));
        }
        return null;
      }
      return FloatLit.of(x.toDouble() / y.toDouble());
    }
    return null;
  }

  /** Python's int/int: the correctly rounded quotient. */
  static double exactQuotient(BigInteger p, BigInteger q) {
    if (p.bitLength() < 53 && q.bitLength() < 53) {
      return (double) p.longValue() / (double) q.longValue();
    }
    return new BigDecimal(p).divide(new BigDecimal(q), new MathContext(40)).doubleValue();
  }

  private static Expr powByNatural(Expr base, Expr exp) {
    if (base instanceof IntLit b && exp instanceof IntLit e) {
      return safePow(b.bigValue(), e.bigValue());
    }
    if (exp instanceof IntLit) {
      return Exprs.pow(base, exp); // an integer exponent becomes a plain power
    }
    if (exp == Infinity.INT_OO || exp == Infinity.OO) {
      if (Facts.isNonNegative(base) == Boolean.TRUE) {
        return Infinity.INT_OO;
      }
    }
    return null;
  }

  /** PyTorch's {@code safe_pow}: a result past {@code sys.maxsize} is {@code int_oo}. */
  static Expr safePow(BigInteger base, BigInteger exp) {
    if (exp.signum() < 0) {
      throw new SymbolicArithmeticError("ValueError", "Exponent must be non-negative.");
    }
    int sign = 1;
    if (base.signum() < 0) {
      base = base.negate();
      sign = exp.testBit(0) ? -1 : 1;
    }
    if (base.compareTo(BigInteger.ONE) <= 0) {
      return IntLit.of(base.signum() == 0 && exp.signum() > 0 ? BigInteger.ZERO
          : base.signum() == 0 ? BigInteger.ONE : BigInteger.valueOf(sign));
    }
    if (exp.bitLength() > 31 || (long) base.bitLength() * exp.longValue() > 64) {
      BigInteger r = exp.bitLength() > 31 ? null : base.pow(exp.intValue());
      if (r == null || r.compareTo(SYS_MAXSIZE) > 0) {
        return sign > 0 ? Infinity.INT_OO : Infinity.NEG_INT_OO;
      }
      return IntLit.of(sign > 0 ? r : r.negate());
    }
    BigInteger r = base.pow(exp.intValue());
    if (r.compareTo(SYS_MAXSIZE) > 0) {
      return sign > 0 ? Infinity.INT_OO : Infinity.NEG_INT_OO;
    }
    return IntLit.of(sign > 0 ? r : r.negate());
  }

  private static void checkShift(Expr shift) {
    if (shift instanceof Num n && !n.isNaN() && n.signum() < 0) {
      throw new SymbolicArithmeticError("ValueError", "negative shift count");
    }
  }

  private static Expr abs(Expr a) {
    if (a instanceof Num n) {
      return n.signum() < 0 ? Nums.neg(n) : n;
    }
    if (Facts.isNonNegative(a) == Boolean.TRUE) {
      return a;
    }
    if (Facts.isNonPositive(a) == Boolean.TRUE) {
      return Exprs.neg(a);
    }
    if (couldExtractMinusSign(a)) {
      return Exprs.apply(Fn.ABS, Exprs.neg(a)); // Abs(-x) => Abs(x)
    }
    return null;
  }

  /**
   * sympy's {@code could_extract_minus_sign}: a term with a negative coefficient; a sum with more
   * negative than positive terms, or as many and a smaller sort key than its negation (so {@code
   * Abs(s1 - s0)} becomes {@code Abs(s0 - s1)}).
   */
  static boolean couldExtractMinusSign(Expr a) {
    if (a instanceof Add add) {
      int negative = 0;
      for (Expr term : add.args()) {
        if (couldExtractMinusSign(term)) {
          negative++;
        }
      }
      int positive = add.args().size() - negative;
      if (positive != negative) {
        return negative > positive;
      }
      return ExprOrder.compare(a, Exprs.neg(a)) < 0;
    }
    return Exprs.coefficient(a).signum() < 0;
  }

  private static Expr nonOverlappingAndDense(List<? extends Expr> args) {
    if (args.size() % 2 != 0) {
      throw new IllegalArgumentException("IsNonOverlappingAndDenseIndicator needs sizes and strides");
    }
    int dim = args.size() / 2;
    List<? extends Expr> sizes = args.subList(0, dim);
    List<? extends Expr> strides = args.subList(dim, args.size());
    if (allIntegers(args)) {
      return IntLit.of(isNonOverlappingAndDense(longs(sizes), longs(strides)) ? 1 : 0);
    }
    if (dim == 1) {
      if (strides.get(0) == Exprs.ONE) {
        return Exprs.ONE;
      }
      if (sizes.get(0) instanceof IntLit s && s.signum() >= 0 && s.bigValue().compareTo(BigInteger.TWO) < 0) {
        return Exprs.ONE;
      }
    }
    if (dim > 0 && allIntegers(strides)) {
      long[] st = longs(strides);
      Integer[] order = new Integer[dim];
      for (int i = 0; i < dim; i++) {
        order[i] = i;
      }
      java.util.Arrays.sort(order, (x, y) -> Long.compare(st[x], st[y]));
      long[] sortedSizes = new long[dim];
      long[] sortedStrides = new long[dim];
      for (int i = 0; i < dim; i++) {
        sortedStrides[i] = st[order[i]];
        if (i < dim - 1) {
          if (!(sizes.get(order[i]) instanceof IntLit si)) {
            return null;
          }
          sortedSizes[i] = si.longValue();
        } else {
          sortedSizes[i] = 42; // the largest-stride size does not matter
        }
      }
      return IntLit.of(isNonOverlappingAndDense(sortedSizes, sortedStrides) ? 1 : 0);
    }
    return null;
  }

  private static boolean allIntegers(List<? extends Expr> xs) {
    for (Expr x : xs) {
      if (!(x instanceof IntLit i) || !i.fitsLong()) {
        return false;
      }
    }
    return true;
  }

  private static long[] longs(List<? extends Expr> xs) {
    long[] r = new long[xs.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = ((IntLit) xs.get(i)).longValue();
    }
    return r;
  }

  /** PyTorch's {@code eval_is_non_overlapping_and_dense}. */
  static boolean isNonOverlappingAndDense(long[] sizes, long[] strides) {
    int dim = sizes.length;
    if (dim == 1) {
      return strides[0] == 1 || sizes[0] < 2;
    }
    Integer[] order = new Integer[dim];
    for (int i = 0; i < dim; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (x, y) -> Long.compare(strides[x], strides[y]));
    long expected = 1;
    for (int k = 0; k < dim; k++) {
      int i = order[k];
      if (sizes[i] == 1) {
        continue;
      }
      if (strides[i] != expected) {
        return false;
      }
      expected *= sizes[i];
    }
    return true;
  }

  private static Expr opaque(Fn fn, Expr a) {
    if (a instanceof IntLit || a instanceof FloatLit) {
      double x = ((Num) a).toDouble();
      return FloatLit.of(OpaqueFunctions.apply(fn, x));
    }
    return null;
  }
}
