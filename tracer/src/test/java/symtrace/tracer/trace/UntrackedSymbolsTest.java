package symtrace.tracer.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.dispatch.Dispatcher;
import symtrace.tracer.fx.Interpreter;
import symtrace.tracer.fx.Node;
import symtrace.tracer.lang.PyTuple;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorValue;

/**
 * Symbolic values with no node (computed with SymInt methods directly, bypassing the tracer, or
 * in another graph) used as operator arguments: the three ways PyTorch's {@code
 * _build_proxy_for_sym_expr} docstring says its syntactic walk goes wrong, each traced through a
 * verified decomposition, checked by running the graph on new inputs, and the error when no
 * decomposition exists.
 */
class UntrackedSymbolsTest {
  private static List<String> calls(Trace t) {
    List<String> out = new ArrayList<>();
    for (Node n : t.module().graph()) {
      if (n.isCall()) {
        out.add(n.name() + " = " + n.op().qualifiedName() + n.args());
      }
    }
    return out;
  }

  /** The sizes of the tensor the graph returns for real inputs. */
  private static List<Long> sizesOfRun(Trace t, Object... inputs) {
    Object out = new Interpreter(t.module(), Dispatcher.standard()).run(List.of(inputs));
    return Arrays.stream(((Tensor) out).sizes()).boxed().toList();
  }

  private static Tensor zeros(long... sizes) {
    return Tensor.zeros(DType.FLOAT32, sizes);
  }

  // ---------------------------------------------------------------------------------------
  // 1. Operation provenance: the symbol comes from two tensors; the rebuilt value must read the
  //    one the graph already reads, not keep the other alive.

  @Test
  void aSymbolHeldByTwoTensorsIsReadFromTheOneTheGraphAlreadyUses() {
    Trace t = MakeFx.trace((ctx, in) -> {
      TensorValue x = (TensorValue) in.get(0);
      TensorValue y = (TensorValue) in.get(1);
      Object rows = ctx.ops().add(y.symSize(0), 1L);
      // x and y share s0 (duck sizing); computed untraced from x's size, used traced.
      SymInt untracked = x.symSize(0).mul(3);
      return PyTuple.of(ctx.ops().call("aten.zeros.default", List.of(untracked)), rows);
    }, TracingMode.SYMBOLIC, List.of(new MakeFx.Input("x", zeros(5)), new MakeFx.Input("y", zeros(5))));
    assertEquals(List.of(
        "sym_size_int = aten.sym_size.int[y_1, 0]",
        "add = operator.add[sym_size_int, 1]",
        "mul = operator.mul[3, sym_size_int]",
        "zeros = aten.zeros.default[[mul]]"), calls(t));
    Object out = new Interpreter(t.module(), Dispatcher.standard()).run(List.of(zeros(7), zeros(7)));
    PyTuple result = (PyTuple) out;
    assertEquals(21L, ((Tensor) result.get(0)).sizes()[0]);
    assertEquals(8L, result.get(1));
  }

  @Test
  void aSymbolWhoseOnlyHolderWasMadeUntracedIsNamedWithItsOrigin() {
    TracingError e = assertThrows(TracingError.class, () -> MakeFx.trace((ctx, in) -> {
      TensorValue x = (TensorValue) in.get(0);
      // A size made with tracing off (as metadata propagation does): no value of the graph
      // holds it, so there is nothing to pick it from.
      SymInt hidden = ctx.shapeEnv().createUnbackedSymInt();
      return ctx.ops().call("aten.zeros.default", List.of(x.symSize(0).mul(hidden)));
    }, TracingMode.SYMBOLIC, List.of(new MakeFx.Input("x", zeros(5)))));
    assertEquals("cannot build a graph value for s75*u0: no traced value holds u0 (unbacked, from no"
        + " input)", e.getMessage());
  }

  // ---------------------------------------------------------------------------------------
  // 2. Values that are no inputs of this graph: s0*s1 was computed in graph #1; graph #2 gets
  //    only a tensor whose size is s0*s1, so s0 and s1 have no value here.

  /** Graph #1: traces x (and w), stashing the flattened x, w and values computed untraced. */
  private static List<Object> stashFromFirstGraph() {
    List<Object> stash = new ArrayList<>();
    MakeFx.trace((ctx, in) -> {
      TensorValue x = (TensorValue) in.get(0);
      TensorValue w = (TensorValue) in.get(1);
      TensorValue flat = (TensorValue) ctx.ops().call("aten.view.default", x, List.of(-1L));
      SymInt s0 = x.symSize(0);
      SymInt s1 = x.symSize(1);
      SymInt s2 = w.symSize(0);
      TensorValue flatAgain = (TensorValue) ctx.ops().call("aten.view.default", x, List.of(-1L));
      stash.addAll(List.of(flat, w, s0.mul(s1).add(2), s0.mul(s1).add(s2), s0.mul(s1.mul(s2)),
          s0.mul(s2), flatAgain));
      return flat;
    }, TracingMode.SYMBOLIC, List.of(new MakeFx.Input("x", zeros(2, 3)), new MakeFx.Input("w", zeros(4))));
    return stash;
  }

  @Test
  void aValueFromAnotherGraphIsRebuiltFromThisGraphsInputs() {
    List<Object> stash = stashFromFirstGraph();
    Trace t = MakeFx.trace((ctx, in) -> ctx.ops().call("aten.zeros.default", List.of(stash.get(2))),
        TracingMode.SYMBOLIC, List.of(new MakeFx.Input("y", stash.get(0))));
    assertEquals(List.of(
        "sym_size_int = aten.sym_size.int[y_1, 0]",
        "add = operator.add[2, sym_size_int]",
        "zeros = aten.zeros.default[[add]]"), calls(t));
    assertEquals(List.of(37L), sizesOfRun(t, zeros(35)));
  }

  @Test
  void aRebuiltValueReadsTheSizeTheGraphAlreadyHolds() {
    List<Object> stash = stashFromFirstGraph();
    // a and b both have size s0*s1, one SymInt: its node is a's accessor (the first tracker
    // wins, never clobbered), made when b's size is used; the rebuilt s0*s1 + 2 reads that node
    // instead of making another accessor.
    Trace t = MakeFx.trace((ctx, in) -> {
      Object rows = ctx.ops().add(((TensorValue) in.get(1)).symSize(0), 1L);
      return PyTuple.of(ctx.ops().call("aten.zeros.default", List.of(stash.get(2))), rows);
    }, TracingMode.SYMBOLIC, List.of(new MakeFx.Input("a", stash.get(0)), new MakeFx.Input("b", stash.get(6))));
    assertEquals(List.of(
        "sym_size_int = aten.sym_size.int[a_1, 0]",
        "add = operator.add[sym_size_int, 1]",
        "add_1 = operator.add[2, sym_size_int]",
        "zeros = aten.zeros.default[[add_1]]"), calls(t));
  }

  @Test
  void aSymbolOnlyAnotherGraphHoldsIsNamedWithItsSource() {
    List<Object> stash = stashFromFirstGraph();
    TracingError e = assertThrows(TracingError.class, () -> MakeFx.trace(
        (ctx, in) -> ctx.ops().call("aten.zeros.default", List.of(stash.get(3))),
        TracingMode.SYMBOLIC, List.of(new MakeFx.Input("y", stash.get(0)))));
    // s75*s96 is y's size; w's s57 is held by nothing here: graph #1's w is not an input.
    assertEquals("cannot build a graph value for s57 + s75*s96: no traced value holds s57 (from"
        + " input1.size()[0])", e.getMessage());
  }

  // ---------------------------------------------------------------------------------------
  // 3. Regrouping: the graph holds s0*s1 and s2, the value is s0*s1*s2, which the walk takes
  //    apart into s0, s1 and s2 and finds none of.

  @Test
  void aRegroupedProductIsRebuiltFromTheTrackedFactors() {
    List<Object> stash = stashFromFirstGraph();
    Trace t = MakeFx.trace((ctx, in) -> ctx.ops().call("aten.zeros.default", List.of(stash.get(4))),
        TracingMode.SYMBOLIC, List.of(new MakeFx.Input("a", stash.get(0)), new MakeFx.Input("b", stash.get(1))));
    List<String> calls = calls(t);
    assertEquals(4, calls.size(), calls.toString());
    assertTrue(calls.contains("sym_size_int = aten.sym_size.int[a_1, 0]"), calls.toString());
    assertTrue(calls.contains("sym_size_int_1 = aten.sym_size.int[b_1, 0]"), calls.toString());
    assertTrue(calls.get(2).matches("mul = operator.mul\\[sym_size_int(_1)?, sym_size_int(_1)?\\]"),
        calls.toString());
    assertEquals(List.of(15L * 7L), sizesOfRun(t, zeros(15), zeros(7)));
  }

  @Test
  void aProductThatCannotBeRegroupedNamesTheTrackedValuesTried() {
    List<Object> stash = stashFromFirstGraph();
    TracingError e = assertThrows(TracingError.class, () -> MakeFx.trace(
        (ctx, in) -> ctx.ops().call("aten.zeros.default", List.of(stash.get(5))),
        TracingMode.SYMBOLIC, List.of(new MakeFx.Input("a", stash.get(0)), new MakeFx.Input("b", stash.get(1)))));
    // Every symbol is held, but s75 only inside y's s75*s96: no term separates it.
    assertEquals("cannot build a graph value for s57*s75: no term over the traced values s75*s96,"
        + " s57 is verified equal to it", e.getMessage());
  }
}
