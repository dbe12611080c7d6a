package symtrace.tracer.ops;

/**
 * Real-mode make_fx met an operator that reads a traced tensor's value ({@code item()}, that is
 * {@code aten._local_scalar_dense}): the value is the example input's, so baking it into the
 * graph would be wrong for other inputs. PyTorch's {@code proxy_call} raises this RuntimeError,
 * with this text.
 */
public final class DataDependentReadError extends symtrace.symbolic.SymtraceException {
  public DataDependentReadError(OpOverload op) {
    super("It appears that you're trying to get value out of a tracing tensor with " + op
        + " - erroring out! It's likely that this is caused by data-dependent control flow or"
        + " similar.  It may be possible to trace this with dynamic shapes; try setting"
        + " tracing_mode='symbolic' in your make_fx call.");
  }
}
