package symtrace.tracer.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import symtrace.tracer.run.ProgramRunner;
import symtrace.tracer.run.log.LoggedTrace;
import symtrace.tracer.run.log.StructuredLog;
import symtrace.tracer.trace.MakeFx;
import symtrace.tracer.trace.Trace;
import symtrace.tracer.trace.TracingMode;

/** {@code --log FILE} and {@code --log-format}: the trace's structured event log. */
final class LogOptions {
  @Option(names = "--log", paramLabel = "FILE",
      description = "Also write the trace's structured event log to FILE, in the envelope of"
          + " PyTorch's structured trace (TORCH_TRACE): create_symbol, symbolic_shape_"
          + "specialization, expression_created, guard_added, the graph, compilation_metrics,"
          + " each with the program's call stack.")
  Path log;

  @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "jsonl",
      description = "jsonl (one JSON envelope a line) or tlparse (glog-prefixed records with"
          + " tab-indented payloads, the form TORCH_TRACE writes and tlparse reads); default"
          + " ${DEFAULT-VALUE}.")
  String format;

  /** Checks the options before anything runs: a wrong format is a usage error. */
  void check(CommandSpec spec) {
    Choices.check(spec, "--log-format", format, "jsonl", "tlparse");
  }

  /** Traces the program, logging the trace when {@code --log} was given. */
  Trace trace(ProgramRunner runner, ProgramRunner.Inputs inputs, TracingMode mode) {
    if (log == null) {
      return runner.trace(inputs, mode);
    }
    return LoggedTrace.trace(runner, inputs, MakeFx.of(mode), log, StructuredLog.Format.parse(
        format));
  }
}
