package symtrace.tracer.fx;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import symtrace.tracer.tensor.Tensor;

/**
 * FX's {@code GraphModule}: a graph and the attributes its {@code get_attr} nodes read
 * (parameters, {@code _tensor_constantN}), with the generated code. The code is generated from
 * the graph each time it is asked for, so it follows later changes to the graph.
 */
public final class GraphModule {
  private final Graph graph;
  private final Map<String, Tensor> attributes;
  private final String className;

  public GraphModule(Graph graph, Map<String, Tensor> attributes, String className) {
    this.graph = graph;
    this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    this.className = className;
  }

  public Graph graph() {
    return graph;
  }

  /** Attribute values by qualified name. */
  public Map<String, Tensor> attributes() {
    return attributes;
  }

  /** The module's class name in {@code print_readable} (the traced function's name). */
  public String className() {
    return className;
  }

  /** FX's {@code gm.code}: the {@code forward} function the graph prints as. */
  public String code() {
    return CodeGen.code(graph);
  }

  /**
   * FX's {@code gm.print_readable()}: the code as a module class with the values' types
   * ({@code "f32[s75, s96]"}, {@code "Sym(s7)"}) and stack-trace comments.
   */
  public String printReadable() {
    return CodeGen.readable(graph, className);
  }
}
