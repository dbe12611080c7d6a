/**
 * Reductions: which dimensions a reduction reduces and the shape it leaves ({@link
 * symtrace.tracer.ops.reduce.ReductionDims}, ATen's {@code make_dim_mask} and {@code
 * shape_from_dim_mask}), the output dtypes ATen infers ({@link
 * symtrace.tracer.ops.reduce.ReductionTypes}), and the CPU kernels with PyTorch's numerics
 * ({@link symtrace.tracer.ops.reduce.ReduceKernels}, {@link
 * symtrace.tracer.ops.reduce.ScanKernels} for {@code cumsum} and the softmaxes).
 *
 * <h2>How a kernel reduces</h2>
 *
 * A real input is read through a permuted view whose kept dimensions come first: in row-major
 * order the elements that one output element reduces are then one contiguous block, and output
 * element {@code k} reduces block {@code k}. Floating sums, means and variances accumulate in double and are rounded once when
 * stored, so float32 results agree with PyTorch's cascade sums to float32 precision; integer
 * sums and products wrap as int64 does.
 *
 * <p>Shapes and dtypes are computed by the same code for the meta rules (on SymInts, recording
 * guards) and the kernels (on constants).
 */
package symtrace.tracer.ops.reduce;
