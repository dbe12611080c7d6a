package symtrace.tracer.ops;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import symtrace.symbolic.env.DimDynamic;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.env.Source;
import symtrace.tracer.dispatch.Dispatcher;
import symtrace.tracer.dispatch.FakeMode;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.FakeTensor;
import symtrace.tracer.tensor.Geometry;
import symtrace.tracer.tensor.ShapeRules;

/**
 * Runs calls on this branch's operator groups plus {@link StandInOps}, really or on fake tensors
 * with symbolic sizes (with the Python dispatcher on, as symbolic make_fx runs), and records the
 * aten overloads that reach the backend (composites are decomposed first, so these are what a
 * trace would record). Symbolic inputs are named as make_fx names them ({@code input0.size()[0]}, ...), so their symbols ({@code s75}, {@code
 * s96}, ...) and guards read as in the conformance suite's {@code shape_env}.
 */
final class OpHarness implements AutoCloseable {
  static final OpRegistry REGISTRY = OpRegistry.build(List.of(new SymbolicOps(), new SizeOps(),
      new ReductionOps(), new LinalgOps(), new NnOps(), new StandInOps()));

  private final Dispatcher dispatcher = new Dispatcher(REGISTRY);
  private final ShapeEnv env;
  private final List<Dispatcher.Scope> scopes = new ArrayList<>();
  private final List<String> calls = new ArrayList<>();
  private int inputs;

  private OpHarness(ShapeEnv env) {
    this.env = env;
    if (env != null) {
      dispatcher.setShapeEnv(env);
      // as make_fx's symbolic tracing, which runs composites' Python decompositions
      dispatcher.setPythonDispatcher(true);
      scopes.add(dispatcher.push(new FakeMode(dispatcher)));
    }
    scopes.add(dispatcher.push((call, next) -> {
      if (call.op().namespace().equals("aten") && !call.op().name().startsWith("sym_")) {
        calls.add(call.op().name() + "." + call.op().overloadName());
      }
      return next.call(call);
    }));
  }

  static OpHarness real() {
    return new OpHarness(null);
  }

  static OpHarness symbolic() {
    return new OpHarness(new ShapeEnv());
  }

  ShapeEnv env() {
    return env;
  }

  Dispatcher ops() {
    return dispatcher;
  }

  /** The next make_fx input ({@code input0}, {@code input1}, ...), duck-sized and contiguous. */
  FakeTensor input(DType dtype, long... sizes) {
    ShapeEnv.TensorSymbols s = env.createTensorSymbols(sizes,
        ShapeRules.contiguousStrides(sizes), 0, Source.constant("input" + inputs++),
        DimDynamic.DUCK);
    return FakeTensor.of(dtype, new Geometry(s.sizes(), s.strides(), s.storageOffset()));
  }

  Object call(String op, Object... args) {
    return dispatcher.call(op, args);
  }

  Object callKw(String op, List<?> args, Map<String, ?> kwargs) {
    return dispatcher.call(REGISTRY.get(op), args, kwargs);
  }

  /** The overloads recorded so far ({@code mm.default}, ...), in call order. */
  List<String> calls() {
    return Collections.unmodifiableList(calls);
  }

  /** The guards recorded so far, in sympy's text. */
  List<String> guards() {
    List<String> out = new ArrayList<>();
    env.guards().forEach(g -> out.add(g.expr().toString()));
    return out;
  }

  @Override
  public void close() {
    for (int i = scopes.size() - 1; i >= 0; i--) {
      scopes.get(i).close();
    }
  }
}
