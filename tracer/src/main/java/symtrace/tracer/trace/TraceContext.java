package symtrace.tracer.trace;

import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.env.SourceLocation;
import symtrace.tracer.ops.Ops;

/**
 * What a traced function sees of its trace, passed explicitly rather than swapped into
 * globals: the operators to call, the shape environment (null unless symbolic), and a way to
 * say where in the program it is, so guards and nodes name their program location.
 */
public interface TraceContext {
  Ops ops();

  ShapeEnv shapeEnv();

  TracingMode mode();

  /** Attributes what happens until the scope closes to a program location. */
  AutoCloseable at(SourceLocation location);
}
