package symtrace.tracer.ops;

/** Operators of one family; see the package documentation for the conventions. */
final class IndexingOps implements OpGroup {
  @Override
  public void register(OpRegistry.Builder r) {}
}
