package symtrace.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import symtrace.symbolic.env.DimDynamic;
import symtrace.symbolic.env.GuardProducer;
import symtrace.symbolic.env.Placeholder;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.env.Source;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymInt;

/**
 * The shape environment's hot paths:
 *
 * <ul>
 *   <li>{@link #symIntAddMul}: {@code (a + c) * b} on SymInts with a new constant {@code c} per
 *       call (expression construction plus hint arithmetic);
 *   <li>{@link #cachedComparison}: a comparison the environment decides statically, asked again
 *       on unchanged state (PyTorch's LRU-cached {@code _maybe_evaluate_static}); the goal is at
 *       most 10 us (JAX's decision procedure takes 11.7 us);
 *   <li>{@link #uncachedComparison}: a statically decided comparison with a new constant each
 *       call, so no cache can answer it;
 *   <li>{@link #produceGuards1000}: {@code produce_guards} over an environment holding 1,000
 *       recorded guards.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class ShapeEnvBenchmark {
  private static final Provenance WHY = Provenance.of("benchmark");

  private ShapeEnv env;
  private SymInt a;
  private SymInt b;
  private SymBool known;
  private long counter;
  private ShapeEnv guardedEnv;
  private List<Placeholder> placeholders;
  private List<Source> sources;

  @Setup(Level.Trial)
  public void setUp() {
    env = new ShapeEnv();
    a = env.createSymInt(6, Source.constant("input0.size()[0]"), DimDynamic.DUCK);
    b = env.createSymInt(9, Source.constant("input0.size()[1]"), DimDynamic.DUCK);
    if (!a.gt(4).guardBool(WHY)) {
      throw new IllegalStateException("hint 6 > 4");
    }
    known = a.mul(b).gt(a);
    if (!known.staticallyKnownTrue() || env.guards().size() != 1) {
      throw new IllegalStateException("s0*s1 > s0 must be static for sizes");
    }
    guardedEnv = new ShapeEnv();
    placeholders = new ArrayList<>();
    sources = new ArrayList<>();
    List<SymInt> dims = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      SymInt d = guardedEnv.createSymInt(100 + i, Source.constant("input" + i + ".size()[0]"), DimDynamic.DUCK);
      dims.add(d);
      placeholders.add(new Placeholder.Int(d));
      sources.add(Source.local("n" + i));
    }
    // 1,000 distinct guards: s_i*s_j != k for 20 sizes and k = 1..1000 (each is a new fact).
    for (int k = 1; guardedEnv.guards().size() < 1000; k++) {
      SymInt x = dims.get(k % 20);
      SymInt y = dims.get((k * 7 + 3) % 20);
      x.mul(y).ne(SymInt.of(k)).guardBool(WHY);
      if (k > 100_000) {
        throw new IllegalStateException("could not record 1000 guards");
      }
    }
  }

  @Benchmark
  public SymInt symIntAddMul() {
    return a.add(SymInt.of(2048 + (counter++ & 0x3fffffff))).mul(b);
  }

  @Benchmark
  public boolean cachedComparison() {
    return known.guardBool(WHY);
  }

  @Benchmark
  public boolean uncachedComparison() {
    return a.mul(b).add(SymInt.of(2048 + (counter++ & 0x3fffffff))).gt(a).guardBool(WHY);
  }

  @Benchmark
  public int produceGuards1000() {
    return new GuardProducer(guardedEnv).produce(placeholders, sources, false, false).guards().size();
  }
}
