package symtrace.tracer.trace;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import symtrace.tracer.fx.Node;

/**
 * A node made only when first used (PyTorch's thunkified proxies): a tensor's {@code sym_size}
 * nodes and the nodes of SymInt arithmetic appear in the graph only if a later node uses them.
 */
final class Thunk {
  private static final AtomicLong CREATED = new AtomicLong();

  private final long order = CREATED.getAndIncrement();
  private Supplier<Node> make;
  private Node node;
  /** The node's name is taken already, so when it is made does not change any name. */
  private final boolean named;

  Thunk(Supplier<Node> make) {
    this(make, false);
  }

  private Thunk(Supplier<Node> make, boolean named) {
    this.make = make;
    this.named = named;
  }

  /** A node named already and made only if something uses it (a SymInt operation's). */
  static Thunk named(Supplier<Node> make) {
    return new Thunk(make, true);
  }

  /** True when forcing can wait: the node exists, or its name is taken. */
  boolean canWait() {
    return node != null || named;
  }

  /** When this thunk was made relative to others: a stable order for tracked values. */
  long order() {
    return order;
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

  /**
   * True once the node exists as far as FX is concerned: built, or named (PyTorch made it at
   * that point; it is built when used).
   */
  boolean isForced() {
    return node != null || named;
  }
}
