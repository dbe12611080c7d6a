package symtrace.tracer.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import symtrace.symbolic.env.DimDynamic;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.env.Source;
import symtrace.symbolic.env.SourceLocation;
import symtrace.symbolic.expr.Expr;
import symtrace.tracer.dispatch.Dispatcher;
import symtrace.tracer.dispatch.FakeMode;
import symtrace.tracer.fx.Graph;
import symtrace.tracer.fx.GraphModule;
import symtrace.tracer.fx.Node;
import symtrace.tracer.nn.Module;
import symtrace.tracer.ops.Decomposition;
import symtrace.tracer.ops.OpOverload;
import symtrace.tracer.ops.OpRegistry;
import symtrace.tracer.ops.Ops;
import symtrace.tracer.tensor.FakeTensor;
import symtrace.tracer.tensor.Geometry;
import symtrace.tracer.tensor.Tensor;

/**
 * make_fx: runs a function on traced stand-ins for its inputs and records every operator it
 * calls into an FX graph. {@code trace(fn, TracingMode.SYMBOLIC, inputs)} gives the graph and
 * the ShapeEnv whose guards say for which inputs the graph is valid.
 *
 * <p>Symbolic mode gives each tensor input fake sizes from a fresh ShapeEnv (duck-sized, 0/1
 * specialized, sources {@code L['x']}); an {@code int} input becomes a SymInt and a {@code
 * float} input a SymFloat. Fake mode keeps concrete sizes but has a ShapeEnv too, as PyTorch's
 * ({@code FakeTensorMode(shape_env=ShapeEnv(), static_shapes=True)}), so {@code item()}, {@code
 * nonzero} and {@code masked_select} give unbacked symbols as in symbolic mode. Real mode runs
 * on the real inputs and has no ShapeEnv: reading a value out of a traced tensor is an error.
 */
public final class MakeFx {
  private final OpRegistry registry;
  private final TracingMode mode;
  private final String className;
  private final Map<OpOverload, Decomposition> decompositions;
  private final boolean recordModuleStack;
  private final boolean preDispatch;
  private final boolean memoize;

  private MakeFx(OpRegistry registry, TracingMode mode, String className,
      Map<OpOverload, Decomposition> decompositions, boolean recordModuleStack,
      boolean preDispatch, boolean memoize) {
    this.registry = registry;
    this.mode = mode;
    this.className = className;
    this.decompositions = Map.copyOf(decompositions);
    this.recordModuleStack = recordModuleStack;
    this.preDispatch = preDispatch;
    this.memoize = memoize;
  }

  /** An input of the traced function: its parameter name and a real value. */
  public record Input(String name, Object value) {
    public Input {
      Objects.requireNonNull(name, "name");
    }
  }

  public static MakeFx of(TracingMode mode) {
    return new MakeFx(OpRegistry.standard(), mode, "f", Map.of(), false, false, true);
  }

  /** The same tracer naming the module class (print_readable's {@code class f(...)}). */
  public MakeFx named(String moduleClassName) {
    return new MakeFx(registry, mode, moduleClassName, decompositions, recordModuleStack,
        preDispatch, memoize);
  }

  /**
   * The same tracer with make_fx's {@code decomposition_table}: an operator reaching the trace
   * that has an entry runs the entry instead (its operators are traced), unless the entry
   * returns {@link Decomposition#NOT_IMPLEMENTED}. An entry for a composite operator replaces
   * the composite's own decomposition.
   */
  public MakeFx withDecompositions(Map<OpOverload, Decomposition> table) {
    return new MakeFx(registry, mode, className, table, recordModuleStack, preDispatch,
        memoize);
  }

  /**
   * The same tracer with make_fx's {@code record_module_stack=True}: a node made while a
   * module traced by {@link #trace(Module, List)} runs gets {@code nn_module_stack} metadata,
   * the modules running, outermost first, as a map from qualified path ({@code ""} for the
   * traced module, {@code bar}, {@code bar.baz}) to class name.
   */
  public MakeFx withModuleStack() {
    return new MakeFx(registry, mode, className, decompositions, true, preDispatch, memoize);
  }

  /**
   * The same tracer with make_fx's {@code pre_dispatch=True}: composite operators ({@code
   * matmul}, {@code linear}, ...) are not decomposed, so each is one node; below the trace they
   * still run through their decompositions. A table entry for a composite still applies.
   */
  public MakeFx withPreDispatch() {
    return new MakeFx(registry, mode, className, decompositions, recordModuleStack, true,
        memoize);
  }

  /**
   * The same tracer running every memoized scalar computation each time it is asked ({@link
   * symtrace.tracer.ops.Ops#memoized}: contiguity, once per distinct layout by default). The
   * trace is the same either way; this is the check of that, and slower.
   */
  public MakeFx withoutMemoization() {
    return new MakeFx(registry, mode, className, decompositions, recordModuleStack, preDispatch,
        false);
  }

  /** Traces {@code fn} at the given inputs. */
  public static Trace trace(TracedFunction fn, TracingMode mode, List<Input> inputs) {
    return of(mode).trace(fn, inputs);
  }

  public Trace trace(TracedFunction fn, List<Input> inputs) {
    return trace(fn, inputs, placeholderNames(inputs), Map.of(), className);
  }

  /**
   * make_fx of a module: its forward runs on the inputs; each parameter it uses is a {@code
   * get_attr} of its qualified name ({@code self.linear.weight}, node {@code linear_weight}),
   * and the graph module's class is the module's.
   */
  public Trace trace(Module module, List<Input> inputs) {
    return trace((ctx, values) -> module.call(ctx.ops(), ((Context) ctx).modules(), values),
        inputs, placeholderNames(inputs), module.namedParameters(), module.className());
  }

  /**
   * Traces {@code fn} naming the placeholders as given and reading the given tensors as {@code
   * get_attr}s of their names (a re-trace keeps a graph's names).
   */
  Trace trace(TracedFunction fn, List<Input> inputs, List<String> placeholderNames,
      Map<String, Tensor> attributes) {
    return trace(fn, inputs, placeholderNames, attributes, className);
  }

  private static List<String> placeholderNames(List<Input> inputs) {
    List<String> names = new ArrayList<>();
    for (Input in : inputs) {
      names.add(in.name() + "_1");
    }
    return names;
  }

  private Trace trace(TracedFunction fn, List<Input> inputs, List<String> placeholderNames,
      Map<String, Tensor> parameters, String moduleClassName) {
    ShapeEnv env = mode == TracingMode.REAL ? null : new ShapeEnv();
    Dispatcher dispatcher = new Dispatcher(registry);
    dispatcher.setShapeEnv(env);
    dispatcher.keepCompositesWhole(decompositions.keySet());
    dispatcher.setDecomposeComposites(!preDispatch);
    dispatcher.setMemoize(memoize);
    // make_fx enables the Python dispatcher for symbolic tracing only
    dispatcher.setPythonDispatcher(mode == TracingMode.SYMBOLIC);
    Graph graph = new Graph();
    ProxyMode proxy = new ProxyMode(graph, env, mode, registry, dispatcher, decompositions);
    parameters.forEach(proxy::addParameter);
    if (recordModuleStack) {
      proxy.recordModuleStack();
    }
    List<Object> traced = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      Input in = inputs.get(i);
      Object value = tracedValue(in, symbolSource(i), env);
      Node p = graph.placeholder(placeholderNames.get(i));
      proxy.trackInput(p, value);
      traced.add(value);
      names.add(in.name());
    }
    Context context = new Context(dispatcher, env, proxy, mode);
    Object result;
    if (mode == TracingMode.REAL) {
      try (Dispatcher.Scope p = dispatcher.push(proxy)) {
        result = fn.apply(context, new ArrayList<>(traced));
      }
    } else {
      try (Dispatcher.Scope f = dispatcher.push(new FakeMode(dispatcher));
          Dispatcher.Scope p = dispatcher.push(proxy)) {
        result = fn.apply(context, new ArrayList<>(traced));
      }
    }
    graph.output(proxy.outputArgument(result));
    SymbolicDeadCode.eliminate(graph);
    return new Trace(new GraphModule(graph, proxy.constants(), moduleClassName), env, mode, names,
        traced);
  }

  /**
   * The source a traced input's symbols are created from: make_fx's {@code input<i>}, so symbols
   * get PyTorch's names ({@code s75} hashes from {@code input0.size()[0]}); guards are produced
   * over {@code L['<parameter>']} afterwards.
   */
  public static Source symbolSource(int index) {
    return Source.constant("input" + index);
  }

  private Object tracedValue(Input in, Source source, ShapeEnv env) {
    Object v = in.value();
    if (v instanceof Tensor t) {
      if (mode == TracingMode.REAL) {
        return t;
      }
      if (mode == TracingMode.FAKE) {
        return FakeTensor.of(t.dtype(), Geometry.of(t.sizes(), t.strides(), t.storageOffset()));
      }
      ShapeEnv.TensorSymbols s = env.createTensorSymbols(t.sizes(), t.strides(),
          t.storageOffset(), source, DimDynamic.DUCK);
      return FakeTensor.of(t.dtype(), new Geometry(s.sizes(), s.strides(), s.storageOffset()));
    }
    if (mode != TracingMode.SYMBOLIC) {
      return v;
    }
    if (v instanceof Long l) {
      return symtrace.tracer.ops.PyScalars.normalize(
          env.createUnspecifiedSymInt(l, source));
    }
    if (v instanceof Double d) {
      Expr sym = env.createFloatSymbol(d, source);
      return env.createSymFloatNode(sym, d);
    }
    return v;
  }

  /** The context handed to the traced function. */
  private static final class Context implements TraceContext {
    private final Dispatcher dispatcher;
    private final ShapeEnv env;
    private final ProxyMode proxy;
    private final TracingMode mode;

    Context(Dispatcher dispatcher, ShapeEnv env, ProxyMode proxy, TracingMode mode) {
      this.dispatcher = dispatcher;
      this.env = env;
      this.proxy = proxy;
      this.mode = mode;
    }

    @Override
    public Ops ops() {
      return dispatcher;
    }

    /** Tells the proxy mode which modules run, for {@code nn_module_stack}. */
    Module.Listener modules() {
      return (path, module) -> proxy.enterModule(path, module.className());
    }

    @Override
    public ShapeEnv shapeEnv() {
      return env;
    }

    @Override
    public TracingMode mode() {
      return mode;
    }

    @Override
    public AutoCloseable at(SourceLocation location) {
      SourceLocation previous = proxy.location();
      proxy.setLocation(location);
      AutoCloseable envScope = env == null ? null : env.at(location);
      return () -> {
        proxy.setLocation(previous);
        if (envScope != null) {
          envScope.close();
        }
      };
    }
  }
}
