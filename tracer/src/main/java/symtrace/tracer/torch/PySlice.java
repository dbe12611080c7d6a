package symtrace.tracer.torch;

/**
 * A Python slice {@code start:stop:step} in a subscript; an absent part is {@code null} (None).
 * Parts are ints ({@code Long} or SymInt) when the program is well-formed; indexing checks them.
 */
public record PySlice(Object start, Object stop, Object step) {
  @Override
  public String toString() {
    return "slice(" + part(start) + ", " + part(stop) + ", " + part(step) + ")";
  }

  private static String part(Object v) {
    return v == null ? "None" : v.toString();
  }
}
