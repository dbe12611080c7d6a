package symtrace.tracer.trace;

/** Tracing could not go on: a value reached the graph that no node holds or rebuilds. */
public final class TracingError extends symtrace.symbolic.SymtraceException {
  public TracingError(String message) {
    super(message);
  }
}
