package symtrace.tracer.trace;

import java.util.function.Supplier;
import symtrace.tracer.fx.Node;

/**
 * A node made only when first used (PyTorch's thunkified proxies): a tensor's {@code sym_size}
 * nodes and the nodes of SymInt arithmetic appear in the graph only if a later node uses them.
 */
final class Thunk {
  private final long order;
  private Supplier<Node> make;
  private Node node;
  /** The node's name is taken already, so when it is made does not change any name. */
  private final boolean named;

  private Thunk(Supplier<Node> make, boolean named, long order) {
    this.make = make;
    this.named = named;
    this.order = order;
  }

  /**
   * A node made and named when first forced (a size accessor's).
   *
   * @param order the thunk's place among those of its trace
   */
  static Thunk lazy(Supplier<Node> make, long order) {
    return new Thunk(make, false, order);
  }

  /** A node named already and made only if something uses it (a SymInt operation's). */
  static Thunk named(Supplier<Node> make, long order) {
    return new Thunk(make, true, order);
  }

  /** When this thunk was made relative to the others of its trace: a stable order. */
  long order() {
    return order;
  }

  static Thunk of(Node node, long order) {
    Thunk t = new Thunk(null, false, order);
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

  /**
   * True once the node exists as far as FX is concerned: built, or named (PyTorch made it at
   * that point; it is built when used).
   */
  boolean isForced() {
    return node != null || named;
  }
}
