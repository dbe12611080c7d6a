package symtrace.symbolic.eval;

import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import symtrace.symbolic.SymtraceException;
import symtrace.symbolic.expr.Add;
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.FloatLit;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.Infinity;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Mul;
import symtrace.symbolic.expr.OpaqueFunctions;
import symtrace.symbolic.expr.Pow;
import symtrace.symbolic.expr.RatLit;
import symtrace.symbolic.expr.Sym;

/**
 * Evaluates an expression at concrete values with Python's semantics, independently of the
 * construction rules (so tests can check those rules against it).
 *
 * <p>Values are Python's: {@code Long}/{@code BigInteger} for int, {@code Double} for float,
 * {@code Boolean} for bool, and {@link Fraction} for sympy's exact rationals. {@code FloorDiv}
 * floors, {@code Mod} and {@code PythonMod} take the divisor's sign, {@code IntTrueDiv} is
 * Python's correctly rounded int/int, ints never overflow. A Python error (division by zero)
 * raises {@link symtrace.symbolic.expr.SymbolicArithmeticError}.
 *
 * <p>{@link #evaluateLong} is the allocation-free fast path for integer expressions (hints): it
 * answers when every intermediate value is an int that fits in a {@code long}.
 */
public final class Evaluator {
  private Evaluator() {}

  /** Evaluates {@code e} with each symbol bound by {@code values} (Long, Double, Boolean, ...). */
  public static Object evaluate(Expr e, Map<Sym, ?> values) {
    return new Run(values).eval(e);
  }

  /**
   * Evaluates an integer expression with {@code long} arithmetic; throws {@link
   * ArithmeticException} when a value does not fit or is not an int (then call {@link
   * #evaluate}).
   */
  public static long evaluateLong(Expr e, ToLongFunction<Sym> values) {
    switch (e.kind()) {
      case INTEGER:
        return ((IntLit) e).longValue();
      case SYMBOL:
        return values.applyAsLong((Sym) e);
      case ADD:
        {
          Add a = (Add) e;
          long r = a.constant() instanceof IntLit c ? c.longValue() : notLong();
          for (Expr t : a.terms()) {
            r = Math.addExact(r, evaluateLong(t, values));
          }
          return r;
        }
      case MUL:
        {
          Mul m = (Mul) e;
          long r = m.coefficient() instanceof IntLit c ? c.longValue() : notLong();
          for (Expr f : m.factors()) {
            r = Math.multiplyExact(r, evaluateLong(f, values));
          }
          return r;
        }
      case POW:
        {
          Pow p = (Pow) e;
          if (!(p.exponent() instanceof IntLit n) || n.signum() < 0) {
            return notLong();
          }
          long base = evaluateLong(p.base(), values);
          long r = 1;
          for (long i = n.longValue(); i > 0; i--) {
            r = Math.multiplyExact(r, base);
          }
          return r;
        }
      case APPLY:
        return applyLong((Apply) e, values);
      default:
        return notLong();
    }
  }

  private static long applyLong(Apply a, ToLongFunction<Sym> values) {
    switch (a.fn()) {
      case FLOOR_DIV:
      case CLEAN_DIV:
        {
          long x = evaluateLong(a.arg(0), values);
          long y = evaluateLong(a.arg(1), values);
          if (y == 0) {
            throw PyMath.zeroDivision();
          }
          return Math.floorDiv(x, y);
        }
      case MOD:
      case PYTHON_MOD:
        {
          long x = evaluateLong(a.arg(0), values);
          long y = evaluateLong(a.arg(1), values);
          if (y == 0) {
            throw PyMath.moduloByZero();
          }
          return Math.floorMod(x, y);
        }
      case MAX:
      case MIN:
        {
          long r = evaluateLong(a.arg(0), values);
          for (int i = 1; i < a.arity(); i++) {
            long v = evaluateLong(a.arg(i), values);
            r = a.fn() == Fn.MAX ? Math.max(r, v) : Math.min(r, v);
          }
          return r;
        }
      default:
        Object v = evaluate(a, new SymLongMap(values));
        if (v instanceof Long l) {
          return l;
        }
        return notLong();
    }
  }

  private static long notLong() {
    throw new ArithmeticException("not a long");
  }

  /** Adapts a long binding function to the general evaluator's map. */
  private static final class SymLongMap extends java.util.AbstractMap<Sym, Object> {
    private final ToLongFunction<Sym> values;

    SymLongMap(ToLongFunction<Sym> values) {
      this.values = values;
    }

    @Override
    public Object get(Object key) {
      return values.applyAsLong((Sym) key);
    }

    @Override
    public java.util.Set<Entry<Sym, Object>> entrySet() {
      throw new UnsupportedOperationException("bindings are looked up, not listed");
    }
  }

  private static final class Run {
    private final Map<Sym, ?> values;

    Run(Map<Sym, ?> values) {
      this.values = values;
    }

    Object eval(Expr e) {
      switch (e.kind()) {
        case INTEGER:
          return PyMath.normalize(((IntLit) e).bigValue());
        case RATIONAL:
          return new Fraction(((RatLit) e).numerator(), ((RatLit) e).denominator());
        case FLOAT:
          return ((FloatLit) e).value();
        case INFINITY:
          return ((Infinity) e).toDouble();
        case BOOLEAN:
          return ((BoolLit) e).value();
        case SYMBOL:
          {
            Object v = values.get(e);
            if (v == null) {
              throw new SymtraceException("no value for symbol " + e);
            }
            if (v instanceof Integer i) {
              return (long) i;
            }
            if (v instanceof BigInteger b) {
              return PyMath.normalize(b);
            }
            return v;
          }
        case ADD:
          {
            Object r = 0L;
            for (Expr x : e.args()) {
              r = PyMath.add(r, eval(x));
            }
            return r;
          }
        case MUL:
          {
            Object r = 1L;
            for (Expr x : e.args()) {
              r = PyMath.mul(r, eval(x));
            }
            return r;
          }
        case POW:
          return PyMath.pow(eval(((Pow) e).base()), eval(((Pow) e).exponent()));
        default:
          return apply((Apply) e);
      }
    }

    private boolean truth(Expr e) {
      Object v = eval(e);
      if (v instanceof Boolean b) {
        return b;
      }
      return PyMath.toDouble(v) != 0.0;
    }

    private Object apply(Apply a) {
      Fn fn = a.fn();
      List<Expr> args = a.args();
      switch (fn) {
        case FLOOR_DIV:
        case CLEAN_DIV:
          return PyMath.floorDiv(eval(args.get(0)), eval(args.get(1)));
        case MOD:
        case PYTHON_MOD:
          return PyMath.mod(eval(args.get(0)), eval(args.get(1)));
        case MODULAR_INDEXING:
          return PyMath.mod(PyMath.floorDiv(eval(args.get(0)), eval(args.get(1))), eval(args.get(2)));
        case INT_TRUE_DIV:
        case FLOAT_TRUE_DIV:
          return PyMath.trueDiv(eval(args.get(0)), eval(args.get(1)));
        case TO_FLOAT:
          return PyMath.toDouble(eval(args.get(0)));
        case TRUNC_TO_INT:
          return PyMath.toInt(eval(args.get(0)), RoundingMode.DOWN);
        case FLOOR_TO_INT:
        case FLOOR:
          return PyMath.toInt(eval(args.get(0)), RoundingMode.FLOOR);
        case CEIL_TO_INT:
        case CEILING:
          return PyMath.toInt(eval(args.get(0)), RoundingMode.CEILING);
        case ROUND_TO_INT:
          return PyMath.roundToInt(eval(args.get(0)));
        case ROUND_DECIMAL:
          {
            double x = PyMath.toDouble(eval(args.get(0)));
            int n = PyMath.big(eval(args.get(1))).intValue();
            return new java.math.BigDecimal(x).setScale(n, RoundingMode.HALF_EVEN).doubleValue();
          }
        case TRUNC_TO_FLOAT:
          {
            double x = PyMath.toDouble(eval(args.get(0)));
            return x < 0 ? Math.ceil(x) : Math.floor(x);
          }
        case POW_BY_NATURAL:
          return PyMath.intPow(eval(args.get(0)), eval(args.get(1)));
        case FLOAT_POW:
          return Math.pow(PyMath.toDouble(eval(args.get(0))), PyMath.toDouble(eval(args.get(1))));
        case BITWISE_AND:
          return PyMath.normalize(PyMath.big(eval(args.get(0))).and(PyMath.big(eval(args.get(1)))));
        case BITWISE_OR:
          return PyMath.normalize(PyMath.big(eval(args.get(0))).or(PyMath.big(eval(args.get(1)))));
        case BITWISE_XOR:
          return PyMath.normalize(PyMath.big(eval(args.get(0))).xor(PyMath.big(eval(args.get(1)))));
        case LSHIFT:
          return PyMath.normalize(PyMath.big(eval(args.get(0))).shiftLeft(shiftCount(args.get(1))));
        case RSHIFT:
          return PyMath.normalize(PyMath.big(eval(args.get(0))).shiftRight(shiftCount(args.get(1))));
        case MAX:
        case MIN:
          {
            Object best = eval(args.get(0));
            for (int i = 1; i < args.size(); i++) {
              Object v = eval(args.get(i));
              int c = PyMath.compare(v, best);
              if (fn == Fn.MAX ? c > 0 : c < 0) {
                best = v;
              }
            }
            return best;
          }
        case ABS:
          {
            Object v = eval(args.get(0));
            return PyMath.compare(v, 0L) < 0 ? PyMath.neg(v) : v;
          }
        case IDENTITY:
          return eval(args.get(0));
        case IS_NON_OVERLAPPING_AND_DENSE:
          return nonOverlappingAndDense(args);
        case PIECEWISE:
          for (int i = 0; i < args.size(); i += 2) {
            if (truth(args.get(i + 1))) {
              return eval(args.get(i));
            }
          }
          throw new SymtraceException("Piecewise has no true condition: " + a);
        case EQ:
        case NE:
        case LT:
        case LE:
        case GT:
        case GE:
          return compare(fn, eval(args.get(0)), eval(args.get(1)));
        case AND:
          for (Expr x : args) {
            if (!truth(x)) {
              return false;
            }
          }
          return true;
        case OR:
          for (Expr x : args) {
            if (truth(x)) {
              return true;
            }
          }
          return false;
        case NOT:
          return !truth(args.get(0));
        default:
          if (fn.isOpaqueUnary()) {
            return OpaqueFunctions.apply(fn, PyMath.toDouble(eval(args.get(0))));
          }
          throw new IllegalStateException("no evaluation rule for " + fn);
      }
    }

    private int shiftCount(Expr e) {
      BigInteger n = PyMath.big(eval(e));
      if (n.signum() < 0) {
        throw new symtrace.symbolic.expr.SymbolicArithmeticError("ValueError", "negative shift count");
      }
      return n.intValueExact();
    }

    private static Object compare(Fn fn, Object a, Object b) {
      if (a instanceof Boolean || b instanceof Boolean) {
        if (fn == Fn.EQ) {
          return PyMath.toDouble(a) == PyMath.toDouble(b);
        }
        if (fn == Fn.NE) {
          return PyMath.toDouble(a) != PyMath.toDouble(b);
        }
      }
      int c = PyMath.compare(a, b);
      if (c == Integer.MIN_VALUE) {
        return fn == Fn.NE; // nan
      }
      switch (fn) {
        case EQ:
          return c == 0;
        case NE:
          return c != 0;
        case LT:
          return c < 0;
        case LE:
          return c <= 0;
        case GT:
          return c > 0;
        default:
          return c >= 0;
      }
    }

    private Object nonOverlappingAndDense(List<Expr> args) {
      int dim = args.size() / 2;
      long[] sizes = new long[dim];
      long[] strides = new long[dim];
      for (int i = 0; i < dim; i++) {
        sizes[i] = PyMath.big(eval(args.get(i))).longValueExact();
        strides[i] = PyMath.big(eval(args.get(dim + i))).longValueExact();
      }
      if (dim == 1) {
        return strides[0] == 1 || sizes[0] < 2 ? 1L : 0L;
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
          return 0L;
        }
        expected *= sizes[i];
      }
      return 1L;
    }
  }
}
