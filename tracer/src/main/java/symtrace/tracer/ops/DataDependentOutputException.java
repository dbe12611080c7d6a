package symtrace.tracer.ops;

/**
 * An operator whose output size or value depends on data was called on fake tensors without a
 * shape environment to hold the unknown (PyTorch's {@code DynamicOutputShapeException} /
 * {@code DataDependentOutputException}).
 */
public final class DataDependentOutputException extends symtrace.symbolic.SymtraceException {
  public DataDependentOutputException(String op) {
    super(op + " has a data-dependent output, which fake tensors cannot compute without a"
        + " shape environment to make an unbacked symbol in");
  }
}
