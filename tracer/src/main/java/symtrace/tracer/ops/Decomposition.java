package symtrace.tracer.ops;

/**
 * A composite operator written in other operators (CompositeImplicitAutograd in PyTorch, or an
 * entry of a decomposition table). It calls them through {@link Ops}, so under tracing every
 * operator it uses, and every SymInt operation, becomes a node.
 */
@FunctionalInterface
public interface Decomposition {
  /**
   * What a decomposition-table entry returns to decline a call (Python's {@code
   * NotImplemented}): the operator is then traced as if the table had no entry for it.
   */
  Object NOT_IMPLEMENTED = new Object() {
    @Override
    public String toString() {
      return "NotImplemented";
    }
  };

  Object apply(Args args, Ops ops);
}
