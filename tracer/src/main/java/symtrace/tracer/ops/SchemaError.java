package symtrace.tracer.ops;

/**
 * A call that does not fit an operator's schema (wrong arguments, unknown keyword), with the
 * text Python's argument parser gives ({@code TypeError}).
 */
public final class SchemaError extends symtrace.symbolic.SymtraceException {
  public SchemaError(String message) {
    super(message);
  }
}
