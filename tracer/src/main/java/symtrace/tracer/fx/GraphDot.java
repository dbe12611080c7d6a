package symtrace.tracer.fx;

import java.util.List;

/**
 * A graph module as a Graphviz {@code digraph}: one box per node labelled with its name, its
 * target (the operator's qualified name, {@code self.<attr>} for an attribute, the kind for a
 * placeholder or the output) and its printed type, and one edge from each input to each node
 * using it, in argument order.
 */
public final class GraphDot {
  private GraphDot() {}

  public static String write(GraphModule module) {
    StringBuilder b = new StringBuilder();
    b.append("digraph ").append(quote(module.className())).append(" {\n");
    b.append("  node [shape=box, fontname=\"monospace\"];\n");
    for (Node n : module.graph()) {
      String type = typeOf(n.val());
      String label = n.name() + "\n" + target(n) + (type == null ? "" : "\n" + type);
      b.append("  ").append(quote(n.name())).append(" [label=").append(quote(label));
      if (n.kind() == Node.Kind.PLACEHOLDER || n.kind() == Node.Kind.OUTPUT) {
        b.append(", shape=ellipse");
      }
      b.append("];\n");
    }
    for (Node n : module.graph()) {
      for (Node input : n.inputs()) {
        b.append("  ").append(quote(input.name())).append(" -> ").append(quote(n.name()))
            .append(";\n");
      }
    }
    return b.append("}\n").toString();
  }

  /**
   * What a node computes, as its box names it: the operator's qualified name, {@code
   * self.<attr>} for an attribute, the kind for a placeholder or the output.
   */
  public static String target(Node n) {
    return switch (n.kind()) {
      case CALL_FUNCTION -> n.op().qualifiedName();
      case GET_ATTR -> "self." + n.target();
      case PLACEHOLDER, OUTPUT -> n.kind().fxName();
    };
  }

  /**
   * The printed type of a node's value, or null; a multi-output operator's as a tuple of its
   * parts' types.
   */
  public static String typeOf(Object val) {
    ValueType t = ValueType.of(val);
    if (t != null) {
      return t.annotation();
    }
    if (val instanceof List<?> items && !items.isEmpty()) {
      StringBuilder b = new StringBuilder("(");
      for (int i = 0; i < items.size(); i++) {
        String part = typeOf(items.get(i));
        b.append(i == 0 ? "" : ", ").append(part == null ? "?" : part);
      }
      return b.append(')').toString();
    }
    return null;
  }

  /** A DOT string literal: quotes and backslashes escaped, newlines as {@code \n}. */
  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
