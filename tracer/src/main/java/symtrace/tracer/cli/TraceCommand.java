package symtrace.tracer.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import symtrace.tracer.fx.GraphDot;
import symtrace.tracer.fx.GraphJson;
import symtrace.tracer.run.ProgramRunner;
import symtrace.tracer.trace.Trace;
import symtrace.tracer.trace.TracingMode;

/**
 * {@code symtrace trace PROGRAM}: traces the entry function with make_fx and prints the graph as
 * FX's {@code gm.code} (default), {@code print_readable}, JSON or a Graphviz drawing.
 */
@Command(
    name = "trace",
    mixinStandardHelpOptions = true,
    description = {
      "Trace a program's entry function and print the graph.",
      "",
      "The inputs come from --input or the program's '# trace:' header. In symbolic",
      "mode (the default) tensor sizes are symbols, so the graph holds for every",
      "input that passes its guards (see 'symtrace guards'). Fake mode keeps the",
      "inputs' sizes, but item() and nonzero give unbacked symbols; real mode runs",
      "the operators on the inputs and cannot read a value out of a traced tensor.",
      "",
    })
public final class TraceCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private ProgramOptions program;
  @Mixin private LogOptions logging;

  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "symbolic",
      description = "symbolic, fake or real (default ${DEFAULT-VALUE}).")
  private String mode;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "code",
      description = "code (FX's gm.code), readable (print_readable), json or dot"
          + " (default ${DEFAULT-VALUE}).")
  private String format;

  @Override
  public Integer call() {
    TracingMode tracingMode = Choices.mode(spec, mode);
    Choices.check(spec, "--format", format, "code", "readable", "json", "dot");
    logging.check(spec);
    return ProgramErrors.run(spec, program, runner -> {
      Trace trace = logging.trace(runner, runner.inputs(program.traceSpecs(runner)), tracingMode);
      PrintWriter out = spec.commandLine().getOut();
      switch (format) {
        case "readable" -> out.print(trace.module().printReadable());
        case "json" -> out.println(GraphJson.write(trace.module()));
        case "dot" -> out.print(GraphDot.write(trace.module()));
        default -> out.print(trace.module().code());
      }
      out.println();
      out.flush();
      return ExitCodes.OK;
    });
  }
}
