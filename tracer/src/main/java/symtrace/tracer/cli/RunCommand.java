package symtrace.tracer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import symtrace.tracer.run.EvalRun;
import symtrace.tracer.run.ProgramRunner;
import symtrace.tracer.run.explain.DataDependentFixes;

/**
 * {@code symtrace run PROGRAM}: trace once, then for each eval input check the guards and run
 * the traced graph, or trace again when they reject it; print each output.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Trace once symbolically, then run the graph on each eval input.",
      "",
      "For each --eval input (default: the program's '# eval:' headers) the trace's",
      "guards are checked; when they hold the traced graph runs, otherwise the",
      "program is traced again at that input and the new graph runs. Outputs use",
      "the conformance format.",
      "",
    })
public final class RunCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec private CommandSpec spec;
  @Mixin private ProgramOptions program;

  @Option(names = "--eval", paramLabel = "SPECS",
      description = "An input to run, e.g. 'x=f32[9,3]' (repeatable); default: the '# eval:'"
          + " headers.")
  private List<String> evals = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text or json (default ${DEFAULT-VALUE}).")
  private String format;

  @Override
  public Integer call() {
    Choices.check(spec, "--format", format, "text", "json");
    return ProgramErrors.run(spec, program, runner -> {
      List<String> evalSpecs = evals.isEmpty() ? runner.evalHeaders() : evals;
      EvalRun.Result r = EvalRun.run(runner, program.traceSpecs(runner), evalSpecs);
      ObjectNode json = toJson(program.program.getFileName().toString(), r);
      DataDependentFixes fixes = fixes(runner, r);
      PrintWriter out = spec.commandLine().getOut();
      if (format.equals("json")) {
        if (fixes != null) {
          ((ObjectNode) json.get("error")).set("fixes", fixes.toJson());
        }
        out.println(json.toString());
      } else {
        out.print(text(r));
        if (fixes != null) {
          out.println(fixes.text().strip());
        }
      }
      out.flush();
      return r.ok() ? ExitCodes.OK : ExitCodes.USER_ERROR;
    });
  }

  /** The verified torch._check fixes when the trace stopped at a data-dependent condition. */
  private DataDependentFixes fixes(ProgramRunner runner, EvalRun.Result r) {
    if (r.ok() || r.failure().dataDependent() == null) {
      return null;
    }
    try {
      return DataDependentFixes.suggest(runner, r.traceSpec(), r.failure().dataDependent());
    } catch (RuntimeException | LinkageError unavailable) {
      return null; // a courtesy, as for trace and guards: the error stands without it
    }
  }

  static ObjectNode toJson(String programName, EvalRun.Result r) {
    ObjectNode root = JSON.createObjectNode();
    root.put("program", programName);
    root.put("trace", r.traceSpec());
    root.put("ok", r.ok());
    if (!r.ok()) {
      ObjectNode error = root.putObject("error");
      error.put("kind", r.failure().kind());
      error.put("message", r.failure().message());
      if (r.failure().line() != null) {
        error.put("line", r.failure().line());
      } else {
        error.putNull("line");
      }
      return root;
    }
    ArrayNode guards = root.putArray("guards");
    r.guards().forEach(guards::add);
    ArrayNode evals = root.putArray("evals");
    for (EvalRun.Eval e : r.evals()) {
      ObjectNode o = evals.addObject();
      o.put("spec", e.spec());
      o.put("guards_hold", e.guardsHold());
      ArrayNode failed = o.putArray("failed_guards");
      e.failedGuards().forEach(failed::add);
      o.put("retraced", e.retraced());
      if (e.output() != null) {
        o.set("output", e.output());
      } else {
        o.put("error", e.error());
      }
    }
    return root;
  }

  private static String text(EvalRun.Result r) {
    StringBuilder b = new StringBuilder();
    if (!r.ok()) {
      b.append("tracing at ").append(r.traceSpec()).append(" failed: ")
          .append(r.failure().message()).append('\n');
      return b.toString();
    }
    b.append("traced at ").append(r.traceSpec()).append(" with ").append(r.guards().size())
        .append(" guards\n");
    for (EvalRun.Eval e : r.evals()) {
      b.append("\n").append(e.spec()).append(": ");
      if (e.guardsHold()) {
        b.append("guards hold, ran the trace\n");
      } else {
        b.append("fails ").append(e.failedGuards()).append(", traced again\n");
      }
      b.append("  ").append(e.output() != null ? e.output().toString() : "error: " + e.error())
          .append('\n');
    }
    return b.toString();
  }
}
