package symtrace.tracer.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import symtrace.symbolic.SymtraceException;
import symtrace.symbolic.env.RuntimeAssert;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.eval.Evaluator;
import symtrace.symbolic.expr.Sym;
import symtrace.tracer.dispatch.Dispatcher;
import symtrace.tracer.fx.GraphModule;
import symtrace.tracer.fx.Interpreter;
import symtrace.tracer.fx.Node;
import symtrace.tracer.ops.PyScalars;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.trace.Trace;

/**
 * A trace's graph run on concrete inputs, with the trace's runtime asserts checked: the facts
 * {@code torch._check} stated about unbacked values (and facts deferred over backed sizes).
 * make_fx keeps them in the ShapeEnv and the graph has no node for them (export inserts {@code
 * _assert_scalar} nodes later), so without this check a run would carry on with a value the
 * trace assumed impossible, and print an answer eager PyTorch never gives.
 *
 * <p>Each unbacked symbol is read from the output of the node that bound it ({@code
 * unbacked_bindings}: the value itself, or a size of a tensor); backed symbols come from the
 * inputs, as the guards read them. An assert fails the run when it evaluates to false.
 */
final class RuntimeAssertCheck {
  private RuntimeAssertCheck() {}

  /** Runs the graph of {@code trace} on {@code inputs}; throws when a runtime assert fails. */
  static Object run(Trace trace, TraceGuards guards, ProgramRunner.Inputs inputs) {
    GraphModule module = trace.module();
    Map<Sym, Object> values = new HashMap<>();
    Interpreter interpreter = new Interpreter(module, Dispatcher.standard());
    Object out = interpreter.run(inputs.values(), (node, value) -> bind(node, value, values));
    ShapeEnv env = trace.shapeEnv();
    if (env == null) {
      return out;
    }
    List<RuntimeAssert> asserts = new ArrayList<>(env.backedRuntimeAsserts());
    env.deferredRuntimeAsserts().values().forEach(asserts::addAll);
    if (asserts.isEmpty()) {
      return out;
    }
    values.putAll(guards.guardSet().bind(source ->
        TraceGuards.valueOf(source, inputs.names(), inputs.values())));
    for (RuntimeAssert ra : asserts) {
      if (!values.keySet().containsAll(ra.expr().freeSymbols())) {
        continue; // a symbol the graph no longer binds: nothing left to check it against
      }
      if (Boolean.FALSE.equals(Evaluator.evaluate(ra.expr(), values))) {
        throw new SymtraceException(failure(ra, values));
      }
    }
    return out;
  }

  private static void bind(Node node, Object value, Map<Sym, Object> values) {
    if (!(node.meta().get("unbacked_bindings") instanceof Map<?, ?> bindings)) {
      return;
    }
    bindings.forEach((symbol, path) -> {
      Object v = read(value, (String) path);
      if (v != null) {
        values.put((Sym) symbol, v);
      }
    });
  }

  /** The part of a call's result an unbacked binding names: {@code ""} or {@code .size(d)}. */
  private static Object read(Object value, String path) {
    if (path.isEmpty()) {
      Object v = PyScalars.normalize(value);
      return v instanceof Boolean b ? (b ? 1L : 0L) : v;
    }
    if (path.startsWith(".size(") && value instanceof Tensor t) {
      return t.size(Integer.parseInt(path.substring(6, path.length() - 1)));
    }
    return null;
  }

  private static String failure(RuntimeAssert ra, Map<Sym, Object> values) {
    StringBuilder b = new StringBuilder();
    if (ra.provenance() != null && ra.provenance().location() != null) {
      b.append(ra.provenance().location()).append(": ");
    }
    b.append("Runtime assertion failed for expression ").append(ra.expr());
    if (ra.message() != null && !ra.message().isBlank()) {
      b.append(" (").append(ra.message().strip()).append(")");
    }
    List<String> known = new ArrayList<>();
    for (Sym s : ra.expr().freeSymbols()) {
      known.add(s.name() + " = " + values.get(s));
    }
    return b.append(": this input gives ").append(String.join(", ", known))
        .append(", which the trace assumed impossible").toString();
  }
}
