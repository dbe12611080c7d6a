package symtrace.tracer.fx;

import symtrace.tracer.lang.PyTuple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Device;
import symtrace.tracer.tensor.Layout;
import symtrace.tracer.tensor.MemoryFormat;
import symtrace.tracer.tensor.Tensor;

/** Python's reprs, as CPython 3.11 prints them. */
class PyReprTest {
  @Test
  void floatsUseTheShortestDigitsAndPythonsNotation() {
    assertEquals("1e-05", PyRepr.ofFloat(1e-05));
    assertEquals("0.0001", PyRepr.ofFloat(1e-4));
    assertEquals("0.001", PyRepr.ofFloat(0.001));
    assertEquals("0.1", PyRepr.ofFloat(0.1));
    assertEquals("0.30000000000000004", PyRepr.ofFloat(0.1 + 0.2));
    assertEquals("0.3333333333333333", PyRepr.ofFloat(1.0 / 3));
    assertEquals("1.0", PyRepr.ofFloat(1.0));
    assertEquals("-0.75", PyRepr.ofFloat(-0.75));
    assertEquals("100.0", PyRepr.ofFloat(100.0));
    assertEquals("1234567890123456.0", PyRepr.ofFloat(1234567890123456.0));
    assertEquals("1e+16", PyRepr.ofFloat(1e16));
    assertEquals("1.5e+20", PyRepr.ofFloat(1.5e20));
    assertEquals("1.7976931348623157e+308", PyRepr.ofFloat(Double.MAX_VALUE));
    assertEquals("5e-324", PyRepr.ofFloat(Double.MIN_VALUE));
    assertEquals("2.5e-07", PyRepr.ofFloat(2.5e-7));
    assertEquals("-0.0", PyRepr.ofFloat(-0.0));
    assertEquals("0.0", PyRepr.ofFloat(0.0));
    assertEquals("-inf", PyRepr.ofFloat(Double.NEGATIVE_INFINITY));
    assertEquals("inf", PyRepr.ofFloat(Double.POSITIVE_INFINITY));
    assertEquals("nan", PyRepr.ofFloat(Double.NaN));
  }

  @Test
  void stringsQuoteAsPythonDoes() {
    assertEquals("'tanh'", PyRepr.ofString("tanh"));
    assertEquals("\"it's\"", PyRepr.ofString("it's"));
    assertEquals("'say \"it\\'s\"'", PyRepr.ofString("say \"it's\""));
    assertEquals("'a\\\\b\\n\\t\\x01'", PyRepr.ofString("a\\b\n\t\u0001"));
  }

  @Test
  void constantsAndContainers() {
    assertEquals("[1, [2, None], (True,), (), torch.int64, device(type='cpu'), torch.strided,"
            + " torch.preserve_format, -2.5]",
        PyRepr.of(Arrays.asList(1L, Arrays.asList(2L, null), PyTuple.of(true), PyTuple.of(),
            DType.INT64, Device.CPU, Layout.STRIDED, MemoryFormat.PRESERVE, -2.5), n -> "?"));
    assertEquals("device(type='cuda', index=1)", Device.parse("cuda:1").toPython());
    assertEquals("torch.Tensor(size=[2, 3], dtype=float32)",
        PyRepr.of(Tensor.zeros(DType.FLOAT32, 2, 3), n -> "?"));
    assertEquals("torch.ops.aten.sym_size.int",
        PyRepr.of(FxTesting.OPS.get("aten.sym_size.int"), n -> "?"));
    assertThrows(IllegalArgumentException.class, () -> PyRepr.of(new Object(), n -> "?"));
  }

  @Test
  void nodesPrintAsTheirNames() {
    Graph g = new Graph();
    Node x = g.placeholder("x_1");
    assertEquals("[x_1, 3]", PyRepr.of(List.of(x, 3L), Node::name));
  }
}
