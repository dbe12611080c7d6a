/**
 * FX's graph IR as symtrace records traces: {@link symtrace.tracer.fx.Graph}s of {@link
 * symtrace.tracer.fx.Node}s whose call targets are operator overloads, held with their
 * attributes in a {@link symtrace.tracer.fx.GraphModule}.
 *
 * <p>A graph prints as FX prints it ({@code gm.code}, {@code print_readable}), is checked and
 * pruned as FX does ({@link symtrace.tracer.fx.Graph#lint}, {@link
 * symtrace.tracer.fx.Graph#eliminateDeadCode}), runs on real tensors ({@link
 * symtrace.tracer.fx.Interpreter}), and is written as JSON ({@link
 * symtrace.tracer.fx.GraphJson}) or Graphviz DOT ({@link symtrace.tracer.fx.GraphDot}).
 *
 * <h2>Values</h2>
 *
 * Arguments follow the operator conventions of {@code symtrace.tracer.ops} with a {@link
 * symtrace.tracer.fx.Node} wherever the graph computes the value; a {@link
 * symtrace.tracer.lang.PyTuple} is a Python tuple (a function's tuple result), any other list a
 * Python list. {@code meta["val"]} holds the traced value: a fake tensor, a symbolic scalar, a
 * number, a list of these, or a {@link symtrace.tracer.fx.ValueType} in a graph read from JSON.
 */
package symtrace.tracer.fx;
