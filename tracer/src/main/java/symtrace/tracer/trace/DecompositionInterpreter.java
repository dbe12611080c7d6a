package symtrace.tracer.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import symtrace.tracer.fx.GraphModule;
import symtrace.tracer.fx.Interpreter;
import symtrace.tracer.fx.Node;
import symtrace.tracer.ops.Decomposition;
import symtrace.tracer.ops.OpOverload;

/**
 * PyTorch's {@code DecompositionInterpreter}: runs a graph module's nodes again inside a new
 * trace with a decomposition table, so the new graph has each operator with an entry replaced
 * by the operators of its entry. The placeholders and attributes keep the old graph's names.
 * Like PyTorch's, it traces in real mode unless told otherwise ({@link #inMode}).
 *
 * <p>{@link #selective} is {@code selective_decompose}: only the nodes a predicate accepts are
 * decomposed; the others are traced as they are.
 */
public final class DecompositionInterpreter {
  private final GraphModule module;
  private final Map<OpOverload, Decomposition> table;
  private final Predicate<Node> shouldDecompose;
  private final TracingMode mode;

  private DecompositionInterpreter(GraphModule module, Map<OpOverload, Decomposition> table,
      Predicate<Node> shouldDecompose, TracingMode mode) {
    this.module = module;
    this.table = Map.copyOf(table);
    this.shouldDecompose = shouldDecompose;
    this.mode = mode;
  }

  /** Re-traces {@code module} applying {@code table} to every node. */
  public DecompositionInterpreter(GraphModule module, Map<OpOverload, Decomposition> table) {
    this(module, table, n -> true, TracingMode.REAL);
  }

  /**
   * Re-traces {@code module} applying {@code table} to the nodes {@code shouldDecompose}
   * accepts.
   */
  public static DecompositionInterpreter selective(GraphModule module,
      Map<OpOverload, Decomposition> table, Predicate<Node> shouldDecompose) {
    return new DecompositionInterpreter(module, table, shouldDecompose, TracingMode.REAL);
  }

  /** The same interpreter tracing in another mode. */
  public DecompositionInterpreter inMode(TracingMode tracingMode) {
    return new DecompositionInterpreter(module, table, shouldDecompose, tracingMode);
  }

  /**
   * Runs the module on {@code inputs} (one per placeholder) and returns the new trace.
   *
   * @throws IllegalArgumentException when the number of inputs is not the number of placeholders
   */
  public Trace run(List<?> inputs) {
    List<Node> placeholders = module.graph().placeholders();
    if (inputs.size() != placeholders.size()) {
      throw new IllegalArgumentException("the graph takes " + placeholders.size() + " inputs, "
          + inputs.size() + " given");
    }
    List<MakeFx.Input> in = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      String name = placeholders.get(i).name();
      names.add(name);
      in.add(new MakeFx.Input(parameterName(name), inputs.get(i)));
    }
    Node[] current = new Node[1];
    Map<OpOverload, Decomposition> applied = new LinkedHashMap<>();
    // An entry applies only while a node the predicate accepts runs (its decomposition's own
    // calls included); elsewhere it declines and the operator is traced as it is.
    table.forEach((op, d) -> applied.put(op, (args, ops) -> shouldDecompose.test(current[0])
        ? d.apply(args, ops) : Decomposition.NOT_IMPLEMENTED));
    return MakeFx.of(mode).named(module.className()).withDecompositions(applied).trace(
        (ctx, values) -> new Interpreter(module, ctx.ops(), n -> current[0] = n).run(values),
        in, names, module.attributes());
  }

  /**
   * make_fx names a placeholder after its parameter with {@code _1}; the guards use the
   * parameter.
   */
  private static String parameterName(String placeholder) {
    return placeholder.endsWith("_1")
        ? placeholder.substring(0, placeholder.length() - 2) : placeholder;
  }
}
