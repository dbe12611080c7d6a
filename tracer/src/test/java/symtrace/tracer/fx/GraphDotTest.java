package symtrace.tracer.fx;

import symtrace.tracer.lang.PyTuple;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.value.SymInt;

/** Graphviz drawings of graphs. */
class GraphDotTest {
  @Test
  void oneBoxPerNodeAndOneEdgePerInput() {
    ShapeEnv env = new ShapeEnv();
    SymInt s75 = ConformanceGraphs.size(env, 0, 0, 4);
    FxTesting.Builder b = new FxTesting.Builder();
    Node x = ConformanceGraphs.val(b.input("x_1"),
        ConformanceGraphs.fake(s75, SymInt.of(3)));
    Node c = ConformanceGraphs.val(b.graph.getAttr("_tensor_constant0"),
        ConformanceGraphs.fake(SymInt.of(3)));
    Node rows = ConformanceGraphs.val(b.call("aten.sym_size.int", "sym_size_int", x, 0L), s75);
    Node split = ConformanceGraphs.val(b.call("aten.split.Tensor", "split", c, 2L), List.of(
        ConformanceGraphs.fake(SymInt.of(2)), ConformanceGraphs.fake(SymInt.of(1))));
    Node part = b.call("operator.getitem", "getitem", split, 0L);
    Node sum = b.call("operator.mul", "mul", rows, rows);
    b.graph.output(PyTuple.of(part, sum, x));
    assertEquals("""
        digraph "f" {
          node [shape=box, fontname="monospace"];
          "x_1" [label="x_1\\nplaceholder\\nf32[s75, 3]", shape=ellipse];
          "_tensor_constant0" [label="_tensor_constant0\\nself._tensor_constant0\\nf32[3]"];
          "sym_size_int" [label="sym_size_int\\naten.sym_size.int\\nSym(s75)"];
          "split" [label="split\\naten.split.Tensor\\n(f32[2], f32[1])"];
          "getitem" [label="getitem\\noperator.getitem"];
          "mul" [label="mul\\noperator.mul"];
          "output" [label="output\\noutput", shape=ellipse];
          "x_1" -> "sym_size_int";
          "_tensor_constant0" -> "split";
          "split" -> "getitem";
          "sym_size_int" -> "mul";
          "getitem" -> "output";
          "mul" -> "output";
          "x_1" -> "output";
        }
        """, GraphDot.write(new GraphModule(b.graph, Map.of(), "f")));
  }
}
