package symtrace.tracer.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static symtrace.tracer.ops.OpTesting.ints;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.FakeTensor;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorError;

/**
 * Reductions, scans and softmaxes: ATen's dtype rules, dims (negative, repeated, none meaning
 * all, keepdim), NaN and tie rules, errors with PyTorch's texts, and meta sizes on symbolic
 * inputs. Values are worked out by hand from PyTorch's semantics.
 */
class ReductionOpsTest {
  private static Tensor f32(long[] sizes, double... values) {
    return Tensor.ofDoubles(DType.FLOAT32, sizes, values);
  }

  private static Tensor i64(long[] sizes, long... values) {
    return Tensor.ofLongs(DType.INT64, sizes, values);
  }

  private static long[] shape(long... sizes) {
    return sizes;
  }

  private static Tensor call(String op, Object... args) {
    try (OpTesting t = OpTesting.real()) {
      return (Tensor) t.call(op, args);
    }
  }

  private static Object callAny(String op, Object... args) {
    try (OpTesting t = OpTesting.real()) {
      return t.call(op, args);
    }
  }

  private static Tensor callKw(String op, List<?> args, Map<String, ?> kwargs) {
    try (OpTesting t = OpTesting.real()) {
      return (Tensor) t.callKw(op, args, kwargs);
    }
  }

  private static TensorError error(String op, Object... args) {
    return assertThrows(TensorError.class, () -> callAny(op, args));
  }

  @Test
  void sumsOfBoolsAndIntegersAreInt64() {
    Tensor b = Tensor.ofBools(DType.BOOL, shape(3), true, false, true);
    Tensor s = call("aten.sum.default", b);
    assertEquals(DType.INT64, s.dtype());
    assertEquals(2, s.itemLong());
    Tensor i = Tensor.ofLongs(DType.INT32, shape(2), 1, 2);
    assertEquals(DType.INT64, call("aten.sum.dim_IntList", i, ints(0)).dtype());
    assertEquals(DType.INT64, call("aten.prod.default", b).dtype());
    assertEquals(0, call("aten.prod.default", b).itemLong());
    Tensor asFloat = callKw("aten.sum.default", List.of(i), Map.of("dtype", DType.FLOAT64));
    assertEquals(DType.FLOAT64, asFloat.dtype());
    assertEquals(3.0, asFloat.itemDouble());
  }

  @Test
  void integerSumsWrapAsInt64() {
    Tensor t = i64(shape(2), Long.MAX_VALUE, 1);
    assertEquals(Long.MIN_VALUE, call("aten.sum.default", t).itemLong());
  }

  @Test
  void anEmptyDimListReducesEverything() {
    Tensor x = f32(shape(2, 3), 1, 2, 3, 4, 5, 6);
    Tensor all = call("aten.sum.dim_IntList", x, ints());
    assertEquals(0, all.dim());
    assertEquals(21.0, all.itemDouble());
    Tensor kept = call("aten.sum.dim_IntList", x, ints(), true);
    assertArrayEquals(shape(1, 1), kept.sizes());
    assertArrayEquals(shape(1, 1), call("aten.argmax.default", x, null, true).sizes());
    Tensor none = call("aten.sum.dim_IntList", x, null);
    assertEquals(21.0, none.itemDouble());
  }

  @Test
  void negativeDimsCountFromTheEndAndKeepdimKeepsOnes() {
    Tensor x = f32(shape(2, 3), 1, 2, 3, 4, 5, 6);
    Tensor m = call("aten.mean.dim", x, ints(-1), true);
    assertArrayEquals(shape(2, 1), m.sizes());
    assertArrayEquals(new double[] {2, 5}, m.toDoubleArray());
    Tensor p = call("aten.prod.dim_int", x, -2L);
    assertArrayEquals(new double[] {4, 10, 18}, p.toDoubleArray());
    Tensor a = call("aten.amin.default", x, ints(0, -1), true);
    assertArrayEquals(shape(1, 1), a.sizes());
    assertEquals(1.0, a.itemDouble());
  }

  @Test
  void repeatedAndOutOfRangeDimsAreErrors() {
    Tensor x = f32(shape(2, 3, 4), new double[24]);
    assertEquals("dim 1 appears multiple times in the list of dims",
        error("aten.sum.dim_IntList", x, ints(1, -2)).getMessage());
    TensorError range = error("aten.sum.dim_IntList", x, ints(3));
    assertEquals(TensorError.PythonType.INDEX_ERROR, range.pythonType());
    assertEquals("Dimension out of range (expected to be in range of [-3, 2], but got 3)",
        range.getMessage());
  }

  @Test
  void aMeanOfIntegersIsAnError() {
    assertEquals("mean(): could not infer output dtype. Input dtype must be either a floating"
        + " point or complex dtype. Got: Long",
        error("aten.mean.default", i64(shape(2), 1, 2)).getMessage());
    TensorError requested = assertThrows(TensorError.class, () -> callKw("aten.mean.dim",
        List.of(f32(shape(2), 1, 2), ints(0)), Map.of("dtype", DType.INT32)));
    assertEquals("mean(): could not infer output dtype. Optional dtype must be either a floating"
        + " point or complex dtype. Got: Int", requested.getMessage());
  }

  @Test
  void emptyReductionsHaveTheirIdentities() {
    Tensor empty = f32(shape(2, 0));
    assertArrayEquals(new double[] {0, 0},
        call("aten.sum.dim_IntList", empty, ints(1)).toDoubleArray());
    assertArrayEquals(new double[] {1, 1},
        call("aten.prod.dim_int", empty, 1L).toDoubleArray());
    assertTrue(Double.isNaN(call("aten.mean.default", empty).itemDouble()));
    assertTrue(call("aten.all.default", empty).itemBool());
    assertArrayEquals(shape(0), call("aten.amax.default", empty, ints(0)).sizes());
  }

  @Test
  void reductionsWithoutIdentityRejectEmptyDims() {
    Tensor empty = f32(shape(2, 0));
    TensorError dim = error("aten.amax.default", empty, ints(1));
    assertEquals(TensorError.PythonType.INDEX_ERROR, dim.pythonType());
    assertEquals("amax(): Expected reduction dim 1 to have non-zero size.", dim.getMessage());
    assertEquals("amin(): Expected reduction dim to be specified for input.numel() == 0."
        + " Specify the reduction dim with the 'dim' argument.",
        error("aten.amin.default", empty, ints()).getMessage());
    assertEquals("max(): Expected reduction dim to be specified for input.numel() == 0."
        + " Specify the reduction dim with the 'dim' argument.",
        error("aten.max.default", empty).getMessage());
    assertEquals("argmax(): Expected reduction dim to be specified for input.numel() == 0.",
        error("aten.argmax.default", empty).getMessage());
    // max.dim wraps the dim before checking it
    assertEquals("min(): Expected reduction dim 1 to have non-zero size.",
        error("aten.min.dim", empty, -1L).getMessage());
  }

  @Test
  void nanPropagatesThroughMaxAndArgmaxFindsTheFirstNan() {
    Tensor x = f32(shape(2, 3), 1, Double.NaN, 3, 5, 5, 2);
    assertArrayEquals(new double[] {Double.NaN, 5},
        call("aten.amax.default", x, ints(1)).toDoubleArray());
    assertArrayEquals(new long[] {1, 0}, call("aten.argmax.default", x, 1L).toLongArray());
    List<?> min = (List<?>) callAny("aten.min.dim", x, 1L);
    assertArrayEquals(new double[] {Double.NaN, 2}, ((Tensor) min.get(0)).toDoubleArray());
    assertArrayEquals(new long[] {1, 2}, ((Tensor) min.get(1)).toLongArray());
    assertEquals(1, call("aten.argmax.default", x).itemLong());
    assertTrue(Double.isNaN(call("aten.max.default", x).itemDouble()));
  }

  @Test
  void tiesGoToTheFirstOccurrence() {
    Tensor x = i64(shape(2, 3), 4, 7, 7, 1, 1, 0);
    assertArrayEquals(new long[] {1, 0}, call("aten.argmax.default", x, 1L).toLongArray());
    assertArrayEquals(new long[] {0, 2}, call("aten.argmin.default", x, 1L).toLongArray());
    assertArrayEquals(new long[] {1, 1, 1},
        call("aten.argmin.default", x, 0L).toLongArray());
    List<?> max = (List<?>) callAny("aten.max.dim", x, 1L, true);
    assertArrayEquals(shape(2, 1), ((Tensor) max.get(0)).sizes());
    assertArrayEquals(new long[] {1, 0}, ((Tensor) max.get(1)).toLongArray());
    assertEquals("\"argmax_cpu\" not implemented for 'Bool'", error("aten.argmax.default",
        Tensor.ofBools(DType.BOOL, shape(2), true, false)).getMessage());
  }

  @Test
  void allAndAnyAreBoolAndNanIsTrue() {
    Tensor x = f32(shape(2, 2), 0, Double.NaN, 1, 2);
    Tensor any = call("aten.any.dim", x, 1L);
    assertEquals(DType.BOOL, any.dtype());
    assertArrayEquals(new boolean[] {true, true}, any.toBoolArray());
    assertArrayEquals(new boolean[] {false, true},
        call("aten.all.dim", x, 1L, false).toBoolArray());
    assertTrue(!call("aten.all.default", x).itemBool());
  }

  @Test
  void varianceUsesBesselsCorrection() {
    Tensor x = f32(shape(4), 1, 2, 3, 4);
    assertEquals(5.0 / 3, call("aten.var.correction", x).itemDouble(), 1e-6);
    assertEquals(1.25, callKw("aten.var.correction", List.of(x),
        Map.of("correction", 0L)).itemDouble(), 1e-6);
    assertEquals(Math.sqrt(5.0 / 3), call("aten.std.correction", x).itemDouble(), 1e-6);
    Tensor beyond = callKw("aten.var.correction", List.of(f32(shape(2), 1, 2)),
        Map.of("correction", 2L));
    assertEquals(Double.POSITIVE_INFINITY, beyond.itemDouble());
    assertEquals("std and var only support floating point and complex dtypes",
        error("aten.std.correction", i64(shape(2), 1, 2)).getMessage());
  }

  @Test
  void cumsumPromotesIntegersAndKeepsTheShape() {
    Tensor b = Tensor.ofBools(DType.BOOL, shape(2, 2), true, true, false, true);
    Tensor c = call("aten.cumsum.default", b, -1L);
    assertEquals(DType.INT64, c.dtype());
    assertArrayEquals(new long[] {1, 2, 0, 1}, c.toLongArray());
    Tensor x = f32(shape(2, 2), 1, 2, 3, 4);
    assertArrayEquals(new double[] {1, 2, 4, 6},
        call("aten.cumsum.default", x, 0L).toDoubleArray());
    Tensor scalar = call("aten.cumsum.default", Tensor.scalar(DType.FLOAT32, 2.5), 0L);
    assertEquals(0, scalar.dim());
    assertEquals(2.5, scalar.itemDouble());
  }

  @Test
  void softmaxIsStableAndOnlyForFloats() {
    Tensor x = f32(shape(2), 1000, 0);
    assertArrayEquals(new double[] {0, -1000},
        call("aten._log_softmax.default", x, 0L, false).toDoubleArray());
    Tensor p = call("aten._softmax.default", f32(shape(2, 2), 0, 0, 1, 1), 1L, false);
    assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.5}, p.toDoubleArray());
    assertEquals("\"softmax_lastdim_kernel_impl\" not implemented for 'Long'",
        error("aten._softmax.default", i64(shape(2), 1, 2), -1L, false).getMessage());
    assertEquals("\"log_softmax_kernel_impl\" not implemented for 'Long'",
        error("aten._log_softmax.default", i64(shape(2, 1), 1, 2), 0L, false).getMessage());
    assertEquals("softmax with half to float conversion is not supported on CPU",
        error("aten._softmax.default", x, 0L, true).getMessage());
  }

  @Test
  void softmaxIntPassesTheDimUnchanged() {
    try (OpHarness h = OpHarness.symbolic()) {
      FakeTensor x = h.input(DType.FLOAT32, 4, 7);
      h.call("aten.softmax.int", x, -1L);
      h.call("aten.log_softmax.int", x, 0L, DType.FLOAT32);
      assertEquals(List.of("_softmax.default", "_log_softmax.default"), h.calls());
    }
  }

  @Test
  void metaSizesAreSymbolicAndRecordNoGuards() {
    try (OpTesting t = OpTesting.symbolic()) {
      FakeTensor x = t.input(DType.FLOAT32, 3, 5, 4);
      String s0 = x.symSize(0).toString();
      String s1 = x.symSize(1).toString();
      String s2 = x.symSize(2).toString();
      FakeTensor kept = (FakeTensor) t.call("aten.sum.dim_IntList", x, ints(1), true);
      assertEquals("[" + s0 + ", 1, " + s2 + "]", OpTesting.sizes(kept));
      assertEquals("[" + s1 + "]", OpTesting.sizes(
          (FakeTensor) t.call("aten.amax.default", x, ints(0, -1))));
      FakeTensor arg = (FakeTensor) t.call("aten.argmax.default", x, 1L);
      assertEquals(DType.INT64, arg.dtype());
      assertEquals("[" + s0 + ", " + s2 + "]", OpTesting.sizes(arg));
      List<?> max = (List<?>) t.call("aten.max.dim", x, 2L);
      assertEquals(DType.INT64, ((FakeTensor) max.get(1)).dtype());
      assertEquals("[" + s0 + ", " + s1 + "]", OpTesting.sizes((FakeTensor) max.get(0)));
      assertEquals("[]", OpTesting.sizes((FakeTensor) t.call("aten.std.correction", x)));
      assertEquals(DType.BOOL, ((FakeTensor) t.call("aten.any.dim", x, 0L)).dtype());
      assertEquals(DType.INT64,
          ((FakeTensor) t.call("aten.cumsum.default", t.input(DType.INT32, 3), 0L)).dtype());
      assertEquals("[" + s0 + ", " + s1 + ", " + s2 + "]",
          OpTesting.sizes((FakeTensor) t.call("aten._softmax.default", x, -1L, false)));
      assertEquals(List.of(), t.guards());
    }
  }
}
