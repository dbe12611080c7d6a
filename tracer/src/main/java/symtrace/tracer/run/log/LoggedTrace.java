package symtrace.tracer.run.log;

import java.nio.file.Path;
import symtrace.tracer.run.ProgramRunner;
import symtrace.tracer.trace.MakeFx;
import symtrace.tracer.trace.Trace;

/**
 * A program trace that writes its structured event log to a file ({@code --log FILE}). The log
 * is complete also when the trace fails: it ends with {@code compilation_metrics} naming the
 * failure, and the failure is rethrown for the command to report.
 */
public final class LoggedTrace {
  private LoggedTrace() {}

  /** Traces the entry of {@code runner} at {@code inputs}, logging to {@code file}. */
  public static Trace trace(ProgramRunner runner, ProgramRunner.Inputs inputs, MakeFx makeFx,
      Path file, StructuredLog.Format format) {
    try (StructuredLog log = StructuredLog.open(file, format)) {
      TraceEventLog events = new TraceEventLog(log, runner, inputs.names());
      Trace trace;
      try {
        trace = runner.trace(inputs, makeFx, events);
      } catch (RuntimeException | StackOverflowError e) {
        events.failed(e);
        throw e;
      }
      events.finished(trace);
      return trace;
    }
  }
}
