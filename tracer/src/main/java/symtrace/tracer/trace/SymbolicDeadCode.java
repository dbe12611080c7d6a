package symtrace.tracer.trace;

import java.util.List;
import symtrace.tracer.fx.Graph;
import symtrace.tracer.fx.Node;
import symtrace.tracer.ops.PyScalars;

/**
 * make_fx's final clean-up (the {@code impure_pred} of {@code dispatch_trace}): unused size
 * accessors and unused SymInt arithmetic are removed; every tensor operation stays, used or not,
 * since it may have effects the trace must keep.
 */
final class SymbolicDeadCode {
  private SymbolicDeadCode() {}

  static void eliminate(Graph graph) {
    // Backwards, so a node freed by erasing its only user is seen after that user.
    List<Node> nodes = graph.nodes();
    for (int i = nodes.size() - 1; i >= 0; i--) {
      Node n = nodes.get(i);
      if (n.isCall() && n.users().isEmpty() && removable(n)) {
        graph.erase(n);
      }
    }
  }

  private static boolean removable(Node n) {
    String name = n.op().qualifiedName();
    if (name.equals("aten.sym_size.int") || name.equals("aten.sym_stride.int")
        || name.equals("aten.sym_numel.default")
        || name.equals("aten.sym_storage_offset.default")) {
      return true;
    }
    if (!symbolic(n)) {
      return false;
    }
    for (Node input : n.inputs()) {
      if (!symbolic(input)) {
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
    if (PyScalars.isSymbolic(n.val())) {
      return true;
    }
    String ns = n.isCall() ? n.op().namespace() : "";
    return (ns.equals("operator") || ns.equals("torch") || ns.equals("math"))
        && PyScalars.isScalar(n.val());
  }
}
