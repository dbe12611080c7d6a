package symtrace.tracer.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Naming, lint and dead-code elimination as FX does them. */
class GraphTest {
  @Test
  void namesFollowFxsNamespace() {
    FxTesting.Builder b = new FxTesting.Builder();
    Node x = b.input("x_1");
    List<String> names = new ArrayList<>();
    for (String hint : List.of("sum", "sum", "fill_", "fill_", "mul_4", "mul", "mul", "abs",
        "x_1", "getitem", "3d", "torch", "device", "")) {
      names.add(b.call("aten.sym_size.int", hint, x, 0L).name());
    }
    // Builtins and FX's globals take a suffix; a free suffix is kept, and its base counts on
    // from it (the second plain "mul" after "mul_4" is "mul_5"). Checked against FX's
    // _Namespace.create_name.
    assertEquals(List.of("sum_1", "sum_2", "fill_", "fill__1", "mul_4", "mul", "mul_5",
        "abs_1", "x_2", "getitem", "_3d", "torch_1", "device_1", "_unnamed"), names);
  }

  @Test
  void attributesAndInputsAreNamedAfterTheirTargets() {
    Graph g = new Graph();
    assertEquals("self_weight", g.getAttr("self.weight").name());
    assertEquals("running_mean", g.getAttr("runningMean").name());
    assertEquals("_tensor_constant0", g.getAttr("_tensor_constant0").name());
    assertEquals("x_1", g.placeholder("x_1").name());
    assertEquals("output", g.output(null).name());
  }

  @Test
  void callTargetsMustBeOperators() {
    Graph g = new Graph();
    assertThrows(IllegalArgumentException.class,
        () -> g.callFunction("aten.add.Tensor", List.of(), Map.of(), "add"));
  }

  @Test
  void lintAcceptsWellFormedGraphs() {
    ConformanceGraphs.linearBias().graph().lint();
    ConformanceGraphs.splitChunkUnbind().graph().lint();
  }

  @Test
  void lintRejectsUseBeforeDefinition() {
    FxTesting.Builder b = new FxTesting.Builder();
    Node x = b.input("x_1");
    Node s = b.call("aten.sym_size.int", "sym_size_int", x, 0L);
    Node m = b.call("operator.mul", "mul", s, 2L);
    b.module(m);
    b.graph.moveBefore(m, s);
    IllegalStateException e = assertThrows(IllegalStateException.class, b.graph::lint);
    assertEquals("Argument 'sym_size_int' of Node 'mul' was used before it has been defined!"
        + " Please check that Nodes in the graph are topologically ordered", e.getMessage());
  }

  @Test
  void lintRejectsArgumentsOfAnotherGraph() {
    Graph other = new Graph();
    Node foreign = other.placeholder("y_1");
    FxTesting.Builder b = new FxTesting.Builder();
    b.call("aten.sym_size.int", "sym_size_int", foreign, 0L);
    b.module(null);
    IllegalStateException e = assertThrows(IllegalStateException.class, b.graph::lint);
    assertEquals("Argument 'y_1' of Node 'sym_size_int' does not belong to this Graph, but was"
        + " used as an argument!", e.getMessage());
  }

  @Test
  void lintWantsOneOutputLast() {
    FxTesting.Builder b = new FxTesting.Builder();
    Node x = b.input("x_1");
    assertEquals("the graph has no output node",
        assertThrows(IllegalStateException.class, b.graph::lint).getMessage());
    Node out = b.graph.output(null);
    assertThrows(IllegalStateException.class, () -> b.graph.output(x));
    b.graph.moveBefore(out, x);
    assertEquals("node 'x_1' follows the output node",
        assertThrows(IllegalStateException.class, b.graph::lint).getMessage());
  }

  @Test
  void deadCodeGoesWholeChainsAtOnce() {
    FxTesting.Builder b = new FxTesting.Builder();
    Node x = b.input("x_1");
    Node unused = b.input("unused_1");
    Node s = b.call("aten.sym_size.int", "sym_size_int", x, 0L);
    Node m = b.call("operator.mul", "mul", s, 2L);
    b.call("operator.add", "add", m, 1L);
    Node kept = b.call("aten.sym_size.int", "sym_size_int", x, 1L);
    b.module(kept);
    assertTrue(b.graph.eliminateDeadCode());
    assertEquals(List.of("x_1", "unused_1", "sym_size_int_1", "output"),
        b.graph.nodes().stream().map(Node::name).toList());
    assertFalse(b.graph.eliminateDeadCode());
    assertTrue(x.users().contains(kept) && x.users().size() == 1);
    assertTrue(unused.users().isEmpty());
  }

  @Test
  void impureNodesSurviveDeadCodeElimination() {
    FxTesting.Builder b = new FxTesting.Builder();
    Node x = b.input("x_1");
    Node y = b.input("y_1");
    Node copy = b.call("aten.copy_.default", "copy_", x, y);
    Node random = b.call("aten.randn.default", "randn", List.of(2L));
    Node check = b.call("aten._assert_async.default", "_assert_async", y);
    Node scalar = b.call("aten._assert_scalar.default", "_assert_scalar", true, "message");
    Node pure = b.call("aten.clone.default", "clone", y);
    b.module(null);
    for (Node n : List.of(x, copy, random, check, scalar)) {
      assertTrue(n.isImpure(), n.name());
    }
    assertFalse(pure.isImpure());
    b.graph.eliminateDeadCode();
    assertEquals(List.of("x_1", "y_1", "copy_", "randn", "_assert_async", "_assert_scalar",
        "output"), b.graph.nodes().stream().map(Node::name).toList());
  }

  @Test
  void erasedNamesStayTaken() {
    FxTesting.Builder b = new FxTesting.Builder();
    Node x = b.input("x_1");
    Node s = b.call("aten.sym_size.int", "sym_size_int", x, 0L);
    b.graph.erase(s);
    assertTrue(x.users().isEmpty());
    assertEquals("sym_size_int_1", b.call("aten.sym_size.int", "sym_size_int", x, 0L).name());
  }

  @Test
  void erasingAUsedNodeFails() {
    FxTesting.Builder b = new FxTesting.Builder();
    Node x = b.input("x_1");
    b.call("aten.sym_size.int", "sym_size_int", x, 0L);
    assertThrows(IllegalStateException.class, () -> b.graph.erase(x));
  }
}
