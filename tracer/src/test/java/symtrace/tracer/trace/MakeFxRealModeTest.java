package symtrace.tracer.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static symtrace.tracer.trace.MakeFxCases.calls;
import static symtrace.tracer.trace.MakeFxCases.code;
import static symtrace.tracer.trace.MakeFxCases.trace;

import org.junit.jupiter.api.Test;
import symtrace.tracer.lang.ExecutionError;

/**
 * make_fx in real mode reads a value out of a tensor only when it is a constant, as PyTorch's
 * {@code proxy_call} does: a lifted scalar, or a small result of operators on constants.
 * Reading any other traced tensor ({@code item()} on an input) raises PyTorch's RuntimeError,
 * since the graph would bake in the example input's value.
 */
class MakeFxRealModeTest {
  private static final String READ_ERROR = "It appears that you're trying to get value out of a"
      + " tracing tensor with aten._local_scalar_dense.default - erroring out! It's likely that"
      + " this is caused by data-dependent control flow or similar.  It may be possible to trace"
      + " this with dynamic shapes; try setting tracing_mode='symbolic' in your make_fx call.";

  private static Trace real(String source, String inputs) {
    return trace(source, inputs, TracingMode.REAL);
  }

  private static ExecutionError readError(String source, String inputs) {
    ExecutionError e = assertThrows(ExecutionError.class, () -> real(source, inputs));
    assertEquals("RuntimeError", e.pythonType());
    assertEquals(READ_ERROR, e.detail());
    return e;
  }

  /** The conformance program {@code item_scale}: PyTorch fails at the item() line. */
  @Test
  void anItemOfAnInputIsAnError() {
    ExecutionError e = readError("""
        def f(x, y):
            s = y.sum().item()
            return x * s + 1
        """, "x=f32[4,3] y=f32[5]");
    assertEquals(2, e.span().line());
  }

  /** PyTorch's T15 {@code test_constant_unbind}, with a product: the value is baked in. */
  @Test
  void anItemOfALiftedScalarIsItsValue() {
    Trace t = real("""
        def f(x):
            c = torch.tensor([3.0]) * 2
            return x * c.item()
        """, "x=f32[2]");
    assertEquals("""
        def forward(self, x_1):
            _tensor_constant0 = self._tensor_constant0
            lift_fresh_copy = torch.ops.aten.lift_fresh_copy.default(_tensor_constant0);  _tensor_constant0 = None
            mul = torch.ops.aten.mul.Tensor(lift_fresh_copy, 2);  lift_fresh_copy = mul = None
            mul_1 = torch.ops.aten.mul.Tensor(x_1, 6.0);  x_1 = None
            return mul_1""", code(t));
    assertEquals(0, calls(t, "aten._local_scalar_dense.default").size());
    assertNull(t.shapeEnv());
  }

  /** Only a lifted tensor of at most one element is a constant (CONSTANT_NUMEL_LIMIT). */
  @Test
  void aLargerLiftedTensorIsNoConstant() {
    readError("""
        def f(x):
            return x * torch.tensor([1.0, 2.0]).sum().item()
        """, "x=f32[2]");
  }

  /** A constant written in place with a traced value is a traced value from then on. */
  @Test
  void anInPlaceWriteOfATracedValueEndsAConstant() {
    readError("""
        def f(x):
            c = torch.tensor(1.0)
            c.add_(x.sum())
            return c.item()
        """, "x=f32[2]");
  }
}
