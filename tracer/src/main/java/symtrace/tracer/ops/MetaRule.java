package symtrace.tracer.ops;

/**
 * An operator's meta rule: the outputs' dtypes and layouts from the inputs' (fake or real)
 * metadata, never their data. Size comparisons go through SymInt conditions, so on symbolic
 * sizes they record guards, with the operator as provenance.
 */
@FunctionalInterface
public interface MetaRule {
  /** Fake outputs: a FakeTensor, a SymInt/number, or a List of them for several returns. */
  Object apply(Args args, MetaContext ctx);
}
