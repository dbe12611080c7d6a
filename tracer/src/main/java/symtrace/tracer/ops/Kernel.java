package symtrace.tracer.ops;

/** An operator's CPU kernel: real tensors in, real tensors (or numbers) out, PyTorch's numerics. */
@FunctionalInterface
public interface Kernel {
  /** Outputs: a Tensor, a number, or a List of them for several returns. */
  Object apply(Args args);
}
