/**
 * Operators: aten overloads with PyTorch's names ({@code aten.add.Tensor}), schemas in aten's
 * schema language ({@link symtrace.tracer.ops.Schema}), tags, and how each runs: a {@link
 * symtrace.tracer.ops.MetaRule} (output metadata from input metadata, guards through SymInts)
 * and a {@link symtrace.tracer.ops.Kernel} (real data), or a {@link
 * symtrace.tracer.ops.Decomposition} into other operators for a composite.
 *
 * <h2>Conventions</h2>
 *
 * Argument values ({@link symtrace.tracer.ops.Args}): tensors are {@link
 * symtrace.tracer.tensor.TensorValue}s; ints {@code Long} or {@link
 * symtrace.symbolic.value.SymInt}; floats {@code Double} or {@link
 * symtrace.symbolic.value.SymFloat}; bools {@code Boolean} or {@link
 * symtrace.symbolic.value.SymBool}; lists {@link java.util.List}; None {@code null}; dtypes
 * {@link symtrace.tracer.tensor.DType}. A Python number may stand where a schema says {@code
 * Tensor} (a wrapped number, as in {@code aten.add.Tensor(x, 2)}). Several returns are a {@code
 * List}.
 *
 * <p>The groups ({@link symtrace.tracer.ops.OpGroup}) register into one immutable {@link
 * symtrace.tracer.ops.OpRegistry}; Python's {@code operator} functions on symbolic scalars are
 * overloads too ({@code operator.mul}, {@link symtrace.tracer.ops.PyScalars}), so a graph's
 * SymInt arithmetic is dispatched and traced like any operator.
 *
 * <p>A composite runs above the tracer, as PyTorch's CompositeImplicitAutograd kernels do, so its
 * SymInt work goes through {@link symtrace.tracer.ops.Ops} in ATen's order and every operation
 * becomes a node (most are unused and removed, their names taken): contiguity ({@link
 * symtrace.tracer.ops.Contiguity}, once per tensor), {@code infer_size} and {@code
 * computeStride} in {@code reshape}, {@code should_fold}, indexing's bounds. A meta rule's size
 * work is not traced; where it makes new sizes, as {@code view}'s ({@link
 * symtrace.tracer.ops.ReshapeView}), a trace reads them through the output's accessors.
 */
package symtrace.tracer.ops;
