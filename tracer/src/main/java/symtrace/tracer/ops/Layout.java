package symtrace.tracer.ops;

/**
 * A {@code Layout} argument value ({@code torch.layout}); symtrace's tensors are all strided.
 */
public enum Layout {
  /** {@code torch.strided}. */
  STRIDED;

  /** As Python prints it: {@code torch.strided}. */
  @Override
  public String toString() {
    return "torch.strided";
  }
}
