package symtrace.tracer.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static symtrace.tracer.trace.MakeFxCases.calls;
import static symtrace.tracer.trace.MakeFxCases.code;
import static symtrace.tracer.trace.MakeFxCases.program;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import symtrace.tracer.ops.Decomposition;
import symtrace.tracer.ops.OpOverload;
import symtrace.tracer.ops.OpRegistry;
import symtrace.tracer.run.ProgramRunner;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorValue;

/** {@code DecompositionInterpreter} and {@code selective_decompose}. */
class DecompositionInterpreterTest {
  private static final OpOverload SILU = OpRegistry.standard().get("aten.silu.default");
  /** torch._decomp's silu: {@code self * torch.sigmoid(self)}. */
  private static final Map<OpOverload, Decomposition> SILU_TABLE = Map.of(SILU, (a, ops) ->
      ops.call("aten.mul.Tensor", a.get(0), ops.call("aten.sigmoid.default", a.get(0))));

  /**
   * T18 {@code test_decomposition_interpreter}: the traced graph has a silu node, the re-traced
   * one none, and both give the same result.
   */
  @ParameterizedTest
  @EnumSource(TracingMode.class)
  void decompositionInterpreter(TracingMode mode) {
    ProgramRunner r = program("""
        def fn(x):
            return torch.nn.functional.silu(x)
        """);
    ProgramRunner.Inputs x = r.inputs("x=f32[4,4]");
    Trace traced = r.trace(x, mode);
    assertEquals(1, calls(traced, "aten.silu.default").size(), code(traced));
    Trace decomposed = new DecompositionInterpreter(traced.module(), SILU_TABLE).run(x.values());
    assertEquals("""
        def forward(self, x_1):
            sigmoid = torch.ops.aten.sigmoid.default(x_1)
            mul = torch.ops.aten.mul.Tensor(x_1, sigmoid);  x_1 = sigmoid = None
            return mul""", code(decomposed));
    assertEquals(ProgramRunner.output(ProgramRunner.runGraph(traced.module(), x)),
        ProgramRunner.output(ProgramRunner.runGraph(decomposed.module(), x)));
  }

  /** The interpreter can trace symbolically too: the new graph's sizes are the new ShapeEnv's. */
  @Test
  void symbolicReTraceKeepsSymbolicSizes() {
    ProgramRunner r = program("""
        def fn(x):
            return torch.nn.functional.silu(x).view(-1)
        """);
    ProgramRunner.Inputs x = r.inputs("x=f32[4,3]");
    Trace traced = r.trace(x, TracingMode.SYMBOLIC);
    Trace decomposed = new DecompositionInterpreter(traced.module(), SILU_TABLE)
        .inMode(TracingMode.SYMBOLIC).run(x.values());
    assertEquals(0, calls(decomposed, "aten.silu.default").size(), code(decomposed));
    TensorValue out = (TensorValue) decomposed.module().graph().outputNode().inputs().get(0).val();
    assertEquals("s75*s96", out.symSize(0).toString(), code(decomposed));
    assertEquals(ProgramRunner.output(ProgramRunner.runGraph(traced.module(), x)),
        ProgramRunner.output(ProgramRunner.runGraph(decomposed.module(), x)));
  }

  /** {@code selective_decompose}: only the node the predicate accepts is decomposed. */
  @Test
  void selectiveDecompose() {
    ProgramRunner r = program("""
        def fn(x):
            a = torch.nn.functional.silu(x)
            return torch.nn.functional.silu(a)
        """);
    ProgramRunner.Inputs x = r.inputs("x=f32[3]");
    Trace traced = r.trace(x, TracingMode.REAL);
    Trace decomposed = DecompositionInterpreter.selective(traced.module(), SILU_TABLE,
        n -> n.name().equals("silu_1")).run(x.values());
    assertEquals("""
        def forward(self, x_1):
            silu = torch.ops.aten.silu.default(x_1);  x_1 = None
            sigmoid = torch.ops.aten.sigmoid.default(silu)
            mul = torch.ops.aten.mul.Tensor(silu, sigmoid);  silu = sigmoid = None
            return mul""", code(decomposed));
    assertEquals(ProgramRunner.output(ProgramRunner.runGraph(traced.module(), x)),
        ProgramRunner.output(ProgramRunner.runGraph(decomposed.module(), x)));
  }

  /**
   * Attributes keep their names: the captured constant is still {@code _tensor_constant0}, and
   * a constant the new trace makes takes the next free name.
   */
  @Test
  void attributesKeepTheirNames() {
    ProgramRunner r = program("""
        def fn(x):
            return torch.nn.functional.silu(x) + torch.tensor([2.0, 3.0])
        """);
    ProgramRunner.Inputs x = r.inputs("x=f32[2]");
    Trace traced = r.trace(x, TracingMode.REAL);
    Tensor half = Tensor.ofDoubles(DType.FLOAT32, new long[] {2}, 0.5, 0.5);
    Map<OpOverload, Decomposition> table = Map.of(SILU, (a, ops) ->
        ops.call("aten.mul.Tensor", a.get(0), half));
    Trace decomposed = new DecompositionInterpreter(traced.module(), table).run(x.values());
    assertEquals("""
        def forward(self, x_1):
            _tensor_constant1 = self._tensor_constant1
            mul = torch.ops.aten.mul.Tensor(x_1, _tensor_constant1);  x_1 = _tensor_constant1 = None
            _tensor_constant0 = self._tensor_constant0
            lift_fresh_copy = torch.ops.aten.lift_fresh_copy.default(_tensor_constant0);  \
        _tensor_constant0 = None
            add = torch.ops.aten.add.Tensor(mul, lift_fresh_copy);  mul = lift_fresh_copy = None
            return add""", code(decomposed));
    assertEquals(List.of("_tensor_constant1", "_tensor_constant0"),
        new ArrayList<>(decomposed.module().attributes().keySet()));
  }
}
