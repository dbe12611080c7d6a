package symtrace.tracer.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import symtrace.tracer.ops.OpTesting;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorValue;

/**
 * A make_fx trace started inside another trace's function is a trace of its own: its graph and
 * ShapeEnv get its nodes, symbols and guards, and the outer trace's are as if it had not run.
 */
class NestedTraceTest {
  private static final Tensor Z = OpTesting.data(DType.FLOAT32, 3, 2, 3);

  /** The inner function: data-dependent sizes (an unbacked symbol) and a size guard. */
  private static Trace inner() {
    return MakeFx.of(TracingMode.SYMBOLIC).trace((ctx, in) -> {
      Object nz = ctx.ops().call("aten.nonzero.default", in.get(0));
      // Viewing [s0, s1] as [3, 2] guards s0*s1 == 6.
      return List.of(nz, ctx.ops().call("aten.view.default", in.get(0), List.of(3L, 2L)));
    }, List.of(new MakeFx.Input("z", Z)));
  }

  private static Trace outer(List<Trace> nested) {
    return MakeFx.of(TracingMode.SYMBOLIC).trace((ctx, in) -> {
      Object y = ctx.ops().call("aten.mul.Tensor", in.get(0), 2L);
      if (nested != null) {
        nested.add(inner());
      }
      Object n = ctx.ops().mul(((TensorValue) in.get(0)).symSize(0), 3L);
      return List.of(ctx.ops().call("aten.add.Tensor", y, 1L), n);
    }, List.of(new MakeFx.Input("x", Tensor.zeros(DType.FLOAT32, 5, 4))));
  }

  @Test
  void anInnerTraceLeavesTheOuterGraphAndShapeEnvUntouched() {
    Trace alone = outer(null);
    List<Trace> nested = new ArrayList<>();
    Trace withInner = outer(nested);
    Trace in = nested.get(0);

    assertEquals(alone.module().code(), withInner.module().code());
    assertEquals(alone.shapeEnv().version(), withInner.shapeEnv().version());
    assertEquals(alone.shapeEnv().guards().toString(), withInner.shapeEnv().guards().toString());
    assertEquals(alone.shapeEnv().ranges().toString(), withInner.shapeEnv().ranges().toString());
    assertTrue(withInner.shapeEnv().unbackedSymbols().isEmpty());
    assertFalse(withInner.module().code().contains("nonzero"));

    // The inner trace has its own ShapeEnv, holding what the inner function did.
    assertNotSame(withInner.shapeEnv(), in.shapeEnv());
    assertEquals(1, in.shapeEnv().unbackedSymbols().size());
    assertFalse(in.shapeEnv().guards().isEmpty(), in.shapeEnv().guards().toString());
    assertTrue(in.module().code().contains("torch.ops.aten.nonzero.default(z_1)"),
        in.module().code());
    assertEquals(inner().module().code(), in.module().code());
    assertEquals(inner().shapeEnv().guards().toString(), in.shapeEnv().guards().toString());
  }
}
