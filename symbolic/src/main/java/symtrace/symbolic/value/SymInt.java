package symtrace.symbolic.value;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.eval.PyMath;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.range.ValueRange;

/**
 * A Python int that may be symbolic ({@code torch.SymInt}): either a plain {@code long} or a
 * {@link SymNode}. Operators follow Python's semantics and PyTorch's mapping to size functions
 * ({@code //} is {@code FloorDiv}, {@code %} is {@code Mod} for provably non-negative operands and
 * {@code PythonMod} otherwise, {@code /} is {@code IntTrueDiv}, {@code **} is {@code
 * PowByNatural}); a result that is a number is a plain int again.
 */
public final class SymInt {
  private final long constant;
  private final SymNode node;

  private SymInt(long constant) {
    this.constant = constant;
    this.node = null;
  }

  public SymInt(SymNode node) {
    this.constant = 0;
    this.node = node;
  }

  private static final SymInt[] SMALL = new SymInt[130];

  static {
    for (int i = 0; i < SMALL.length; i++) {
      SMALL[i] = new SymInt(i - 1);
    }
  }

  public static SymInt of(long value) {
    return value >= -1 && value < SMALL.length - 1 ? SMALL[(int) value + 1] : new SymInt(value);
  }

  /** Returns true for a plain int, or a symbolic one whose expression became a number. */
  public boolean isConstant() {
    return node == null || node.expr() instanceof IntLit;
  }

  /** The value when {@link #isConstant()} (PyTorch's {@code maybe_as_int}). */
  public long constantValue() {
    if (node == null) {
      return constant;
    }
    Expr e = node.expr();
    if (e instanceof IntLit i) {
      return i.longValue();
    }
    throw new IllegalStateException("not a constant: " + e);
  }

  /** The node, or null for a plain int. */
  public SymNode node() {
    return node;
  }

  /** The expression: an integer literal for a plain int. */
  public Expr expr() {
    return node == null ? IntLit.of(constant) : node.expr();
  }

  /** The example value, or null for an unbacked value. */
  public Long hint() {
    if (node == null) {
      return constant;
    }
    Object h = node.hint();
    return h instanceof Long l ? l : null;
  }

  private Object hintObject() {
    return node == null ? (Object) constant : node.hint();
  }

  // ---------------------------------------------------------------------------------------
  // Arithmetic

  private SymInt binary(SymInt o, BinaryOperator<Expr> build, BinaryOperator<Object> python) {
    if (node == null && o.node == null) {
      Object v = python.apply(constant, o.constant);
      return SymInt.of((Long) v);
    }
    ShapeEnv env = SymValues.env(node, o.node);
    Expr e = OperationCache.apply(build, expr(), o.expr(), build);
    return SymValues.intResult(env, e, SymValues.hint(hintObject(), o.hintObject(), python));
  }

  public SymInt add(SymInt o) {
    return binary(o, Exprs::add, PyMath::add);
  }

  public SymInt add(long o) {
    return add(of(o));
  }

  public SymInt sub(SymInt o) {
    return binary(o, Exprs::sub, PyMath::sub);
  }

  public SymInt sub(long o) {
    return sub(of(o));
  }

  public SymInt mul(SymInt o) {
    if (o.node == null && o.constant == 1) {
      return this;
    }
    if (node == null && constant == 1) {
      return o;
    }
    return binary(o, MUL, PyMath::mul);
  }

  /** {@code mul}'s expression builder, one object, so the operation table shares its entries. */
  private static final BinaryOperator<Expr> MUL = Exprs::mul;

  /**
   * The product of the factors, as multiplying them one by one from {@code 1} gives it (the
   * same expression, hint and, where {@link #mul} gives back an operand, the same value), but
   * without making the partial products as values: only the result is a new value.
   */
  public static SymInt product(List<SymInt> factors) {
    SymInt value = of(1); // the product so far, while it is a value already made
    Expr expr = null; // else the product so far is this expression, not made yet
    Object hint = null;
    ShapeEnv env = null;
    for (SymInt f : factors) {
      if (expr == null) {
        if (value.node == null && f.node == null || (f.node == null && f.constant == 1)
            || (value.node == null && value.constant == 1)) {
          value = value.mul(f); // constants, or mul gives an operand back
          continue;
        }
        expr = value.expr();
        hint = value.hintObject();
        env = SymValues.env(value.node, f.node);
      } else if (f.node == null && f.constant == 1) {
        continue;
      }
      expr = OperationCache.apply(MUL, expr, f.expr(), MUL);
      hint = SymValues.hint(hint, f.hintObject(), PyMath::mul);
      if (expr instanceof IntLit i && i.fitsLong()) {
        value = of(i.longValue());
        expr = null;
      }
    }
    return expr == null ? value : SymValues.intResult(env, expr, hint);
  }

  public SymInt mul(long o) {
    return mul(of(o));
  }

  public SymInt neg() {
    return of(0).sub(this);
  }

  /** Python's {@code //}: {@code FloorDiv}. */
  public SymInt floorDiv(SymInt o) {
    return binary(o, Exprs::floorDiv, PyMath::floorDiv);
  }

  public SymInt floorDiv(long o) {
    return floorDiv(of(o));
  }

  /** Python's {@code %}: {@code Mod} when both sides are provably non-negative, else {@code PythonMod}. */
  public SymInt mod(SymInt o) {
    boolean nonNegative = isNonNegative() && o.isNonNegative();
    return binary(o, nonNegative ? Exprs::mod : Exprs::pythonMod, PyMath::mod);
  }

  public SymInt mod(long o) {
    return mod(of(o));
  }

  private boolean isNonNegative() {
    if (node == null) {
      return constant >= 0;
    }
    Expr e = expr();
    if (e.isNonNegative() == Boolean.TRUE) {
      return true;
    }
    ValueRange r = node.env().bound(e);
    return r.lower() instanceof IntLit l && l.signum() >= 0;
  }

  /** Python's {@code **} on ints with a natural exponent: {@code PowByNatural}. */
  public SymInt pow(SymInt exponent) {
    return binary(exponent, (a, b) -> Exprs.apply(Fn.POW_BY_NATURAL, a, b), PyMath::intPow);
  }

  /** Python's {@code /} on ints: a float, {@code IntTrueDiv}. */
  public SymFloat trueDiv(SymInt o) {
    if (node == null && o.node == null) {
      return SymFloat.of(PyMath.trueDiv(constant, o.constant));
    }
    return SymValues.floatResult(SymValues.env(node, o.node), Exprs.apply(Fn.INT_TRUE_DIV, expr(), o.expr()),
        SymValues.hint(hintObject(), o.hintObject(), PyMath::trueDiv));
  }

  public SymInt lshift(SymInt o) {
    return binary(o, (a, b) -> Exprs.apply(Fn.LSHIFT, a, b),
        (a, b) -> PyMath.mul(a, PyMath.intPow(2L, b)));
  }

  public SymInt rshift(SymInt o) {
    return binary(o, (a, b) -> Exprs.apply(Fn.RSHIFT, a, b),
        (a, b) -> PyMath.floorDiv(a, PyMath.intPow(2L, b)));
  }

  public SymInt bitwiseAnd(SymInt o) {
    return binary(o, (a, b) -> Exprs.apply(Fn.BITWISE_AND, a, b),
        (a, b) -> (Long) a & (Long) b);
  }

  public SymInt bitwiseOr(SymInt o) {
    return binary(o, (a, b) -> Exprs.apply(Fn.BITWISE_OR, a, b),
        (a, b) -> (Long) a | (Long) b);
  }

  public SymInt abs() {
    if (node == null) {
      return of(Math.abs(constant));
    }
    Long h = hint();
    return SymValues.intResult(node.env(), Exprs.apply(Fn.ABS, expr()), h == null ? null : Math.abs(h));
  }

  /** {@code torch.sym_max}. */
  public SymInt max(SymInt o) {
    return binary(o, (a, b) -> Exprs.max(a, b), (a, b) -> PyMath.compare(a, b) >= 0 ? a : b);
  }

  /** {@code torch.sym_min}. */
  public SymInt min(SymInt o) {
    return binary(o, (a, b) -> Exprs.min(a, b), (a, b) -> PyMath.compare(a, b) <= 0 ? a : b);
  }

  /** {@code torch.sym_sum}: one n-ary sum. */
  public static SymInt sum(List<SymInt> terms) {
    SymInt result = of(0);
    for (SymInt t : terms) {
      result = result.add(t);
    }
    return result;
  }

  /** {@code torch.sym_float}: {@code ToFloat}. */
  public SymFloat toFloat() {
    if (node == null) {
      return SymFloat.of(constant);
    }
    Long h = hint();
    return SymValues.floatResult(node.env(), Exprs.apply(Fn.TO_FLOAT, expr()), h == null ? null : (double) h);
  }

  // ---------------------------------------------------------------------------------------
  // Comparisons

  private SymBool compare(SymInt o, Fn relation) {
    if (node == null && o.node == null) {
      int c = Long.compare(constant, o.constant);
      return SymBool.of(holds(relation, c));
    }
    Object h = SymValues.hint(hintObject(), o.hintObject(), COMPARISONS.get(relation));
    Expr e = OperationCache.apply(relation, expr(), o.expr(), RELATIONS.get(relation));
    return SymValues.boolResult(SymValues.env(node, o.node), e, h);
  }

  /** Each relation's hint test, made once: a comparison is the commonest SymInt operation. */
  private static final Map<Fn, BinaryOperator<Object>> COMPARISONS = new EnumMap<>(Fn.class);
  /** Each relation's expression builder, made once. */
  private static final Map<Fn, BinaryOperator<Expr>> RELATIONS = new EnumMap<>(Fn.class);

  static {
    for (Fn r : new Fn[] {Fn.EQ, Fn.NE, Fn.LT, Fn.LE, Fn.GT, Fn.GE}) {
      COMPARISONS.put(r, (a, b) -> holds(r, PyMath.compare(a, b)));
      RELATIONS.put(r, (x, y) -> Exprs.apply(r, x, y));
    }
  }

  static boolean holds(Fn relation, int c) {
    switch (relation) {
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

  public SymBool eq(SymInt o) {
    return compare(o, Fn.EQ);
  }

  public SymBool eq(long o) {
    return eq(of(o));
  }

  public SymBool ne(SymInt o) {
    return compare(o, Fn.NE);
  }

  public SymBool ne(long o) {
    return ne(of(o));
  }

  public SymBool lt(SymInt o) {
    return compare(o, Fn.LT);
  }

  public SymBool lt(long o) {
    return lt(of(o));
  }

  public SymBool le(SymInt o) {
    return compare(o, Fn.LE);
  }

  public SymBool le(long o) {
    return le(of(o));
  }

  public SymBool gt(SymInt o) {
    return compare(o, Fn.GT);
  }

  public SymBool gt(long o) {
    return gt(of(o));
  }

  public SymBool ge(SymInt o) {
    return compare(o, Fn.GE);
  }

  public SymBool ge(long o) {
    return ge(of(o));
  }

  // ---------------------------------------------------------------------------------------
  // Guarding conversions

  /** Python's {@code int(s)}: the value, recording {@code Eq(s, value)} unless it is known. */
  public long guardInt(Provenance why) {
    if (node == null) {
      return constant;
    }
    Expr r = node.env().evaluateExpr(node.expr(), node.hint(), why, false, null);
    return ((IntLit) r).longValue();
  }

  /** PyTorch's {@code expect_size}: assume {@code s >= 0} (a guard, or an assert when unbacked). */
  public boolean expectSize(Provenance why) {
    if (node == null) {
      return constant >= 0;
    }
    boolean ok = ge(0).expectTrue(why);
    if (node.expr() instanceof symtrace.symbolic.expr.Sym s && node.env().isUnbacked(s)) {
      node.env().constrainRangeForSize(s);
    }
    return ok;
  }

  @Override
  public String toString() {
    return node == null ? Long.toString(constant) : node.toString();
  }
}
