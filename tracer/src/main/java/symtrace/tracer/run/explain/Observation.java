package symtrace.tracer.run.explain;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.tracer.lang.Expr;
import symtrace.tracer.run.ProgramRunner;

/**
 * What one run of a program computed: for every expression of the program, the values it had,
 * in the order it was evaluated (a loop evaluates one expression many times), and the trace's
 * shape environment. A traced run and an eager run of the same parsed program pair up by
 * expression and occurrence: the symbol a trace made and the number the data gave.
 */
final class Observation implements ProgramRunner.Observer {
  private final Map<Expr, List<Object>> values = new IdentityHashMap<>();
  private final List<Expr> order = new ArrayList<>();
  private ShapeEnv env;

  @Override
  public void started(ShapeEnv env) {
    this.env = env;
  }

  @Override
  public void evaluated(Expr expression, Object value) {
    values.computeIfAbsent(expression, k -> {
      order.add(k);
      return new ArrayList<>();
    }).add(value);
  }

  /** The shape environment of the traced run (null for an eager one). */
  ShapeEnv env() {
    return env;
  }

  /** The expressions evaluated, in the order each was first evaluated. */
  List<Expr> expressions() {
    return order;
  }

  /** The values an expression had, in order; empty when it never ran. */
  List<Object> valuesOf(Expr e) {
    return values.getOrDefault(e, List.of());
  }
}
