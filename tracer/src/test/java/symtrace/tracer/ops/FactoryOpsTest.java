package symtrace.tracer.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static symtrace.tracer.ops.OpTesting.ints;
import static symtrace.tracer.tensor.Tensors.assertLayout;
import static symtrace.tracer.tensor.Tensors.assertRuntimeError;
import static symtrace.tracer.tensor.Tensors.assertValues;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.dispatch.FakeMode;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.FakeTensor;
import symtrace.tracer.tensor.Geometry;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.Tensors;

/** Factories on the CPU, under the fake mode, and with symbolic sizes. */
class FactoryOpsTest {
  private final OpTesting real = OpTesting.real();

  private Tensor call(String name, List<?> args, Map<String, ?> kwargs) {
    return (Tensor) real.callKw("aten." + name, args, kwargs);
  }

  @Test
  void factoriesOfSizesAreTaggedAndDefaultToFloat32() {
    OpRegistry registry = OpRegistry.standard();
    for (String name : List.of("empty.memory_format", "empty_strided", "zeros", "ones", "full",
        "scalar_tensor", "arange", "arange.start", "arange.start_step")) {
      assertTrue(registry.get("aten." + name).hasTag(Tag.FACTORY), name);
    }
    assertTrue(!registry.get("aten.zeros_like").hasTag(Tag.FACTORY));
    Tensor z = call("zeros.default", List.of(ints(2, 3)), Map.of());
    assertEquals(DType.FLOAT32, z.dtype());
    assertLayout(z, new long[] {2, 3}, new long[] {3, 1}, 0);
    assertValues(z, 0, 0, 0, 0, 0, 0);
    Tensor o = call("ones.default", List.of(ints(2)), Map.of("dtype", DType.INT32));
    assertArrayEquals(new long[] {1, 1}, o.toLongArray());
    assertEquals(DType.INT32, o.dtype());
    Tensor e = call("empty_strided.default", List.of(ints(2, 3), ints(1, 2)), Map.of());
    assertLayout(e, new long[] {2, 3}, new long[] {1, 2}, 0);
  }

  @Test
  void fullInfersItsDtypeFromTheFillValue() {
    Tensor f = call("full.default", List.of(ints(2), 2.5), Map.of());
    assertEquals(DType.FLOAT32, f.dtype());
    assertValues(f, 2.5, 2.5);
    assertEquals(DType.INT64, call("full.default", List.of(ints(2), 3L), Map.of()).dtype());
    assertEquals(DType.BOOL, call("full.default", List.of(ints(2), true), Map.of()).dtype());
    Tensor d = call("full.default", List.of(ints(1), 7L), Map.of("dtype", DType.FLOAT64));
    assertEquals(DType.FLOAT64, d.dtype());
    Tensor s = call("scalar_tensor.default", List.of(3L), Map.of());
    assertEquals(DType.FLOAT32, s.dtype());
    assertEquals(0, s.dim());
    assertEquals(3.0, s.itemDouble());
  }

  @Test
  void arangeFollowsPyTorchsDtypeAndLength() {
    Tensor a = call("arange.default", List.of(5L), Map.of());
    assertEquals(DType.INT64, a.dtype());
    assertArrayEquals(new long[] {0, 1, 2, 3, 4}, a.toLongArray());
    assertArrayEquals(new long[] {10, 7, 4, 1},
        call("arange.start_step", List.of(10L, 0L, -3L), Map.of()).toLongArray());
    assertArrayEquals(new long[] {0, 3, 6, 9},
        call("arange.start_step", List.of(0L, 10L, 3L), Map.of()).toLongArray());
    Tensor f = call("arange.start_step", List.of(0L, 1L, 0.25), Map.of());
    assertEquals(DType.FLOAT32, f.dtype());
    assertValues(f, 0, 0.25, 0.5, 0.75);
    assertValues(call("arange.start", List.of(0.5, 3L), Map.of()), 0.5, 1.5, 2.5);
    assertEquals(10, call("arange.start_step", List.of(0L, 1L, 0.1), Map.of()).numel());
    // an int64 arange truncates float bounds first: arange(2.5, dtype=torch.int64) is [0, 1]
    assertArrayEquals(new long[] {0, 1},
        call("arange.default", List.of(2.5), Map.of("dtype", DType.INT64)).toLongArray());
    Tensor asFloat = call("arange.default", List.of(3L), Map.of("dtype", DType.FLOAT32));
    assertValues(asFloat, 0, 1, 2);
    assertRuntimeError("step must be nonzero",
        () -> call("arange.start_step", List.of(0L, 3L, 0L), Map.of()));
    assertRuntimeError("upper bound and lower bound inconsistent with step sign",
        () -> call("arange.start", List.of(0L, -1L), Map.of()));
    assertRuntimeError("unsupported range: 0 -> inf",
        () -> call("arange.start", List.of(0L, Double.POSITIVE_INFINITY), Map.of()));
  }

  @Test
  void likeFactoriesPreserveADenseLayoutAndNewFactoriesTakeTheDtype() {
    Tensor xt = Tensors.arange(DType.INT64, 2, 3).t();
    Tensor ones = call("ones_like.default", List.of(xt), Map.of());
    assertLayout(ones, new long[] {3, 2}, new long[] {1, 3}, 0);
    assertEquals(DType.INT64, ones.dtype());
    Tensor contiguous = call("zeros_like.default", List.of(xt),
        Map.of("memory_format", "torch.contiguous_format", "dtype", DType.FLOAT32));
    assertLayout(contiguous, new long[] {3, 2}, new long[] {2, 1}, 0);
    Tensor full = call("full_like.default", List.of(xt, 2.5), Map.of());
    assertArrayEquals(new long[] {2, 2, 2, 2, 2, 2}, full.toLongArray());
    Tensor sliced = Tensors.arange(DType.FLOAT32, 3, 4).t().slice(0, 0L, null, 2);
    assertLayout(call("empty_like.default", List.of(sliced), Map.of()), new long[] {2, 3},
        new long[] {1, 2}, 0);
    Tensor nz = call("new_zeros.default", List.of(xt, ints(4)), Map.of());
    assertEquals(DType.INT64, nz.dtype());
    assertArrayEquals(new long[] {0, 0, 0, 0}, nz.toLongArray());
    Tensor nf = call("new_full.default", List.of(xt, ints(2), 1.5),
        Map.of("dtype", DType.FLOAT64));
    assertValues(nf, 1.5, 1.5);
    assertArrayEquals(new long[] {1},
        call("new_ones.default", List.of(xt, ints(1)), Map.of()).toLongArray());
    assertLayout(call("new_empty_strided.default", List.of(xt, ints(2, 2), ints(1, 2)), Map.of()),
        new long[] {2, 2}, new long[] {1, 2}, 0);
  }

  @Test
  void negativeSizesArePyTorchsError() {
    assertRuntimeError("Trying to create tensor with negative dimension -1: [-1, 3]",
        () -> call("zeros.default", List.of(ints(-1, 3)), Map.of()));
  }

  @Test
  void underTheFakeModeFactoriesMakeFakeTensors() {
    try (OpTesting t = OpTesting.symbolic()) {
      Object z = t.callKw("aten.zeros.default", List.of(ints(2, 3)), Map.of("dtype", DType.INT64));
      FakeTensor f = assertInstanceOf(FakeTensor.class, z);
      assertEquals("[2, 3]", OpTesting.sizes(f));
      assertEquals(DType.INT64, f.dtype());
    }
  }

  @Test
  void symbolicSizesFlowIntoFactories() {
    // conformance factories: zeros(n, m), full((n, 1), 2.5), arange(m), arange(n, dtype=float)
    try (OpTesting t = OpTesting.symbolic()) {
      FakeTensor x = t.input(DType.FLOAT32, 4, 6);
      SymInt n = x.symSize(0);
      SymInt m = x.symSize(1);
      FakeTensor zeros = (FakeTensor) t.call("aten.zeros.default", List.of(n, m));
      assertEquals(OpTesting.sizes(x), OpTesting.sizes(zeros));
      assertEquals(x.symStrides().toString(), zeros.symStrides().toString());
      FakeTensor full = (FakeTensor) t.call("aten.full.default", List.of(n, 1L), 2.5);
      assertEquals("[" + n + ", 1]", OpTesting.sizes(full));
      FakeTensor a = (FakeTensor) t.call("aten.arange.default", m);
      assertEquals(DType.INT64, a.dtype());
      assertEquals("[" + m + "]", OpTesting.sizes(a));
      FakeTensor af = (FakeTensor) t.callKw("aten.arange.default", List.of(n),
          Map.of("dtype", DType.FLOAT32));
      assertEquals(DType.FLOAT32, af.dtype());
      assertEquals("[" + n + "]", OpTesting.sizes(af));
      // (m - 0 + 2 - 1) // 2, ceil((m - 0.5) / 1)
      FakeTensor stepped = (FakeTensor) t.call("aten.arange.start_step", 0L, m, 2L);
      assertEquals(3L, stepped.symSize(0).hint());
      FakeTensor fromHalf = (FakeTensor) t.call("aten.arange.start", 0.5, m);
      assertEquals(DType.FLOAT32, fromHalf.dtype());
      assertEquals(6L, fromHalf.symSize(0).hint());
      assertTrue(!fromHalf.symSize(0).isConstant());
      FakeTensor like = (FakeTensor) t.callKw("aten.ones_like.default", List.of(x),
          Map.of("dtype", DType.INT64));
      assertEquals(OpTesting.sizes(x), OpTesting.sizes(like));
      FakeTensor empty = (FakeTensor) t.call("aten.empty.memory_format", List.of(m));
      assertEquals("[" + m + "]", OpTesting.sizes(empty));
      assertEquals(List.of(), t.guards());
    }
  }

  @Test
  void unbackedSizesAreAllowed() {
    try (OpTesting t = OpTesting.symbolic()) {
      SymInt u0 = t.env().createUnbackedSymInt();
      FakeTensor z = (FakeTensor) t.call("aten.zeros.default", List.of(u0, 4L));
      assertEquals("[" + u0 + ", 4]", OpTesting.sizes(z));
      assertEquals(List.of(), t.guards());
    }
  }

  @Test
  void aFakeModeOverRealTensorsMakesLikeOutputsFake() {
    OpTesting t = OpTesting.real();
    FakeMode mode = new FakeMode(t.ops());
    try (var scope = t.ops().push(mode)) {
      Object out = t.call("aten.zeros_like.default", Tensors.arange(DType.FLOAT32, 2, 2).t());
      FakeTensor f = assertInstanceOf(FakeTensor.class, out);
      assertEquals(Geometry.ints(1, 2).toString(), f.symStrides().toString());
    }
  }
}
