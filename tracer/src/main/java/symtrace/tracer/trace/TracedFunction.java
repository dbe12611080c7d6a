package symtrace.tracer.trace;

import java.util.List;

/** A function make_fx can trace: it calls operators only through the context's {@code ops()}. */
@FunctionalInterface
public interface TracedFunction {
  Object apply(TraceContext context, List<Object> inputs);
}
