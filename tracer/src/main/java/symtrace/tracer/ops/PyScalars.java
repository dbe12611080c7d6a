package symtrace.tracer.ops;

import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.eval.PyMath;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymFloat;
import symtrace.symbolic.value.SymInt;
import symtrace.symbolic.value.SymNode;

/**
 * Python's arithmetic on scalars that may be symbolic: ints are {@code Long} or {@link SymInt},
 * floats {@code Double} or {@link SymFloat}, bools {@code Boolean} or {@link SymBool}. Results
 * follow Python ({@code //} floors, {@code %} takes the divisor's sign, {@code /} of ints is a
 * float, a bool in arithmetic is an int) and are normalized: a symbolic result that became a
 * number is a plain Java number again.
 */
public final class PyScalars {
  private PyScalars() {}

  public static boolean isInt(Object v) {
    return v instanceof Long || v instanceof Integer || v instanceof SymInt;
  }

  public static boolean isFloat(Object v) {
    return v instanceof Double || v instanceof SymFloat;
  }

  public static boolean isBool(Object v) {
    return v instanceof Boolean || v instanceof SymBool;
  }

  public static boolean isScalar(Object v) {
    return isInt(v) || isFloat(v) || isBool(v);
  }

  /** True for a SymInt, SymFloat or SymBool that is not a constant. */
  public static boolean isSymbolic(Object v) {
    return (v instanceof SymInt i && !i.isConstant()) || (v instanceof SymFloat f
        && !f.isConstant()) || (v instanceof SymBool b && !b.isConstant());
  }

  /**
   * True for a SymInt, SymFloat or SymBool with a symbolic node, also one whose value has become
   * known (after a guard specialized it): Python code still holds a SymInt then, and arithmetic
   * on it is still traced.
   */
  public static boolean hasNode(Object v) {
    return (v instanceof SymInt i && i.node() != null) || (v instanceof SymFloat f
        && f.node() != null) || (v instanceof SymBool b && b.node() != null);
  }

  /**
   * The node of a SymInt, SymFloat or SymBool whose value is not known, or null (a plain number,
   * or a value that became known): what a tracer tracks and a memo key names by expression.
   */
  public static SymNode unknownNode(Object v) {
    if (v instanceof SymInt i && !i.isConstant()) {
      return i.node();
    }
    if (v instanceof SymFloat f && !f.isConstant()) {
      return f.node();
    }
    if (v instanceof SymBool b && !b.isConstant()) {
      return b.node();
    }
    return null;
  }

  /**
   * A value as Python code holds it: a number without a symbolic node is a plain number, a value
   * with one stays symbolic even when it has become known ({@link #hasNode}).
   */
  public static Object pythonValue(Object v) {
    return hasNode(v) ? v : normalize(v);
  }

  /** A plain number for a constant symbolic value; the value itself otherwise. */
  public static Object normalize(Object v) {
    if (v instanceof SymInt i && i.isConstant()) {
      return i.constantValue();
    }
    if (v instanceof SymFloat f && f.isConstant()) {
      return f.hint();
    }
    if (v instanceof SymBool b && b.isConstant()) {
      return b.hint();
    }
    if (v instanceof Integer n) {
      return (long) n;
    }
    return v;
  }

  public static SymInt toSymInt(Object v) {
    if (v instanceof SymInt s) {
      return s;
    }
    if (v instanceof Long l) {
      return SymInt.of(l);
    }
    if (v instanceof Integer n) {
      return SymInt.of(n);
    }
    if (v instanceof Boolean b) {
      return SymInt.of(b ? 1 : 0);
    }
    if (v instanceof SymBool b) {
      return b.toSymInt();
    }
    throw new ClassCastException("not an int: " + v);
  }

  public static SymFloat toSymFloat(Object v) {
    if (v instanceof SymFloat f) {
      return f;
    }
    if (v instanceof Double d) {
      return SymFloat.of(d);
    }
    return toSymInt(v).toFloat();
  }

  private static boolean bothIntLike(Object a, Object b) {
    return (isInt(a) || isBool(a)) && (isInt(b) || isBool(b));
  }

  private static boolean plain(Object a, Object b) {
    return !(a instanceof SymInt || a instanceof SymFloat || a instanceof SymBool
        || b instanceof SymInt || b instanceof SymFloat || b instanceof SymBool);
  }

  private static long l(Object v) {
    return v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).longValue();
  }

  private static double d(Object v) {
    return v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).doubleValue();
  }

  public static Object add(Object a, Object b) {
    if (bothIntLike(a, b)) {
      return plain(a, b) ? Math.addExact(l(a), l(b)) : normalize(toSymInt(a).add(toSymInt(b)));
    }
    return plain(a, b) ? d(a) + d(b) : normalize(toSymFloat(a).add(toSymFloat(b)));
  }

  public static Object sub(Object a, Object b) {
    if (bothIntLike(a, b)) {
      return plain(a, b) ? Math.subtractExact(l(a), l(b))
          : normalize(toSymInt(a).sub(toSymInt(b)));
    }
    return plain(a, b) ? d(a) - d(b) : normalize(toSymFloat(a).sub(toSymFloat(b)));
  }

  public static Object mul(Object a, Object b) {
    if (bothIntLike(a, b)) {
      return plain(a, b) ? Math.multiplyExact(l(a), l(b))
          : normalize(toSymInt(a).mul(toSymInt(b)));
    }
    return plain(a, b) ? d(a) * d(b) : normalize(toSymFloat(a).mul(toSymFloat(b)));
  }

  /** Python's {@code /}: always a float. */
  public static Object trueDiv(Object a, Object b) {
    if (plain(a, b)) {
      double den = d(b);
      if (den == 0) {
        throw new ArithmeticException("division by zero");
      }
      return d(a) / den;
    }
    if (bothIntLike(a, b)) {
      return normalize(toSymInt(a).trueDiv(toSymInt(b)));
    }
    return normalize(toSymFloat(a).trueDiv(toSymFloat(b)));
  }

  /** Python's {@code //}. */
  public static Object floorDiv(Object a, Object b) {
    if (bothIntLike(a, b)) {
      if (plain(a, b)) {
        if (l(b) == 0) {
          throw new ArithmeticException("integer division or modulo by zero");
        }
        return Math.floorDiv(l(a), l(b));
      }
      return normalize(toSymInt(a).floorDiv(toSymInt(b)));
    }
    if (plain(a, b)) {
      return Math.floor(d(a) / d(b));
    }
    return normalize(toSymFloat(a).trueDiv(toSymFloat(b)).floor().toFloat());
  }

  /** Python's {@code %}. */
  public static Object mod(Object a, Object b) {
    if (bothIntLike(a, b)) {
      if (plain(a, b)) {
        if (l(b) == 0) {
          throw new ArithmeticException("integer division or modulo by zero");
        }
        return Math.floorMod(l(a), l(b));
      }
      return normalize(toSymInt(a).mod(toSymInt(b)));
    }
    if (plain(a, b)) {
      double x = d(a);
      double y = d(b);
      double r = x % y;
      return r != 0 && (r < 0) != (y < 0) ? r + y : r;
    }
    return normalize(toSymFloat(a).mod(toSymFloat(b)));
  }

  /** Python's {@code **}: an int for int operands and a natural exponent. */
  public static Object pow(Object a, Object b) {
    if (bothIntLike(a, b)) {
      if (plain(a, b)) {
        if (l(b) >= 0) {
          return PyMath.intPow(l(a), l(b));
        }
        return Math.pow(d(a), d(b));
      }
      return normalize(toSymInt(a).pow(toSymInt(b)));
    }
    return plain(a, b) ? Math.pow(d(a), d(b)) : normalize(toSymFloat(a).pow(toSymFloat(b)));
  }

  public static Object neg(Object a) {
    if (a instanceof Boolean || a instanceof SymBool) {
      return neg(isBool(a) && a instanceof Boolean bb ? (Object) (bb ? 1L : 0L) : toSymInt(a));
    }
    if (a instanceof Long x) {
      return Math.negateExact(x);
    }
    if (a instanceof Double x) {
      return -x;
    }
    if (a instanceof SymInt x) {
      return normalize(x.neg());
    }
    return normalize(((SymFloat) a).neg());
  }

  public static Object abs(Object a) {
    if (a instanceof Long x) {
      return Math.abs(x);
    }
    if (a instanceof Double x) {
      return Math.abs(x);
    }
    if (a instanceof SymInt x) {
      return normalize(x.abs());
    }
    if (a instanceof Boolean b) {
      return b ? 1L : 0L;
    }
    if (a instanceof SymBool b) {
      return normalize(b.toSymInt());
    }
    return normalize(((SymFloat) a).abs());
  }

  /** A comparison: {@code ==}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=}. */
  public static Object compare(String op, Object a, Object b) {
    if (plain(a, b)) {
      int c;
      if (bothIntLike(a, b)) {
        c = Long.compare(l(a), l(b));
      } else {
        double x = d(a);
        double y = d(b);
        if (Double.isNaN(x) || Double.isNaN(y)) {
          return op.equals("!=");
        }
        c = Double.compare(x, y);
        if (x == y) {
          c = 0;
        }
      }
      return switch (op) {
        case "==" -> c == 0;
        case "!=" -> c != 0;
        case "<" -> c < 0;
        case "<=" -> c <= 0;
        case ">" -> c > 0;
        case ">=" -> c >= 0;
        default -> throw new IllegalArgumentException(op);
      };
    }
    if (bothIntLike(a, b)) {
      SymInt x = toSymInt(a);
      SymInt y = toSymInt(b);
      return normalize(switch (op) {
        case "==" -> x.eq(y);
        case "!=" -> x.ne(y);
        case "<" -> x.lt(y);
        case "<=" -> x.le(y);
        case ">" -> x.gt(y);
        case ">=" -> x.ge(y);
        default -> throw new IllegalArgumentException(op);
      });
    }
    SymFloat x = toSymFloat(a);
    SymFloat y = toSymFloat(b);
    return normalize(switch (op) {
      case "==" -> x.eq(y);
      case "!=" -> x.ne(y);
      case "<" -> x.lt(y);
      case "<=" -> x.le(y);
      case ">" -> x.gt(y);
      case ">=" -> x.ge(y);
      default -> throw new IllegalArgumentException(op);
    });
  }

  /** {@code torch.sym_max}, Python's {@code max} of two ints. */
  public static Object max(Object a, Object b) {
    if (bothIntLike(a, b)) {
      return plain(a, b) ? Math.max(l(a), l(b)) : normalize(toSymInt(a).max(toSymInt(b)));
    }
    if (plain(a, b)) {
      return Math.max(d(a), d(b));
    }
    throw new UnsupportedOperationException("max of symbolic floats");
  }

  public static Object min(Object a, Object b) {
    if (bothIntLike(a, b)) {
      return plain(a, b) ? Math.min(l(a), l(b)) : normalize(toSymInt(a).min(toSymInt(b)));
    }
    if (plain(a, b)) {
      return Math.min(d(a), d(b));
    }
    throw new UnsupportedOperationException("min of symbolic floats");
  }

  /** Python's truth value; a SymBool is guarded (recording a guard in a trace). */
  public static boolean truth(Object v, Provenance why) {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof SymBool b) {
      return b.guardBool(why);
    }
    if (v instanceof Long x) {
      return x != 0;
    }
    if (v instanceof Double x) {
      return x != 0;
    }
    if (v instanceof SymInt x) {
      return x.ne(0).guardBool(why);
    }
    if (v instanceof SymFloat x) {
      return x.ne(SymFloat.of(0)).guardBool(why);
    }
    throw new ClassCastException("no truth value: " + v);
  }

  public static Object and(Object a, Object b) {
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return x && y;
    }
    return normalize(toSymBool(a).and(toSymBool(b)));
  }

  public static Object or(Object a, Object b) {
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return x || y;
    }
    return normalize(toSymBool(a).or(toSymBool(b)));
  }

  public static Object not(Object a) {
    if (a instanceof Boolean x) {
      return !x;
    }
    return normalize(toSymBool(a).not());
  }

  public static SymBool toSymBool(Object v) {
    if (v instanceof SymBool b) {
      return b;
    }
    if (v instanceof Boolean b) {
      return SymBool.of(b);
    }
    throw new ClassCastException("not a bool: " + v);
  }

  /** {@code torch.sym_float}: int to float. */
  public static Object toFloat(Object v) {
    if (v instanceof Double || v instanceof SymFloat) {
      return v;
    }
    if (v instanceof SymInt s) {
      return normalize(s.toFloat());
    }
    return d(v);
  }

  /** {@code int(x)} of a float: truncation toward zero. */
  public static Object toInt(Object v) {
    if (isInt(v)) {
      return normalize(v);
    }
    if (v instanceof Boolean b) {
      return b ? 1L : 0L;
    }
    if (v instanceof Double x) {
      if (Double.isNaN(x) || Double.isInfinite(x)) {
        throw new ArithmeticException("cannot convert float " + x + " to integer");
      }
      return (long) (double) x;
    }
    if (v instanceof SymFloat f) {
      return normalize(f.trunc());
    }
    return normalize(toSymBool(v).toSymInt());
  }
}
