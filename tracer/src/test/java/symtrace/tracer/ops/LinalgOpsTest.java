package symtrace.tracer.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.FakeTensor;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorError;

/**
 * Matrix products (values, dtypes, PyTorch's errors, symbolic sizes and the guard a contraction
 * of two symbols records) and the paths of the {@code matmul}, {@code linear} and {@code einsum}
 * decompositions that the conformance programs do not take.
 */
class LinalgOpsTest {
  private static Tensor f32(long[] sizes, double... values) {
    return Tensor.ofDoubles(DType.FLOAT32, sizes, values);
  }

  private static long[] shape(long... sizes) {
    return sizes;
  }

  private static Tensor ramp(long... sizes) {
    return OpTesting.data(DType.FLOAT32, 0, sizes);
  }

  private static Object real(String op, Object... args) {
    try (OpHarness h = OpHarness.real()) {
      return h.call(op, args);
    }
  }

  private static String error(String op, Object... args) {
    return assertThrows(TensorError.class, () -> real(op, args)).getMessage();
  }

  @Test
  void productsMultiplyRowsByColumns() {
    Tensor a = f32(shape(2, 2), 1, 2, 3, 4);
    Tensor b = f32(shape(2, 2), 5, 6, 7, 8);
    assertArrayEquals(new double[] {19, 22, 43, 50},
        ((Tensor) real("aten.mm.default", a, b)).toDoubleArray());
    Tensor ints = Tensor.ofLongs(DType.INT64, shape(1, 2), 3, 4);
    Tensor col = Tensor.ofLongs(DType.INT64, shape(2, 1), 5, 6);
    Tensor p = (Tensor) real("aten.mm.default", ints, col);
    assertEquals(DType.INT64, p.dtype());
    assertEquals(39, p.itemLong());
    assertEquals(62.0, ((Tensor) real("aten.dot.default", f32(shape(3), 1, 2, 3),
        f32(shape(3), 4, 5, 16))).itemDouble());
    assertArrayEquals(new double[] {5, 11}, ((Tensor) real("aten.mv.default", a,
        f32(shape(2), 1, 2))).toDoubleArray());
    Tensor batched = (Tensor) real("aten.bmm.default", ramp(3, 2, 4), ramp(3, 4, 5));
    assertArrayEquals(shape(3, 2, 5), batched.sizes());
  }

  @Test
  void addmmScalesAndBroadcastsSelf() {
    Tensor m1 = f32(shape(2, 2), 1, 2, 3, 4);
    Tensor eye = f32(shape(2, 2), 1, 0, 0, 1);
    try (OpHarness h = OpHarness.real()) {
      Tensor out = (Tensor) h.callKw("aten.addmm.default", List.of(f32(shape(2), 10, 20), m1,
          eye), Map.of("beta", 0.5, "alpha", 2L));
      assertArrayEquals(new double[] {7, 14, 11, 18}, out.toDoubleArray());
      // beta == 0: self is not read, so its NaN does not propagate
      Tensor ignored = (Tensor) h.callKw("aten.addmm.default", List.of(
          f32(shape(1), Double.NaN), m1, eye), Map.of("beta", 0L));
      assertArrayEquals(new double[] {1, 2, 3, 4}, ignored.toDoubleArray());
      Tensor ints = Tensor.ofLongs(DType.INT64, shape(1, 1), 2);
      assertEquals("For integral input tensors, argument alpha must not be a floating point"
          + " number.", assertThrows(TensorError.class, () -> h.callKw("aten.addmm.default",
              List.of(ints, ints, ints), Map.of("alpha", 0.5))).getMessage());
    }
  }

  @Test
  void shapeAndDtypeErrorsAreATensText() {
    assertEquals("mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)",
        error("aten.mm.default", ramp(2, 3), ramp(4, 5)));
    assertEquals("self must be a matrix", error("aten.mm.default", ramp(3), ramp(3, 2)));
    assertEquals("expected m1 and m2 to have the same dtype, but got: float != double",
        error("aten.mm.default", ramp(2, 2), ramp(2, 2).to(DType.FLOAT64)));
    assertEquals("\"addmm_impl_cpu_\" not implemented for 'Bool'",
        error("aten.mm.default", Tensor.zeros(DType.BOOL, 2, 2), Tensor.zeros(DType.BOOL, 2, 2)));
    assertEquals("batch1 must be a 3D tensor", error("aten.bmm.default", ramp(2, 2),
        ramp(1, 2, 2)));
    assertEquals("Expected size for first two dimensions of batch2 tensor to be: [2, 3] but"
        + " got: [2, 4].", error("aten.bmm.default", ramp(2, 5, 3), ramp(2, 4, 1)));
    assertEquals("mat1 must be a matrix, got 1-D tensor",
        error("aten.addmm.default", ramp(2), ramp(2), ramp(2, 2)));
    assertTrue(error("aten.addmm.default", ramp(3), ramp(3, 2), ramp(2, 5))
        .startsWith("The expanded size of the tensor (5) must match the existing size (3)"));
    assertEquals("1D tensors expected, but got 2D and 1D tensors",
        error("aten.dot.default", ramp(1, 2), ramp(2)));
    assertEquals("inconsistent tensor size, expected tensor [3] and src [4] to have the same"
        + " number of elements, but got 3 and 4 elements respectively",
        error("aten.dot.default", ramp(3), ramp(4)));
    assertEquals("size mismatch, got input (2x3), vec (4)",
        error("aten.mv.default", ramp(2, 3), ramp(4)));
    assertEquals("both arguments to matmul need to be at least 1D, but they are 0D and 2D",
        error("aten.matmul.default", Tensor.scalar(DType.FLOAT32, 1), ramp(2, 2)));
    assertEquals("both arguments to linear need to be at least 1D, but they are 0D and 2D",
        error("aten.linear.default", Tensor.scalar(DType.FLOAT32, 1), ramp(2, 2)));
  }

  @Test
  void symbolicProductsGuardOnlyWhatDuckSizingLeavesOpen() {
    try (OpTesting t = OpTesting.symbolic()) {
      FakeTensor a = t.input(DType.FLOAT32, 3, 4);
      FakeTensor b = t.input(DType.FLOAT32, 4, 5);
      FakeTensor out = (FakeTensor) t.call("aten.mm.default", a, b);
      assertEquals("[" + a.symSize(0) + ", " + b.symSize(1) + "]", OpTesting.sizes(out));
      assertEquals(List.of(), t.guards());
      // distinct sizes are distinct symbols: the contraction fails at the hints, with a guard
      FakeTensor c = t.input(DType.FLOAT32, 5, 6);
      FakeTensor d = t.input(DType.FLOAT32, 7, 2);
      TensorError e = assertThrows(TensorError.class, () -> t.call("aten.mm.default", c, d));
      assertEquals("mat1 and mat2 shapes cannot be multiplied (" + c.symSize(0) + "x"
          + c.symSize(1) + " and " + d.symSize(0) + "x" + d.symSize(1) + ")", e.getMessage());
      assertEquals(1, t.guards().size());
      String guard = t.guards().get(0);
      assertTrue(guard.startsWith("Ne(") && guard.contains(c.symSize(1).toString())
          && guard.contains(d.symSize(0).toString()), guard);
    }
  }

  @Test
  void matmulOfVectorsUsesDotMvAndMm() {
    try (OpHarness h = OpHarness.symbolic()) {
      FakeTensor v = h.input(DType.FLOAT32, 4);
      FakeTensor m = h.input(DType.FLOAT32, 4, 3);
      FakeTensor n = h.input(DType.FLOAT32, 3, 4);
      assertEquals("[]", OpTesting.sizes((FakeTensor) h.call("aten.matmul.default", v, v)));
      assertEquals("[" + n.symSize(0) + "]",
          OpTesting.sizes((FakeTensor) h.call("aten.matmul.default", n, v)));
      assertEquals("[" + m.symSize(1) + "]",
          OpTesting.sizes((FakeTensor) h.call("aten.matmul.default", v, m)));
      assertEquals(List.of("dot.default", "mv.default", "unsqueeze.default", "mm.default",
          "squeeze.dim"), h.calls());
    }
    Tensor row = f32(shape(2), 1, 2);
    Tensor m = f32(shape(2, 2), 1, 2, 3, 4);
    assertArrayEquals(new double[] {7, 10},
        ((Tensor) real("aten.matmul.default", row, m)).toDoubleArray());
  }

  @Test
  void matmulFoldsAStackTimesAVectorAndBroadcastsBatches() {
    try (OpHarness h = OpHarness.symbolic()) {
      h.call("aten.matmul.default", h.input(DType.FLOAT32, 2, 3, 4),
          h.input(DType.FLOAT32, 4));
      assertEquals(List.of("view.default", "mv.default", "_unsafe_view.default"), h.calls());
    }
    try (OpHarness h = OpHarness.symbolic()) {
      // a matrix times a stack is not folded: the matrix would need a copy back
      FakeTensor out = (FakeTensor) h.call("aten.matmul.default",
          h.input(DType.FLOAT32, 3, 4), h.input(DType.FLOAT32, 2, 4, 5));
      assertEquals(3, out.dim());
      assertEquals(List.of("expand.default", "view.default", "expand.default", "view.default",
          "bmm.default", "view.default"), h.calls());
    }
    try (OpHarness h = OpHarness.real()) {
      // ATen's C++ matmul, without the Python dispatcher, ends with _unsafe_view
      h.call("aten.matmul.default", ramp(3, 4), ramp(2, 4, 5));
      assertEquals(List.of("expand.default", "view.default", "expand.default", "view.default",
          "bmm.default", "_unsafe_view.default"), h.calls());
    }
    Tensor a = ramp(2, 1, 3, 4);
    Tensor b = ramp(5, 4, 6);
    Tensor out = (Tensor) real("aten.matmul.default", a, b);
    assertArrayEquals(shape(2, 5, 3, 6), out.sizes());
    Tensor slice = (Tensor) real("aten.mm.default", a.select(0, 1).select(0, 0),
        b.select(0, 3));
    assertArrayEquals(slice.toDoubleArray(), out.select(0, 1).select(0, 3).toDoubleArray());
    assertEquals("Shape mismatch: objects cannot be broadcast to a single shape",
        error("aten.matmul.default", ramp(2, 3, 4), ramp(3, 4, 5)));
  }

  @Test
  void linearOfAVectorWithBiasIsFlattenedToOneAddmm() {
    try (OpHarness h = OpHarness.symbolic()) {
      FakeTensor out = (FakeTensor) h.call("aten.linear.default", h.input(DType.FLOAT32, 8),
          h.input(DType.FLOAT32, 6, 8), h.input(DType.FLOAT32, 6));
      assertEquals(1, out.dim());
      assertEquals(List.of("view.default", "t.default", "addmm.default", "view.default"),
          h.calls());
    }
    try (OpHarness h = OpHarness.symbolic()) {
      h.call("aten.linear.default", h.input(DType.FLOAT32, 3, 8), h.input(DType.FLOAT32, 6, 8));
      assertEquals(List.of("t.default", "mm.default"), h.calls());
    }
    Tensor x = f32(shape(2), 1, 2);
    Tensor w = f32(shape(2, 2), 1, 0, 1, 1);
    Tensor out = (Tensor) real("aten.linear.default", x, w, f32(shape(2), 10, 20));
    assertArrayEquals(new double[] {11, 23}, out.toDoubleArray());
  }

  @Test
  void einsumHandlesEllipsisImplicitOutputAndOuterProducts() {
    Tensor a = ramp(2, 3, 4);
    Tensor b = ramp(2, 4, 5);
    Tensor bmm = (Tensor) real("aten.bmm.default", a, b);
    assertArrayEquals(bmm.toDoubleArray(), ((Tensor) real("aten.einsum.default",
        "...ij,...jk->...ik", List.of(a, b))).toDoubleArray());
    Tensor m = ramp(3, 4);
    Tensor n = ramp(4, 2);
    assertArrayEquals(((Tensor) real("aten.mm.default", m, n)).toDoubleArray(),
        ((Tensor) real("aten.einsum.default", "ij,jk", List.of(m, n))).toDoubleArray());
    Tensor outer = (Tensor) real("aten.einsum.default", "i,j->ij",
        List.of(f32(shape(2), 1, 2), f32(shape(3), 1, 10, 100)));
    assertArrayEquals(new double[] {1, 10, 100, 2, 20, 200}, outer.toDoubleArray());
    assertArrayEquals(new double[] {6, 15}, ((Tensor) real("aten.einsum.default", "ij->i",
        List.of(f32(shape(2, 3), 1, 2, 3, 4, 5, 6)))).toDoubleArray());
  }

  @Test
  void einsumErrorsAreATensText() {
    assertEquals("einsum(): the number of subscripts in the equation (2) does not match the"
        + " number of dimensions (3) for operand 0 and no ellipsis was given",
        error("aten.einsum.default", "ij->i", List.of(ramp(2, 3, 4))));
    assertEquals("einsum(): output subscript q does not appear in the equation for any input"
        + " operand", error("aten.einsum.default", "ij->q", List.of(ramp(2, 3))));
    assertEquals("einsum(): more operands were provided than specified in the equation",
        error("aten.einsum.default", "ij", List.of(ramp(2, 3), ramp(2, 3))));
    assertEquals("einsum(): subscript j has size 4 for operand 1 which does not broadcast with"
        + " previously seen size 3",
        error("aten.einsum.default", "ij,jk->ik", List.of(ramp(2, 3), ramp(4, 5))));
    assertEquals("einsum(): invalid subscript given at index 1 in the equation string,"
        + " subscripts must be in [a-zA-Z]",
        error("aten.einsum.default", "i1->i", List.of(ramp(2, 3))));
  }
}
