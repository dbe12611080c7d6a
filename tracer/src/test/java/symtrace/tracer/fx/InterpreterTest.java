package symtrace.tracer.fx;

import symtrace.tracer.lang.PyTuple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import symtrace.tracer.dispatch.Dispatcher;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Tensor;

/** Running graphs of size queries and Python arithmetic on real tensors. */
class InterpreterTest {
  private final Dispatcher dispatcher = new Dispatcher(FxTesting.OPS);

  /** {@code f(x, n, xs)} reading sizes of an input, an attribute and a list item. */
  private static GraphModule sizes() {
    FxTesting.Builder b = new FxTesting.Builder();
    Node x = b.input("x_1");
    Node n = b.input("n_1");
    Node xs = b.input("xs_1");
    Node rows = b.call("aten.sym_size.int", "sym_size_int", x, 0L);
    Node cols = b.call("aten.sym_size.int", "sym_size_int", x, -1L);
    Node count = b.call("operator.mul", "mul", rows, cols);
    Node perN = b.call("operator.floordiv", "floordiv", count, n);
    Node numel = b.call("aten.sym_numel.default", "sym_numel_default", x);
    Node same = b.call("operator.eq", "eq", count, numel);
    Node constant = b.graph.getAttr("_tensor_constant0");
    Node width = b.call("aten.sym_size.int", "sym_size_int", constant, 1L);
    Node neg = b.call("operator.neg", "neg", width);
    Node half = b.call("operator.truediv", "truediv", cols, 2L);
    Node last = b.call("operator.getitem", "getitem", xs, -1L);
    Node lastRows = b.call("aten.sym_size.int", "sym_size_int", last, 0L);
    b.graph.output(PyTuple.of(perN, same, List.of(neg, half), lastRows, 7L));
    return new GraphModule(b.graph,
        Map.of("_tensor_constant0", Tensor.zeros(DType.INT64, 2, 5)), "f");
  }

  @Test
  void runsSizeArithmeticOnRealTensors() {
    Interpreter interpreter = new Interpreter(sizes(), dispatcher);
    List<Tensor> xs = List.of(Tensor.zeros(DType.FLOAT32, 1), Tensor.zeros(DType.FLOAT32, 6, 2));
    Object out = interpreter.run(List.of(Tensor.zeros(DType.FLOAT32, 4, 3), 5L, xs));
    // 4 * 3 // 5, 12 == numel, [-5, 3 / 2], rows of xs[-1], the constant 7.
    assertEquals(PyTuple.of(2L, true, List.of(-5L, 1.5), 6L, 7L), out);
    assertInstanceOf(PyTuple.class, out);
    assertInstanceOf(ArrayList.class, ((PyTuple) out).get(2));
    // The same interpreter runs again on other inputs.
    assertEquals(PyTuple.of(-3L, true, List.of(-5L, 4.5), 1L, 7L),
        interpreter.run(List.of(Tensor.zeros(DType.FLOAT32, 3, 9), -9L, List.of(
            Tensor.zeros(DType.FLOAT32, 1)))));
  }

  @Test
  void returnsAnInputAsItIs() {
    FxTesting.Builder b = new FxTesting.Builder();
    Node x = b.input("x_1");
    Tensor t = Tensor.zeros(DType.FLOAT32, 2);
    assertSame(t, new Interpreter(b.module(x), dispatcher).run(List.of(t)));
  }

  @Test
  void checksItsInputsAndAttributes() {
    Interpreter interpreter = new Interpreter(sizes(), dispatcher);
    assertEquals("the graph takes 3 inputs, 1 given", assertThrows(
        IllegalArgumentException.class, () -> interpreter.run(List.of(5L))).getMessage());
    GraphModule withoutAttributes = new GraphModule(sizes().graph(), Map.of(), "f");
    assertThrows(IllegalArgumentException.class,
        () -> new Interpreter(withoutAttributes, dispatcher).run(List.of(
            Tensor.zeros(DType.FLOAT32, 4, 3), 5L, List.of(Tensor.zeros(DType.FLOAT32, 1)))));
  }
}
