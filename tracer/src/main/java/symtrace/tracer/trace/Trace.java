package symtrace.tracer.trace;

import java.util.List;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.tracer.fx.GraphModule;

/**
 * The result of make_fx: the graph module, the shape environment that holds its symbols and
 * guards (null in real mode; in fake mode it holds only unbacked symbols), the traced values given to the placeholders (fake tensors with
 * symbolic sizes, SymInts), and the input names.
 */
public record Trace(GraphModule module, ShapeEnv shapeEnv, TracingMode mode,
    List<String> inputNames, List<Object> tracedInputs) {
  public Trace {
    inputNames = List.copyOf(inputNames);
    tracedInputs = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(tracedInputs));
  }
}
