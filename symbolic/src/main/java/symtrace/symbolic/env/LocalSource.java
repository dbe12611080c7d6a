package symtrace.symbolic.env;

/** A local of the traced function, printed {@code L['x']}. */
public record LocalSource(String local) implements Source {
  @Override
  public String name() {
    return "L['" + local + "']";
  }

  @Override
  public String toString() {
    return name();
  }
}
