package symtrace.symbolic.value;

import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Fn;

/**
 * A Python bool that may be symbolic ({@code torch.SymBool}). Converting it to a Java boolean
 * ({@link #guardBool}) asks the shape environment, which may record a guard; {@link
 * #staticallyKnownTrue} and the {@code guardOr...} queries never guard.
 */
public final class SymBool {
  private static final SymBool TRUE = new SymBool(true);
  private static final SymBool FALSE = new SymBool(false);

  private final boolean constant;
  private final SymNode node;

  private SymBool(boolean constant) {
    this.constant = constant;
    this.node = null;
  }

  public SymBool(SymNode node) {
    this.constant = false;
    this.node = node;
  }

  public static SymBool of(boolean value) {
    return value ? TRUE : FALSE;
  }

  public boolean isConstant() {
    return node == null || node.expr() instanceof BoolLit;
  }

  /** The node, or null for a plain bool. */
  public SymNode node() {
    return node;
  }

  public Expr expr() {
    return node == null ? BoolLit.of(constant) : node.expr();
  }

  /** The example value, or null when it depends on unbacked symbols. */
  public Boolean hint() {
    if (node == null) {
      return constant;
    }
    Object h = node.hint();
    return h instanceof Boolean b ? b : null;
  }

  /** Python's {@code bool(b)}: the value, recording a guard unless it is statically known. */
  public boolean guardBool(Provenance why) {
    if (node == null) {
      return constant;
    }
    Expr r = node.env().evaluateExpr(node.expr(), node.hint(), why, false, null);
    return ((BoolLit) r).value();
  }

  /** Like {@link #guardBool}, in size-oblivious mode (size-like symbols assumed at least 2). */
  public boolean guardSizeOblivious(Provenance why) {
    if (node == null) {
      return constant;
    }
    return ((BoolLit) node.env().evaluateExpr(node.expr(), node.hint(), why, true, null)).value();
  }

  /**
   * PyTorch's {@code expect_true}: guards when the value has a hint and no unbacked symbols,
   * else defers a runtime assert and assumes it.
   */
  public boolean expectTrue(Provenance why) {
    if (node == null) {
      return constant;
    }
    ShapeEnv env = node.env();
    boolean unbacked = node.expr().freeSymbols().stream().anyMatch(env::isUnbacked);
    if (node.hasHint() && !unbacked && !env.settings().preferDeferredRuntimeAssertsOverGuards()) {
      return guardBool(why);
    }
    return env.deferRuntimeAssert(node.expr(), why == null ? "" : why.reason(), why);
  }

  /** True only when the environment proves it, with no guard. */
  public boolean staticallyKnownTrue() {
    return node == null ? constant : node.env().maybeEvaluateStatic(node.expr()) == BoolLit.TRUE;
  }

  /** True only when the environment proves it false, with no guard. */
  public boolean staticallyKnownFalse() {
    return node == null ? !constant : node.env().maybeEvaluateStatic(node.expr()) == BoolLit.FALSE;
  }

  /** The value if it can be decided (possibly guarding); {@code true} for a data-dependent one. */
  public boolean guardOrTrue(Provenance why) {
    return guardOr(why, BoolLit.TRUE);
  }

  /** The value if it can be decided (possibly guarding); {@code false} for a data-dependent one. */
  public boolean guardOrFalse(Provenance why) {
    return guardOr(why, BoolLit.FALSE);
  }

  private boolean guardOr(Provenance why, BoolLit fallback) {
    if (node == null) {
      return constant;
    }
    return ((BoolLit) node.env().evaluateExpr(node.expr(), node.hint(), why, false, fallback)).value();
  }

  public SymBool and(SymBool other) {
    if (node == null) {
      return constant ? other : FALSE;
    }
    if (other.node == null) {
      return other.constant ? this : FALSE;
    }
    Expr e = OperationCache.apply(Fn.AND, expr(), other.expr(), (x, y) -> Exprs.and(x, y));
    return SymValues.boolResult(node.env(), e,
        SymValues.hint(hint(), other.hint(), (x, y) -> (Boolean) x && (Boolean) y));
  }

  public SymBool or(SymBool other) {
    if (node == null) {
      return constant ? TRUE : other;
    }
    if (other.node == null) {
      return other.constant ? TRUE : this;
    }
    Expr e = OperationCache.apply(Fn.OR, expr(), other.expr(), (x, y) -> Exprs.or(x, y));
    return SymValues.boolResult(node.env(), e,
        SymValues.hint(hint(), other.hint(), (x, y) -> (Boolean) x || (Boolean) y));
  }

  /** {@code torch.sym_not}. */
  public SymBool not() {
    if (node == null) {
      return of(!constant);
    }
    Boolean h = hint();
    return SymValues.boolResult(node.env(), Exprs.not(expr()), h == null ? null : !h);
  }

  /** The bool as an int ({@code cast_symbool_to_symint_guardless}): {@code Piecewise((1, b), (0, True))}. */
  public SymInt toSymInt() {
    if (node == null) {
      return SymInt.of(constant ? 1 : 0);
    }
    Boolean h = hint();
    return SymValues.intResult(node.env(), Exprs.ite(expr(), Exprs.ONE, Exprs.ZERO),
        h == null ? null : (h ? 1L : 0L));
  }

  /** {@code torch.sym_ite(self, a, b)}: {@code Piecewise((a, self), (b, True))}. */
  public SymInt ite(SymInt a, SymInt b) {
    if (node == null) {
      return constant ? a : b;
    }
    Boolean h = hint();
    Object hint = h == null ? null : (h ? a.hint() : b.hint());
    return SymValues.intResult(node.env(), Exprs.ite(expr(), a.expr(), b.expr()), hint);
  }

  @Override
  public String toString() {
    return node == null ? (constant ? "True" : "False") : node.toString();
  }
}
