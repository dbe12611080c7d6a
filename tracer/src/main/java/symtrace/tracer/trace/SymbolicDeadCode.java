package symtrace.tracer.trace;

import java.util.List;
import symtrace.tracer.fx.Graph;
import symtrace.tracer.fx.Node;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymFloat;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.ops.PyScalars;

/**
 * make_fx's final clean-up (the {@code impure_pred} of {@code dispatch_trace}): unused size
 * accessors and unused SymInt arithmetic are removed; every tensor operation stays, used or not,
 * since it may have effects the trace must keep.
 */
final class SymbolicDeadCode {
  private SymbolicDeadCode() {}

  static void eliminate(Graph graph) {
    graph.eliminateDeadCode(SymbolicDeadCode::removable);
  }

  /** Whether the pass may remove {@code n} once nothing uses it. */
  static boolean removable(Node n) {
    String name = n.op().qualifiedName();
    if (name.equals("aten.sym_size.int") || name.equals("aten.sym_stride.int")
        || name.equals("aten.sym_numel.default")
        || name.equals("aten.sym_storage_offset.default")) {
      return true;
    }
    if (!symbolic(n)) {
      return false;
    }
    return symbolicInputs(n.args())
        && (n.kwargs().isEmpty() || symbolicInputs(n.kwargs().values()));
  }

  private static boolean symbolicInputs(Iterable<?> values) {
    for (Object v : values) {
      if (v instanceof Node input ? !symbolic(input)
          : v instanceof List<?> l && !symbolicInputs(l)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a node's value is a SymInt, SymFloat or SymBool; SymInt arithmetic whose result came
   * out constant counts too (in PyTorch it is a SymInt whose expression is a number).
   */
  private static boolean symbolic(Node n) {
    // A type test, as PyTorch's isinstance(val, py_sym_types): reading a SymInt's expression
    // would apply the ShapeEnv's replacements, for each of thousands of nodes.
    Object v = n.val();
    if (v instanceof SymInt || v instanceof SymFloat || v instanceof SymBool) {
      return true;
    }
    String ns = n.isCall() ? n.op().namespace() : "";
    return (ns.equals("operator") || ns.equals("torch") || ns.equals("math"))
        && PyScalars.isScalar(n.val());
  }
}
