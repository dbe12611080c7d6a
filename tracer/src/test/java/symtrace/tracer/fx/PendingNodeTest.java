package symtrace.tracer.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pending nodes: named when created, in the graph only once used, and then at the place of
 * their creation, so the graph equals the eager graph after dead-code elimination.
 */
class PendingNodeTest {
  private static Node pending(Graph g, String op, String name, Object... args) {
    return g.pendingCall(FxTesting.OPS.get(op), Arrays.asList(args), Map.of(), name);
  }

  private static List<String> names(Graph g) {
    List<String> out = new ArrayList<>();
    for (Node n : g) {
      out.add(n.name());
    }
    return out;
  }

  @Test
  void anUnusedPendingNodeIsNotInTheGraphButKeepsItsName() {
    FxTesting.Builder b = new FxTesting.Builder();
    Node x = b.input("x_1");
    Node s = b.call("aten.sym_size.int", "sym_size_int", x, 0L);
    Node unused = pending(b.graph, "operator.mul", "mul", s, 2L);
    Node used = b.call("operator.mul", "mul", s, 3L);
    b.module(used);
    assertEquals("mul", unused.name());
    assertEquals("mul_1", used.name(), "the pending node's name stays taken");
    assertEquals(List.of("x_1", "sym_size_int", "mul_1", "output"), names(b.graph));
    assertTrue(s.users().size() == 1 && s.users().contains(used),
        "a pending node uses nothing until it is attached");
    b.graph.lint();
  }

  @Test
  void aUsedPendingNodeGoesWhereItWasCreatedWithItsPendingInputsFirst() {
    FxTesting.Builder b = new FxTesting.Builder();
    Node x = b.input("x_1");
    Node s = b.call("aten.sym_size.int", "sym_size_int", x, 0L);
    Node a = pending(b.graph, "operator.mul", "mul", s, 2L);
    Node c = pending(b.graph, "operator.add", "add", a, 1L);
    Node t = b.call("aten.sym_size.int", "sym_size_int", x, 1L);
    Node d = pending(b.graph, "operator.mul", "mul", t, 4L);
    // Only now is c used: it and its input a go back before t, in their order of creation.
    Node out = b.call("operator.mul", "mul", c, d);
    b.module(out);
    assertEquals(List.of("x_1", "sym_size_int", "mul", "add", "sym_size_int_1", "mul_1",
        "mul_2", "output"), names(b.graph));
    assertEquals(List.of(c), new ArrayList<>(a.users()));
    b.graph.lint();
  }

  @Test
  void attachingByHandAndBySetArgsPlacesTheNodeInOrder() {
    FxTesting.Builder b = new FxTesting.Builder();
    Node x = b.input("x_1");
    Node s = b.call("aten.sym_size.int", "sym_size_int", x, 0L);
    Node p = pending(b.graph, "operator.mul", "mul", s, 2L);
    Node q = pending(b.graph, "operator.mul", "mul", s, 3L);
    Node later = b.call("operator.add", "add", s, 1L);
    b.graph.attach(q);
    b.graph.attach(q); // attaching twice changes nothing
    later.setArgs(List.of(p, 1L));
    b.module(later);
    assertEquals(List.of("x_1", "sym_size_int", "mul", "mul_1", "add", "output"),
        names(b.graph));
    assertEquals(6, b.graph.size());
    b.graph.lint();
  }
}
