package symtrace.tracer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.env.DimDynamic;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.env.Source;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.FakeTensor;
import symtrace.tracer.tensor.Geometry;
import symtrace.tracer.tensor.ShapeRules;
import symtrace.tracer.tensor.TensorError;

/**
 * Pointwise operators on fake tensors with symbolic sizes: output sizes, strides and dtypes,
 * and the guards (or deferred runtime asserts) broadcasting records, compared with what
 * PyTorch records for the same calls.
 */
class PointwiseSymbolicTest {
  private static FakeTensor fake(Object v) {
    return assertInstanceOf(FakeTensor.class, v);
  }

  /** A fake input whose sizes get fresh symbols even when their hints are equal. */
  private static FakeTensor dynamicInput(ShapeEnv env, String name, long... sizes) {
    ShapeEnv.TensorSymbols s = env.createTensorSymbols(sizes, ShapeRules.contiguousStrides(sizes),
        0, Source.local(name), DimDynamic.DYNAMIC);
    return FakeTensor.of(DType.FLOAT32, new Geometry(s.sizes(), s.strides(), s.storageOffset()));
  }

  private static List<Long> hints(List<SymInt> values) {
    List<Long> out = new ArrayList<>();
    values.forEach(v -> out.add(v.hint()));
    return out;
  }

  @Test
  void broadcastingARowVectorRecordsNoGuard() {
    // conformance add_bcast: x + y * 2 with x=f32[3,4], y=f32[4]
    try (OpTesting t = OpTesting.symbolic()) {
      FakeTensor x = t.input(DType.FLOAT32, 3, 4);
      FakeTensor y = t.input(DType.FLOAT32, 4);
      FakeTensor z = fake(t.call("aten.add.Tensor", x, t.call("aten.mul.Tensor", y, 2L)));
      FakeTensor w = fake(t.call("aten.sub.Tensor", z, t.call("aten.div.Tensor", y, 4L)));
      FakeTensor out = fake(t.call("aten.mul.Tensor", w, x));
      assertEquals(OpTesting.sizes(x), OpTesting.sizes(out));
      assertEquals(x.symStrides().toString(), out.symStrides().toString());
      assertEquals(DType.FLOAT32, out.dtype());
      assertEquals(List.of(), t.guards());
    }
  }

  @Test
  void broadcastingAgainstAStaticOneRecordsNoGuard() {
    // PyTorch's test_binary_broadcast: (1, s) * (s', 1)
    try (OpTesting t = OpTesting.symbolic()) {
      FakeTensor a = t.input(DType.FLOAT32, 1, 2);
      FakeTensor b = t.input(DType.FLOAT32, 3, 1);
      FakeTensor out = fake(t.call("aten.mul.Tensor", a, b));
      assertEquals("[" + b.symSize(0) + ", " + a.symSize(1) + "]", OpTesting.sizes(out));
      assertEquals(List.of(3L, 2L), hints(out.symSizes()));
      assertEquals(List.of(2L, 1L), hints(out.symStrides()));
      assertEquals(List.of(), t.guards());
    }
  }

  @Test
  void twoSymbolsThatMustBeEqualRecordAnEqualityGuard() {
    try (OpTesting t = OpTesting.symbolic()) {
      FakeTensor x = dynamicInput(t.env(), "x", 3);
      FakeTensor y = dynamicInput(t.env(), "y", 3);
      String s0 = x.symSize(0).toString();
      String s1 = y.symSize(0).toString();
      FakeTensor out = fake(t.call("aten.add.Tensor", x, y));
      assertSame(x.symSize(0), out.symSize(0));
      assertEquals(1, t.guards().size());
      String guard = t.guards().get(0);
      assertTrue(guard.equals("Eq(" + s0 + ", " + s1 + ")")
          || guard.equals("Eq(" + s1 + ", " + s0 + ")"), guard);
    }
  }

  @Test
  void sizesThatCannotBroadcastRaisePyTorchsError() {
    try (OpTesting t = OpTesting.symbolic()) {
      FakeTensor x = OpTesting.staticInput(DType.FLOAT32, 2, 3);
      FakeTensor y = OpTesting.staticInput(DType.FLOAT32, 2, 4);
      TensorError e = assertThrows(TensorError.class, () -> t.call("aten.add.Tensor", x, y));
      assertEquals("The size of tensor a (3) must match the size of tensor b (4) at"
          + " non-singleton dimension 1", e.getMessage());
    }
  }

  @Test
  void anUnbackedSizeBroadcastsWithADeferredAssertInsteadOfAGuard() {
    // PyTorch's test_unbacked_unification: torch.zeros(x.item()) + y
    try (OpTesting t = OpTesting.symbolic()) {
      SymInt u0 = t.env().createUnbackedSymInt();
      FakeTensor y = t.input(DType.FLOAT32, 10);
      FakeTensor z = fake(t.call("aten.zeros.default", List.of(u0)));
      assertTrue(z.symSize(0) == u0 || z.symSize(0).expr() == u0.expr());
      FakeTensor out = fake(t.call("aten.add.Tensor", z, y));
      assertEquals(u0.toString(), out.symSize(0).toString());
      assertEquals(List.of(), t.guards());
      assertTrue(t.env().deferredRuntimeAsserts().values().stream()
          .anyMatch(l -> l.stream().anyMatch(a -> a.expr().toString().startsWith("Eq("))),
          t.env().deferredRuntimeAsserts().toString());
    }
  }

  @Test
  void unaryOutputsKeepATransposedInputsLayout() {
    try (OpTesting t = OpTesting.symbolic()) {
      FakeTensor x = t.input(DType.FLOAT32, 3, 4);
      Geometry g = x.geometry();
      FakeTensor xt = x.view(new Geometry(List.of(g.size(1), g.size(0)),
          List.of(g.stride(1), g.stride(0)), g.storageOffset()));
      FakeTensor out = fake(t.call("aten.neg.default", xt));
      assertEquals(xt.symStrides().toString(), out.symStrides().toString());
      FakeTensor sum = fake(t.call("aten.add.Tensor", xt, xt));
      assertEquals(List.of(1L, 4L), hints(sum.symStrides()));
      FakeTensor exp = fake(t.call("aten.exp.default", x));
      assertEquals(x.symStrides().toString(), exp.symStrides().toString());
    }
  }

  @Test
  void inPlaceOperatorsReturnSelfAndCheckTheirShape() {
    try (OpTesting t = OpTesting.symbolic()) {
      FakeTensor x = t.input(DType.FLOAT32, 3, 4);
      FakeTensor row = t.input(DType.FLOAT32, 4);
      assertSame(x, t.call("aten.add_.Tensor", x, row));
      assertSame(x, t.call("aten.relu_.default", x));
      assertSame(x, t.call("aten.clamp_.default", x, -1.0, 1.0));
      TensorError e = assertThrows(TensorError.class, () -> t.call("aten.mul_.Tensor", row, x));
      assertEquals("output with shape [" + row.symSize(0) + "] doesn't match the broadcast shape"
          + " [" + x.symSize(0) + ", " + x.symSize(1) + "]", e.getMessage());
      FakeTensor k = t.input(DType.INT64, 3, 4);
      e = assertThrows(TensorError.class, () -> t.call("aten.div_.Tensor", k, 2L));
      assertEquals("result type Float can't be cast to the desired output type Long",
          e.getMessage());
      assertEquals(List.of(), t.guards());
    }
  }

  @Test
  void aSymIntStandsForATensorAsAWrappedNumber() {
    // conformance duck_sizing: a * (x.shape[0] + y.shape[0])
    try (OpTesting t = OpTesting.symbolic()) {
      FakeTensor x = t.input(DType.FLOAT32, 5, 3);
      Object n = t.ops().add(x.symSize(0), x.symSize(1));
      FakeTensor out = fake(t.call("aten.mul.Tensor", x, n));
      assertEquals(DType.FLOAT32, out.dtype());
      assertEquals(OpTesting.sizes(x), OpTesting.sizes(out));
      FakeTensor k = t.input(DType.INT32, 5, 3);
      assertEquals(DType.INT32, fake(t.call("aten.mul.Tensor", k, n)).dtype());
      // conformance scalar_float_bool: x * alpha with a float parameter
      Object alpha = t.env().createUnbackedSymFloat();
      assertEquals(DType.FLOAT32, fake(t.call("aten.mul.Tensor", k, alpha)).dtype());
      assertEquals(List.of(), t.guards());
    }
  }

  @Test
  void comparisonsAreBoolAndTrueDivisionOfIntegersIsFloat() {
    try (OpTesting t = OpTesting.symbolic()) {
      FakeTensor k = t.input(DType.INT64, 3, 4);
      assertEquals(DType.BOOL, fake(t.call("aten.gt.Scalar", k, 0L)).dtype());
      assertEquals(DType.FLOAT32, fake(t.call("aten.div.Tensor", k, 2L)).dtype());
      assertEquals(DType.INT64, fake(t.call("aten.floor_divide.default", k, 2L)).dtype());
      assertEquals(DType.FLOAT32, fake(t.call("aten.add.Tensor", k, 1.5)).dtype());
      assertEquals(DType.FLOAT32, fake(t.call("aten.clamp.default", k, 0.5)).dtype());
      assertEquals(DType.BOOL, fake(t.call("aten.logical_not.default", k)).dtype());
    }
  }
}
