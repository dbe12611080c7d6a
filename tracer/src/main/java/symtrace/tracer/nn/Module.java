package symtrace.tracer.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import symtrace.tracer.ops.Ops;
import symtrace.tracer.tensor.Tensor;

/**
 * A {@code torch.nn.Module}: a class name, named parameters, named submodules and a forward
 * function. Modules are built with {@link #parameter}, {@link #submodule} and {@link #forward},
 * each returning a new module.
 *
 * <p>A forward function gets an {@link Invocation}: the operators to call, the module's
 * parameters, and calls of its submodules, so that a trace can tell which module each node was
 * made in.
 */
public final class Module {
  private final String className;
  private final Map<String, Tensor> parameters;
  private final Map<String, Module> submodules;
  private final Forward forward;

  /** A forward function. */
  @FunctionalInterface
  public interface Forward {
    Object apply(Invocation self, List<Object> args);
  }

  /** Told when a module's forward starts; closing the scope ends it. */
  @FunctionalInterface
  public interface Listener {
    /** {@code path} is the module's qualified name ({@code ""} for the root, {@code bar.baz}). */
    Scope enter(String path, Module module);

    Listener NONE = (path, module) -> () -> { };
  }

  /** A running forward; closing it ends it. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  private Module(String className, Map<String, Tensor> parameters, Map<String, Module> submodules,
      Forward forward) {
    this.className = Objects.requireNonNull(className, "className");
    this.parameters = parameters;
    this.submodules = submodules;
    this.forward = forward;
  }

  /** An empty module of the given class name, whose forward returns its first argument. */
  public static Module named(String className) {
    return new Module(className, Map.of(), Map.of(), (self, args) -> args.get(0));
  }

  public String className() {
    return className;
  }

  /** The same module with another parameter. */
  public Module parameter(String name, Tensor value) {
    Map<String, Tensor> p = new LinkedHashMap<>(parameters);
    p.put(name, Objects.requireNonNull(value, name));
    return new Module(className, p, submodules, forward);
  }

  /** The same module with another submodule. */
  public Module submodule(String name, Module module) {
    Map<String, Module> m = new LinkedHashMap<>(submodules);
    m.put(name, Objects.requireNonNull(module, name));
    return new Module(className, parameters, m, forward);
  }

  /** The same module with the given forward function. */
  public Module forward(Forward fn) {
    return new Module(className, parameters, submodules, fn);
  }

  /**
   * {@code named_parameters()}: every parameter by its qualified name ({@code linear.weight}),
   * this module's first, then each submodule's in order; a tensor held twice is listed once,
   * under its first name.
   */
  public Map<String, Tensor> namedParameters() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    collect("", out);
    return out;
  }

  private void collect(String prefix, Map<String, Tensor> out) {
    parameters.forEach((name, t) -> {
      if (out.values().stream().noneMatch(seen -> seen == t)) {
        out.put(prefix + name, t);
      }
    });
    submodules.forEach((name, m) -> m.collect(prefix + name + ".", out));
  }

  /** Runs the forward function on {@code args}, calling operators through {@code ops}. */
  public Object call(Ops ops, List<Object> args) {
    return call(ops, Listener.NONE, args);
  }

  /** Runs the forward function, telling {@code listener} of each module entered (this one too). */
  public Object call(Ops ops, Listener listener, List<Object> args) {
    return invoke("", ops, listener, args);
  }

  private Object invoke(String path, Ops ops, Listener listener, List<Object> args) {
    try (Scope scope = listener.enter(path, this)) {
      return forward.apply(new Invocation(this, path, ops, listener), new ArrayList<>(args));
    }
  }

  @Override
  public String toString() {
    return className + "()";
  }

  /** One run of a module's forward: what the function reads and calls. */
  public static final class Invocation {
    private final Module module;
    private final String path;
    private final Ops ops;
    private final Listener listener;

    private Invocation(Module module, String path, Ops ops, Listener listener) {
      this.module = module;
      this.path = path;
      this.ops = ops;
      this.listener = listener;
    }

    public Ops ops() {
      return ops;
    }

    /** {@code self.<name>}: a parameter of this module. */
    public Tensor parameter(String name) {
      Tensor t = module.parameters.get(name);
      if (t == null) {
        throw new IllegalArgumentException("'" + module.className
            + "' object has no attribute '" + name + "'");
      }
      return t;
    }

    /** {@code self.<name>(*args)}: calls a submodule. */
    public Object call(String name, Object... args) {
      Module m = module.submodules.get(name);
      if (m == null) {
        throw new IllegalArgumentException("'" + module.className
            + "' object has no attribute '" + name + "'");
      }
      String qualified = path.isEmpty() ? name : path + "." + name;
      return m.invoke(qualified, ops, listener, Arrays.asList(args));
    }
  }
}
