package symtrace.tracer.ops;

/**
 * A composite operator written in other operators (CompositeImplicitAutograd in PyTorch, or an
 * entry of a decomposition table). It calls them through {@link Ops}, so under tracing every
 * operator it uses, and every SymInt operation, becomes a node.
 */
@FunctionalInterface
public interface Decomposition {
  Object apply(Args args, Ops ops);
}
