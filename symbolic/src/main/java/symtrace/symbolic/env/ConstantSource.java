package symtrace.symbolic.env;

/** A source printed as its name, as PyTorch's {@code ConstantSource("input0")}. */
public record ConstantSource(String sourceName) implements Source {
  @Override
  public String name() {
    return sourceName;
  }

  @Override
  public String toString() {
    return sourceName;
  }
}
