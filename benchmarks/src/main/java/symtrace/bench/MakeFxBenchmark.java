package symtrace.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import symtrace.tracer.run.ProgramRunner;
import symtrace.tracer.trace.Trace;
import symtrace.tracer.trace.TracingMode;

/**
 * make_fx of the stress programs, warm, in one process: the whole trace (interpreting the
 * program, dispatch, meta rules, the graph, the ShapeEnv, dead-code elimination). The ratio of
 * the {@code symbolic} and {@code fake} scores is the price of symbolic shapes (goal: at most
 * 1.5x; PyTorch 2.13: 3.3x).
 *
 * <p>The warm-up is long because a symbolic trace runs more code than a fake one, and on two
 * cores the optimizing compiler needs a few thousand symbolic traces (10-20 s) before the time per
 * trace settles; a shorter warm-up measures symbolic mode still compiling.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class MakeFxBenchmark {
  /** A program under the suite's {@code stress/}, by name. */
  @Param({"transformer_32"})
  public String program;

  @Param({"symbolic", "fake"})
  public String mode;

  private ProgramRunner runner;
  private ProgramRunner.Inputs inputs;
  private TracingMode tracingMode;

  @Setup
  public void setUp() {
    Path dir = Path.of(System.getProperty("symtrace.conformance", "../shared/conformance"));
    runner = ProgramRunner.load(dir.resolve("stress").resolve(program + ".py"));
    inputs = runner.inputs(runner.traceHeader());
    tracingMode = TracingMode.valueOf(mode.toUpperCase(java.util.Locale.ROOT));
    int nodes = runner.trace(inputs, tracingMode).module().graph().callCount();
    System.out.println(program + " " + mode + ": " + nodes + " call_function nodes");
  }

  @Benchmark
  public Trace trace() {
    return runner.trace(inputs, tracingMode);
  }
}
