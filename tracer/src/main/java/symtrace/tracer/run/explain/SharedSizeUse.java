package symtrace.tracer.run.explain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import symtrace.symbolic.env.SourceLocation;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymFloat;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.fx.Node;
import symtrace.tracer.tensor.TensorValue;
import symtrace.tracer.trace.Trace;

/**
 * Where a size shared by duck sizing first mattered: the first traced operation that reads both
 * inputs and whose result has the shared symbol in its shape (the two sizes met there), else the
 * first one over the second input with the symbol in its result (the size was used there).
 */
final class SharedSizeUse {
  /** A traced operation, its program location, and whether both inputs met there. */
  record Use(SourceLocation location, String operation, boolean together) {}

  private SharedSizeUse() {}

  /**
   * The first use of {@code shared}, the symbol of input {@code first}'s size that input {@code
   * second}'s size shares (the same input when both are its sizes); null when no located
   * operation mentions it.
   */
  static Use find(Trace trace, Sym shared, int first, int second) {
    List<Node> placeholders = trace.module().graph().placeholders();
    Map<Node, Set<Integer>> lineage = new HashMap<>();
    for (int i = 0; i < placeholders.size(); i++) {
      lineage.put(placeholders.get(i), Set.of(i));
    }
    Use alone = null;
    for (Node n : trace.module().graph()) {
      if (!n.isCall()) {
        continue;
      }
      Set<Integer> reads = new HashSet<>();
      for (Node in : n.inputs()) {
        reads.addAll(lineage.getOrDefault(in, Set.of()));
      }
      lineage.put(n, reads);
      Object where = n.meta().get("location");
      if (!(where instanceof SourceLocation location) || isAccessor(n)
          || !mentions(n.val(), shared)) {
        continue;
      }
      if (reads.contains(first) && reads.contains(second)) {
        return new Use(location, String.valueOf(n.target()), true);
      }
      if (alone == null && reads.contains(second)) {
        alone = new Use(location, String.valueOf(n.target()), false);
      }
    }
    return alone;
  }

  /** {@code sym_size} and its kin read a size; they are not a use of it. */
  private static boolean isAccessor(Node n) {
    return String.valueOf(n.target()).startsWith("aten.sym_");
  }

  private static boolean mentions(Object value, Sym s) {
    if (value instanceof TensorValue t) {
      for (SymInt size : t.symSizes()) {
        if (size.expr().freeSymbols().contains(s)) {
          return true;
        }
      }
      return false;
    }
    if (value instanceof SymInt i) {
      return i.expr().freeSymbols().contains(s);
    }
    if (value instanceof SymBool b) {
      return b.expr().freeSymbols().contains(s);
    }
    if (value instanceof SymFloat f) {
      return f.expr().freeSymbols().contains(s);
    }
    if (value instanceof List<?> l) { // tuples of outputs are lists too
      for (Object item : l) {
        if (mentions(item, s)) {
          return true;
        }
      }
    }
    return false;
  }
}
