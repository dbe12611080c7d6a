package symtrace.symbolic.env;

import java.util.Map;
import java.util.function.Function;
import symtrace.symbolic.eval.Evaluator;
import symtrace.symbolic.eval.PyMath;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Num;
import symtrace.symbolic.expr.Sym;

/**
 * One line of {@code produce_guards}: its Python text and how to check it on concrete inputs.
 *
 * <ul>
 *   <li>{@code INPUT}: an input equals the expression its placeholder holds ({@code
 *       L['y'].size()[0] == L['x'].size()[0]}, {@code L['x'].stride()[1] == 1});
 *   <li>{@code GUARD}: a recorded guard not implied by the ranges;
 *   <li>{@code RANGE}: a symbol's value range ({@code 5 <= L['x'].size()[0]}).
 * </ul>
 */
public record ProducedGuard(String python, Kind kind, Source source, Expr expr, Guard origin,
    Num lower, Num upper) {
  /** Which step of produce_guards made the line. */
  public enum Kind {
    INPUT,
    GUARD,
    RANGE,
    NOT_NAN
  }

  /**
   * Returns whether the line holds, with symbols bound to values ({@code bindings}) and sources
   * read from the concrete inputs ({@code values}).
   */
  public boolean holds(Map<Sym, Object> bindings, Function<Source, Object> values) {
    switch (kind) {
      case INPUT:
        return PyMath.compare(values.apply(source), Evaluator.evaluate(expr, bindings)) == 0;
      case GUARD:
        return Boolean.TRUE.equals(Evaluator.evaluate(expr, bindings));
      case RANGE:
        {
          Object v = values.apply(source);
          boolean ok = lower == null || PyMath.compare(Evaluator.evaluate(lower, Map.of()), v) <= 0;
          return ok && (upper == null || PyMath.compare(v, Evaluator.evaluate(upper, Map.of())) <= 0);
        }
      default:
        return !Double.isNaN(PyMath.toDouble(values.apply(source)));
    }
  }

  @Override
  public String toString() {
    return python;
  }
}
