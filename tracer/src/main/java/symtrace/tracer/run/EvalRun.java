package symtrace.tracer.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import symtrace.symbolic.SymtraceException;
import symtrace.symbolic.env.DataDependentError;
import symtrace.symbolic.env.SourceLocation;
import symtrace.tracer.lang.ProgramError;
import symtrace.tracer.trace.Trace;
import symtrace.tracer.trace.TracingMode;

/**
 * {@code symtrace run}: trace once symbolically, then for each eval input check the guards; run
 * the traced graph when they hold, otherwise trace again at that input and run that graph.
 */
public final class EvalRun {
  private EvalRun() {}

  /** What happened for one eval input. */
  public record Eval(String spec, boolean guardsHold, List<String> failedGuards, boolean retraced,
      ObjectNode output, String error) {}

  /**
   * The run: the first trace (null when it failed), its guards, each eval, or the trace's error.
   */
  public record Result(String traceSpec, Trace trace, List<String> guards, List<Eval> evals,
      TraceFailure failure) {
    public boolean ok() {
      return failure == null;
    }
  }

  /**
   * Why tracing failed: its kind ({@code data-dependent}, {@code error}), message and line, and
   * the data-dependent error itself when it was one (null otherwise).
   */
  public record TraceFailure(String kind, String message, Integer line,
      DataDependentError dataDependent) {
    static TraceFailure of(SymtraceException e) {
      if (e instanceof DataDependentError d) {
        SourceLocation where = d.provenance() == null ? null : d.provenance().location();
        return new TraceFailure("data-dependent", d.getMessage(),
            where == null ? null : where.line(), d);
      }
      Integer line = e instanceof ProgramError located ? located.span().line() : null;
      return new TraceFailure("error", e.getMessage(), line, null);
    }
  }

  public static Result run(ProgramRunner runner, String traceSpec, List<String> evalSpecs) {
    ProgramRunner.Inputs traceInputs = runner.inputs(traceSpec);
    Trace trace;
    try {
      trace = runner.trace(traceInputs, TracingMode.SYMBOLIC);
    } catch (SymtraceException e) {
      return new Result(traceInputs.spec(), null, List.of(), List.of(), TraceFailure.of(e));
    }
    TraceGuards guards = TraceGuards.of(trace);
    List<Eval> evals = new ArrayList<>();
    for (String spec : evalSpecs) {
      evals.add(eval(runner, trace, guards, spec));
    }
    return new Result(traceInputs.spec(), trace, guards.all(), evals, null);
  }

  private static Eval eval(ProgramRunner runner, Trace trace, TraceGuards guards, String spec) {
    ProgramRunner.Inputs inputs = runner.inputs(spec);
    List<String> failed = guards.failing(inputs.names(), inputs.values());
    try {
      if (failed.isEmpty()) {
        Object out = RuntimeAssertCheck.run(trace, guards, inputs);
        return new Eval(inputs.spec(), true, failed, false, ProgramRunner.output(out), null);
      }
      Trace again = runner.trace(inputs, TracingMode.SYMBOLIC);
      Object out = RuntimeAssertCheck.run(again, TraceGuards.of(again), inputs);
      return new Eval(inputs.spec(), false, failed, true, ProgramRunner.output(out), null);
    } catch (SymtraceException e) {
      return new Eval(inputs.spec(), failed.isEmpty(), failed, !failed.isEmpty(), null,
          e.getMessage());
    }
  }
}
