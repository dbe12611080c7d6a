package symtrace.tracer.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import symtrace.tracer.run.ProgramRunner;
import symtrace.tracer.trace.Trace;
import symtrace.tracer.trace.TracingMode;

/**
 * {@code symtrace bench PROGRAM}: traces repeatedly in one process and prints the median and
 * spread of the trace time, the number of call_function nodes and the cost per node.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Trace a program repeatedly in one process and report the time per trace.",
      "",
      "Prints e.g. 'median 41.2 ms (min 39.8, max 44.0) over 10 runs, 2182 nodes,",
      "18.9 us/node'. Warm-up runs are not counted.",
      "",
    })
public final class BenchCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private ProgramOptions program;

  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "symbolic",
      description = "symbolic, fake or real (default ${DEFAULT-VALUE}).")
  private String mode;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "5",
      description = {"Untimed runs first (default ${DEFAULT-VALUE}). A large trace needs a",
          "few thousand before the JIT compiler has settled (try 4000)."})
  private int warmup;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "10",
      description = "Timed runs (default ${DEFAULT-VALUE}).")
  private int runs;

  @Override
  public Integer call() {
    TracingMode tracingMode = Choices.mode(spec, mode);
    if (runs < 1 || warmup < 0) {
      throw new ParameterException(spec.commandLine(),
          "--runs must be at least 1 and --warmup at least 0");
    }
    return ProgramErrors.run(spec, program, runner -> {
      ProgramRunner.Inputs inputs = runner.inputs(program.traceSpecs(runner));
      int nodes = 0;
      for (int i = 0; i < warmup; i++) {
        nodes = runner.trace(inputs, tracingMode).module().graph().callCount();
      }
      double[] ms = new double[runs];
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        Trace t = runner.trace(inputs, tracingMode);
        ms[i] = (System.nanoTime() - start) / 1e6;
        nodes = t.module().graph().callCount();
      }
      Arrays.sort(ms);
      double median = runs % 2 == 1 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
      PrintWriter out = spec.commandLine().getOut();
      out.println(String.format(Locale.ROOT,
          "median %.1f ms (min %.1f, max %.1f) over %d runs, %d nodes, %.1f us/node",
          median, ms[0], ms[runs - 1], runs, nodes, nodes == 0 ? 0 : median * 1000 / nodes));
      out.flush();
      return ExitCodes.OK;
    });
  }
}
