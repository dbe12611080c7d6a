package symtrace.tracer.run.explain;

import java.util.List;
import symtrace.symbolic.SymtraceException;
import symtrace.tracer.run.ProgramRunner;
import symtrace.tracer.run.TraceGuards;
import symtrace.tracer.trace.Trace;
import symtrace.tracer.trace.TracingMode;

/** A program traced again, at another example input or with a line added: how that went. */
final class Retrace {
  /** The new trace and its guards, or why tracing failed. */
  record Result(String spec, Trace trace, TraceGuards guards, String failure) {
    boolean ok() {
      return failure == null;
    }

    /** The lines of the new trace's guards that {@code input} fails. */
    List<String> failing(ProgramRunner.Inputs input) {
      return guards.failing(input.names(), input.values());
    }
  }

  private Retrace() {}

  static Result at(ProgramRunner runner, String spec) {
    try {
      ProgramRunner.Inputs inputs = runner.inputs(spec);
      Trace t = runner.trace(inputs, TracingMode.SYMBOLIC);
      return new Result(inputs.spec(), t, TraceGuards.of(t), null);
    } catch (SymtraceException e) {
      String m = e.getMessage() == null ? "" : e.getMessage().strip().split("\\R", 2)[0];
      return new Result(spec, null, null, m);
    }
  }
}
