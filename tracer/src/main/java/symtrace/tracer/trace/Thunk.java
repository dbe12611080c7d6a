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
  private boolean named;

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

  /** A lazy node that can take its name before it is made. */
  interface Nameable extends Supplier<Node> {
    /** Takes the node's name now; the supplier returned makes the node under that name. */
    Supplier<Node> takeName();
  }

  /**
   * Takes a lazy node's name now, if it has none yet, and leaves the node to be made when first
   * used: a size accessor that becomes a SymInt operation's argument is named at that point,
   * but a node exists only if that operation's does.
   */
  void takeName() {
    if (node == null && !named && make instanceof Nameable n) {
      make = n.takeName();
      named = true;
    }
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
