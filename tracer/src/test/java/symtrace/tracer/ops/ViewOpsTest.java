package symtrace.tracer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static symtrace.tracer.ops.EagerOutputs.assertMatches;
import static symtrace.tracer.ops.EagerOutputs.data;
import static symtrace.tracer.ops.EagerOutputs.symbol;
import static symtrace.tracer.ops.OpTesting.ints;
import static symtrace.tracer.ops.OpTesting.sizes;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.FakeTensor;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorError;

/** The view operators: layouts and values against PyTorch, aliasing, guards and errors. */
class ViewOpsTest {
  private static final DType F32 = DType.FLOAT32;
  /** Python's omitted slice end, {@code sys.maxsize}, as PyTorch's graphs pass it. */
  private static final long END = Long.MAX_VALUE;

  private static Tensor arange(long... sizes) {
    Tensor t = Tensor.zeros(F32, sizes);
    for (long i = 0; i < t.numel(); i++) {
      t.setDoubleFlat(i, i);
    }
    return t;
  }

  private static void assertLayout(Object t, List<Long> sizes, List<Long> strides, long offset) {
    Tensor r = assertInstanceOf(Tensor.class, t);
    assertEquals(sizes, ints(r.sizes()), "sizes");
    assertEquals(strides, ints(r.strides()), "strides");
    assertEquals(offset, r.storageOffset(), "storage offset");
  }

  private static void assertError(TensorError.PythonType type, String message, Executable call) {
    TensorError e = assertThrows(TensorError.class, call);
    assertEquals(message, e.getMessage());
    assertEquals(type, e.pythonType());
  }

  private static void assertRuntimeError(String message, Executable call) {
    assertError(TensorError.PythonType.RUNTIME_ERROR, message, call);
  }

  private static void assertIndexError(String message, Executable call) {
    assertError(TensorError.PythonType.INDEX_ERROR, message, call);
  }

  @Test
  void narrowSelectSliceMatchEagerPyTorch() {
    EagerOutputs expected = EagerOutputs.of("narrow_select_slice");
    for (int i = 0; i < expected.evalCount(); i++) {
      long[] shape = expected.shape(i, "x");
      long n = shape[0];
      try (OpTesting t = OpTesting.real()) {
        Tensor x = data(F32, 0, shape);
        assertMatches(expected.item(i, 0), t.call("aten.slice.Tensor", x, 0L, 1L, n - 1));
        Object rows = t.call("aten.slice.Tensor", x, 0L, 0L, END);
        assertMatches(expected.item(i, 1), t.call("aten.slice.Tensor", rows, 1L, 0L, END, 2L));
        Object half = t.call("aten.slice.Tensor", x, 0L, n / 2, END);
        assertMatches(expected.item(i, 2), t.call("aten.slice.Tensor", half, 1L, 1L, END));
        assertMatches(expected.item(i, 3), t.call("aten.narrow.default", x, 0L, 2L, n - 3));
        assertMatches(expected.item(i, 4),
            t.call("aten.narrow.default", x, 1L, 1L, shape[1] - 2));
        Object unsqueezed = t.call("aten.unsqueeze.default", x, 0L);
        assertMatches(expected.item(i, 6), t.call("aten.select.int", unsqueezed, 2L, 0L));
        assertMatches(expected.item(i, 7), t.call("aten.slice.Tensor", x, 0L, -3L, END));
        assertMatches(expected.item(i, 8),
            t.call("aten.unflatten.int", x, 0L, ints(2, -1)));
      }
    }
  }

  @Test
  void slicingRecordsOnlyThePyTorchGuards() {
    EagerOutputs expected = EagerOutputs.of("narrow_select_slice");
    try (OpTesting t = OpTesting.symbolic()) {
      FakeTensor x = t.input(F32, 8, 6);
      String a = symbol(x, 0);
      String b = symbol(x, 1);
      Object n = x.symSize(0);
      FakeTensor rows = (FakeTensor) t.call("aten.slice.Tensor", x, 0L, 1L, t.ops().sub(n, 1L));
      assertEquals("[" + a + " - 2, " + b + "]", sizes(rows));
      assertEquals(List.of(), t.guards(), "bounds that sizes decide statically guard nothing");
      assertTrue(rows.isAliasOf(x));

      FakeTensor half = (FakeTensor) t.call("aten.slice.Tensor", x, 0L, t.ops().floorDiv(n, 2L),
          END);
      assertEquals(List.of("((" + a + "//2)) <= " + a), t.guards());
      assertEquals("[" + a + " - ((" + a + "//2)), " + b + "]", sizes(half));
      assertEquals(x.symStride(0).toString(), half.symStride(0).toString());

      FakeTensor narrowed = (FakeTensor) t.call("aten.narrow.default", x, 0L, 2L,
          t.ops().sub(n, 3L));
      assertEquals(a + " - 3 >= 0", t.guards().get(1));
      assertEquals("[" + a + " - 3, " + b + "]", sizes(narrowed));
      assertEquals("2*" + b, narrowed.symStorageOffset().toString());

      FakeTensor last = (FakeTensor) t.call("aten.slice.Tensor", x, 0L, -3L, END);
      assertEquals("[3, " + b + "]", sizes(last));
      t.call("aten.select.int", x, 1L, 0L);
      t.call("aten.select.int", x, 1L, -1L);
      FakeTensor u = (FakeTensor) t.call("aten.unflatten.int", x, 0L, ints(2, -1));
      assertEquals("[2, (" + a + "//2), " + b + "]", sizes(u));
      List<String> pytorch = expected.guards(Map.of("s75", a, "s96", b));
      for (String g : t.guards()) {
        assertTrue(pytorch.contains(g), g + " is not among PyTorch's guards " + pytorch);
      }
      assertTrue(t.guards().contains("Eq(" + a + ", 2) | Eq(Mod(" + a + ", 2), 0)"),
          "unflatten's infer_size tests one condition: " + t.guards());
    }
  }

  @Test
  void sliceClampsBoundsLikePython() {
    try (OpTesting t = OpTesting.real()) {
      Tensor x = arange(5, 2);
      assertLayout(t.call("aten.slice.Tensor", x, 0L, -10L, 2L), ints(2, 2), ints(2, 1), 0);
      assertLayout(t.call("aten.slice.Tensor", x, 0L, 3L, 1L), ints(0, 2), ints(2, 1), 6);
      assertLayout(t.call("aten.slice.Tensor", x, 0L, 7L, END), ints(0, 2), ints(2, 1), 10);
      assertLayout(t.call("aten.slice.Tensor", x, 0L, 1L, -1L, 2L), ints(2, 2), ints(4, 1), 2);
      assertLayout(t.call("aten.slice.Tensor", x, -1L, null, null, 3L), ints(5, 1), ints(2, 3),
          0);
      assertRuntimeError("slice step must be positive",
          () -> t.call("aten.slice.Tensor", x, 0L, 0L, 2L, 0L));
      assertIndexError("slice() cannot be applied to a 0-dim tensor.",
          () -> t.call("aten.slice.Tensor", Tensor.scalar(F32, 1), 0L, 0L, 1L));
    }
  }

  @Test
  void sliceOfAnUnbackedBoundNeedsNoGuard() {
    try (OpTesting t = OpTesting.symbolic()) {
      FakeTensor x = t.input(F32, 8, 6);
      Object start = t.env().createUnbackedSymInt();
      FakeTensor s = (FakeTensor) t.call("aten.slice.Tensor", x, 0L, start, END);
      assertEquals(List.of(), t.guards(), "guard_or_false tests record nothing on unbacked");
      assertTrue(sizes(s).startsWith("[u"), sizes(s));
    }
  }

  @Test
  void viewsShareStorageWithTheirBase() {
    try (OpTesting t = OpTesting.real()) {
      Tensor x = arange(3, 4);
      Tensor v = (Tensor) t.call("aten.view.default", x, ints(2, -1));
      v.setDouble(new long[] {1, 0}, -1);
      assertEquals(-1.0, x.getDouble(1, 2));
      Tensor s = (Tensor) t.call("aten.select.int", x, 1L, -1L);
      s.setDouble(new long[] {2}, -2);
      assertEquals(-2.0, x.getDouble(2, 3));
      Tensor sl = (Tensor) t.call("aten.slice.Tensor", x, 1L, 1L, 3L);
      sl.setDouble(new long[] {0, 0}, -3);
      assertEquals(-3.0, x.getDouble(0, 1));
      @SuppressWarnings("unchecked")
      List<Tensor> parts = (List<Tensor>) t.call("aten.split.Tensor", x, 2L);
      parts.get(1).setDouble(new long[] {0, 0}, -4);
      assertEquals(-4.0, x.getDouble(2, 0));
      Tensor e = (Tensor) t.call("aten.expand.default", t.call("aten.unsqueeze.default", x, 0L),
          ints(2, 3, 4));
      assertLayout(e, ints(2, 3, 4), ints(0, 4, 1), 0);
      assertTrue(e.isAliasOf(x));
      Tensor tt = (Tensor) t.call("aten.t.default", x);
      tt.setDouble(new long[] {3, 0}, -5);
      assertEquals(-5.0, x.getDouble(0, 3));
      Tensor alias = (Tensor) t.call("aten.alias.default", x);
      assertNotSame(x, alias);
      assertTrue(alias.isAliasOf(x));
    }
  }

  @Test
  void fakeViewsShareFakeStorage() {
    try (OpTesting t = OpTesting.symbolic()) {
      FakeTensor x = t.input(F32, 3, 4);
      String a = symbol(x, 0);
      assertTrue(((FakeTensor) t.call("aten.permute.default", x, ints(1, 0))).isAliasOf(x));
      assertTrue(((FakeTensor) t.call("aten.view.default", x, ints(-1))).isAliasOf(x));
      @SuppressWarnings("unchecked")
      List<FakeTensor> rows = (List<FakeTensor>) t.call("aten.unbind.int", x, 0L);
      assertEquals(3, rows.size());
      rows.forEach(r -> assertTrue(r.isAliasOf(x)));
      assertEquals(List.of("Eq(" + a + ", 3)"), t.guards(),
          "unbind needs the number of outputs");
    }
  }

  @Test
  void dimensionViewLayouts() {
    try (OpTesting t = OpTesting.real()) {
      Tensor x = arange(2, 3, 4);
      assertLayout(t.call("aten.permute.default", x, ints(2, 0, 1)), ints(4, 2, 3),
          ints(1, 12, 4), 0);
      assertLayout(t.call("aten.transpose.int", x, 0L, 2L), ints(4, 3, 2), ints(1, 4, 12), 0);
      assertLayout(t.call("aten.transpose.int", x, -1L, -2L), ints(2, 4, 3), ints(12, 1, 4), 0);
      assertLayout(t.call("aten.unsqueeze.default", x, -1L), ints(2, 3, 4, 1),
          ints(12, 4, 1, 1), 0);
      Tensor ones = Tensor.zeros(F32, 3, 1, 4, 1);
      assertLayout(t.call("aten.squeeze.default", ones), ints(3, 4), ints(4, 1), 0);
      assertLayout(t.call("aten.squeeze.dim", ones, 1L), ints(3, 4, 1), ints(4, 1, 1), 0);
      assertLayout(t.call("aten.squeeze.dim", ones, 0L), ints(3, 1, 4, 1), ints(4, 4, 1, 1), 0);
      assertLayout(t.call("aten.squeeze.dims", ones, ints(1, -1)), ints(3, 4), ints(4, 1), 0);
      assertLayout(t.call("aten.select.int", x, 1L, -1L), ints(2, 4), ints(12, 1), 8);
      assertLayout(t.call("aten.unfold.default", arange(7), 0L, 3L, 2L), ints(3, 3),
          ints(2, 1), 0);
      assertLayout(t.call("aten.diagonal.default", arange(3, 4), 1L, 0L, 1L), ints(3),
          ints(5), 1);
      assertLayout(t.call("aten.diagonal.default", arange(3, 4), -2L, 0L, 1L), ints(1),
          ints(5), 8);
      assertLayout(t.call("aten.as_strided.default", x, ints(3, 2), ints(1, 3), 1L),
          ints(3, 2), ints(1, 3), 1);
      assertLayout(t.call("aten._unsafe_view.default", x, ints(6, -1)), ints(6, 4), ints(4, 1),
          0);
    }
  }

  @Test
  void splitAndUnbindLayouts() {
    try (OpTesting t = OpTesting.real()) {
      Tensor x = arange(10, 4);
      List<?> parts = (List<?>) t.call("aten.split.Tensor", x, 3L);
      assertEquals(4, parts.size());
      assertLayout(parts.get(3), ints(1, 4), ints(4, 1), 36);
      List<?> sized = (List<?>) t.call("aten.split_with_sizes.default", x, ints(1, 3), 1L);
      assertLayout(sized.get(1), ints(10, 3), ints(4, 1), 1);
      List<?> cols = (List<?>) t.call("aten.unbind.int", x, 1L);
      assertEquals(4, cols.size());
      assertLayout(cols.get(2), ints(10), ints(4), 2);
      assertEquals(1, ((List<?>) t.call("aten.split.Tensor", x, 20L)).size());
      assertRuntimeError("split_with_sizes expects split_sizes to sum exactly to 10 (input"
          + " tensor's size at dimension 0), but got split_sizes=[2, 5]",
          () -> t.call("aten.split_with_sizes.default", x, ints(2, 5)));
      assertRuntimeError("split_size can only be 0 if dimension size is 0, but got dimension"
          + " size of 10", () -> t.call("aten.split.Tensor", x, 0L));
      assertIndexError("Dimension specified as 0 but tensor has no dimensions",
          () -> t.call("aten.unbind.int", Tensor.scalar(F32, 1), 0L));
    }
  }

  @Test
  void splitGuardsItsNumberOfPiecesAsPyTorch() {
    EagerOutputs expected = EagerOutputs.of("split_chunk_unbind");
    try (OpTesting t = OpTesting.symbolic()) {
      FakeTensor x = t.input(F32, 10, 4);
      String a = symbol(x, 0);
      String b = symbol(x, 1);
      List<?> parts = (List<?>) t.call("aten.split.Tensor", x, 3L);
      assertEquals(4, parts.size());
      assertEquals("[" + a + " - 9, " + b + "]", sizes((FakeTensor) parts.get(3)));
      assertEquals(List.of("Eq(((" + a + " + 2)//3), 4)", a + " - 9 >= 0"), t.guards());
      t.call("aten.unbind.int", x, 1L);
      List<String> pytorch = expected.guards(Map.of("s75", a, "s96", b));
      assertTrue(pytorch.containsAll(t.guards()), t.guards() + " vs " + pytorch);
    }
  }

  @Test
  void viewInfersMinusOneAndGuardsDivisibility() {
    EagerOutputs expected = EagerOutputs.of("view_reshape_neg1");
    try (OpTesting t = OpTesting.symbolic()) {
      FakeTensor x = t.input(F32, 6, 8);
      String a = symbol(x, 0);
      String b = symbol(x, 1);
      FakeTensor v = (FakeTensor) t.call("aten.view.default", x, ints(-1, 4));
      // as view_reshape_neg1's print_readable shows: the reference merges both dims, then
      // splits off the inferred rows, so the 4 is computed from them
      String rows = "((" + a + "*" + b + ")//4)";
      assertEquals("[" + rows + ", ((" + a + "*" + b + ")//(" + rows + "))]", sizes(v));
      assertEquals("Eq(Mod(" + a + "*" + b + ", 4), 0)", t.guards().get(0));
      List<String> pytorch = expected.guards(Map.of("s75", a, "s96", b));
      for (String g : t.guards()) {
        assertTrue(pytorch.contains(g), g + " is not among PyTorch's guards " + pytorch);
      }
    }
  }

  @Test
  void viewsOfContiguousTensorsNeedNoGuardsWhenSizesDivide() {
    try (OpTesting t = OpTesting.symbolic()) {
      FakeTensor x = t.input(F32, 2, 5, 3);
      String a = symbol(x, 0);
      String rest = x.symStride(0).toString();
      FakeTensor v = (FakeTensor) t.call("aten.view.default", x, List.of(x.symSize(0), -1L));
      assertEquals("[" + a + ", " + rest + "]", sizes(v));
      assertEquals("[" + rest + ", 1]", v.symStrides().toString());
      FakeTensor w = (FakeTensor) t.call("aten.view.default", x,
          List.of(x.symSize(0), t.ops().mul(x.symSize(1), x.symSize(2))));
      assertEquals(sizes(v), sizes(w));
      assertEquals(List.of(), t.guards(), "as in permute_transpose, whose trace has no guards");
    }
  }

  @Test
  void viewErrorsAreAtens() {
    try (OpTesting t = OpTesting.real()) {
      Tensor x = arange(3, 4);
      assertRuntimeError("shape '[2, 5]' is invalid for input of size 12",
          () -> t.call("aten.view.default", x, ints(2, 5)));
      assertRuntimeError("shape '[5, -1]' is invalid for input of size 12",
          () -> t.call("aten.view.default", x, ints(5, -1)));
      assertRuntimeError("only one dimension can be inferred",
          () -> t.call("aten.view.default", x, ints(-1, -1)));
      assertRuntimeError("invalid shape dimension -2",
          () -> t.call("aten.view.default", x, ints(-2, 6)));
      assertRuntimeError("cannot reshape tensor of 0 elements into shape [0, -1] because the"
          + " unspecified dimension size -1 can be any value and is ambiguous",
          () -> t.call("aten.view.default", Tensor.zeros(F32, 0, 3), ints(0, -1)));
      assertRuntimeError("view size is not compatible with input tensor's size and stride (at"
          + " least one dimension spans across two contiguous subspaces). Use .reshape(...)"
          + " instead.", () -> t.call("aten.view.default", t.call("aten.t.default", x),
              ints(12)));
      assertIndexError("Dimension out of range (expected to be in range of [-2, 1], but got 2)",
          () -> t.call("aten.transpose.int", x, 0L, 2L));
      assertIndexError("select(): index 5 out of range for tensor of size [3, 4] at dimension 0",
          () -> t.call("aten.select.int", x, 0L, 5L));
      assertRuntimeError("The expanded size of the tensor (5) must match the existing size (4)"
          + " at non-singleton dimension 1.  Target sizes: [3, 5].  Tensor sizes: [3, 4]",
          () -> t.call("aten.expand.default", x, ints(3, 5)));
      assertRuntimeError("t() expects a tensor with <= 2 dimensions, but self is 3D",
          () -> t.call("aten.t.default", arange(2, 2, 2)));
      assertRuntimeError("maximum size for tensor at dimension 1 is 4 but size is 5",
          () -> t.call("aten.unfold.default", x, 1L, 5L, 1L));
      assertRuntimeError("diagonal dimensions cannot be identical 0, -2",
          () -> t.call("aten.diagonal.default", x, 0L, 0L, -2L));
    }
  }
}
