package symtrace.tracer.fx;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * FX's {@code Graph}: an ordered list of {@link Node}s (placeholders first, one output last)
 * with FX's naming rules. Nodes are appended at the insertion point (the end, before the
 * output), and may be erased when nothing uses them.
 */
public final class Graph implements Iterable<Node> {
  private final Namespace names = new Namespace();
  /** Sentinel: root.next is the first node, root.prev the last. */
  private final Node root;
  private int size;
  private Node output;

  public Graph() {
    root = new Node(this, Node.Kind.OUTPUT, "_root", null, List.of(), Map.of());
    root.next = root;
    root.prev = root;
  }

  /** A {@code placeholder} for an input named {@code name} (e.g. {@code x_1}). */
  public Node placeholder(String name) {
    return append(new Node(this, Node.Kind.PLACEHOLDER, names.create(name), name, List.of(),
        Map.of()));
  }

  /** A {@code get_attr} of a module attribute (a parameter, {@code _tensor_constant0}). */
  public Node getAttr(String qualifiedName) {
    return append(new Node(this, Node.Kind.GET_ATTR, names.create(qualifiedName.replace('.', '_')),
        qualifiedName, List.of(), Map.of()));
  }

  /**
   * A {@code call_function} node.
   *
   * @param target the operator
   * @param args positional arguments (nodes, constants, lists of them)
   * @param kwargs keyword arguments
   * @param nameHint the candidate name (FX derives it from the operator); a free one is chosen
   */
  public Node callFunction(Object target, List<Object> args, Map<String, Object> kwargs,
      String nameHint) {
    return append(new Node(this, Node.Kind.CALL_FUNCTION, names.create(nameHint), target, args,
        kwargs));
  }

  /** The {@code output} node returning {@code result} (a node, constant, or list/tuple). */
  public Node output(Object result) {
    if (output != null) {
      throw new IllegalStateException("the graph already has an output");
    }
    List<Object> args = new ArrayList<>();
    args.add(result);
    output = append(new Node(this, Node.Kind.OUTPUT, names.create("output"), "output", args,
        Map.of()));
    return output;
  }

  /** The output node, or null while the graph is being built. */
  public Node outputNode() {
    return output;
  }

  private Node append(Node n) {
    Node before = output != null && n.kind() != Node.Kind.OUTPUT ? output : root;
    n.prev = before.prev;
    n.next = before;
    before.prev.next = n;
    before.prev = n;
    size++;
    return n;
  }

  /** Moves {@code n} to just before {@code anchor}. */
  public void moveBefore(Node n, Node anchor) {
    n.prev.next = n.next;
    n.next.prev = n.prev;
    n.prev = anchor.prev;
    n.next = anchor;
    anchor.prev.next = n;
    anchor.prev = n;
  }

  /**
   * Removes a node nothing uses.
   *
   * @throws IllegalStateException when the node still has users
   */
  public void erase(Node n) {
    if (!n.users().isEmpty()) {
      throw new IllegalStateException("erasing " + n + " which is used by " + n.users());
    }
    n.unregisterUses();
    n.prev.next = n.next;
    n.next.prev = n.prev;
    n.erased = true;
    if (n == output) {
      output = null;
    }
    size--;
  }

  public int size() {
    return size;
  }

  /** The nodes in order. */
  public List<Node> nodes() {
    List<Node> out = new ArrayList<>(size);
    for (Node n : this) {
      out.add(n);
    }
    return out;
  }

  public List<Node> placeholders() {
    List<Node> out = new ArrayList<>();
    for (Node n : this) {
      if (n.kind() == Node.Kind.PLACEHOLDER) {
        out.add(n);
      }
    }
    return out;
  }

  /** The number of {@code call_function} nodes. */
  public int callCount() {
    int c = 0;
    for (Node n : this) {
      if (n.isCall()) {
        c++;
      }
    }
    return c;
  }

  @Override
  public Iterator<Node> iterator() {
    return new Iterator<>() {
      private Node cur = root.next;

      @Override
      public boolean hasNext() {
        return cur != root;
      }

      @Override
      public Node next() {
        if (cur == root) {
          throw new NoSuchElementException();
        }
        Node n = cur;
        cur = cur.next;
        return n;
      }
    };
  }
}
