package symtrace.tracer.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import symtrace.solver.decompose.Decomposition;
import symtrace.solver.decompose.SolverDecomposer;
import symtrace.solver.decompose.Tracked;
import symtrace.solver.decompose.Verifier;
import symtrace.solver.z3.Z3Prover;
import symtrace.symbolic.env.Guard;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.expr.Add;
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Mul;
import symtrace.symbolic.expr.Pow;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymFloat;
import symtrace.symbolic.value.SymInt;
import symtrace.symbolic.value.SymNode;
import symtrace.tracer.fx.Graph;
import symtrace.tracer.fx.Node;
import symtrace.tracer.ops.OpOverload;
import symtrace.tracer.ops.OpRegistry;
import symtrace.tracer.ops.PyScalars;

/**
 * Rebuilds a symbolic value that has no node (one computed with tracing disabled, or in another
 * graph) from the values the graph tracks: PyTorch's {@code _build_proxy_for_sym_expr}, made
 * sound where its syntactic walk fails.
 *
 * <p>First the syntactic walk: each subexpression some tracked value already has a node for is
 * that node, each symbol is its tracked value, and each operation becomes an {@code operator}
 * node. Nodes already in the graph are preferred over lazy ones, so the rebuilt value reads what
 * the graph already reads rather than a tensor nothing else uses (the walk's "wrong producer").
 * When the walk cannot build the expression (a symbol has no tracked value of its own, as when
 * the graph holds only {@code s0*s1}, or simplification regrouped the expression away from the
 * tracked values), the solver's decomposer searches for a term over the tracked values that is
 * verified equal (by expansion, or by Z3 under the recorded guards), and that term's nodes are
 * built. When none exists the error names the missing symbols and where each came from.
 */
final class SymbolicProxies {
  /** A tracked symbolic value: its expression and its node, made or still lazy. */
  record TrackedValue(Expr expr, Thunk node) {}

  private final Graph graph;
  private final OpRegistry registry;
  private final Function<Expr, Node> tracked;
  private final Supplier<List<TrackedValue>> values;

  /**
   * @param tracked the expression tracker: the node of the first value holding a symbol
   * @param values every tracked symbolic value
   */
  SymbolicProxies(Graph graph, OpRegistry registry, Function<Expr, Node> tracked,
      Supplier<List<TrackedValue>> values) {
    this.graph = graph;
    this.registry = registry;
    this.tracked = tracked;
    this.values = values;
  }

  /** A node computing {@code e}; {@code value} is the symbolic value it stands for. */
  Node build(Expr e, Object value) {
    Map<Expr, TrackedValue> known = preferred(values.get());
    Object built;
    if (walkable(e, known)) {
      built = walk(e, sub -> {
        TrackedValue made = known.get(sub);
        if (made != null && made.node().isForced()) {
          return made.node().force();
        }
        if (sub instanceof Sym s) {
          Node first = tracked.apply(s);
          return first != null ? first : made.node().force();
        }
        return null;
      });
    } else {
      built = decomposed(e, value, known);
    }
    if (built instanceof Node n) {
      n.meta().put("val", value);
      return n;
    }
    throw new TracingError("cannot build a graph value for " + e);
  }

  /**
   * One tracked value per distinct expression: the earliest node already in the graph, else the
   * first lazy one made. The map's order is that preference order.
   */
  private Map<Expr, TrackedValue> preferred(List<TrackedValue> all) {
    Map<Node, Integer> position = new HashMap<>();
    for (Node n : graph) {
      position.put(n, position.size());
    }
    List<TrackedValue> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.<TrackedValue>comparingInt(
            t -> t.node().isForced() ? position.getOrDefault(t.node().force(), Integer.MAX_VALUE - 1)
                : Integer.MAX_VALUE)
        .thenComparingLong(t -> t.node().order()));
    Map<Expr, TrackedValue> out = new LinkedHashMap<>();
    for (TrackedValue t : sorted) {
      out.putIfAbsent(t.expr(), t);
    }
    return out;
  }

  /** Whether the syntactic walk builds {@code e}: every symbol tracked, every operation known. */
  private boolean walkable(Expr e, Map<Expr, TrackedValue> known) {
    TrackedValue made = known.get(e);
    if (made != null && made.node().isForced() || e instanceof IntLit) {
      return true;
    }
    if (e instanceof Sym) {
      return made != null;
    }
    if (!(e instanceof Add || e instanceof Mul || positivePower(e) || graphFunction(e) != null)) {
      return false;
    }
    List<Expr> args = positivePower(e) ? List.of(e.args().get(0)) : e.args();
    for (Expr a : args) {
      if (!walkable(a, known)) {
        return false;
      }
    }
    return true;
  }

  private static boolean positivePower(Expr e) {
    return e instanceof Pow pow && pow.args().get(1) instanceof IntLit exp && exp.signum() > 0;
  }

  /** The {@code operator} or {@code torch} function computing an application, or null. */
  private static String graphFunction(Expr e) {
    if (!(e instanceof Apply a)) {
      return null;
    }
    String name = switch (a.fn()) {
      case FLOOR_DIV -> "operator.floordiv";
      case MOD, PYTHON_MOD -> "operator.mod";
      case POW_BY_NATURAL -> "operator.pow";
      case INT_TRUE_DIV, FLOAT_TRUE_DIV -> "operator.truediv";
      case EQ -> "operator.eq";
      case NE -> "operator.ne";
      case LT -> "operator.lt";
      case LE -> "operator.le";
      case GT -> "operator.gt";
      case GE -> "operator.ge";
      case MAX -> "torch.sym_max";
      case MIN -> "torch.sym_min";
      case TO_FLOAT -> "torch.sym_float";
      default -> null;
    };
    boolean binary = name != null && name.startsWith("operator.");
    if (binary && a.arity() != 2 || a.fn() == Fn.TO_FLOAT && a.arity() != 1) {
      return null;
    }
    return name;
  }

  /**
   * A node or a constant for each subexpression; {@code leaf} gives the node standing for a
   * subexpression (always for a symbol), or null to build it from its parts.
   */
  private Object walk(Expr e, Function<Expr, Node> leaf) {
    if (e instanceof IntLit i) {
      return i.longValue();
    }
    Node existing = leaf.apply(e);
    if (existing != null) {
      return existing;
    }
    if (e instanceof Add add) {
      return fold("operator.add", add.args(), leaf);
    }
    if (e instanceof Mul mul) {
      return fold("operator.mul", mul.args(), leaf);
    }
    if (positivePower(e)) {
      return call("operator.pow", walk(e.args().get(0), leaf), ((IntLit) e.args().get(1)).longValue());
    }
    String fn = graphFunction(e);
    if (fn == null) {
      throw new TracingError("cannot build a graph value for " + e
          + ": its operation has no graph form");
    }
    if (fn.equals("torch.sym_float")) {
      return node(registry.get(fn), walk(e.args().get(0), leaf));
    }
    return fold(fn, e.args(), leaf);
  }

  private Object fold(String fn, List<Expr> terms, Function<Expr, Node> leaf) {
    Object acc = walk(terms.get(0), leaf);
    for (int i = 1; i < terms.size(); i++) {
      acc = call(fn, acc, walk(terms.get(i), leaf));
    }
    return acc;
  }

  private Object call(String fn, Object a, Object b) {
    OpOverload op = registry.get(fn);
    if (!(a instanceof Node) && !(b instanceof Node)) {
      return op.kernel().apply(op.bind(List.of(a, b), Map.of()));
    }
    return node(op, a, b);
  }

  private Node node(OpOverload op, Object... args) {
    Node n = graph.callFunction(op, List.of(args), Map.of(), ProxyMode.nodeName(op));
    Object[] vals = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      vals[i] = args[i] instanceof Node arg ? arg.val() : args[i];
    }
    n.meta().put("val", PyScalars.normalize(op.kernel().apply(op.bind(List.of(vals),
        Map.of()))));
    return n;
  }

  // ---------------------------------------------------------------------------------------
  // The solver's decomposition

  /** The nodes of a verified term over the tracked values equal to {@code e}. */
  private Object decomposed(Expr e, Object value, Map<Expr, TrackedValue> known) {
    List<Tracked> candidates = new ArrayList<>();
    Map<String, TrackedValue> byName = new HashMap<>();
    for (TrackedValue t : known.values()) {
      String name = "tracked" + candidates.size();
      candidates.add(new Tracked(name, t.expr(), producer(t), candidates.size()));
      byName.put(name, t);
    }
    ShapeEnv env = envOf(value);
    List<Expr> facts = new ArrayList<>();
    if (env != null) {
      for (Guard g : env.guards()) {
        facts.add(g.expr());
      }
    }
    Decomposition d;
    Z3Prover[] prover = new Z3Prover[1];
    // Expansion verifies polynomial identities; Z3, started only when needed, proves the rest.
    Verifier verifier = Verifier.expansion().orElse((target, term, defs, f) -> {
      if (prover[0] == null) {
        prover[0] = Z3Prover.create();
      }
      return Verifier.prover(prover[0]).verify(target, term, defs, f);
    });
    try (SolverDecomposer solver = new SolverDecomposer(verifier)) {
      d = solver.decompose(e, candidates, facts);
    } finally {
      if (prover[0] != null) {
        prover[0].close();
      }
    }
    if (!d.isFound()) {
      throw new TracingError(notFound(e, d, env, known));
    }
    return walk(d.term(), sub -> sub instanceof Sym s ? byName.get(s.name()).node().force() : null);
  }

  /** A value already read from a graph input is the cheapest to reuse; others cost more. */
  private static Tracked.Producer producer(TrackedValue t) {
    if (t.node().isForced()) {
      Node n = t.node().force();
      if (n.kind() == Node.Kind.PLACEHOLDER || n.isCall() && n.op().qualifiedName().startsWith("aten.sym_")
          && n.args().get(0) instanceof Node base && base.kind() == Node.Kind.PLACEHOLDER) {
        return Tracked.Producer.INPUT_SIZE;
      }
    }
    return Tracked.Producer.INTERMEDIATE;
  }

  private static String notFound(Expr e, Decomposition d, ShapeEnv env, Map<Expr, TrackedValue> known) {
    String head = "cannot build a graph value for " + e + ": ";
    if (!d.missing().isEmpty()) {
      List<String> missing = new ArrayList<>();
      for (Sym s : d.missing()) {
        missing.add(s.name() + " (" + origin(s, env) + ")");
      }
      return head + "no traced value holds " + String.join(", ", missing);
    }
    Set<String> related = new LinkedHashSet<>();
    for (Expr tracked : known.keySet()) {
      if (tracked.freeSymbols().stream().anyMatch(e.freeSymbols()::contains)) {
        related.add(tracked.toString());
      }
    }
    return head + "no term over the traced values " + String.join(", ", related)
        + " is verified equal to it";
  }

  /** Where a symbol came from: its first source, or that it has none (an unbacked value). */
  private static String origin(Sym s, ShapeEnv env) {
    if (env != null && !env.sources(s).isEmpty()) {
      return "from " + env.sources(s).get(0).name();
    }
    return env != null && env.hint(s) == null ? "unbacked, from no input" : "from no input";
  }

  private static ShapeEnv envOf(Object value) {
    SymNode n = value instanceof SymInt i ? i.node()
        : value instanceof SymFloat f ? f.node()
        : value instanceof SymBool b ? b.node() : null;
    return n == null ? null : n.env();
  }
}
