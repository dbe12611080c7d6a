package symtrace.tracer.fx;

import symtrace.tracer.lang.PyTuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import symtrace.tracer.dispatch.Dispatcher;
import symtrace.tracer.ops.Ops;
import symtrace.tracer.tensor.Tensor;

/**
 * FX's {@code Interpreter}: runs a graph module node by node. Placeholders take the inputs in
 * order, {@code get_attr} reads the module's attributes, {@code call_function} calls its
 * operator through a dispatcher (with the values of the nodes among its arguments), {@code
 * operator.getitem} indexes a list result, and the output's value is returned with its tuples
 * and lists as they are. A value is dropped after its last use, as FX's interpreter does.
 *
 * <p>Pass a dispatcher with no modes pushed to run on real tensors; one interpreter may run
 * many times.
 */
public final class Interpreter {
  private final GraphModule module;
  private final Ops ops;
  private final Consumer<Node> beforeCall;
  private final List<Node> nodes;
  /** The inputs whose value each node uses for the last time. */
  private final Map<Node, List<Node>> lastUsesByUser = new IdentityHashMap<>();

  public Interpreter(GraphModule module, Dispatcher dispatcher) {
    this(module, dispatcher, n -> { });
  }

  /**
   * An interpreter calling operators through {@code ops} (a trace's, to re-trace the graph),
   * telling {@code beforeCall} which node each call is for just before it is made.
   */
  public Interpreter(GraphModule module, Ops ops, Consumer<Node> beforeCall) {
    this.module = module;
    this.ops = ops;
    this.beforeCall = beforeCall;
    this.nodes = module.graph().nodes();
    Map<Node, Node> lastUse = new IdentityHashMap<>();
    for (int i = nodes.size() - 1; i >= 0; i--) {
      Node user = nodes.get(i);
      for (Node input : user.inputs()) {
        if (lastUse.putIfAbsent(input, user) == null) {
          lastUsesByUser.computeIfAbsent(user, k -> new ArrayList<>()).add(input);
        }
      }
    }
  }

  /**
   * Runs the graph.
   *
   * @param inputs one value per placeholder, in order
   * @return the output's value
   * @throws IllegalArgumentException when the number of inputs is not the number of
   *     placeholders, or an attribute is missing
   */
  public Object run(List<?> inputs) {
    return run(inputs, (node, value) -> { });
  }

  /**
   * Runs the graph, telling {@code onValue} each call's result as it is computed (also the
   * result of a node nothing uses, which the run itself does not keep).
   */
  public Object run(List<?> inputs, BiConsumer<Node, Object> onValue) {
    int placeholders = module.graph().placeholders().size();
    if (inputs.size() != placeholders) {
      throw new IllegalArgumentException("the graph takes " + placeholders + " inputs, "
          + inputs.size() + " given");
    }
    Map<Node, Object> env = new HashMap<>();
    int nextInput = 0;
    for (Node n : nodes) {
      Object value = switch (n.kind()) {
        case PLACEHOLDER -> inputs.get(nextInput++);
        case GET_ATTR -> attribute((String) n.target());
        case CALL_FUNCTION -> {
          Object result = call(n, env);
          onValue.accept(n, result);
          yield result;
        }
        case OUTPUT -> {
          Object result = load(n.args().get(0), env);
          env.clear();
          yield result;
        }
      };
      if (n.kind() == Node.Kind.OUTPUT) {
        return value;
      }
      if (!n.isUnused()) {
        env.put(n, value);
      }
      for (Node dead : lastUsesByUser.getOrDefault(n, List.of())) {
        env.remove(dead);
      }
    }
    throw new IllegalStateException("the graph has no output node");
  }

  private Tensor attribute(String name) {
    Tensor t = module.attributes().get(name);
    if (t == null) {
      throw new IllegalArgumentException("the module has no attribute " + name);
    }
    return t;
  }

  private Object call(Node n, Map<Node, Object> env) {
    List<Object> args = new ArrayList<>();
    for (Object a : n.args()) {
      args.add(load(a, env));
    }
    Map<String, Object> kwargs = new LinkedHashMap<>();
    n.kwargs().forEach((k, v) -> kwargs.put(k, load(v, env)));
    if (n.op().qualifiedName().equals("operator.getitem") && args.get(0) instanceof List<?> l) {
      // Python indexing of a multi-output result: no operator runs.
      long i = ((Number) args.get(1)).longValue();
      return l.get((int) (i < 0 ? i + l.size() : i));
    }
    beforeCall.accept(n);
    return ops.call(n.op().bind(args, kwargs));
  }

  /** An argument with every node replaced by its value, lists and tuples rebuilt. */
  private static Object load(Object v, Map<Node, Object> env) {
    if (v instanceof Node n) {
      if (!env.containsKey(n)) {
        throw new IllegalStateException("node " + n + " has no value (used after it was freed,"
            + " or before it was defined)");
      }
      return env.get(n);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object item : l) {
        out.add(load(item, env));
      }
      return v instanceof PyTuple ? PyTuple.copyOf(out) : out;
    }
    return v;
  }
}
