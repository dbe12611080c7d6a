package symtrace.tracer.fx;

import symtrace.tracer.lang.PyTuple;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Pattern;
import symtrace.tracer.ops.OpOverload;

/**
 * FX's {@code Graph}: an ordered list of {@link Node}s (placeholders first, one output last)
 * with FX's naming rules. Nodes are appended at the insertion point (the end, before the
 * output), and may be erased when nothing uses them.
 *
 * <p>A node may also be created <em>pending</em> ({@link #pendingCall}): named at once, so the
 * names of the nodes after it are FX's, but put in the list, at the place of its creation, only
 * when another node first uses it. A symbolic trace makes thousands of SymInt nodes that
 * make_fx's dead-code pass removes again; pending, the unused ones never enter the graph, and
 * the graph is the one FX would have after that pass.
 */
public final class Graph implements Iterable<Node> {
  private static final Pattern CAMEL_HUMP = Pattern.compile("(?<=[a-z])([A-Z])");

  private final Namespace names = new Namespace();
  /** Sentinel: root.next is the first node, root.prev the last. */
  private final Node root;
  private int size;
  private Node output;
  private long nextSeq;

  public Graph() {
    root = new Node(this, Node.Kind.OUTPUT, Namespace.Name.fixed("_root"), "", List.of(), Map.of());
    root.next = root;
    root.prev = root;
  }

  /**
   * FX's {@code create_node}: a node of any kind, named {@code name} or, when that is null,
   * after its target; the name is made unique.
   *
   * @param target the operator of a call_function, the attribute path of a get_attr, the
   *     parameter name of a placeholder, {@code output} for the output
   */
  public Node createNode(Node.Kind kind, Object target, List<Object> args,
      Map<String, Object> kwargs, String name) {
    if (kind == Node.Kind.OUTPUT && output != null) {
      throw new IllegalStateException("the graph already has an output");
    }
    attachPending(args);
    if (!kwargs.isEmpty()) {
      attachPending(kwargs.values());
    }
    Node n = append(newNode(kind, target, args, kwargs, name));
    n.registerUses();
    if (kind == Node.Kind.OUTPUT) {
      output = n;
    }
    return n;
  }

  private Node newNode(Node.Kind kind, Object target, List<Object> args,
      Map<String, Object> kwargs, String name) {
    return newNode(kind, reserve(target, name), target, args, kwargs);
  }

  private Node newNode(Node.Kind kind, Reservation r, Object target, List<Object> args,
      Map<String, Object> kwargs) {
    Node n = new Node(this, kind, r.name, target, args, kwargs);
    n.seq = r.seq;
    return n;
  }

  /**
   * A {@code call_function} node named now and put in the graph when a node created later
   * uses it ({@link #createNode}, {@link Node#setArgs}) or {@link #attach} is called; until
   * then it is in no list and uses nothing. Its arguments must be nodes of the graph or pending.
   */
  public Node pendingCall(Object target, List<Object> args, Map<String, Object> kwargs,
      String nameHint) {
    return pendingCall(reserve(target, nameHint), target, args, kwargs);
  }

  /**
   * A name and a place in the creation order, taken now for a call node that may be made later
   * ({@link #pendingCall(Reservation, Object, List, Map)}) or never. Taking it costs what naming
   * costs, so a SymInt operation whose result is never used pays no more than its name.
   */
  public static final class Reservation {
    private final Namespace.Name name;
    private final long seq;

    private Reservation(Namespace.Name name, long seq) {
      this.name = name;
      this.seq = seq;
    }
  }

  /** Takes the name a node of {@code target} would get now (the hint, when not null). */
  public Reservation reserve(Object target, String nameHint) {
    String candidate = nameHint != null ? nameHint : targetToString(target);
    return new Reservation(names.reserve(candidate), nextSeq++);
  }

  /**
   * Takes, each time it runs, the name and place {@link #reserve} would give a node of {@code
   * target} then, without making a reservation: for a name taken again and again and never
   * used (a replayed computation's SymInt calls).
   */
  public Runnable nameTaker(Object target, String nameHint) {
    Runnable take = names.taker(nameHint != null ? nameHint : targetToString(target));
    return () -> {
      take.run();
      nextSeq++;
    };
  }

  /** The pending node of a reservation: as {@link #pendingCall}, named and placed back then. */
  public Node pendingCall(Reservation r, Object target, List<Object> args,
      Map<String, Object> kwargs) {
    Node n = newNode(Node.Kind.CALL_FUNCTION, r, target, args, kwargs);
    n.pending = true;
    return n;
  }

  /**
   * Puts a pending node (and the pending nodes it uses, first) in the list at the place of its
   * creation: after every node created before it. Does nothing for a node already in the graph.
   */
  public void attach(Node n) {
    if (!n.pending) {
      return;
    }
    n.pending = false;
    attachPending(n.args());
    if (!n.kwargs().isEmpty()) {
      attachPending(n.kwargs().values());
    }
    Node after = output != null ? output.prev : root.prev;
    while (after != root && after.seq > n.seq) {
      after = after.prev;
    }
    n.prev = after;
    n.next = after.next;
    after.next.prev = n;
    after.next = n;
    size++;
    n.registerUses();
  }

  void attachPending(Iterable<?> values) {
    for (Object v : values) {
      if (v instanceof Node n) {
        if (n.pending) {
          attach(n);
        }
      } else if (v instanceof List<?> l) {
        attachPending(l);
      }
    }
  }

  /** A {@code placeholder} for an input named {@code name} (e.g. {@code x_1}). */
  public Node placeholder(String name) {
    return createNode(Node.Kind.PLACEHOLDER, name, List.of(), Map.of(), null);
  }

  /** A {@code get_attr} of a module attribute (a parameter, {@code _tensor_constant0}). */
  public Node getAttr(String qualifiedName) {
    return createNode(Node.Kind.GET_ATTR, qualifiedName, List.of(), Map.of(), null);
  }

  /**
   * A {@code call_function} node.
   *
   * @param target the operator ({@link OpOverload})
   * @param args positional arguments (nodes, constants, lists of them)
   * @param kwargs keyword arguments
   * @param nameHint the candidate name (FX derives it from the operator); a free one is chosen
   */
  public Node callFunction(Object target, List<Object> args, Map<String, Object> kwargs,
      String nameHint) {
    return createNode(Node.Kind.CALL_FUNCTION, target, args, kwargs, nameHint);
  }

  /**
   * The {@code output} node returning {@code result}: a node, a constant, a {@link PyTuple}
   * (printed {@code (a, b)}) or a list (printed {@code [a, b]}).
   */
  public Node output(Object result) {
    List<Object> args = new ArrayList<>();
    args.add(result);
    return createNode(Node.Kind.OUTPUT, "output", args, Map.of(), null);
  }

  /** The output node, or null while the graph is being built. */
  public Node outputNode() {
    return output;
  }

  /**
   * FX's {@code _target_to_str}: an operator's name ({@code add.Tensor}), an attribute or
   * parameter name with a dunder stripped, in snake case ({@code fooBar} becomes {@code
   * foo_bar}); the namespace then replaces what is not an identifier.
   */
  private static String targetToString(Object target) {
    String s;
    if (target instanceof OpOverload op) {
      boolean overloaded = op.namespace().equals("aten") || op.namespace().equals("prims");
      s = overloaded ? op.name() + "." + op.overloadName() : op.name();
    } else {
      s = (String) target;
      if (s.length() > 4 && s.startsWith("__") && s.endsWith("__")) {
        s = s.substring(2, s.length() - 2);
      }
    }
    return CAMEL_HUMP.matcher(s).replaceAll("_$1").toLowerCase(java.util.Locale.ROOT);
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
    if (!n.isUnused()) {
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

  /**
   * FX's {@code lint}: every name is unique, every argument is a node of this graph defined
   * before its use, and the graph ends with its single output node.
   *
   * @throws IllegalStateException naming the first problem, in FX's words where FX has them
   */
  public void lint() {
    Set<String> seenNames = new HashSet<>();
    Set<Node> seen = new HashSet<>();
    Node last = null;
    int outputs = 0;
    for (Node n : this) {
      for (Node arg : n.inputs()) {
        if (arg.graph() != this) {
          throw new IllegalStateException("Argument '" + arg + "' of Node '" + n
              + "' does not belong to this Graph, but was used as an argument!");
        }
        if (!seen.contains(arg)) {
          throw new IllegalStateException("Argument '" + arg + "' of Node '" + n
              + "' was used before it has been defined! Please check that Nodes in the graph"
              + " are topologically ordered");
        }
      }
      seen.add(n);
      if (!seenNames.add(n.name())) {
        throw new IllegalStateException("Node redefined name " + n.name() + "!");
      }
      if (n.kind() == Node.Kind.OUTPUT) {
        outputs++;
      }
      last = n;
    }
    if (outputs != 1 || last.kind() != Node.Kind.OUTPUT) {
      throw new IllegalStateException(outputs == 0 ? "the graph has no output node"
          : outputs > 1 ? "the graph has " + outputs + " output nodes"
          : "node '" + last + "' follows the output node");
    }
  }

  /**
   * FX's {@code eliminate_dead_code}: after {@link #lint}, erases from the end every node that
   * nothing uses and that is not {@linkplain Node#isImpure impure}, so chains of dead nodes go
   * at once.
   *
   * @return whether anything was erased
   */
  public boolean eliminateDeadCode() {
    lint();
    boolean changed = false;
    for (Node n = root.prev; n != root; ) {
      Node prev = n.prev;
      if (n.isUnused() && !n.isImpure()) {
        erase(n);
        changed = true;
      }
      n = prev;
    }
    return changed;
  }

  /**
   * Removes, from the last node to the first, every call node nothing uses and {@code
   * removable} accepts (make_fx's dead-code rule); erasing a node can free its inputs, which
   * are seen after it.
   */
  public void eliminateDeadCode(java.util.function.Predicate<Node> removable) {
    for (Node n = root.prev; n != root; ) {
      Node prev = n.prev;
      if (n.isCall() && n.isUnused() && removable.test(n)) {
        erase(n);
      }
      n = prev;
    }
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
