/**
 * The dispatcher: how an operator call runs. Composite operators decompose first; then the
 * stack of {@link symtrace.tracer.dispatch.DispatchMode}s (the fake mode, and the proxy mode of
 * {@code trace}) sees the call, each disabled while it handles it; then the backend runs the
 * meta rule (fake tensors) or the CPU kernel (real tensors). A dispatcher belongs to one trace.
 */
package symtrace.tracer.dispatch;
