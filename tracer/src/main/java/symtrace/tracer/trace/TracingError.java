package symtrace.tracer.trace;

/** Tracing could not go on: a value without a graph node, a data-dependent call in real mode. */
public final class TracingError extends symtrace.symbolic.SymtraceException {
  public TracingError(String message) {
    super(message);
  }
}
