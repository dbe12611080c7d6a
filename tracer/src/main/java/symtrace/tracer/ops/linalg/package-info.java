/**
 * Matrix products: the shape checks of {@code mm}, {@code bmm}, {@code addmm}, {@code dot} and
 * {@code mv} with ATen's error texts ({@link symtrace.tracer.ops.linalg.MatrixShapes}), their CPU
 * kernels ({@link symtrace.tracer.ops.linalg.MatrixKernels}), and the CompositeImplicitAutograd
 * operators PyTorch writes in them: {@code matmul} ({@link symtrace.tracer.ops.linalg.Matmul},
 * PyTorch's Python decomposition: folding, broadcasting batches, {@code bmm}), {@code linear}
 * ({@link symtrace.tracer.ops.linalg.Linear}) and {@code einsum} ({@link
 * symtrace.tracer.ops.linalg.Einsum}, which lowers to permutes, views and {@code bmm} as ATen's
 * {@code sumproduct_pair} does).
 *
 * <p>A composite calls the operators it is made of by name through {@link
 * symtrace.tracer.ops.Ops}, reads sizes with {@code symSize}, and does size arithmetic with {@code
 * Ops.mul}, so a trace records each step as PyTorch's does. Comparisons that only choose a path
 * ({@code should_fold}, broadcasting) use {@code guard_or_false} and friends as PyTorch does.
 */
package symtrace.tracer.ops.linalg;
