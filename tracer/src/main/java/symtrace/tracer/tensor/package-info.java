/**
 * Tensors: dtypes and PyTorch's type promotion, storages, the strided layout and its view
 * rules, and real dense CPU tensors.
 *
 * <h2>Main types</h2>
 *
 * <ul>
 *   <li>{@link symtrace.tracer.tensor.DType} (float32, float64, int64, int32, bool) and {@link
 *       symtrace.tracer.tensor.DTypes}: {@code promote_types}, {@code result_type}, the
 *       elementwise promotion kinds ({@link symtrace.tracer.tensor.TypePromotionKind}, {@link
 *       symtrace.tracer.tensor.Promotion}) over {@link symtrace.tracer.tensor.Operand}s
 *       (dimensioned tensor, zero-dim tensor, Python scalar), and {@code can_cast}.
 *   <li>{@link symtrace.tracer.tensor.Storage}: a flat buffer per representation ({@link
 *       symtrace.tracer.tensor.FloatStorage}, {@link symtrace.tracer.tensor.IntStorage}, {@link
 *       symtrace.tracer.tensor.BoolStorage}), rounding float32 and wrapping int32 on write.
 *   <li>{@link symtrace.tracer.tensor.Geometry}: sizes, strides and storage offset as {@link
 *       symtrace.symbolic.value.SymInt}s; {@link symtrace.tracer.tensor.ShapeRules} (dimension
 *       wrapping, {@code infer_size}, broadcasting, contiguity, {@code computeStride}) and
 *       {@link symtrace.tracer.tensor.ViewRules} (every view operator's meta rule).
 *   <li>{@link symtrace.tracer.tensor.Tensor}: a real tensor (long sizes) with element access,
 *       views that share storage, copies ({@link symtrace.tracer.tensor.MemoryFormat}) and
 *       in-place writes; {@link symtrace.tracer.tensor.OffsetCursor} walks its elements.
 *   <li>{@link symtrace.tracer.tensor.TensorError}: PyTorch's error texts with the Python
 *       exception type.
 * </ul>
 *
 * <h2>Real and fake tensors share one set of rules</h2>
 *
 * A view's layout is computed by {@link symtrace.tracer.tensor.ViewRules} on a {@link
 * symtrace.tracer.tensor.Geometry}: a real tensor states its {@code long} layout as constant
 * SymInts (every comparison is then plain arithmetic) and reads the result back as {@code
 * long}s; a fake tensor passes symbolic SymInts, and the same code records guards, with the
 * operator as provenance, wherever it compares sizes. So a view's sizes, strides and offset,
 * and its errors, cannot differ between real and fake execution.
 *
 * <h2>Invariants</h2>
 *
 * A tensor's layout lies within its storage (checked as PyTorch's {@code
 * checkInBoundsForStorage}); its dtype is its storage's; sizes, strides and offset never change.
 * A float32 storage only ever holds float32 values and an int32 storage int32 values. No static
 * mutable state.
 */
package symtrace.tracer.tensor;
