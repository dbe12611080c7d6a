package symtrace.tracer.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static symtrace.tracer.tensor.Tensors.assertLayout;
import static symtrace.tracer.tensor.Tensors.assertValues;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.env.Provenance;
import symtrace.tracer.dispatch.Dispatcher;
import symtrace.tracer.ops.kernels.ElementwiseLayout;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.FakeTensor;
import symtrace.tracer.tensor.Geometry;
import symtrace.tracer.tensor.MemoryFormat;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.Tensors;

/** dtype conversions and copies: values, layouts, aliasing, and how the composites lower. */
class ConversionOpsTest {
  private final OpTesting t = OpTesting.real();

  private Tensor op(String name, Object... args) {
    return (Tensor) t.call("aten." + name, args);
  }

  private static Tensor vec(DType dtype, double... values) {
    return Tensor.ofDoubles(dtype, new long[] {values.length}, values);
  }

  @Test
  void conversionsCastLikeCpp() {
    Tensor x = vec(DType.FLOAT32, 1.7, -1.7, 2.5);
    assertArrayEquals(new long[] {1, -1, 2}, op("to.dtype", x, DType.INT64).toLongArray());
    assertArrayEquals(new boolean[] {false, true, true},
        op("to.dtype", vec(DType.FLOAT32, 0, 0.1, Double.NaN), DType.BOOL).toBoolArray());
    Tensor big = Tensor.ofLongs(DType.INT64, new long[] {1}, 16777217);
    assertValues(op("to.dtype", big, DType.FLOAT32), 16777216);
    assertArrayEquals(new long[] {-2147483648L},
        op("to.dtype", Tensor.ofLongs(DType.INT64, new long[] {1}, 2147483648L), DType.INT32)
            .toLongArray());
    Tensor copy = (Tensor) t.callKw("aten._to_copy.default", List.of(x),
        Map.of("dtype", DType.FLOAT64));
    assertEquals(DType.FLOAT64, copy.dtype());
    assertValues(copy, (float) 1.7, (float) -1.7, 2.5);
  }

  @Test
  void toReturnsSelfWhenNothingChanges() {
    Tensor x = vec(DType.FLOAT32, 1);
    assertSame(x, op("to.dtype", x, DType.FLOAT32));
    assertSame(x, op("to.other", x, vec(DType.FLOAT32, 2)));
    assertSame(x, op("type_as.default", x, vec(DType.FLOAT32, 2)));
    Tensor copied = (Tensor) t.callKw("aten.to.dtype", List.of(x, DType.FLOAT32),
        Map.of("copy", true));
    assertNotSame(x, copied);
    assertFalse(copied.isAliasOf(x));
    assertSame(x, t.callKw("aten.to.dtype", List.of(x, DType.FLOAT32),
        Map.of("memory_format", "torch.contiguous_format")));
  }

  @Test
  void copiesPreserveADenseLayoutUnlessAskedForContiguous() {
    Tensor xt = Tensors.arange(DType.FLOAT32, 2, 3).t();
    Tensor clone = op("clone.default", xt);
    assertLayout(clone, new long[] {3, 2}, new long[] {1, 3}, 0);
    assertFalse(clone.isAliasOf(xt));
    assertValues(clone, 0, 3, 1, 4, 2, 5);
    Tensor contiguous = (Tensor) t.callKw("aten.clone.default", List.of(xt),
        Map.of("memory_format", MemoryFormat.CONTIGUOUS));
    assertLayout(contiguous, new long[] {3, 2}, new long[] {2, 1}, 0);
    assertLayout(op("to.dtype", xt, DType.INT64), new long[] {3, 2}, new long[] {1, 3}, 0);
    Tensor expanded = Tensors.arange(DType.FLOAT32, 3).expand(2, 3);
    assertLayout(op("clone.default", expanded), new long[] {2, 3}, new long[] {3, 1}, 0);
    Tensor fresh = op("lift_fresh_copy.default", xt);
    assertFalse(fresh.isAliasOf(xt));
    assertLayout(fresh, new long[] {3, 2}, new long[] {1, 3}, 0);
  }

  @Test
  void typeAsLowersToOneToCopyWithTheOtherTensorsOptions() {
    // conformance dtype_conversions: m.type_as(x) is
    // _to_copy(m, dtype=torch.float32, layout=torch.strided, device=device(type='cpu'))
    Dispatcher d = Dispatcher.standard();
    List<Args> seen = new ArrayList<>();
    try (var scope = d.push((call, next) -> {
      seen.add(call);
      return next.call(call);
    })) {
      Tensor m = Tensor.ofBools(DType.BOOL, new long[] {2}, true, false);
      Tensor r = (Tensor) d.call("aten.type_as.default", m, vec(DType.FLOAT32, 0));
      assertValues(r, 1, 0);
    }
    assertEquals(1, seen.size());
    Args copy = seen.get(0);
    assertEquals("aten._to_copy.default", copy.op().qualifiedName());
    assertEquals(DType.FLOAT32, copy.get("dtype"));
    assertEquals(Layout.STRIDED, copy.get("layout"));
    assertEquals(Device.CPU, copy.get("device"));
    assertNull(copy.get("pin_memory"));
    assertEquals("torch.strided", Layout.STRIDED.toString());
    assertEquals("device(type='cpu')", Device.CPU.toString());
  }

  @Test
  void toDtypeLowersToToCopyWithTheDtype() {
    // x.float() in PyTorch's graphs: _to_copy.default(x, dtype = torch.float32)
    Dispatcher d = Dispatcher.standard();
    List<Args> seen = new ArrayList<>();
    try (var scope = d.push((call, next) -> {
      seen.add(call);
      return next.call(call);
    })) {
      d.call("aten.to.dtype", Tensor.zeros(DType.INT64, 2), DType.FLOAT32);
      d.call("aten.to.dtype", Tensor.zeros(DType.INT64, 2), DType.INT64);
    }
    assertEquals(1, seen.size());
    assertEquals(DType.FLOAT32, seen.get(0).get("dtype"));
    assertNull(seen.get(0).get("layout"));
    assertNull(seen.get(0).get("memory_format"));
  }

  @Test
  void fakeCopiesKeepSymbolicLayouts() {
    try (OpTesting s = OpTesting.symbolic()) {
      FakeTensor x = s.input(DType.FLOAT32, 3, 4);
      Geometry g = x.geometry();
      FakeTensor xt = x.view(new Geometry(List.of(g.size(1), g.size(0)),
          List.of(g.stride(1), g.stride(0)), g.storageOffset()));
      FakeTensor copy = (FakeTensor) s.call("aten.to.dtype", xt, DType.FLOAT64);
      assertEquals(DType.FLOAT64, copy.dtype());
      assertEquals(xt.symStrides().toString(), copy.symStrides().toString());
      assertFalse(copy.isAliasOf(x));
      FakeTensor contiguous = (FakeTensor) s.callKw("aten.clone.default", List.of(xt),
          Map.of("memory_format", "contiguous_format"));
      assertEquals(true, ElementwiseLayout.predicates(Provenance.of("test")).isContiguousOrFalse(
          contiguous.geometry()));
      assertEquals(List.of(), s.guards());
    }
  }
}
