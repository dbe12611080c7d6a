package symtrace.tracer.fx;

import symtrace.tracer.lang.PyTuple;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import symtrace.tracer.dispatch.Dispatcher;
import symtrace.tracer.ops.UnknownOperatorException;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Tensor;

/** Graph modules written as JSON read back to modules that print and run the same. */
class GraphJsonTest {
  @Test
  void aTracedGraphRoundTrips() {
    GraphModule original = ConformanceGraphs.linearBias();
    String json = GraphJson.write(original);
    GraphModule read = GraphJson.read(json, FxTesting.OPS);
    assertEquals(original.code(), read.code());
    assertEquals(original.printReadable(), read.printReadable());
    assertEquals(json, GraphJson.write(read));
    read.graph().lint();
    Node mul = read.graph().nodes().get(6);
    assertEquals("mul_4", mul.name());
    assertEquals(new ValueType("Sym(s75*s96)"), mul.val());
    assertEquals(read.graph().nodes().get(5), mul.args().get(0));
  }

  @Test
  void attributesAndTypedConstantsRoundTrip() {
    GraphModule original = ConformanceGraphs.tensorConstants();
    GraphModule read = GraphJson.read(GraphJson.write(original), FxTesting.OPS);
    assertEquals(original.printReadable(), read.printReadable());
    Tensor floats = read.attributes().get("_tensor_constant0");
    assertEquals(DType.FLOAT32, floats.dtype());
    assertArrayEquals(new double[] {1.0, -2.0, 0.5}, floats.toDoubleArray());
    assertArrayEquals(new long[] {2, 2}, read.attributes().get("_tensor_constant1").sizes());
    assertArrayEquals(new boolean[] {true, false},
        read.attributes().get("_tensor_constant3").toBoolArray());
    assertEquals(0, read.attributes().get("_tensor_constant2").dim());

    GraphModule symint = ConformanceGraphs.symintArith();
    assertEquals(symint.code(), GraphJson.read(GraphJson.write(symint), FxTesting.OPS).code());
  }

  @Test
  void theDocumentNamesEveryValuesType() {
    FxTesting.Builder b = new FxTesting.Builder();
    Node x = b.input("x_1");
    Node s = b.call("aten.sym_size.int", "sym_size_int", x, 0L);
    s.meta().put("val", 3L);
    s.meta().put("stack_trace", "File \"p.py\", line 2, in f\n  x.shape[0]");
    String json = GraphJson.write(b.module(PyTuple.of(s, java.util.Arrays.asList(
        Double.NEGATIVE_INFINITY, "s", DType.BOOL, true, null))));
    assertEquals("""
        {
          "class_name" : "f",
          "nodes" : [ {
            "name" : "x_1",
            "op" : "placeholder",
            "target" : "x_1",
            "args" : [ ],
            "kwargs" : { }
          }, {
            "name" : "sym_size_int",
            "op" : "call_function",
            "target" : "aten.sym_size.int",
            "args" : [ {
              "node" : "x_1"
            }, {
              "int" : 0
            } ],
            "kwargs" : { },
            "val" : {
              "int" : 3
            },
            "stack_trace" : "File \\"p.py\\", line 2, in f\\n  x.shape[0]"
          }, {
            "name" : "output",
            "op" : "output",
            "target" : "output",
            "args" : [ {
              "tuple" : [ {
                "node" : "sym_size_int"
              }, {
                "list" : [ {
                  "float" : "-inf"
                }, {
                  "str" : "s"
                }, {
                  "dtype" : "bool"
                }, {
                  "bool" : true
                }, null ]
              } ]
            } ],
            "kwargs" : { }
          } ],
          "attributes" : { }
        }
        """, json);
    GraphModule read = GraphJson.read(json, FxTesting.OPS);
    assertEquals(json, GraphJson.write(read));
    Object out = new Interpreter(read, new Dispatcher(FxTesting.OPS))
        .run(List.of(Tensor.zeros(DType.FLOAT32, 5)));
    assertEquals(PyTuple.of(5L, java.util.Arrays.asList(Double.NEGATIVE_INFINITY, "s",
        DType.BOOL, true, null)), out);
    assertInstanceOf(Long.class, read.graph().nodes().get(1).val());
  }

  @Test
  void malformedDocumentsAreRejected() {
    String json = GraphJson.write(ConformanceGraphs.splitChunkUnbind());
    assertThrows(UnknownOperatorException.class, () -> GraphJson.read(
        json.replace("aten.split.Tensor", "aten.no_such_op.Tensor"), FxTesting.OPS));
    assertEquals("reference to undefined node 'nowhere'", assertThrows(
        IllegalArgumentException.class, () -> GraphJson.read(
            json.replace("\"node\" : \"split\"", "\"node\" : \"nowhere\""), FxTesting.OPS))
        .getMessage());
    assertThrows(IllegalArgumentException.class, () -> GraphJson.read("{", FxTesting.OPS));
    String twice = GraphJson.write(new FxTesting.Builder().module(null))
        .replace("\"name\" : \"output\"", "\"name\" : \"sum\"");
    assertEquals("node name 'sum' is taken or not an identifier (it would be 'sum_1')",
        assertThrows(IllegalArgumentException.class, () -> GraphJson.read(twice,
            FxTesting.OPS)).getMessage());
    // A symbolic scalar has no JSON form: a graph refers to one through the node computing it.
    FxTesting.Builder b = new FxTesting.Builder();
    Object s0 = ConformanceGraphs.size(new symtrace.symbolic.env.ShapeEnv(), 0, 0, 4);
    b.call("aten.view.default", "view", b.input("x_1"), List.of(s0));
    assertThrows(IllegalArgumentException.class, () -> GraphJson.write(b.module(null)));
  }
}
