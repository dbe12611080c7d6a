package symtrace.tracer.trace;

/** make_fx's {@code tracing_mode}. */
public enum TracingMode {
  /** Real tensors: the function runs on its inputs while the graph is recorded. */
  REAL,
  /** Fake tensors with the inputs' concrete sizes. */
  FAKE,
  /** Fake tensors whose sizes are symbols of a fresh ShapeEnv. */
  SYMBOLIC;

  public static TracingMode parse(String name) {
    return valueOf(name.toUpperCase(java.util.Locale.ROOT));
  }
}
