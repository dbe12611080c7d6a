/**
 * The structured event log of a trace ({@code --log FILE}): what the shape environment and
 * make_fx did, as it happened, in the envelope of PyTorch's structured trace ({@code
 * TORCH_TRACE}, read by tlparse): {@code create_symbol}, {@code create_unbacked_symbol}, {@code
 * symbolic_shape_specialization}, {@code expression_created}, {@code guard_added} and {@code
 * guard_added_fast} (guards and runtime asserts), the graph as an {@code artifact}, and {@code
 * compilation_metrics}, each with the program's call stack.
 */
package symtrace.tracer.run.log;
