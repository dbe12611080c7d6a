package symtrace.tracer.ops;

/** A runtime check of a graph failed on concrete inputs (PyTorch's {@code RuntimeError}). */
public final class RuntimeAssertionError extends symtrace.symbolic.SymtraceException {
  public RuntimeAssertionError(String message) {
    super(message);
  }
}
