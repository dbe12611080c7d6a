package symtrace.tracer.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.tracer.ops.Args;
import symtrace.tracer.ops.MetaContext;
import symtrace.tracer.ops.OpOverload;
import symtrace.tracer.ops.OpRegistry;
import symtrace.tracer.ops.Ops;
import symtrace.tracer.tensor.FakeTensor;

/**
 * Routes operator calls: a composite operator is decomposed first (as PyTorch's
 * CompositeImplicitAutograd key does, above the Python modes), then the stack of modes sees the
 * call from the top down, then the backend runs it: the meta rule when any argument is a fake
 * tensor, the CPU kernel otherwise.
 *
 * <p>One dispatcher belongs to one trace (or one eager run); it is not shared between threads.
 * Modes are pushed and popped with try-with-resources ({@link #push}).
 */
public final class Dispatcher implements Ops {
  private final OpRegistry registry;
  private final List<DispatchMode> modes = new ArrayList<>();
  private final List<DispatchMode.Next> belowLevel = new ArrayList<>();
  /** How many modes (from the bottom) a new call goes through: fewer while a mode runs. */
  private int visible;
  private ShapeEnv shapeEnv;
  private boolean decomposeComposites = true;
  private boolean pythonDispatcher;
  /** Composites a decomposition table replaces: they reach the modes whole. */
  private Set<OpOverload> compositesKeptWhole = Set.of();
  private final ScalarMemo memo = new ScalarMemo();
  private boolean memoize = true;

  public Dispatcher(OpRegistry registry) {
    this.registry = registry;
  }

  /** A dispatcher over the standard operators. */
  public static Dispatcher standard() {
    return new Dispatcher(OpRegistry.standard());
  }

  @Override
  public OpRegistry registry() {
    return registry;
  }

  /**
   * The shape environment meta rules create unbacked symbols in (null outside a fake or
   * symbolic trace).
   */
  public ShapeEnv shapeEnv() {
    return shapeEnv;
  }

  public void setShapeEnv(ShapeEnv env) {
    this.shapeEnv = env;
  }

  /**
   * Whether composite operators are decomposed before the modes see them (true, PyTorch's
   * default); false keeps them whole, as pre-dispatch tracing does.
   */
  public void setDecomposeComposites(boolean decompose) {
    this.decomposeComposites = decompose;
  }

  public boolean decomposesComposites() {
    return decomposeComposites;
  }

  /** Turns PyTorch's Python dispatcher on or off (see {@link Ops#pythonDispatcher()}). */
  public void setPythonDispatcher(boolean enabled) {
    this.pythonDispatcher = enabled;
  }

  @Override
  public boolean pythonDispatcher() {
    return pythonDispatcher;
  }

  /**
   * Composites that reach the modes whole although composites decompose: the ones a make_fx
   * decomposition table has an entry for, which PyTorch consults before a composite's own
   * decomposition.
   */
  public void keepCompositesWhole(Set<OpOverload> ops) {
    this.compositesKeptWhole = Set.copyOf(ops);
  }

  @Override
  public Object call(Args args) {
    OpOverload op = args.op();
    if (op.isComposite() && decomposeComposites && !compositesKeptWhole.contains(op)) {
      return op.decomposition().apply(args, this);
    }
    return dispatch(visible, args);
  }

  /**
   * Memoized per layout: see {@link ScalarMemo} for when an earlier run is replayed instead (the
   * modes now active each say what they do with scalar calls, or nothing is memoized).
   */
  @Override
  public <T> T memoized(String computation, List<Object> inputs,
      Function<List<Object>, T> body) {
    if (!memoize) {
      return body.apply(inputs);
    }
    return memo.run(computation, inputs, body, modes.subList(0, visible), shapeEnv);
  }

  /** Whether {@link #memoized} computations may be replayed (true) or always run. */
  public void setMemoize(boolean memoize) {
    this.memoize = memoize;
  }

  private Object dispatch(int level, Args args) {
    if (level == 0) {
      return backend(args);
    }
    DispatchMode mode = modes.get(level - 1);
    int saved = visible;
    visible = level - 1;
    try {
      return mode.dispatch(args, below(level - 1));
    } finally {
      visible = saved;
    }
  }

  /** The rest of a dispatch from {@code level} down, one object per level. */
  private DispatchMode.Next below(int level) {
    while (belowLevel.size() <= level) {
      int l = belowLevel.size();
      belowLevel.add(a -> dispatch(l, a));
    }
    return belowLevel.get(level);
  }

  /** Runs a call on no mode: the meta rule for fake arguments, the kernel otherwise. */
  public Object backend(Args args) {
    OpOverload op = args.op();
    if (op.isComposite()) {
      return op.decomposition().apply(args, this);
    }
    if (hasFake(args)) {
      return op.meta().apply(args, new MetaContext(shapeEnv, op.provenance()));
    }
    return op.kernel().apply(args);
  }

  /** Runs the meta rule whatever the arguments are. */
  public Object meta(Args args) {
    OpOverload op = args.op();
    if (op.isComposite()) {
      return op.decomposition().apply(args, this);
    }
    return op.meta().apply(args, new MetaContext(shapeEnv, op.provenance()));
  }

  static boolean hasFake(Args args) {
    for (int i = 0; i < args.size(); i++) {
      Object v = args.get(i);
      if (v instanceof FakeTensor) {
        return true;
      }
      if (v instanceof List<?> l) {
        for (Object item : l) {
          if (item instanceof FakeTensor) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Pushes a mode; closing the scope pops it (modes must be popped in reverse order). */
  public Scope push(DispatchMode mode) {
    modes.add(mode);
    int saved = visible;
    visible = modes.size();
    return () -> {
      if (modes.isEmpty() || modes.get(modes.size() - 1) != mode) {
        throw new IllegalStateException("modes popped out of order");
      }
      modes.remove(modes.size() - 1);
      visible = Math.min(saved, modes.size());
    };
  }

  /** Runs {@code body} with every mode on the stack active again (a mode re-entering itself). */
  public <T> T withAllModes(Supplier<T> body) {
    int saved = visible;
    visible = modes.size();
    try {
      return body.get();
    } finally {
      visible = saved;
    }
  }

  /** Runs {@code body} with no mode active (PyTorch's {@code disable_proxy_modes_tracing}). */
  public <T> T withoutModes(Supplier<T> body) {
    int saved = visible;
    visible = 0;
    try {
      return body.get();
    } finally {
      visible = saved;
    }
  }

  /** The modes on the stack, bottom first. */
  public List<DispatchMode> modes() {
    return List.copyOf(modes);
  }

  /** A pushed mode; closing it pops the mode. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
