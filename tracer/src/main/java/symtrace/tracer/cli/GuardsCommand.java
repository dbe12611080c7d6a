package symtrace.tracer.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import symtrace.tracer.run.GuardReport;
import symtrace.tracer.run.ProgramRunner;
import symtrace.tracer.run.explain.CheckReport;
import symtrace.tracer.run.report.HtmlGuardReport;
import symtrace.tracer.trace.Trace;
import symtrace.tracer.trace.TracingMode;

/**
 * {@code symtrace guards PROGRAM}: the guard report of a symbolic trace: symbols, specializations,
 * guards and runtime asserts with where and why each was recorded.
 */
@Command(
    name = "guards",
    mixinStandardHelpOptions = true,
    description = {
      "Trace symbolically and report the guards.",
      "",
      "The guards are the conditions on the inputs under which the graph is valid;",
      "each is shown with the program line and operation that caused it, and",
      "whether the other guards imply it.",
      "",
    })
public final class GuardsCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private ProgramOptions program;
  @Mixin private LogOptions logging;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, json, smt2 (the guards as an SMT-LIB2 script) or html (one"
          + " self-contained page: the program with the lines that made guards highlighted,"
          + " the symbols, the guards with a filter for the implied ones, the input equalities"
          + " and the graph; redirect it to a file); default ${DEFAULT-VALUE}.")
  private String format;

  @Option(names = "--minimize",
      description = "Print the irredundant equivalent guard set (proved by Z3); each dropped"
          + " guard is listed with the guards that imply it.")
  private boolean minimize;

  @Option(names = "--why", paramLabel = "SOURCE",
      description = "Everything that constrains one input source, e.g. \"L['x'].size()[0]\":"
          + " its symbol, range and the guards that set it, replacements, guards on it.")
  private String why;

  @Option(names = "--check", paramLabel = "SPECS",
      description = "Also say which guards this input fails, e.g. 'x=f32[3,3]': where in the"
          + " program each comes from, and what would make the trace accept it (each fix"
          + " verified by tracing again).")
  private String check;

  @Override
  public Integer call() {
    Choices.check(spec, "--format", format, "text", "json", "smt2", "html");
    logging.check(spec);
    if (format.equals("html") && (check != null || why != null || minimize)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format html"
          + " takes no --check, --why or --minimize: the page shows every guard, with a filter"
          + " that hides the implied ones");
    }
    return ProgramErrors.run(spec, program, runner -> {
      ProgramRunner.Inputs inputs = runner.inputs(program.traceSpecs(runner));
      Trace trace = logging.trace(runner, inputs, TracingMode.SYMBOLIC);
      GuardReport report = GuardReport.of(program.program.getFileName().toString(),
          inputs.spec(), trace, true);
      PrintWriter out = spec.commandLine().getOut();
      if (format.equals("smt2")) {
        out.print(report.smt2());
      } else if (format.equals("html")) {
        out.print(HtmlGuardReport.render(report, trace, runner.program().source()));
      } else if (format.equals("json")) {
        var json = report.toJson();
        if (check != null) {
          CheckReport.of(runner, inputs, trace, runner.inputs(check), true).putJson(json);
        }
        out.println(json.toString());
      } else if (why != null) {
        String text = report.why(why);
        if (text == null) {
          throw new symtrace.symbolic.SymtraceException("no symbol has the source " + why
              + ": write it as the report's symbols list does, e.g. \"L['x'].size()[0]\" (a"
              + " size the trace kept static has no symbol)");
        }
        out.println(text);
      } else if (minimize) {
        out.println("irredundant guards (" + report.minimized().size() + "):");
        report.minimized().forEach(g -> out.println("  " + g));
        java.util.List<String> dropped = report.dropped();
        if (!dropped.isEmpty()) {
          out.println("dropped (" + dropped.size() + "):");
          dropped.forEach(g -> out.println("  " + g));
        }
      } else {
        out.print(report.toText());
        if (check != null) {
          out.print(CheckReport.of(runner, inputs, trace, runner.inputs(check), true).text());
        }
      }
      out.flush();
      return ExitCodes.OK;
    });
  }
}
