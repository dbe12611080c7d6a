package symtrace.tracer.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.fx.Node;
import symtrace.tracer.ops.Ops;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorValue;

class MakeFxTest {
  private static List<String> describe(Trace t) {
    List<String> out = new ArrayList<>();
    for (Node n : t.module().graph()) {
      StringBuilder b = new StringBuilder(n.kind().fxName()).append(' ').append(n.name());
      if (n.isCall()) {
        b.append(" = ").append(n.op().qualifiedName()).append(n.args());
      } else if (n.kind() == Node.Kind.OUTPUT) {
        b.append(' ').append(n.args());
      }
      out.add(b.toString());
    }
    return out;
  }

  @Test
  void sizeArithmeticNodesStayOnlyWhenUsed() {
    Trace t = MakeFx.trace((ctx, in) -> {
      Ops ops = ctx.ops();
      TensorValue x = (TensorValue) in.get(0);
      Object unused = ops.mul(x.symSize(1), 3L);
      return ops.mul(x.symSize(0), 2L);
    }, TracingMode.SYMBOLIC, List.of(new MakeFx.Input("x", Tensor.zeros(DType.FLOAT32, 5, 3))));
    // The unused product was made at once and removed at the end: its names stay taken.
    assertEquals(List.of(
        "placeholder x_1",
        "call_function sym_size_int_1 = aten.sym_size.int[x_1, 0]",
        "call_function mul_1 = operator.mul[sym_size_int_1, 2]",
        "output output [mul_1]"), describe(t));
    Object val = t.module().graph().outputNode().inputs().get(0).val();
    assertInstanceOf(SymInt.class, val);
    assertEquals(10L, ((SymInt) val).hint());
  }

  @Test
  void aSymIntOperationMadeLaterKeepsTheArgumentsItHadWhenItRan() {
    Trace t = MakeFx.trace((ctx, in) -> {
      Ops ops = ctx.ops();
      TensorValue x = (TensorValue) in.get(0);
      Object product = ops.mul(x.symSize(0), x.symSize(1));
      Object unused = ops.add(x.symSize(1), 7L);
      // s0 is specialized to 5 after the product ran; its node is made only below, when used,
      // and still reads both sizes, as the node PyTorch made at the time does.
      x.symSize(0).eq(5).guardBool(Provenance.of("test"));
      return ops.add(product, 1L);
    }, TracingMode.SYMBOLIC, List.of(new MakeFx.Input("x", Tensor.zeros(DType.FLOAT32, 5, 3))));
    assertEquals(List.of(
        "placeholder x_1",
        "call_function sym_size_int = aten.sym_size.int[x_1, 0]",
        "call_function sym_size_int_1 = aten.sym_size.int[x_1, 1]",
        "call_function mul = operator.mul[sym_size_int, sym_size_int_1]",
        "call_function add_1 = operator.add[mul, 1]",
        "output output [add_1]"), describe(t));
    Node mul = t.module().graph().outputNode().inputs().get(0).inputs().get(0);
    assertEquals(15L, ((SymInt) mul.val()).hint());
  }

  @Test
  void duckSizedInputsShareTheFirstTensorsSizeNode() {
    Trace t = MakeFx.trace((ctx, in) -> {
      TensorValue y = (TensorValue) in.get(1);
      return ctx.ops().add(y.symSize(0), 1L);
    }, TracingMode.SYMBOLIC, List.of(
        new MakeFx.Input("x", Tensor.zeros(DType.FLOAT32, 4)),
        new MakeFx.Input("y", Tensor.zeros(DType.FLOAT32, 4))));
    // y's size is x's symbol (duck sizing): the node reads it from y, the tensor used.
    assertEquals("call_function sym_size_int = aten.sym_size.int[y_1, 0]", describe(t).get(2));
  }

  @Test
  void untrackedSymbolsAreRebuiltFromTrackedOnes() {
    Trace t = MakeFx.trace((ctx, in) -> {
      TensorValue x = (TensorValue) in.get(0);
      // Computed without the dispatcher: no node tracks it, so it is rebuilt from s0 and s1.
      return x.symSize(0).mul(x.symSize(1)).add(1);
    }, TracingMode.SYMBOLIC, List.of(new MakeFx.Input("x", Tensor.zeros(DType.FLOAT32, 5, 3))));
    List<String> d = describe(t);
    assertTrue(d.stream().anyMatch(s -> s.contains("operator.mul")), d.toString());
    assertTrue(d.stream().anyMatch(s -> s.contains("operator.add")), d.toString());
  }

  @Test
  void multiplyingByOneIsTheOtherOperand() {
    Trace t = MakeFx.trace((ctx, in) -> ctx.ops().mul(1L, ((TensorValue) in.get(0)).symSize(0)),
        TracingMode.SYMBOLIC, List.of(new MakeFx.Input("x", Tensor.zeros(DType.FLOAT32, 5))));
    assertEquals(List.of("placeholder x_1",
        "call_function sym_size_int = aten.sym_size.int[x_1, 0]", "output output [sym_size_int]"),
        describe(t));
  }

  @Test
  void printedCodeIsFxs() {
    Trace t = MakeFx.trace((ctx, in) -> {
      TensorValue x = (TensorValue) in.get(0);
      return symtrace.tracer.lang.PyTuple.of(ctx.ops().add(x.symSize(0), 1L), x.symSize(1));
    }, TracingMode.SYMBOLIC, List.of(new MakeFx.Input("x", Tensor.zeros(DType.FLOAT32, 5, 3))));
    assertEquals("\n\n\ndef forward(self, x_1):\n"
        + "    sym_size_int = torch.ops.aten.sym_size.int(x_1, 0)\n"
        + "    add = sym_size_int + 1;  sym_size_int = None\n"
        + "    sym_size_int_1 = torch.ops.aten.sym_size.int(x_1, 1);  x_1 = None\n"
        + "    return (add, sym_size_int_1)\n    ", t.module().code());
  }

  @Test
  void intInputsAreSymbolicInSymbolicMode() {
    Trace t = MakeFx.trace((ctx, in) -> ctx.ops().mul(in.get(0), in.get(0)),
        TracingMode.SYMBOLIC, List.of(new MakeFx.Input("n", 7L)));
    assertEquals(List.of("placeholder n_1", "call_function mul = operator.mul[n_1, n_1]",
        "output output [mul]"), describe(t));
  }

  @Test
  void fakeModeTracesNoSizeNodes() {
    Trace t = MakeFx.trace((ctx, in) -> ctx.ops().mul(((TensorValue) in.get(0)).symSize(0), 2L),
        TracingMode.FAKE, List.of(new MakeFx.Input("x", Tensor.zeros(DType.FLOAT32, 5))));
    assertEquals(List.of("placeholder x_1", "output output [10]"), describe(t));
  }

  @Test
  void aTensorFromNowhereIsAnError() {
    TracingError e = assertThrows(TracingError.class, () -> MakeFx.trace(
        (ctx, in) -> symtrace.tracer.tensor.FakeTensor.contiguous(DType.FLOAT32, List.of()),
        TracingMode.SYMBOLIC, List.of()));
    assertTrue(e.getMessage().startsWith("a tensor reached the graph without being traced"));
  }
}
