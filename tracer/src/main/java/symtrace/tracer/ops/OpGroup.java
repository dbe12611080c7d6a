package symtrace.tracer.ops;

/** A family of operators (pointwise, reductions, views, ...) that registers itself. */
@FunctionalInterface
public interface OpGroup {
  void register(OpRegistry.Builder registry);
}
