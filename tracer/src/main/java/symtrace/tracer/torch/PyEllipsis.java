package symtrace.tracer.torch;

/** Python's {@code Ellipsis} ({@code ...}), as a subscript: every dimension not named. */
public enum PyEllipsis {
  INSTANCE;

  @Override
  public String toString() {
    return "Ellipsis";
  }
}
