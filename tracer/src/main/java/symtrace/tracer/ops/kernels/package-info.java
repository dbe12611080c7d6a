/**
 * Building blocks of elementwise operators, shared by meta rules and CPU kernels and meant for
 * reuse by any operator family that computes element by element.
 *
 * <h2>Shapes and layouts (real and fake alike)</h2>
 *
 * <ul>
 *   <li>{@link symtrace.tracer.ops.kernels.Broadcast}: the broadcast shape of operands, with the
 *       guards FakeTensor's {@code infer_size} records ({@code guard_or_false} on size 1, {@code
 *       expect_true} on equality), and the in-place shape rule;
 *   <li>{@link symtrace.tracer.ops.kernels.ElementwiseLayout}: the output strides
 *       TensorIterator gives (contiguous for contiguous inputs, the layout of a dense input, the
 *       stride order of several), and the {@code _or_false} contiguity predicates.
 * </ul>
 *
 * These work on {@link symtrace.tracer.tensor.Geometry} and SymInts, so one call serves a real
 * tensor (constant sizes, plain arithmetic) and a fake one (symbolic sizes, guards with the
 * caller's provenance).
 *
 * <h2>Values (real tensors only)</h2>
 *
 * <ul>
 *   <li>{@link symtrace.tracer.ops.kernels.ElementwiseLoop}: the broadcasting loop; operands are
 *       converted to the computation dtype, the result to the output's dtype;
 *   <li>{@link symtrace.tracer.ops.kernels.ElementFn}: what one element is, in a floating and an
 *       integral version ({@link symtrace.tracer.ops.kernels.Precision} rounds float32 steps);
 *   <li>{@link symtrace.tracer.ops.kernels.ArithmeticFns}, {@link
 *       symtrace.tracer.ops.kernels.UnaryFns}: the element functions of aten's operators;
 *       {@link symtrace.tracer.ops.kernels.FloatMath}, {@link
 *       symtrace.tracer.ops.kernels.IntMath}: ATen's scalar formulas, {@code erf} among them.
 * </ul>
 *
 * <h2>Invariants</h2>
 *
 * No state: every class is a set of pure functions or immutable constants. Float32 values are
 * held as doubles that are float32 values, and every float32 step is rounded, so that basic
 * arithmetic is PyTorch's bit for bit.
 */
package symtrace.tracer.ops.kernels;
