package symtrace.tracer.fx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import symtrace.tracer.ops.OpOverload;
import symtrace.tracer.ops.Tag;

/**
 * One node of a {@link Graph}, as in FX: its kind ({@link Kind}), a unique name, a target (the
 * {@link OpOverload} of a {@code call_function}, the attribute path of a {@code get_attr}, the
 * parameter name of a {@code placeholder}), arguments that may reference other nodes (directly
 * or inside lists), keyword arguments, and metadata ({@code val}, {@code stack_trace}, ...).
 *
 * <p>Argument values follow the operator conventions ({@code Long}, {@code Double}, {@code
 * Boolean}, {@code String}, {@code DType}, {@code null}, {@link List}) with {@link Node} where a
 * value is computed by the graph.
 */
public final class Node {
  /** FX's node kinds. */
  public enum Kind {
    PLACEHOLDER("placeholder"),
    GET_ATTR("get_attr"),
    CALL_FUNCTION("call_function"),
    OUTPUT("output");

    private final String fxName;

    Kind(String fxName) {
      this.fxName = fxName;
    }

    /** FX's {@code op} string: {@code call_function}. */
    public String fxName() {
      return fxName;
    }

    /** The kind FX names {@code op}. */
    public static Kind fromFxName(String op) {
      for (Kind k : values()) {
        if (k.fxName.equals(op)) {
          return k;
        }
      }
      throw new IllegalArgumentException("unknown node op '" + op + "'");
    }
  }

  /**
   * Operators FX keeps even when nothing uses their result ({@code _side_effectful_functions}),
   * besides the mutating and seeded-random ones, and any {@code aten._assert_*}.
   */
  private static final Set<String> SIDE_EFFECTFUL = Set.of(
      "aten.sym_constrain_range.default", "aten.sym_constrain_range_for_size.default",
      "operator.setitem", "torch._assert", "torch._assert_async");

  private final Graph graph;
  private final Kind kind;
  private final Namespace.Name name;
  private final Object target;
  private List<Object> args;
  private Map<String, Object> kwargs;
  // Small: a traced node carries val, location and at most a few more entries.
  private final Map<String, Object> meta = new LinkedHashMap<>(8);
  /** Made on the first use: most SymInt nodes of a symbolic trace never get one. */
  private Set<Node> users;
  Node prev;
  Node next;
  boolean erased;
  /** The order of creation in the graph: where a pending node goes when it is attached. */
  long seq;
  /** Created and named but not yet in the graph's list (see {@link Graph#pendingCall}). */
  boolean pending;

  Node(Graph graph, Kind kind, Namespace.Name name, Object target, List<Object> args,
      Map<String, Object> kwargs) {
    if (kind == Kind.CALL_FUNCTION && !(target instanceof OpOverload)) {
      throw new IllegalArgumentException("node " + name + ": a call_function target must be an"
          + " operator overload, got " + target);
    }
    if (kind != Kind.CALL_FUNCTION && !(target instanceof String)) {
      throw new IllegalArgumentException("node " + name + ": a " + kind.fxName()
          + " target must be a string, got " + target);
    }
    this.graph = graph;
    this.kind = kind;
    this.name = name;
    this.target = target;
    this.args = Collections.unmodifiableList(new ArrayList<>(args));
    this.kwargs = kwargs.isEmpty() ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(kwargs));
  }

  public Graph graph() {
    return graph;
  }

  public Kind kind() {
    return kind;
  }

  public String name() {
    return name.toString();
  }

  /** The operator of a call_function node, the attribute or parameter name otherwise. */
  public Object target() {
    return target;
  }

  /** The operator of a call_function node. */
  public OpOverload op() {
    return (OpOverload) target;
  }

  public boolean isCall() {
    return kind == Kind.CALL_FUNCTION;
  }

  /**
   * FX's {@code Node.is_impure}: whether dead-code elimination must keep this node although
   * nothing uses it. Placeholders and the output are; so is a call that writes an argument
   * (a schema with {@code (a!)}), draws random numbers ({@code nondeterministic_seeded}), or is
   * an assertion or range constraint.
   */
  public boolean isImpure() {
    if (kind == Kind.PLACEHOLDER || kind == Kind.OUTPUT) {
      return true;
    }
    if (kind != Kind.CALL_FUNCTION) {
      return false;
    }
    OpOverload op = op();
    return op.isMutable()
        || op.hasTag(Tag.NONDETERMINISTIC_SEEDED)
        || SIDE_EFFECTFUL.contains(op.qualifiedName())
        || op.namespace().equals("aten") && op.name().startsWith("_assert_");
  }

  public List<Object> args() {
    return args;
  }

  public Map<String, Object> kwargs() {
    return kwargs;
  }

  /** Metadata: {@code val} (the fake value), {@code stack_trace}, {@code nn_module_stack}, ... */
  public Map<String, Object> meta() {
    return meta;
  }

  /** The value this node computed during tracing (a fake tensor, SymInt, ...), or null. */
  public Object val() {
    return meta.get("val");
  }

  /** True when no node uses this one (cheaper than {@code users().isEmpty()}). */
  public boolean isUnused() {
    return users == null || users.isEmpty();
  }

  /** Nodes that use this one, in the order they started to. */
  public Set<Node> users() {
    return users == null ? Set.of() : Collections.unmodifiableSet(users);
  }

  /** The nodes among the arguments, each once, in order of appearance. */
  public List<Node> inputs() {
    Set<Node> out = new LinkedHashSet<>();
    collect(args, out);
    if (!kwargs.isEmpty()) {
      collect(kwargs.values(), out);
    }
    return new ArrayList<>(out);
  }

  public Node next() {
    return next;
  }

  public Node prev() {
    return prev;
  }

  /** Replaces the arguments (keeping users consistent). */
  public void setArgs(List<Object> newArgs) {
    graph.attachPending(newArgs);
    unregisterUses();
    this.args = Collections.unmodifiableList(new ArrayList<>(newArgs));
    registerUses();
  }

  public void setKwargs(Map<String, Object> newKwargs) {
    graph.attachPending(newKwargs.values());
    unregisterUses();
    this.kwargs = Collections.unmodifiableMap(new LinkedHashMap<>(newKwargs));
    registerUses();
  }

  /** Replaces every use of this node by {@code replacement}. */
  public void replaceAllUsesWith(Node replacement) {
    for (Node user : new ArrayList<>(users())) {
      user.setArgs(replace(user.args, this, replacement));
      Map<String, Object> kw = new LinkedHashMap<>();
      user.kwargs.forEach((k, v) -> kw.put(k, replaceValue(v, this, replacement)));
      user.setKwargs(kw);
    }
  }

  private static List<Object> replace(List<?> values, Node from, Node to) {
    List<Object> out = new ArrayList<>(values.size());
    for (Object v : values) {
      out.add(replaceValue(v, from, to));
    }
    return out;
  }

  private static Object replaceValue(Object v, Node from, Node to) {
    if (v == from) {
      return to;
    }
    if (v instanceof List<?> l) {
      return replace(l, from, to);
    }
    return v;
  }

  void unregisterUses() {
    unregister(args);
    if (!kwargs.isEmpty()) {
      unregister(kwargs.values());
    }
  }

  private void unregister(Iterable<?> values) {
    for (Object v : values) {
      if (v instanceof Node n) {
        if (n.users != null) {
          n.users.remove(this);
        }
      } else if (v instanceof List<?> l) {
        unregister(l);
      }
    }
  }

  void registerUses() {
    register(args);
    if (!kwargs.isEmpty()) {
      register(kwargs.values());
    }
  }

  /** Adds this node to the users of every node among {@code values}, in order. */
  private void register(Iterable<?> values) {
    for (Object v : values) {
      if (v instanceof Node n) {
        if (n.users == null) {
          n.users = new LinkedHashSet<>(4);
        }
        n.users.add(this);
      } else if (v instanceof List<?> l) {
        register(l);
      }
    }
  }

  private static void collect(Iterable<?> values, Set<Node> out) {
    for (Object v : values) {
      if (v instanceof Node n) {
        out.add(n);
      } else if (v instanceof List<?> l) {
        collect(l, out);
      }
    }
  }

  @Override
  public String toString() {
    return name.toString();
  }
}
