/**
 * make_fx: tracing a function into an FX graph with PyTorch's semantics. {@link
 * symtrace.tracer.trace.MakeFx} sets up the inputs (fake tensors with symbolic sizes in
 * symbolic mode), pushes the fake mode and the {@link symtrace.tracer.trace.ProxyMode} on the
 * trace's own dispatcher, runs the function, and returns a {@link symtrace.tracer.trace.Trace}.
 * The tracing state (trackers, the graph, the ShapeEnv) belongs to the trace and is passed
 * explicitly ({@link symtrace.tracer.trace.TraceContext}); nothing is global, so traces nest and
 * run in parallel threads without touching each other.
 */
package symtrace.tracer.trace;
