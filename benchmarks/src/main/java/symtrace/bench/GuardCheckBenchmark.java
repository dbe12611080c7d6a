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
import symtrace.tracer.run.CompiledGuards;
import symtrace.tracer.run.ProgramRunner;
import symtrace.tracer.run.TraceGuards;
import symtrace.tracer.trace.TracingMode;

/**
 * Checking a trace's guards on a concrete input with the compiled predicate: {@link #compiled}
 * evaluates every {@code produce_guards} line of a conformance program's trace on slot values
 * already read; the score divided by the line count is the cost per guard (goal: at most 1 us).
 * {@link #interpreted} is the same check through the interpreted Python-form guards.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class GuardCheckBenchmark {
  /** A program under the suite's {@code programs/}, by name. */
  @Param({"view_reshape_neg1", "linear_bias"})
  public String program;

  private CompiledGuards compiled;
  private TraceGuards guards;
  private ProgramRunner.Inputs inputs;
  private long[] slots;

  @Setup
  public void setUp() {
    Path dir = Path.of(System.getProperty("symtrace.conformance", "../shared/conformance"));
    ProgramRunner runner = ProgramRunner.load(dir.resolve("programs").resolve(program + ".py"));
    inputs = runner.inputs(runner.traceHeader());
    guards = TraceGuards.of(runner.trace(inputs, TracingMode.SYMBOLIC));
    compiled = CompiledGuards.of(guards);
    slots = compiled.read(inputs.names(), inputs.values());
    System.out.println(program + ": " + compiled.size() + " lines, " + compiled.compiledCount()
        + " compiled");
  }

  @Benchmark
  public boolean compiled() {
    return compiled.accepts(slots, inputs.names(), inputs.values());
  }

  @Benchmark
  public Object interpreted() {
    return guards.failing(inputs.names(), inputs.values());
  }
}
