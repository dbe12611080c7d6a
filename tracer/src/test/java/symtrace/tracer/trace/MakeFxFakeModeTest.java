package symtrace.tracer.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static symtrace.tracer.trace.MakeFxCases.calls;
import static symtrace.tracer.trace.MakeFxCases.code;
import static symtrace.tracer.trace.MakeFxCases.showGuards;
import static symtrace.tracer.trace.MakeFxCases.trace;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.env.DataDependentError;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymFloat;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.fx.Node;
import symtrace.tracer.tensor.FakeTensor;

/**
 * make_fx in fake mode, as current PyTorch's ({@code FakeTensorMode(shape_env=ShapeEnv(),
 * static_shapes=True)}): sizes stay the inputs' numbers, but the ShapeEnv gives the
 * data-dependent operators unbacked symbols, as in symbolic mode, each bound where the node
 * that made it ({@code unbacked_bindings}) can read it.
 */
class MakeFxFakeModeTest {
  private static Trace fake(String source, String inputs) {
    return trace(source, inputs, TracingMode.FAKE);
  }

  private static Node only(Trace t, String op) {
    List<Node> found = calls(t, op);
    assertEquals(1, found.size(), op);
    return found.get(0);
  }

  @SuppressWarnings("unchecked")
  private static Map<Sym, String> bindings(Node n) {
    return (Map<Sym, String>) n.meta().get("unbacked_bindings");
  }

  /** PyTorch's T42 {@code test_item} in fake mode: the same graph as symbolic tracing gives. */
  @Test
  void aFloatItemIsAnUnbackedSymFloat() {
    Trace t = fake("""
        def f(a):
            r = a.item()
            return r * a
        """, "a=f32[1]");
    assertEquals("""
        def forward(self, a_1):
            _local_scalar_dense = torch.ops.aten._local_scalar_dense.default(a_1)
            mul = torch.ops.aten.mul.Tensor(a_1, _local_scalar_dense);  a_1 = _local_scalar_dense = None
            return mul""", code(t));
    Node item = only(t, "aten._local_scalar_dense.default");
    SymFloat value = assertInstanceOf(SymFloat.class, item.val());
    Sym zuf0 = (Sym) value.expr();
    assertEquals("zuf0", zuf0.toString());
    assertTrue(t.shapeEnv().isUnbacked(zuf0));
    assertEquals(Map.of(zuf0, ""), bindings(item));
  }

  @Test
  void intAndBoolItemsAreUnbackedSymIntAndSymBool() {
    Trace t = fake("""
        def f(a, b):
            return a.item(), b.item()
        """, "a=b8[1] b=i64[1]");
    assertEquals("""
        class f(torch.nn.Module):
            def forward(self, a_1: "b8[1]", b_1: "i64[1]"):
                # No stacktrace found for following nodes
                _local_scalar_dense: "Sym(Eq(u0, 1))" = torch.ops.aten._local_scalar_dense.default(a_1);  a_1 = None
                _local_scalar_dense_1: "Sym(u1)" = torch.ops.aten._local_scalar_dense.default(b_1);  b_1 = None
                return (_local_scalar_dense, _local_scalar_dense_1)
        """, t.module().printReadable());
    List<Node> items = calls(t, "aten._local_scalar_dense.default");
    assertInstanceOf(SymBool.class, items.get(0).val());
    SymInt u1 = assertInstanceOf(SymInt.class, items.get(1).val());
    assertEquals(Map.of((Sym) u1.expr(), ""), bindings(items.get(1)));
    assertEquals("[0, 1]", t.shapeEnv().range(bindings(items.get(0)).keySet().iterator().next())
        .toIntervalString());
  }

  /**
   * The conformance program {@code nonzero_masked_select}: the counts are size-like unbacked
   * symbols bounded by the element count, read from the output's size 0, and {@code
   * idx.shape[0] + 1} is SymInt arithmetic on one; the sizes that are numbers make no nodes
   * ({@code x[:, 0]} has no slice).
   */
  @Test
  void nonzeroAndMaskedSelectHaveUnbackedSizes() {
    Trace t = fake("""
        def f(x):
            nz = torch.nonzero(x > 0)
            picked = torch.masked_select(x, x < 0)
            idx = (x[:, 0] > 0).nonzero()
            return nz, picked * 2, idx.shape[0] + 1
        """, "x=f32[5,4]");
    assertEquals("""
        def forward(self, x_1):
            gt = torch.ops.aten.gt.Scalar(x_1, 0)
            nonzero = torch.ops.aten.nonzero.default(gt);  gt = None
            lt = torch.ops.aten.lt.Scalar(x_1, 0)
            masked_select = torch.ops.aten.masked_select.default(x_1, lt);  lt = None
            select = torch.ops.aten.select.int(x_1, 1, 0);  x_1 = None
            gt_1 = torch.ops.aten.gt.Scalar(select, 0);  select = None
            nonzero_1 = torch.ops.aten.nonzero.default(gt_1);  gt_1 = None
            mul = torch.ops.aten.mul.Tensor(masked_select, 2);  masked_select = None
            sym_size_int = torch.ops.aten.sym_size.int(nonzero_1, 0);  nonzero_1 = None
            add = sym_size_int + 1;  sym_size_int = None
            return (nonzero, mul, add)""", code(t));
    ShapeEnv env = t.shapeEnv();
    List<Node> nonzeros = calls(t, "aten.nonzero.default");
    FakeTensor nz = (FakeTensor) nonzeros.get(0).val();
    assertEquals("i64[u0, 2]", nz.typeAnnotation());
    Sym u0 = (Sym) nz.symSize(0).expr();
    assertEquals(Map.of(u0, ".size(0)"), bindings(nonzeros.get(0)));
    assertEquals("[0, 20]", env.range(u0).toIntervalString());
    assertTrue(env.isSizeLike(u0));

    Node select = only(t, "aten.masked_select.default");
    Sym u1 = (Sym) ((FakeTensor) select.val()).symSize(0).expr();
    assertEquals(Map.of(u1, ".size(0)"), bindings(select));
    assertEquals("[0, 20]", env.range(u1).toIntervalString());

    Sym u2 = (Sym) ((FakeTensor) nonzeros.get(1).val()).symSize(0).expr();
    assertEquals("[0, 5]", env.range(u2).toIntervalString());
    assertEquals("u2 + 1", only(t, "operator.add").val().toString());
    assertEquals(List.of(u0, u1, u2), env.unbackedSymbols());
  }

  /** The inputs' sizes are numbers: no symbols, no guards, whatever the program compares. */
  @Test
  void sizesStayNumbersAndRecordNoGuards() {
    Trace t = fake("""
        def f(x):
            if x.shape[0] > 2:
                return x.reshape(-1, 2) * x.shape[1]
            return x
        """, "x=f32[4,3]");
    assertEquals("""
        def forward(self, x_1):
            view = torch.ops.aten.view.default(x_1, [-1, 2]);  x_1 = None
            mul = torch.ops.aten.mul.Tensor(view, 3);  view = None
            return mul""", code(t));
    assertNotNull(t.shapeEnv());
    assertEquals(List.of(), t.shapeEnv().guards());
    assertEquals("", showGuards(t));
  }

  /** Branching on an item is PyTorch's data-dependent guard error, as in symbolic mode. */
  @Test
  void branchingOnAnItemIsADataDependentError() {
    DataDependentError e = assertThrows(DataDependentError.class, () -> fake("""
        def f(x):
            if x.sum() > 0:
                return x * 2
            return x
        """, "x=f32[4,3]"));
    assertTrue(e.getMessage().startsWith(
        "Could not guard on data-dependent expression Eq(u0, 1) (unhinted: Eq(u0, 1))"),
        e.getMessage());
  }
}
