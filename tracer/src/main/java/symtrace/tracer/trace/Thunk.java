package symtrace.tracer.trace;

import java.util.function.Supplier;
import symtrace.tracer.fx.Node;

/**
 * A node made only when first used (PyTorch's thunkified proxies): a tensor's {@code sym_size}
 * nodes and the nodes of SymInt arithmetic appear in the graph only if a later node uses them.
 */
final class Thunk {
  private Supplier<Node> make;
  private Node node;

  Thunk(Supplier<Node> make) {
    this.make = make;
  }

  static Thunk of(Node node) {
    Thunk t = new Thunk(null);
    t.node = node;
    return t;
  }

  Node force() {
    if (node == null) {
      node = make.get();
      make = null;
    }
    return node;
  }

  boolean isForced() {
    return node != null;
  }
}
