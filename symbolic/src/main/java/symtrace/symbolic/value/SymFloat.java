package symtrace.symbolic.value;

import java.util.function.BinaryOperator;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.eval.PyMath;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.FloatLit;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.Num;

/**
 * A Python float that may be symbolic ({@code torch.SymFloat}). Arithmetic with ints promotes
 * them with {@code ToFloat}; {@code /} is {@code FloatTrueDiv}; {@code int(x)} is {@code
 * TruncToInt}, {@code math.floor}/{@code ceil} are {@code FloorToInt}/{@code CeilToInt}.
 */
public final class SymFloat {
  private final double constant;
  private final SymNode node;

  private SymFloat(double constant) {
    this.constant = constant;
    this.node = null;
  }

  public SymFloat(SymNode node) {
    this.constant = 0;
    this.node = node;
  }

  public static SymFloat of(double value) {
    return new SymFloat(value);
  }

  public boolean isConstant() {
    return node == null || node.expr() instanceof Num;
  }

  public SymNode node() {
    return node;
  }

  public Expr expr() {
    return node == null ? FloatLit.of(constant) : node.expr();
  }

  /** The example value, or null for an unbacked value. */
  public Double hint() {
    if (node == null) {
      return constant;
    }
    Object h = node.hint();
    return h == null ? null : PyMath.toDouble(h);
  }

  private SymFloat binary(SymFloat o, BinaryOperator<Expr> build, BinaryOperator<Object> python) {
    if (node == null && o.node == null) {
      return of(PyMath.toDouble(python.apply(constant, o.constant)));
    }
    ShapeEnv env = SymValues.env(node, o.node);
    Object h = SymValues.hint(hint(), o.hint(), python);
    return SymValues.floatResult(env, OperationCache.apply(build, expr(), o.expr(), build), h);
  }

  public SymFloat add(SymFloat o) {
    return binary(o, Exprs::add, PyMath::add);
  }

  public SymFloat sub(SymFloat o) {
    return binary(o, Exprs::sub, PyMath::sub);
  }

  public SymFloat mul(SymFloat o) {
    return binary(o, Exprs::mul, PyMath::mul);
  }

  public SymFloat neg() {
    return of(0.0).sub(this);
  }

  /**
   * Python's {@code %}, as SymNode's {@code mod}: {@code Mod} when both sides are known to be
   * nonnegative, else {@code PythonMod} (the divisor's sign).
   */
  public SymFloat mod(SymFloat o) {
    boolean nonNegative = expr().isNonNegative() == Boolean.TRUE
        && o.expr().isNonNegative() == Boolean.TRUE;
    return binary(o, nonNegative ? Exprs::mod : Exprs::pythonMod, PyMath::mod);
  }

  /** {@code abs(x)}: {@code Abs}. */
  public SymFloat abs() {
    if (node == null) {
      return of(Math.abs(constant));
    }
    Double h = hint();
    return SymValues.floatResult(node.env(), Exprs.apply(Fn.ABS, expr()),
        h == null ? null : Math.abs(h));
  }

  public SymFloat trueDiv(SymFloat o) {
    return binary(o, (a, b) -> Exprs.apply(Fn.FLOAT_TRUE_DIV, a, b), (a, b) -> PyMath.trueDiv(a, b));
  }

  public SymFloat pow(SymFloat o) {
    return binary(o, (a, b) -> Exprs.apply(Fn.FLOAT_POW, a, b),
        (a, b) -> Math.pow(PyMath.toDouble(a), PyMath.toDouble(b)));
  }

  /** {@code torch._sym_sqrt}: {@code OpaqueUnaryFn_sqrt}. */
  public SymFloat sqrt() {
    return unary(Fn.OPAQUE_SQRT);
  }

  /** One of the opaque float functions ({@code OpaqueUnaryFn_*}). */
  public SymFloat unary(Fn fn) {
    if (node == null) {
      return of(symtrace.symbolic.expr.OpaqueFunctions.apply(fn, constant));
    }
    Double h = hint();
    return SymValues.floatResult(node.env(), Exprs.apply(fn, expr()),
        h == null ? null : symtrace.symbolic.expr.OpaqueFunctions.apply(fn, h));
  }

  private SymInt toInt(Fn fn, java.math.RoundingMode mode) {
    if (node == null) {
      return SymInt.of((Long) PyMath.toInt(constant, mode));
    }
    Double h = hint();
    Object hint = h == null ? null : PyMath.toInt(h, mode);
    return SymValues.intResult(node.env(), Exprs.apply(fn, expr()), hint);
  }

  /** {@code int(x)}, {@code math.trunc}, {@code torch.sym_int}: {@code TruncToInt}. */
  public SymInt trunc() {
    return toInt(Fn.TRUNC_TO_INT, java.math.RoundingMode.DOWN);
  }

  /** {@code math.floor}: {@code FloorToInt}. */
  public SymInt floor() {
    return toInt(Fn.FLOOR_TO_INT, java.math.RoundingMode.FLOOR);
  }

  /** {@code math.ceil}: {@code CeilToInt}. */
  public SymInt ceil() {
    return toInt(Fn.CEIL_TO_INT, java.math.RoundingMode.CEILING);
  }

  /** {@code round(x)}: {@code RoundToInt}. */
  public SymInt round() {
    if (node == null) {
      return SymInt.of((Long) PyMath.roundToInt(constant));
    }
    Double h = hint();
    return SymValues.intResult(node.env(), Exprs.apply(Fn.ROUND_TO_INT, expr()),
        h == null ? null : PyMath.roundToInt(h));
  }

  private SymBool compare(SymFloat o, Fn relation) {
    if (node == null && o.node == null) {
      return SymBool.of(SymInt.holds(relation, Double.compare(constant, o.constant)));
    }
    Object h = SymValues.hint(hint(), o.hint(), (a, b) -> SymInt.holds(relation, PyMath.compare(a, b)));
    Expr e = OperationCache.apply(relation, expr(), o.expr(), (x, y) -> Exprs.apply(relation, x, y));
    return SymValues.boolResult(SymValues.env(node, o.node), e, h);
  }

  public SymBool eq(SymFloat o) {
    return compare(o, Fn.EQ);
  }

  public SymBool ne(SymFloat o) {
    return compare(o, Fn.NE);
  }

  public SymBool lt(SymFloat o) {
    return compare(o, Fn.LT);
  }

  public SymBool le(SymFloat o) {
    return compare(o, Fn.LE);
  }

  public SymBool gt(SymFloat o) {
    return compare(o, Fn.GT);
  }

  public SymBool ge(SymFloat o) {
    return compare(o, Fn.GE);
  }

  /** Python's {@code float(x)}: the value, recording {@code Eq(x, value)} unless known. */
  public double guardFloat(Provenance why) {
    if (node == null) {
      return constant;
    }
    Expr r = node.env().evaluateExpr(node.expr(), node.hint(), why, false, null);
    return ((Num) r).toDouble();
  }

  @Override
  public String toString() {
    return node == null ? Double.toString(constant) : node.toString();
  }
}
