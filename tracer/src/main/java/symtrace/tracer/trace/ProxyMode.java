package symtrace.tracer.trace;

import com.google.common.collect.MapMaker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.env.SourceLocation;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymFloat;
import symtrace.symbolic.value.SymInt;
import symtrace.symbolic.value.SymNode;
import symtrace.tracer.dispatch.DispatchMode;
import symtrace.tracer.dispatch.Dispatcher;
import symtrace.tracer.dispatch.ScalarEffects;
import symtrace.tracer.fx.Graph;
import symtrace.tracer.fx.Node;
import symtrace.tracer.lang.PyTuple;
import symtrace.tracer.nn.Module;
import symtrace.tracer.ops.Args;
import symtrace.tracer.ops.DataDependentReadError;
import symtrace.tracer.ops.Decomposition;
import symtrace.tracer.ops.OpOverload;
import symtrace.tracer.ops.OpRegistry;
import symtrace.tracer.ops.PyScalars;
import symtrace.tracer.ops.Tag;
import symtrace.tracer.ops.ValuesKey;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorValue;

/**
 * PyTorch's {@code ProxyTorchDispatchMode}: every operator call that reaches it becomes a
 * {@code call_function} node whose arguments are the nodes of the values passed, then runs
 * below (fake or real), and its outputs are tracked so later calls find their nodes.
 *
 * <p>Tracking follows PyTorch: tensors are held weakly by identity and re-bound when an in-place
 * operator returns them; a SymInt's node is set once and never clobbered; a tensor's symbolic
 * sizes, strides, element count and offset get lazy accessor nodes ({@code sym_size}, ...,
 * {@link Thunk}) that appear only when used; SymInt arithmetic ({@code operator.mul}, ...) gets
 * its node at once, used or not (unused ones are removed at the end, their names taken), and
 * every tracked tensor is asked its memory format as make_fx's {@code tensor_meta} does ({@link
 * TensorMetadata}). A symbolic value with no node is rebuilt from tracked values ({@link
 * SymbolicProxies}).
 *
 * <p>An operator in the trace's decomposition table runs its entry instead, with this mode
 * re-entered. A traced module's parameters become {@code get_attr} nodes of their qualified
 * names, and when the module stack is recorded each node made inside a module's forward gets
 * {@code nn_module_stack}.
 */
final class ProxyMode implements DispatchMode {
  private final Graph graph;
  private final ShapeEnv env;
  private final TracingMode mode;
  private final OpOverload symSize;
  private final OpOverload symStride;
  private final OpOverload symStorageOffset;
  private final OpOverload symNumel;
  private final OpOverload getitem;
  private final OpOverload operatorMul;
  private final OpOverload liftFresh;
  private final OpOverload liftFreshCopy;
  private final Map<TensorValue, Thunk> tensors = new MapMaker().weakKeys().makeMap();
  /**
   * The symbolic-value tracker, by identity. Strong, unlike the tensor tracker: SymNodes are
   * small, a trace is short-lived, and which values can rebuild an untracked one must not
   * depend on when the garbage collector ran.
   */
  /** Size and stride expressions whose memory-format questions were asked (see askLayout). */
  private final Set<ValuesKey> askedLayouts = new HashSet<>();
  /** Thunks made so far: each one's place in the order of tracked values. */
  private long thunks;
  // SymNodes hash by creation number and equal only themselves: a plain map is an identity map.
  private final Map<SymNode, Thunk> symbols = new HashMap<>(8192);
  /** The expression tracker: a node for each symbol, from the first tensor or value holding it. */
  private final Map<Expr, Thunk> expressions = new LinkedHashMap<>();
  private final Map<String, Tensor> constants = new LinkedHashMap<>();
  /** The tensors whose values the trace may read (PyTorch's proxy {@code constant}s). */
  private final ConstantValues known;
  private final Map<Tensor, Node> constantNodes = new MapMaker().weakKeys().makeMap();
  private int tensorConstants;
  /** A traced module's parameters, by identity: their qualified names ({@code linear.weight}). */
  private final Map<Tensor, String> parameters = new IdentityHashMap<>();
  private final Set<String> parameterNames = new HashSet<>();
  /** The modules whose forward is running, outermost first: path to class name. */
  private final LinkedHashMap<String, String> moduleStack = new LinkedHashMap<>();
  /** An unmodifiable copy of the module stack, shared by the nodes made while it holds. */
  private Map<String, String> moduleStackSnapshot;
  private boolean recordModuleStack;
  private final SymbolicProxies rebuild;
  private final Dispatcher dispatcher;
  private final Map<OpOverload, Decomposition> decompositions;
  private SourceLocation location;
  /** The log of the memoized scalar computation running now, or null. */
  private ScalarCallLog scalarLog;

  ProxyMode(Graph graph, ShapeEnv env, TracingMode mode, OpRegistry registry,
      Dispatcher dispatcher, Map<OpOverload, Decomposition> decompositions) {
    this.graph = graph;
    this.env = env;
    this.mode = mode;
    this.dispatcher = dispatcher;
    this.decompositions = Map.copyOf(decompositions);
    this.symSize = registry.get("aten.sym_size.int");
    this.symStride = registry.get("aten.sym_stride.int");
    this.symStorageOffset = registry.get("aten.sym_storage_offset.default");
    this.symNumel = registry.get("aten.sym_numel.default");
    this.getitem = registry.get("operator.getitem");
    this.operatorMul = registry.get("operator.mul");
    this.liftFresh = registry.get("aten.lift_fresh.default");
    this.liftFreshCopy = registry.find("aten.lift_fresh_copy.default");
    this.rebuild = new SymbolicProxies(graph, registry, this::existingProxy, this::trackedValues);
    this.known = new ConstantValues(tensors::containsKey, liftFreshCopy);
  }

  /** The attributes the graph's {@code get_attr} nodes read. */
  Map<String, Tensor> constants() {
    return constants;
  }

  /** A parameter of the traced module: where used, it is a {@code get_attr} of its name. */
  void addParameter(String qualifiedName, Tensor value) {
    parameters.put(value, qualifiedName);
    parameterNames.add(qualifiedName);
  }

  /** Records {@code nn_module_stack} on the nodes made while modules run. */
  void recordModuleStack() {
    this.recordModuleStack = true;
  }

  /** Enters a module's forward (path {@code ""} for the traced module itself). */
  Module.Scope enterModule(String path, String className) {
    if (!recordModuleStack) {
      return () -> { };
    }
    moduleStack.put(path, className);
    moduleStackSnapshot = null;
    return () -> {
      moduleStack.remove(path);
      moduleStackSnapshot = null;
    };
  }

  void setLocation(SourceLocation where) {
    this.location = where;
  }

  SourceLocation location() {
    return location;
  }

  // ---------------------------------------------------------------------------------------
  // Inputs and outputs

  /** Tracks a traced function's input. */
  void trackInput(Node placeholder, Object value) {
    placeholder.meta().put("val", value);
    track(value, placeholder);
  }

  /** The output node's argument: the graph values of a function's result. */
  Object outputArgument(Object result) {
    return toGraph(result);
  }

  // ---------------------------------------------------------------------------------------
  // Dispatch

  @Override
  public Object dispatch(Args call, Next next) {
    OpOverload op = call.op();
    if (isScalarFunction(op)) {
      return scalarCall(call, next);
    }
    if (scalarLog != null) {
      scalarLog.refuse();
    }
    Object decomposed = maybeDecompose(call);
    if (decomposed != Decomposition.NOT_IMPLEMENTED) {
      return decomposed;
    }
    if (op == liftFresh && liftFreshCopy != null) {
      call = new Args(liftFreshCopy, call.values());
      op = liftFreshCopy;
    }
    if (op.hasTag(Tag.DATA_DEPENDENT_OUTPUT) && known.allKnown(call)) {
      return PyScalars.normalize(known.callOnValues(call));
    }
    if (op.hasTag(Tag.DATA_DEPENDENT_OUTPUT) && mode == TracingMode.REAL) {
      throw new DataDependentReadError(op);
    }
    CallArguments fx = CallArguments.of(call, this::toGraph);
    Node node = graph.callFunction(op, fx.args, fx.kwargs, nodeName(op));
    Object out;
    try {
      out = next.call(call);
    } catch (RuntimeException e) {
      if (node.isUnused()) {
        graph.erase(node);
      }
      throw e;
    }
    annotate(node, out);
    bindUnbacked(node, out);
    if (mode == TracingMode.REAL) {
      known.afterRealCall(call, out);
    } else {
      out = known.afterFakeCall(call, out);
      node.meta().put("val", out);
    }
    trackOutputs(op, node, out);
    return out;
  }

  /**
   * PyTorch's {@code maybe_handle_decomp}: an operator in the decomposition table runs its entry
   * with this mode re-entered, so the operators the entry calls are traced instead of it. An
   * entry that declines leaves a composite to its own decomposition, and any other operator to
   * be traced as it is.
   */
  private Object maybeDecompose(Args call) {
    Decomposition d = decompositions.get(call.op());
    if (d == null) {
      return Decomposition.NOT_IMPLEMENTED;
    }
    Object out = dispatcher.withAllModes(() -> d.apply(call, dispatcher));
    if (out == Decomposition.NOT_IMPLEMENTED && call.op().isComposite()
        && dispatcher.decomposesComposites()) {
      return dispatcher.withAllModes(() -> call.op().decomposition().apply(call, dispatcher));
    }
    return out;
  }

  private static boolean isScalarFunction(OpOverload op) {
    String ns = op.namespace();
    return ns.equals("operator") || ns.equals("torch") || ns.equals("math");
  }

  /**
   * SymInt arithmetic, as PyTorch's {@code __sym_dispatch__}: multiplying by a literal 1 is the
   * other operand; otherwise, when any operand is a SymInt (one whose value became known
   * included), the result gets its node at once, even when its value came out constant
   * (PyTorch's result is still a SymInt, printed as its number where used) or is an operand
   * again (PyTorch's is a new SymNode). Unused nodes are removed at the end of the trace; their
   * names stay taken.
   */
  private Object scalarCall(Args call, Next next) {
    OpOverload op = call.op();
    if (op == operatorMul && call.size() == 2) {
      if (isLiteralOne(call.get(1))) {
        return call.get(0);
      }
      if (isLiteralOne(call.get(0))) {
        return call.get(1);
      }
    }
    Object out = next.call(call);
    if (!anyNode(call)) {
      return out;
    }
    SymNode n = symNode(out);
    if (n != null && symbols.containsKey(n)) {
      out = fresh(out);
      n = symNode(out);
    }
    if (deferrable(call, out)) {
      deferredCall(op, call, out, n);
      return out;
    }
    if (scalarLog != null) {
      scalarLog.refuse();
    }
    CallArguments fx = CallArguments.of(call, this::toGraph);
    // Pending: named now, in the graph only once something uses it, which is what the final
    // dead-code pass would leave of a node it may remove.
    Node node = graph.pendingCall(op, fx.args, fx.kwargs, nodeName(op));
    annotate(node, out);
    if (!SymbolicDeadCode.removable(node)) {
      graph.attach(node);
    }
    if (n != null) {
      symbols.put(n, Thunk.of(node, thunks++));
    }
    return out;
  }

  /**
   * Whether a SymInt operation's node may be made only when used: the final dead-code pass
   * could remove it (a scalar result, no tensor among the arguments), and its arguments are
   * plain values, so what the graph would hold for them is known now.
   */
  private static boolean deferrable(Args call, Object out) {
    if (!(out instanceof SymInt || out instanceof SymFloat || out instanceof SymBool
        || PyScalars.isScalar(out))) {
      return false;
    }
    for (int i = 0; i < call.size(); i++) {
      Object v = call.get(i);
      if (v instanceof TensorValue || v instanceof List<?>) {
        return false;
      }
    }
    return true;
  }

  /**
   * The node of a SymInt operation, named now and made when first used, as it would have been
   * made now: the arguments' nodes are fixed now (a lazy size accessor is forced now, as FX
   * names it at this point), the value, location and module stack are the present ones. A
   * result with no node of its own (a constant) can never be used, so only its name is taken.
   */
  private void deferredCall(OpOverload op, Args call, Object out, SymNode result) {
    ScalarCallLog log = scalarLog;
    CallArguments fx = CallArguments.of(call, log == null ? this::argumentRef : v -> {
      log.argument(symNode(v));
      return argumentRef(v);
    });
    String nameHint = nodeName(op);
    Graph.Reservation name = graph.reserve(op, nameHint);
    if (log != null) {
      log.called(op, nameHint, result);
    }
    if (result == null) {
      return;
    }
    symbols.put(result, Thunk.named(
        new DeferredNode(op, fx, name, out, location, moduleStackSnapshot()), thunks++));
  }

  /** What a deferred SymInt operation's node is made of, fixed when the operation ran. */
  private final class DeferredNode implements Supplier<Node> {
    private final OpOverload op;
    /** The arguments as the node writes them, a tracked value still as its thunk. */
    private final CallArguments refs;
    private final Graph.Reservation name;
    private final Object val;
    private final SourceLocation where;
    private final Map<String, String> stack;

    DeferredNode(OpOverload op, CallArguments refs, Graph.Reservation name, Object val,
        SourceLocation where, Map<String, String> stack) {
      this.op = op;
      this.refs = refs;
      this.name = name;
      this.val = val;
      this.where = where;
      this.stack = stack;
    }

    @Override
    public Node get() {
      List<Object> args = refs.args;
      args.replaceAll(v -> v instanceof Thunk t ? t.force() : v);
      Node node = graph.pendingCall(name, op, args, forcedValues(refs.kwargs));
      annotate(node, val, where, stack);
      return node;
    }
  }

  /** As {@link #toGraph}, but a tracked value whose node is named already stays its thunk. */
  private Object argumentRef(Object v) {
    SymNode n = symNode(v);
    if (n != null) {
      Thunk t = symbols.get(n);
      if (t != null) {
        t.takeName();
        if (t.isForced()) {
          return t;
        }
      }
    }
    return toGraph(v);
  }

  private static Map<String, Object> forcedValues(Map<String, Object> refs) {
    if (refs.isEmpty()) {
      return refs;
    }
    refs.replaceAll((k, v) -> v instanceof Thunk t ? t.force() : v);
    return refs;
  }

  private static boolean anyNode(Args call) {
    for (int i = 0; i < call.size(); i++) {
      if (PyScalars.hasNode(call.get(i))) {
        return true;
      }
    }
    return false;
  }

  /** The same value on a SymNode of its own. */
  private static Object fresh(Object v) {
    SymNode n = symNode(v);
    SymNode copy = new SymNode(n.rawExpr(), n.env(), n.type(), n.hint());
    return switch (n.type()) {
      case INT -> new SymInt(copy);
      case FLOAT -> new SymFloat(copy);
      case BOOL -> new SymBool(copy);
    };
  }

  private static boolean isLiteralOne(Object v) {
    return (v instanceof Long l && l == 1L) || (v instanceof SymInt s && s.isConstant()
        && s.constantValue() == 1L);
  }

  private void annotate(Node node, Object out) {
    annotate(node, out, location, moduleStackSnapshot());
  }

  private static void annotate(Node node, Object out, SourceLocation where,
      Map<String, String> stack) {
    node.meta().put("val", out);
    if (where != null) {
      node.meta().put("location", where);
    }
    if (stack != null) {
      node.meta().put("nn_module_stack", stack);
    }
  }

  /** The modules running now, outermost first, or null outside any. */
  private Map<String, String> moduleStackSnapshot() {
    if (moduleStack.isEmpty()) {
      return null;
    }
    if (moduleStackSnapshot == null) {
      moduleStackSnapshot = Collections.unmodifiableMap(new LinkedHashMap<>(moduleStack));
    }
    return moduleStackSnapshot;
  }

  /** Unbacked symbols this call created: where in its output each can be read. */
  private void bindUnbacked(Node node, Object out) {
    if (env == null) {
      return;
    }
    List<Sym> fresh = env.takePendingFreshUnbackedSymbols();
    if (fresh.isEmpty()) {
      return;
    }
    Map<Sym, String> bindings = new LinkedHashMap<>();
    for (Sym s : fresh) {
      if (out instanceof SymInt || out instanceof SymFloat || out instanceof SymBool) {
        bindings.put(s, "");
      } else if (out instanceof TensorValue t) {
        for (int d = 0; d < t.dim(); d++) {
          if (t.symSize(d).expr().equals(s)) {
            bindings.put(s, ".size(" + d + ")");
            break;
          }
        }
      }
    }
    node.meta().put("unbacked_bindings", bindings);
  }

  private void trackOutputs(OpOverload op, Node node, Object out) {
    track(out, node);
  }

  // ---------------------------------------------------------------------------------------
  // Tracking

  private void track(Object value, Node node) {
    if (value instanceof TensorValue t) {
      tensors.put(t, Thunk.of(node, thunks++));
      trackMetadata(t, node);
      if (askLayout(t)) {
        TensorMetadata.record(t);
      }
    } else if (value instanceof List<?> items) {
      for (int i = 0; i < items.size(); i++) {
        Object item = items.get(i);
        // One getitem node per element, made at once as PyTorch does.
        Node g = graph.callFunction(getitem, List.of(node, (long) i), Map.of(), "getitem");
        annotate(g, item);
        track(item, g);
      }
    } else {
      SymNode n = symNode(value);
      if (n != null) {
        Thunk t = Thunk.of(node, thunks++);
        // Set once and never clobbered; but a lazy accessor nobody used yet yields to a node
        // that reads the same value explicitly (a printed graph's own sym_size call).
        Thunk existing = symbols.get(n);
        if (existing == null || !existing.isForced()) {
          symbols.put(n, t);
          if (existing != null && n.expr() instanceof Sym s && expressions.get(s) == existing) {
            expressions.put(s, t);
          }
        }
        if (n.expr() instanceof Sym s) {
          expressions.putIfAbsent(s, t);
        }
      }
    }
  }

  /**
   * Whether the memory-format questions of {@code tensor_meta} must be asked of a tensor: not
   * when a tensor with the same size and stride expressions was asked already while guards were
   * recorded. Their guards are then known facts, so asking again would decide every test
   * statically and record nothing (each layer of a model repeats its layouts).
   */
  private boolean askLayout(TensorValue t) {
    if (mode != TracingMode.SYMBOLIC || env == null || !env.recordsGuards()) {
      return true;
    }
    return askedLayouts.add(LayoutKey.of(t));
  }

  /**
   * Lazy accessor nodes for a tensor's symbolic metadata, in {@code track_tensor}'s order:
   * sizes, strides, the element count, the storage offset.
   */
  private void trackMetadata(TensorValue t, Node node) {
    for (int d = 0; d < t.dim(); d++) {
      trackLazy(t.symSize(d), symSize, node, d);
    }
    for (int d = 0; d < t.dim(); d++) {
      trackLazy(t.symStride(d), symStride, node, d);
    }
    trackLazy(t.symNumel(), symNumel, node, -1);
    trackLazy(t.symStorageOffset(), symStorageOffset, node, -1);
  }

  /** A lazy {@code accessor(node, dim)} ({@code accessor(node)} for dim -1) for a value. */
  private void trackLazy(SymInt value, OpOverload accessor, Node node, int dim) {
    SymNode n = value.node();
    // tracked already is the common case: the sizes of most outputs are their inputs' values
    if (n == null || symbols.containsKey(n) || value.isConstant()) {
      return;
    }
    Thunk thunk = Thunk.lazy(new LazyAccessor(accessor, node, dim, value), thunks++);
    symbols.put(n, thunk);
    if (n.expr() instanceof Sym s) {
      expressions.putIfAbsent(s, thunk);
    }
  }

  /**
   * A forced size accessor under its reserved name: in the graph once a node uses it (the
   * dead-code pass removes unused accessors, and a pending SymInt node that is never used may be
   * its only reader).
   */
  private Node accessor(Graph.Reservation name, OpOverload op, List<Object> args, Object val) {
    Node n = graph.pendingCall(name, op, args, Map.of());
    n.meta().put("val", val);
    return n;
  }

  /** {@code accessor(node, dim)} ({@code accessor(node)} for dim -1) of a tracked value. */
  private final class LazyAccessor implements Thunk.Nameable {
    private final OpOverload op;
    private final Node tensor;
    private final int dim;
    private final SymInt value;

    LazyAccessor(OpOverload op, Node tensor, int dim, SymInt value) {
      this.op = op;
      this.tensor = tensor;
      this.dim = dim;
      this.value = value;
    }

    private List<Object> args() {
      return dim < 0 ? List.of(tensor) : List.of(tensor, (long) dim);
    }

    @Override
    public Node get() {
      return takeName().get();
    }

    @Override
    public Supplier<Node> takeName() {
      // what the node would be now: its name, place and value
      Graph.Reservation name = graph.reserve(op, nodeName(op));
      Object val = PyScalars.normalize(value);
      return () -> accessor(name, op, args(), val);
    }
  }

  /**
   * Scalar calls of a memoized computation (see {@link ScalarCallLog}): the state that changes
   * what they do is, for each input, whether it is tracked and whether its node is named yet.
   */
  @Override
  public ScalarEffects scalarEffects() {
    return scalarEffects;
  }

  private final ScalarEffects scalarEffects = new ScalarEffects() {
    @Override
    public Object stateKey(List<Object> inputs) {
      char[] state = new char[inputs.size()];
      for (int i = 0; i < state.length; i++) {
        SymNode n = symNode(inputs.get(i));
        Thunk t = n == null ? null : symbols.get(n);
        state[i] = t == null ? '0' : t.isForced() ? '2' : '1';
      }
      return new String(state);
    }

    @Override
    public Recording record(List<Object> inputs) {
      if (scalarLog != null) {
        return () -> null;
      }
      scalarLog = new ScalarCallLog(logTarget, inputs);
      return scalarLog;
    }
  };

  private final ScalarCallLog.Trace logTarget = new ScalarCallLog.Trace() {
    @Override
    public void argument(Object value) {
      argumentRef(value);
    }

    @Override
    public boolean isNamed(SymNode node) {
      Thunk t = symbols.get(node);
      return t != null && t.isForced();
    }

    @Override
    public Runnable nameTaker(OpOverload op, String nameHint) {
      return graph.nameTaker(op, nameHint);
    }

    @Override
    public void stopped(ScalarCallLog log) {
      if (scalarLog == log) {
        scalarLog = null;
      }
    }
  };

  private static SymNode symNode(Object v) {
    return PyScalars.unknownNode(v);
  }


  /** Every symbolic value with a node (made or lazy): what an untracked value is rebuilt from. */
  private List<SymbolicProxies.TrackedValue> trackedValues() {
    List<SymbolicProxies.TrackedValue> out = new ArrayList<>();
    symbols.forEach((n, t) -> out.add(new SymbolicProxies.TrackedValue(n.expr(), t)));
    expressions.forEach((e, t) -> out.add(new SymbolicProxies.TrackedValue(e, t)));
    return out;
  }

  /** The node already standing for an expression (a tracked symbol), or null. */
  private Node existingProxy(Expr e) {
    Thunk t = expressions.get(e);
    return t == null ? null : t.force();
  }

  // ---------------------------------------------------------------------------------------
  // Values to graph arguments

  /** A call argument as the graph writes it: nodes for tracked values, constants as they are. */
  Object toGraph(Object v) {
    if (v instanceof TensorValue t) {
      return tensorNode(t);
    }
    SymNode n = symNode(v);
    if (n != null) {
      Thunk t = symbols.get(n);
      if (t != null) {
        return t.force();
      }
      Node built = rebuild.build(n.expr(), v);
      symbols.put(n, Thunk.of(built, thunks++));
      return built;
    }
    if (v instanceof List<?> items) {
      List<Object> out = new ArrayList<>(items.size());
      for (Object item : items) {
        out.add(toGraph(item));
      }
      return items instanceof PyTuple ? PyTuple.copyOf(out) : out;
    }
    return PyScalars.normalize(v);
  }

  /** The next {@code _tensor_constant<i>} that no parameter or attribute of the trace has. */
  private String freshConstantName() {
    String name;
    do {
      name = "_tensor_constant" + tensorConstants++;
    } while (parameterNames.contains(name));
    return name;
  }

  private Node tensorNode(TensorValue t) {
    Thunk thunk = tensors.get(t);
    if (thunk != null) {
      return thunk.force();
    }
    Tensor constant = known.valueOf(t);
    if (constant == null) {
      throw new TracingError("a tensor reached the graph without being traced: " + t
          + " (was it computed with tracing disabled?)");
    }
    Node n = constantNodes.get(constant);
    if (n == null) {
      String name = parameters.get(constant);
      if (name == null) {
        name = freshConstantName();
      }
      constants.put(name, constant);
      n = graph.getAttr(name);
      n.meta().put("val", t);
      constantNodes.put(constant, n);
    }
    return n;
  }

  /**
   * FX's name for a node of this operator: the overload packet ({@code add}, {@code sum}); a
   * metadata accessor, which make_fx creates by its overload, is named by that ({@code
   * sym_size_int}, {@code sym_numel_default}).
   */
  static String nodeName(OpOverload op) {
    switch (op.qualifiedName()) {
      case "aten.sym_size.int":
        return "sym_size_int";
      case "aten.sym_stride.int":
        return "sym_stride_int";
      case "aten.sym_numel.default":
        return "sym_numel_default";
      case "aten.sym_storage_offset.default":
        return "sym_storage_offset_default";
      default:
        return op.name();
    }
  }
}
