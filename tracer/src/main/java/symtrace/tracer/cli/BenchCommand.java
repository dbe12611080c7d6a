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
      "With --versus OTHER, each run traces in both modes, in alternating order, and a",
      "second line gives OTHER's times and the median of the per-run ratios, e.g.",
      "'symbolic / fake: median 1.42 (min 1.10, max 1.80)'. A drift in machine speed",
      "slows both traces of a run alike, so the ratio stays readable.",
      "",
    })
public final class BenchCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private ProgramOptions program;

  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "symbolic",
      description = "symbolic, fake or real (default ${DEFAULT-VALUE}).")
  private String mode;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "5",
      description = "Untimed runs first (default ${DEFAULT-VALUE}).")
  private int warmup;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "10",
      description = "Timed runs (default ${DEFAULT-VALUE}).")
  private int runs;

  @Option(names = "--versus", paramLabel = "OTHER",
      description = "Also trace in mode OTHER in every run and report MODE / OTHER.")
  private String versus;

  @Override
  public Integer call() {
    TracingMode tracingMode = Choices.mode(spec, mode);
    if (runs < 1 || warmup < 0) {
      throw new ParameterException(spec.commandLine(),
          "--runs must be at least 1 and --warmup at least 0");
    }
    TracingMode other = versus == null ? null : Choices.mode(spec, versus);
    return ProgramErrors.run(spec, program, runner -> {
      ProgramRunner.Inputs inputs = runner.inputs(program.traceSpecs(runner));
      int nodes = 0;
      for (int i = 0; i < warmup; i++) {
        nodes = runner.trace(inputs, tracingMode).module().graph().callCount();
        if (other != null) {
          runner.trace(inputs, other);
        }
      }
      double[] ms = new double[runs];
      double[] otherMs = new double[runs];
      double[] ratios = new double[runs];
      for (int i = 0; i < runs; i++) {
        // alternate which mode goes first, so neither always runs on a warmer machine
        if (other != null && i % 2 == 1) {
          otherMs[i] = time(runner, inputs, other);
        }
        long start = System.nanoTime();
        Trace t = runner.trace(inputs, tracingMode);
        ms[i] = (System.nanoTime() - start) / 1e6;
        nodes = t.module().graph().callCount();
        if (other != null && i % 2 == 0) {
          otherMs[i] = time(runner, inputs, other);
        }
        ratios[i] = other == null ? 0 : ms[i] / otherMs[i];
      }
      double median = median(ms);
      PrintWriter out = spec.commandLine().getOut();
      out.println(String.format(Locale.ROOT,
          "median %.1f ms (min %.1f, max %.1f) over %d runs, %d nodes, %.1f us/node",
          median, ms[0], ms[runs - 1], runs, nodes, nodes == 0 ? 0 : median * 1000 / nodes));
      if (other != null) {
        double otherMedian = median(otherMs);
        double ratio = median(ratios);
        out.println(String.format(Locale.ROOT,
            "%s median %.1f ms (min %.1f, max %.1f); %s / %s: median %.2f (min %.2f, max %.2f)",
            name(other), otherMedian, otherMs[0], otherMs[runs - 1], name(tracingMode),
            name(other), ratio, ratios[0], ratios[runs - 1]));
      }
      out.flush();
      return ExitCodes.OK;
    });
  }

  private static double time(ProgramRunner runner, ProgramRunner.Inputs inputs, TracingMode m) {
    long start = System.nanoTime();
    runner.trace(inputs, m);
    return (System.nanoTime() - start) / 1e6;
  }

  /** Sorts {@code values} and gives their median. */
  private static double median(double[] values) {
    Arrays.sort(values);
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }

  private static String name(TracingMode m) {
    return m.name().toLowerCase(Locale.ROOT);
  }
}
