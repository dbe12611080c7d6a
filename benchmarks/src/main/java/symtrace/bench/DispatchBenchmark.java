package symtrace.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import symtrace.symbolic.env.DimDynamic;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.env.Source;
import symtrace.tracer.dispatch.Dispatcher;
import symtrace.tracer.dispatch.FakeMode;
import symtrace.tracer.ops.Args;
import symtrace.tracer.ops.OpOverload;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.FakeTensor;
import symtrace.tracer.tensor.Geometry;

/**
 * The dispatcher's own cost per operator call in fake mode, without the meta work: {@code
 * aten.lift_fresh.default}, whose meta rule returns its argument, called on a fake tensor with
 * symbolic sizes under the fake mode. Goal: at most 2 us per call.
 *
 * <ul>
 *   <li>{@link #boundCall}: the arguments bound once, then dispatched (modes, fake conversion,
 *       meta);
 *   <li>{@link #bindAndCall}: binding positional values to the schema each time, as a program
 *       call does;
 *   <li>{@link #metaOnly}: the meta rule called directly, the floor.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class DispatchBenchmark {
  private Dispatcher dispatcher;
  private Dispatcher.Scope fake;
  private OpOverload op;
  private FakeTensor x;
  private Args bound;

  @Setup
  public void setUp() {
    ShapeEnv env = new ShapeEnv();
    ShapeEnv.TensorSymbols s = env.createTensorSymbols(new long[] {8, 16}, new long[] {16, 1},
        0, Source.local("x"), DimDynamic.DUCK);
    x = FakeTensor.of(DType.FLOAT32, new Geometry(s.sizes(), s.strides(), s.storageOffset()));
    dispatcher = Dispatcher.standard();
    dispatcher.setShapeEnv(env);
    fake = dispatcher.push(new FakeMode(dispatcher));
    op = dispatcher.registry().get("aten.lift_fresh.default");
    bound = op.bind(List.of(x), Map.of());
  }

  @TearDown
  public void tearDown() {
    fake.close();
  }

  @Benchmark
  public Object boundCall() {
    return dispatcher.call(bound);
  }

  @Benchmark
  public Object bindAndCall() {
    return dispatcher.call(op, x);
  }

  @Benchmark
  public Object metaOnly() {
    return op.meta().apply(bound, null);
  }
}
