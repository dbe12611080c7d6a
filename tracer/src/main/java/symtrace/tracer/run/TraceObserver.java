package symtrace.tracer.run;

import java.util.List;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.env.SourceLocation;

/**
 * Told where a program trace is while it runs ({@link ProgramRunner#trace(ProgramRunner.Inputs,
 * symtrace.tracer.trace.MakeFx, TraceObserver)}), so that it can read what the shape
 * environment recorded meanwhile and attribute it to the program's call stack. The structured
 * event log ({@code --log}) is one.
 */
public interface TraceObserver {
  /**
   * The traced function is about to run: the inputs' symbols exist.
   *
   * @param env the trace's shape environment, null unless the mode is symbolic
   * @param tracedInputs the values the function receives (fake tensors with symbolic sizes,
   *     SymInts), one per parameter
   */
  void started(ShapeEnv env, List<Object> tracedInputs);

  /** A statement or condition at {@code location} starts; scopes nest as calls do. */
  void entered(SourceLocation location);

  /** The innermost scope, entered at {@code location}, ends (also when it throws). */
  void exited(SourceLocation location);
}
