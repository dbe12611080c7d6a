package symtrace.tracer.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import symtrace.tracer.dispatch.Dispatcher;
import symtrace.tracer.fx.Interpreter;
import symtrace.tracer.fx.Node;
import symtrace.tracer.ops.OpTesting;
import symtrace.tracer.run.ProgramRunner;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.trace.MakeFx;
import symtrace.tracer.trace.Trace;
import symtrace.tracer.trace.TracingMode;

/** make_fx of {@link Module}s: parameters as {@code get_attr} nodes, {@code nn_module_stack}. */
class ModuleTracingTest {
  private static Module linear(long in, long out) {
    return Module.named("Linear")
        .parameter("weight", OpTesting.data(DType.FLOAT32, 1, out, in))
        .parameter("bias", OpTesting.data(DType.FLOAT32, 2, out))
        .forward((self, args) -> self.ops().call("aten.linear.default", args.get(0),
            self.parameter("weight"), self.parameter("bias")));
  }

  private static Object eager(Module m, Object... args) {
    return ProgramRunner.output(m.call(Dispatcher.standard(), List.of(args)));
  }

  private static Object run(Trace t, Object... args) {
    return ProgramRunner.output(new Interpreter(t.module(), Dispatcher.standard())
        .run(List.of(args)));
  }

  /** A submodule's parameters are read by their qualified names where first used. */
  @Test
  void parametersAreGetAttrsOfTheirQualifiedNames() {
    Module net = Module.named("Net").submodule("linear", linear(3, 2))
        .forward((self, args) -> self.call("linear", args.get(0)));
    Tensor x = OpTesting.data(DType.FLOAT32, 0, 4, 3);
    Trace t = MakeFx.of(TracingMode.REAL).trace(net, List.of(new MakeFx.Input("x", x)));
    assertEquals("""
        def forward(self, x_1):
            linear_weight = self.linear.weight
            t = torch.ops.aten.t.default(linear_weight);  linear_weight = None
            linear_bias = self.linear.bias
            addmm = torch.ops.aten.addmm.default(linear_bias, x_1, t);  linear_bias = x_1 = t = None
            return addmm""", t.module().code().strip());
    assertEquals("Net", t.module().className());
    assertEquals(List.of("linear.weight", "linear.bias"),
        new ArrayList<>(t.module().attributes().keySet()));
    assertEquals(eager(net, x), run(t, x));
  }

  /** Symbolic and fake traces read parameters the same way; the graph computes eager's values. */
  @ParameterizedTest
  @EnumSource(value = TracingMode.class, names = {"FAKE", "SYMBOLIC"})
  void fakeTracesReadParametersAsAttributes(TracingMode mode) {
    Module net = Module.named("Net").submodule("linear", linear(3, 2))
        .forward((self, args) -> self.ops().call("aten.relu.default",
            self.call("linear", args.get(0))));
    Tensor x = OpTesting.data(DType.FLOAT32, 0, 5, 3);
    Trace t = MakeFx.of(mode).trace(net, List.of(new MakeFx.Input("x", x)));
    List<String> attrs = new ArrayList<>();
    for (Node n : t.module().graph()) {
      if (n.kind() == Node.Kind.GET_ATTR) {
        attrs.add(n.name() + "=" + n.target());
      }
    }
    assertEquals(List.of("linear_weight=linear.weight", "linear_bias=linear.bias"), attrs);
    assertEquals(eager(net, x), run(t, x));
  }

  /**
   * T19 {@code test_make_fx_model_double_param}: a layer norm called twice reads its parameters
   * as get_attr nodes, and the graph calls two distinct functions.
   */
  @Test
  void modelDoubleParam() {
    Module layerNorm = Module.named("LayerNorm")
        .parameter("weight", OpTesting.data(DType.FLOAT32, 1, 256))
        .parameter("bias", OpTesting.data(DType.FLOAT32, 2, 256))
        .forward((self, args) -> self.ops().call("aten.layer_norm.default", args.get(0),
            List.of(256L), self.parameter("weight"), self.parameter("bias")));
    Module emformer = Module.named("Emformer").submodule("layer_norm", layerNorm)
        .forward((self, args) -> self.call("layer_norm", self.call("layer_norm", args.get(0))));
    Tensor x = OpTesting.data(DType.FLOAT32, 0, 16, 1, 256);
    Trace t = MakeFx.of(TracingMode.REAL).trace(emformer, List.of(new MakeFx.Input("x", x)));
    Set<String> targets = new HashSet<>();
    int getAttrs = 0;
    for (Node n : t.module().graph()) {
      if (n.isCall()) {
        targets.add(n.op().qualifiedName());
      } else if (n.kind() == Node.Kind.GET_ATTR) {
        getAttrs++;
      }
    }
    assertEquals(2, targets.size(), targets.toString());
    assertEquals(2, getAttrs, t.module().code());
    assertEquals(eager(emformer, x), run(t, x));
  }

  /**
   * T27 {@code test_make_fx_with_custom_tracer_preserving_nn_module_stack}: with the module stack
   * recorded, the node made in {@code bar} has Foo and Bar on its stack, the one made in Foo only
   * Foo; without it, no node has a stack.
   */
  @Test
  void nnModuleStack() {
    Module bar = Module.named("Bar")
        .forward((self, args) -> self.ops().call("aten.add.Tensor", args.get(0), 1L));
    Module foo = Module.named("Foo").submodule("bar", bar)
        .forward((self, args) -> self.ops().call("aten.add.Tensor", args.get(0),
            self.call("bar", args.get(0))));
    List<MakeFx.Input> in = List.of(new MakeFx.Input("x", Tensor.zeros(DType.FLOAT32, 4, 4)));

    Trace plain = MakeFx.of(TracingMode.REAL).trace(foo, in);
    for (Node n : plain.module().graph()) {
      assertNull(n.meta().get("nn_module_stack"), n.name());
    }

    Trace recorded = MakeFx.of(TracingMode.REAL).withModuleStack().trace(foo, in);
    Map<String, Object> stacks = new LinkedHashMap<>();
    for (Node n : recorded.module().graph()) {
      if (n.isCall()) {
        stacks.put(n.name(), n.meta().get("nn_module_stack"));
      }
    }
    assertEquals(Map.of(
        "add", Map.of("", "Foo", "bar", "Bar"),
        "add_1", Map.of("", "Foo")), stacks);
    assertFalse(recorded.module().graph().placeholders().get(0).meta()
        .containsKey("nn_module_stack"));
  }
}
