package symtrace.tracer.fx;

import symtrace.tracer.lang.PyTuple;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.MemoryFormat;

/**
 * {@code gm.code} and {@code print_readable} of hand-built graphs equal what PyTorch printed
 * for the same graphs in the conformance files, character for character.
 */
class CodeGenTest {
  @Test
  void linearBiasCodeIsPytorchs() {
    assertEquals(FxTesting.recorded("linear_bias", "code"),
        ConformanceGraphs.linearBias().code());
  }

  @Test
  void linearBiasReadableIsPytorchs() {
    assertEquals(FxTesting.recorded("linear_bias", "readable"),
        ConformanceGraphs.linearBias().printReadable());
  }

  @Test
  void symintArithCodeIsPytorchs() {
    assertEquals(FxTesting.recorded("symint_arith", "code"),
        ConformanceGraphs.symintArith().code());
  }

  @Test
  void layerNormMlpCodeIsPytorchs() {
    assertEquals(FxTesting.recorded("layer_norm_mlp", "code"),
        ConformanceGraphs.layerNormMlp().code());
  }

  @Test
  void splitChunkUnbindCodeIsPytorchs() {
    assertEquals(FxTesting.recorded("split_chunk_unbind", "code"),
        ConformanceGraphs.splitChunkUnbind().code());
  }

  @Test
  void tensorConstantsCodeAndReadableArePytorchs() {
    GraphModule gm = ConformanceGraphs.tensorConstants();
    assertEquals(FxTesting.recorded("tensor_constants", "code"), gm.code());
    assertEquals(FxTesting.recorded("tensor_constants", "readable"), gm.printReadable());
  }

  @Test
  void keywordConstantsPrintAsPython() {
    FxTesting.Builder b = new FxTesting.Builder();
    Node x = b.input("x_1");
    Node clone = b.callKw("aten.clone.default", "clone", List.of(x),
        Map.of("memory_format", MemoryFormat.CONTIGUOUS));
    Node gelu = b.callKw("aten.gelu.default", "gelu", List.of(clone),
        Map.of("approximate", "tanh"));
    Node copy = b.callKw("aten._to_copy.default", "_to_copy", List.of(gelu),
        ConformanceGraphs.kwargs("dtype", DType.FLOAT32, "layout",
            symtrace.tracer.tensor.Layout.STRIDED, "device", symtrace.tracer.tensor.Device.CPU));
    assertEquals("\n\n\ndef forward(self, x_1):\n"
        + "    clone = torch.ops.aten.clone.default(x_1, memory_format = torch.contiguous_format);"
        + "  x_1 = None\n"
        + "    gelu = torch.ops.aten.gelu.default(clone, approximate = 'tanh');  clone = None\n"
        + "    _to_copy = torch.ops.aten._to_copy.default(gelu, dtype = torch.float32,"
        + " layout = torch.strided, device = device(type='cpu'));  gelu = None\n"
        + "    return _to_copy\n    ", b.module(copy).code());
  }

  @Test
  void magicMethodsPrintAsOperators() {
    FxTesting.Builder b = new FxTesting.Builder();
    Node n = b.input("n_1");
    Node neg = b.call("operator.neg", "neg", n);
    Node lt = b.call("operator.lt", "lt", neg, 3L);
    Node not = b.call("operator.not_", "not_", lt);
    assertEquals("\n\n\ndef forward(self, n_1):\n"
        + "    neg = -n_1;  n_1 = None\n"
        + "    lt = neg < 3;  neg = None\n"
        + "    not_ = _operator_not_(lt);  lt = None\n"
        + "    return [not_]\n    ", b.module(List.of(not)).code());
  }

  @Test
  void oneElementTupleAndNoInputs() {
    FxTesting.Builder b = new FxTesting.Builder();
    assertEquals("\n\n\ndef forward(self):\n    return (2.5,)\n    ",
        b.module(PyTuple.of(2.5)).code());
  }

  @Test
  void aGraphWithoutNodesPasses() {
    assertEquals("\n\n\ndef forward(self):\n    pass\n    ",
        new GraphModule(new Graph(), Map.of(), "f").code());
  }

  @Test
  void readableNamesTheSourceLineOfEachRunOfNodes() {
    FxTesting.Builder b = new FxTesting.Builder();
    Node x = b.input("x_1");
    Node s = b.call("aten.sym_size.int", "sym_size_int", x, 0L);
    Node m = b.call("operator.mul", "mul", s, 2L);
    Node a = b.call("operator.add", "add", m, 1L);
    String trace = "  File \"prog.py\", line 4, in f\n    y = x.shape[0] * 2\n";
    m.meta().put("stack_trace", trace);
    a.meta().put("stack_trace", trace);
    b.graph.output(a);
    assertEquals("class g(torch.nn.Module):\n"
        + "    def forward(self, x_1):\n"
        + "        # No stacktrace found for following nodes\n"
        + "        sym_size_int = torch.ops.aten.sym_size.int(x_1, 0);  x_1 = None\n"
        + "        \n"
        + "        # File: prog.py:4 in f, code: y = x.shape[0] * 2\n"
        + "        mul = sym_size_int * 2;  sym_size_int = None\n"
        + "        add = mul + 1;  mul = None\n"
        + "        return add\n",
        new GraphModule(b.graph, Map.of(), "g").printReadable());
  }
}
