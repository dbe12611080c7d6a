/**
 * The Python-level torch API of the program language, lowered to aten operators as PyTorch's
 * Python bindings lower it: which overload a Python call runs, with which argument values, and
 * the Python code PyTorch itself writes around its operators.
 *
 * <h2>Main types</h2>
 *
 * <ul>
 *   <li>{@link symtrace.tracer.torch.TorchApi}: the entry point the interpreter calls, over an
 *       {@link symtrace.tracer.ops.Ops} (the dispatcher, so that traces see every call).
 *   <li>Python argument parsing ({@code python_arg_parser.cpp}): {@code PySignature} and {@code
 *       ArgumentParser} (positional and keyword binding, defaults, PyTorch's type checks and
 *       conversions: an int for {@code int[2]}, a number for a {@code Tensor} where allowed,
 *       {@code x.view(2, 3)} for {@code x.view((2, 3))}).
 *   <li>Overload resolution for the functions bound from C++: {@code NativeFunctions}, a table
 *       of Python names ({@code torch.X}, {@code x.X}, {@code F.X}) to aten overloads in
 *       PyTorch's order; {@code NativeOverload}, one overload's Python signature.
 *   <li>What PyTorch writes in Python: {@code TorchFunctions} ({@code torch.tensor}, {@code
 *       torch.split}, {@code torch.einsum}, {@code torch._check}, ...), {@code Functional}
 *       ({@code F.embedding}, {@code F.cross_entropy}, ...), {@code TensorMethods} (size
 *       queries, {@code to}, {@code float}, {@code split}), {@code TensorOperators} (Python's
 *       operators on tensors), {@code Indexing} ({@code x[...]} and {@code x[...] = v}), {@code
 *       TensorLiterals} (tensors of Python data).
 *   <li>Values: {@link symtrace.tracer.torch.ApiRef} (a module or function by path), {@link
 *       symtrace.tracer.torch.BoundMethod}, {@link symtrace.tracer.torch.PySlice}, {@link
 *       symtrace.tracer.torch.PyEllipsis}; {@link symtrace.tracer.torch.PyTypes} names types
 *       for messages; {@link symtrace.tracer.torch.PythonError} is a Python exception without
 *       a location.
 * </ul>
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>Every operator runs through {@code Ops.call}; size queries read the tensor's SymInts
 *       and dispatch nothing.
 *   <li>A wrong call is a {@code PythonError} (or an operator's {@code TensorError} / {@code
 *       SchemaError}) with PyTorch's wording; nothing else escapes for a program's mistake,
 *       except the shape environment's data-dependent error.
 * </ul>
 */
package symtrace.tracer.torch;
