package symtrace.tracer.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import symtrace.symbolic.env.DimDynamic;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.env.Source;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.dispatch.Dispatcher;
import symtrace.tracer.dispatch.FakeMode;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.FakeTensor;
import symtrace.tracer.tensor.Geometry;
import symtrace.tracer.tensor.ShapeRules;
import symtrace.tracer.tensor.Tensor;

/**
 * How operator tests run calls: {@link #real()} on CPU kernels, {@link #symbolic()} on fake
 * tensors whose sizes are symbols of a fresh ShapeEnv (duck-sized, named {@code L['a']},
 * {@code L['b']}, ... in creation order), so guards can be read back with {@link #guards()}.
 */
public final class OpTesting implements AutoCloseable {
  private final Dispatcher dispatcher = Dispatcher.standard();
  private final ShapeEnv env;
  private final Dispatcher.Scope fakeScope;
  private int inputs;

  private OpTesting(ShapeEnv env) {
    this.env = env;
    if (env != null) {
      dispatcher.setShapeEnv(env);
      fakeScope = dispatcher.push(new FakeMode(dispatcher));
    } else {
      fakeScope = null;
    }
  }

  /** Calls run CPU kernels on real tensors. */
  public static OpTesting real() {
    return new OpTesting(null);
  }

  /** Calls run meta rules under the fake mode, with a ShapeEnv for symbolic sizes. */
  public static OpTesting symbolic() {
    return new OpTesting(new ShapeEnv());
  }

  public Dispatcher ops() {
    return dispatcher;
  }

  public ShapeEnv env() {
    return env;
  }

  /** A contiguous fake input whose sizes are symbols hinted by {@code sizes}. */
  public FakeTensor input(DType dtype, long... sizes) {
    String name = String.valueOf((char) ('a' + inputs++));
    ShapeEnv.TensorSymbols s = env.createTensorSymbols(sizes,
        ShapeRules.contiguousStrides(sizes), 0, Source.local(name), DimDynamic.DUCK);
    return FakeTensor.of(dtype, new Geometry(s.sizes(), s.strides(), s.storageOffset()));
  }

  /** A contiguous fake input whose sizes are the given constants. */
  public static FakeTensor staticInput(DType dtype, long... sizes) {
    return FakeTensor.of(dtype, Geometry.of(sizes, ShapeRules.contiguousStrides(sizes), 0));
  }

  /** Calls an overload by qualified name with positional values. */
  public Object call(String op, Object... args) {
    return dispatcher.call(op, args);
  }

  /** Calls with keywords. */
  public Object callKw(String op, List<?> args, Map<String, ?> kwargs) {
    return dispatcher.call(dispatcher.registry().get(op), args, kwargs);
  }

  /** The guards recorded so far, in sympy's text. */
  public List<String> guards() {
    List<String> out = new ArrayList<>();
    env.guards().forEach(g -> out.add(g.expr().toString()));
    return out;
  }

  /** The sizes of a tensor as text, e.g. {@code [s0, 4]}. */
  public static String sizes(symtrace.tracer.tensor.TensorValue t) {
    List<String> out = new ArrayList<>();
    for (SymInt s : t.symSizes()) {
      out.add(s.toString());
    }
    return out.toString();
  }

  /** A real tensor filled by the conformance data formula for the input at position k. */
  public static Tensor data(DType dtype, int k, long... sizes) {
    List<Long> shape = new ArrayList<>();
    Arrays.stream(sizes).forEach(shape::add);
    return symtrace.tracer.tensor.data.InputData.tensor(
        new symtrace.tracer.tensor.data.InputSpec.TensorInput(dtype, shape, null, null), k);
  }

  /** A list of longs (an int[] argument). */
  public static List<Long> ints(long... values) {
    List<Long> out = new ArrayList<>();
    Arrays.stream(values).forEach(out::add);
    return out;
  }

  @Override
  public void close() {
    if (fakeScope != null) {
      fakeScope.close();
    }
  }
}
