package symtrace.symbolic.env;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;

/**
 * The facts a {@link ShapeEnv} has learned (guards, runtime asserts) with what each implies,
 * as PyTorch's {@code axioms}: expressions with their known truth value, substituted into an
 * expression before it is decided statically.
 */
final class Axioms {
  private final Map<Expr, BoolLit> facts = new LinkedHashMap<>();
  private Map<Expr, BoolLit> simplified;
  private long simplifiedAt = -1;
  private boolean simplifying;

  void putAll(Map<Expr, BoolLit> implied) {
    facts.putAll(implied);
  }

  /**
   * The facts with their keys also re-simplified by {@code resimplify} when {@code rewritten}
   * (replacements or divisibility facts exist: a FloorDiv recorded earlier may be a CleanDiv
   * now, and PyTorch re-simplifies the keys the same way); computed once per environment
   * {@code version}. Re-simplifying may ask for the axioms again: that inner call gets the facts
   * as they are.
   */
  Map<Expr, BoolLit> current(long version, boolean rewritten, UnaryOperator<Expr> resimplify) {
    if ((simplifiedAt == version && simplified != null) || simplifying) {
      return simplified != null ? simplified : facts;
    }
    simplifying = true;
    try {
      Map<Expr, BoolLit> out = new HashMap<>(facts);
      if (rewritten) {
        for (Map.Entry<Expr, BoolLit> e : facts.entrySet()) {
          out.putIfAbsent(resimplify.apply(e.getKey()), e.getValue());
        }
      }
      simplified = out;
      simplifiedAt = version;
      return out;
    } finally {
      simplifying = false;
    }
  }
}
