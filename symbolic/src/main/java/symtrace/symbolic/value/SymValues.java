package symtrace.symbolic.value;

import java.util.function.BinaryOperator;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.eval.PyMath;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.FloatLit;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Num;

/** Shared plumbing of the symbolic scalars: building results and their hints. */
final class SymValues {
  private SymValues() {}

  static ShapeEnv env(SymNode a, SymNode b) {
    return a != null ? a.env() : b.env();
  }

  /** A hint computed from the operands' hints with Python semantics; null if either is unknown. */
  static Object hint(Object a, Object b, BinaryOperator<Object> op) {
    if (a == null || b == null) {
      return null;
    }
    try {
      return op.apply(a, b);
    } catch (RuntimeException e) {
      return null; // e.g. division by zero at the example values: no hint
    }
  }

  // The results below are built from their operands' current expressions (SymNode.built).

  static SymInt intResult(ShapeEnv env, Expr e, Object hint) {
    if (e instanceof IntLit i && i.fitsLong()) {
      return SymInt.of(i.longValue());
    }
    return new SymInt(SymNode.built(e, env, SymNode.Type.INT, hint instanceof Boolean b ? (b ? 1L : 0L) : hint));
  }

  static SymFloat floatResult(ShapeEnv env, Expr e, Object hint) {
    if (e instanceof Num n && !n.isInfinite()) {
      return SymFloat.of(n.toDouble());
    }
    if (e instanceof IntLit i) {
      return SymFloat.of(i.toDouble());
    }
    Object h = hint == null ? null : PyMath.toDouble(hint);
    return new SymFloat(SymNode.built(e, env, SymNode.Type.FLOAT, h));
  }

  static SymBool boolResult(ShapeEnv env, Expr e, Object hint) {
    if (e instanceof BoolLit b) {
      return SymBool.of(b.value());
    }
    return new SymBool(SymNode.built(e, env, SymNode.Type.BOOL, hint));
  }

  static Expr constant(Object v) {
    if (v instanceof Double d) {
      return FloatLit.of(d);
    }
    if (v instanceof Boolean b) {
      return BoolLit.of(b);
    }
    return IntLit.of((Long) v);
  }
}
