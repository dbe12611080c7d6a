/**
 * Neural-network operators: convolution ({@link symtrace.tracer.ops.nn.Convolution}, with the
 * checks and CPU backend choice whose size comparisons PyTorch's fake convolution records as
 * guards; a padding string through {@link symtrace.tracer.ops.nn.ConvolutionMode}), pooling
 * ({@link symtrace.tracer.ops.nn.Pooling}), layer normalization ({@link
 * symtrace.tracer.ops.nn.LayerNorm}), losses ({@link symtrace.tracer.ops.nn.Losses}, the
 * spatial {@link symtrace.tracer.ops.nn.NllLoss2d} and {@link
 * symtrace.tracer.ops.nn.CrossEntropy}), embedding
 * and constant padding ({@link symtrace.tracer.ops.nn.Embedding}, {@link
 * symtrace.tracer.ops.nn.Padding}), scaled dot-product attention ({@link
 * symtrace.tracer.ops.nn.Attention}) and the memory-format queries they share ({@link
 * symtrace.tracer.ops.nn.MemoryFormats}).
 *
 * <p>Output sizes are SymInt arithmetic (floor division for strided windows). A comparison is a
 * guard where PyTorch's meta function converts it to a Python {@code bool} ({@code guardBool}),
 * a {@code torch._check} ({@code expectTrue}), or size-oblivious where PyTorch says so, so a
 * trace records the guards PyTorch records.
 */
package symtrace.tracer.ops.nn;
