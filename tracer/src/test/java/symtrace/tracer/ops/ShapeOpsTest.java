package symtrace.tracer.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static symtrace.tracer.ops.EagerOutputs.assertMatches;
import static symtrace.tracer.ops.EagerOutputs.data;
import static symtrace.tracer.ops.EagerOutputs.symbol;
import static symtrace.tracer.ops.OpTesting.ints;
import static symtrace.tracer.ops.OpTesting.sizes;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import symtrace.tracer.dispatch.Dispatcher;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.FakeTensor;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.Tensors;

/**
 * The shape composites (how they decompose, as PyTorch's graphs show) and the copies cat,
 * stack, repeat, flip, roll, tril and triu, against PyTorch's eager outputs. Elementwise
 * arithmetic that the conformance programs apply to these results is done with {@link
 * Tensors#zip}.
 */
class ShapeOpsTest {
  private static final DType F32 = DType.FLOAT32;

  private static Tensor add(Object a, Object b) {
    return Tensors.zip((Tensor) a, (Tensor) b, F32, Double::sum);
  }

  private static void assertRuntimeError(String message, Executable call) {
    TensorError e = assertThrows(TensorError.class, call);
    assertEquals(message, e.getMessage());
    assertEquals(TensorError.PythonType.RUNTIME_ERROR, e.pythonType());
  }

  /** The operators a call dispatches below the composites, in order. */
  /** The tensor operators among dispatched calls (no SymInt arithmetic). */
  private static List<String> tensorOps(List<String> calls) {
    return calls.stream().filter(c -> c.startsWith("aten.")).toList();
  }

  private static List<String> dispatched(Dispatcher d, Runnable body) {
    List<String> seen = new ArrayList<>();
    try (var scope = d.push((call, next) -> {
      seen.add(call.op().toString());
      return next.call(call);
    })) {
      body.run();
    }
    return seen;
  }

  @Test
  void catAndStackMatchEagerPyTorch() {
    EagerOutputs expected = EagerOutputs.of("cat_stack");
    for (int i = 0; i < expected.evalCount(); i++) {
      try (OpTesting t = OpTesting.real()) {
        Tensor x = data(F32, 0, expected.shape(i, "x"));
        Tensor y = data(F32, 1, expected.shape(i, "y"));
        Tensor z = data(F32, 2, expected.shape(i, "z"));
        assertMatches(expected.item(i, 0), t.call("aten.cat.default", List.of(x, y), 0L));
        assertMatches(expected.item(i, 1), t.call("aten.cat.default", List.of(x, z, x), 1L));
        assertMatches(expected.item(i, 2), t.call("aten.stack.default", List.of(x, z), 0L));
        assertMatches(expected.item(i, 3), t.call("aten.stack.default", List.of(x, z), -1L));
      }
    }
  }

  @Test
  void catSkipsLegacyEmptyTensorsAndPromotes() {
    try (OpTesting t = OpTesting.real()) {
      Tensor x = Tensor.ofDoubles(F32, new long[] {2, 2}, 1, 2, 3, 4);
      Tensor empty = Tensor.zeros(DType.FLOAT64, 0);
      Tensor ints = Tensor.ofLongs(DType.INT32, new long[] {1, 2}, 7, 8);
      Tensor out = (Tensor) t.call("aten.cat.default", List.of(empty, x, ints), 0L);
      assertEquals(DType.FLOAT64, out.dtype(), "the skipped tensor still takes part in dtypes");
      assertArrayEquals(new long[] {3, 2}, out.sizes());
      assertArrayEquals(new double[] {1, 2, 3, 4, 7, 8}, out.toDoubleArray());
      Tensor none = (Tensor) t.call("aten.cat.default", List.of(empty, empty), 1L);
      assertArrayEquals(new long[] {0}, none.sizes());
      assertRuntimeError("Sizes of tensors must match except in dimension 0. Expected size 2 but"
          + " got size 3 for tensor number 1 in the list.",
          () -> t.call("aten.cat.default", List.of(x, Tensor.zeros(F32, 1, 3)), 0L));
      assertRuntimeError("Tensors must have same number of dimensions: got 2 and 1",
          () -> t.call("aten.cat.default", List.of(x, Tensor.zeros(F32, 2)), 0L));
      assertRuntimeError("zero-dimensional tensor (at position 1) cannot be concatenated",
          () -> t.call("aten.cat.default", List.of(x, Tensor.scalar(F32, 1)), 0L));
      assertRuntimeError("torch.cat(): expected a non-empty list of Tensors",
          () -> t.call("aten.cat.default", List.of(), 0L));
      assertRuntimeError("stack expects each tensor to be equal size, but got [2, 2] at entry 0"
          + " and [1, 2] at entry 1",
          () -> t.call("aten.stack.default", List.of(x, ints), 0L));
    }
  }

  @Test
  void catOfSymbolicSizesAddsThem() {
    EagerOutputs expected = EagerOutputs.of("zero_one_dims");
    try (OpTesting t = OpTesting.symbolic()) {
      FakeTensor y = t.input(F32, 5, 4);
      FakeTensor e = t.input(F32, 0, 4);
      FakeTensor cat = (FakeTensor) t.call("aten.cat.default", List.of(y, e), 0L);
      assertEquals(sizes(y), sizes(cat));
      FakeTensor z = t.input(F32, 3, 4);
      FakeTensor twice = (FakeTensor) t.call("aten.cat.default", List.of(y, z, y), 0L);
      String a = symbol(y, 0);
      String c = symbol(z, 0);
      assertEquals("[" + c + " + 2*" + a + ", " + symbol(y, 1) + "]", sizes(twice));
      FakeTensor s = (FakeTensor) t.call("aten.stack.default", List.of(y, y), 1L);
      assertEquals("[" + a + ", 2, " + symbol(y, 1) + "]", sizes(s));
      assertEquals(List.of(), t.guards());
    }
    for (int i = 0; i < expected.evalCount(); i++) {
      try (OpTesting t = OpTesting.real()) {
        Tensor y = data(F32, 1, expected.shape(i, "y"));
        Tensor e = data(F32, 2, expected.shape(i, "e"));
        assertMatches(expected.item(i, 1), t.call("aten.cat.default", List.of(y, e), 0L));
        Tensor x = data(F32, 0, expected.shape(i, "x"));
        Tensor squeezed = (Tensor) t.call("aten.squeeze.dim", x, 0L);
        assertMatches(expected.item(i, 2), Tensors.zip(squeezed, 2, F32, (p, q) -> p * q));
      }
    }
  }

  @Test
  void repeatFlipTrilMatchEagerPyTorch() {
    EagerOutputs expected = EagerOutputs.of("repeat_flip_tril");
    for (int i = 0; i < expected.evalCount(); i++) {
      try (OpTesting t = OpTesting.real()) {
        Tensor x = data(F32, 0, expected.shape(i, "x"));
        Tensor s = data(F32, 1, expected.shape(i, "s"));
        assertMatches(expected.item(i, 0), t.call("aten.repeat.default", x, ints(2, 3)));
        assertMatches(expected.item(i, 1), t.call("aten.repeat.default", x, ints(1, 2, 1)));
        assertMatches(expected.item(i, 2), add(t.call("aten.flip.default", x, ints(0)),
            t.call("aten.flip.default", x, ints(0, 1))));
        assertMatches(expected.item(i, 3), add(t.call("aten.tril.default", s, 0L),
            t.call("aten.triu.default", s, 1L)));
        assertMatches(expected.item(i, 4), add(t.call("aten.tril.default", x, -1L),
            t.call("aten.triu.default", x, -1L)));
      }
    }
  }

  @Test
  void rollMatchesEagerPyTorch() {
    EagerOutputs expected = EagerOutputs.of("pad_roll");
    for (int i = 0; i < expected.evalCount(); i++) {
      try (OpTesting t = OpTesting.real()) {
        Tensor x = data(F32, 0, expected.shape(i, "x"));
        Tensor y = data(F32, 1, expected.shape(i, "y"));
        assertMatches(expected.item(i, 3), t.call("aten.roll.default", y, ints(1), ints(0)));
        assertMatches(expected.item(i, 4),
            t.call("aten.roll.default", y, ints(2, -1), ints(1, 0)));
        assertMatches(expected.item(i, 5), t.call("aten.roll.default", x, ints(3)));
      }
    }
  }

  @Test
  void copiesOfSymbolicSizesRecordNoGuards() {
    try (OpTesting t = OpTesting.symbolic()) {
      FakeTensor x = t.input(F32, 3, 5);
      FakeTensor y = t.input(F32, 2, 3, 5);
      String a = symbol(x, 0);
      String b = symbol(x, 1);
      assertEquals("[2*" + a + ", 3*" + b + "]",
          sizes((FakeTensor) t.call("aten.repeat.default", x, ints(2, 3))));
      assertEquals("[1, 2*" + a + ", " + b + "]",
          sizes((FakeTensor) t.call("aten.repeat.default", x, ints(1, 2, 1))));
      FakeTensor flipped = (FakeTensor) t.call("aten.flip.default", x, ints(0, 1));
      assertEquals(x.symStrides().toString(), flipped.symStrides().toString());
      t.call("aten.tril.default", x, 0L);
      t.call("aten.triu.default", x, -1L);
      assertEquals(sizes(x), sizes((FakeTensor) t.call("aten.roll.default", x, ints(1),
          ints(0))));
      t.call("aten.roll.default", x, ints(2, -1), ints(1, 0));
      t.call("aten.roll.default", y, ints(3), ints());
      assertEquals(List.of(), t.guards(), "as in repeat_flip_tril and pad_roll");
    }
  }

  @Test
  void copiesCheckTheirArguments() {
    try (OpTesting t = OpTesting.real()) {
      Tensor x = data(F32, 0, 2, 3);
      assertRuntimeError("Number of dimensions of repeat dims can not be smaller than number of"
          + " dimensions of tensor", () -> t.call("aten.repeat.default", x, ints(2)));
      assertRuntimeError("dim 1 appears multiple times in the list of dims",
          () -> t.call("aten.flip.default", x, ints(1, -1)));
      assertRuntimeError("`shifts` required",
          () -> t.call("aten.roll.default", x, ints(), ints()));
      assertRuntimeError("shifts and dimensions must align. shifts: 2, dims:1",
          () -> t.call("aten.roll.default", x, ints(1, 2), ints(0)));
      assertRuntimeError("tril: input tensor must have at least 2 dimensions",
          () -> t.call("aten.tril.default", data(F32, 0, 3), 0L));
      Tensor repeated = (Tensor) t.call("aten.repeat.default", x, ints(0, 2));
      assertArrayEquals(new long[] {0, 6}, repeated.sizes());
      Tensor flipped = (Tensor) t.call("aten.flip.default", t.call("aten.t.default", x), ints(0));
      assertArrayEquals(new long[] {1, 3}, flipped.strides(),
          "flip allocates like empty_like: a transposed input keeps its stride order");
    }
  }

  @Test
  void viewsOfTheConformanceProgramsMatchEagerPyTorch() {
    EagerOutputs reshapes = EagerOutputs.of("view_reshape_neg1");
    for (int i = 0; i < reshapes.evalCount(); i++) {
      try (OpTesting t = OpTesting.real()) {
        Tensor x = data(F32, 0, reshapes.shape(i, "x"));
        Object a = t.call("aten.view.default", x, ints(-1, 4));
        assertMatches(reshapes.item(i, 0), Tensors.zip((Tensor) a, 2, F32, (p, q) -> p * q));
        assertMatches(reshapes.item(i, 2), t.call("aten.reshape.default", x, ints(-1)));
        assertMatches(reshapes.item(i, 3), t.call("aten.view.default", a, ints(2, -1)));
        assertMatches(reshapes.item(i, 4),
            t.call("aten.reshape.default", x, ints(x.numel() / 4, 4)));
      }
    }
    EagerOutputs squeezes = EagerOutputs.of("expand_squeeze");
    for (int i = 0; i < squeezes.evalCount(); i++) {
      try (OpTesting t = OpTesting.real()) {
        Tensor x = data(F32, 0, squeezes.shape(i, "x"));
        Tensor y = data(F32, 1, squeezes.shape(i, "y"));
        Object e = t.call("aten.expand.default", x, ints(y.size(0), -1, y.size(2), -1));
        Object ea = t.call("aten.expand_as.default", x, y);
        assertMatches(squeezes.item(i, 0), add(add(e, ea), y));
        Object s = t.call("aten.squeeze.dim", x, 1L);
        Object s2 = t.call("aten.squeeze.default", x);
        assertMatches(squeezes.item(i, 1), add(t.call("aten.unsqueeze.default", s, 0L), s2));
        assertMatches(squeezes.item(i, 2), t.call("aten.flatten.using_ints", y, 1L, -1L));
        assertMatches(squeezes.item(i, 3), t.call("aten.flatten.using_ints", y, 0L, -1L));
      }
    }
    EagerOutputs permutes = EagerOutputs.of("permute_transpose");
    for (int i = 0; i < permutes.evalCount(); i++) {
      try (OpTesting t = OpTesting.real()) {
        Tensor x = data(F32, 0, permutes.shape(i, "x"));
        Object p = t.call("aten.permute.default", x, ints(2, 0, 1));
        Object tr = t.call("aten.transpose.int", x, 0L, 2L);
        assertMatches(permutes.item(i, 0), add(p, t.call("aten.transpose.int", tr, 1L, 2L)));
      }
    }
  }

  @Test
  void splitsMatchEagerPyTorch() {
    EagerOutputs expected = EagerOutputs.of("split_chunk_unbind");
    for (int i = 0; i < expected.evalCount(); i++) {
      try (OpTesting t = OpTesting.real()) {
        Tensor x = data(F32, 0, expected.shape(i, "x"));
        List<?> ab = (List<?>) t.call("aten.split_with_sizes.default", x,
            ints(2, x.size(0) - 2), 0L);
        assertMatches(expected.item(i, 1), ab.get(0));
        assertMatches(expected.item(i, 2), ab.get(1));
        List<?> c = (List<?>) t.call("aten.chunk.default", x, 2L, 0L);
        assertMatches(expected.item(i, 3), c.get(0));
        assertMatches(expected.item(i, 4), c.get(1));
        List<?> cols = (List<?>) t.call("aten.unbind.int", x, 1L);
        assertMatches(expected.item(i, 5), Tensors.zip((Tensor) cols.get(0),
            (Tensor) cols.get(cols.size() - 1), F32, (p, q) -> p - q));
        assertMatches(expected.item(i, 6),
            (long) ((List<?>) t.call("aten.split.Tensor", x, 3L)).size());
      }
    }
  }

  @Test
  void compositesDecomposeAsPyTorchsGraphsShow() {
    try (OpTesting t = OpTesting.symbolic()) {
      FakeTensor x = t.input(F32, 8, 6);
      Object sub = t.ops().sub(x.symSize(0), 3L);
      // size - length is the number 3, still a traced subtraction; 2 <= 3 records nothing
      assertEquals(List.of("operator.ge", "operator.neg", "operator.le", "operator.le",
          "operator.and_", "operator.sub", "operator.add", "aten.slice.Tensor"),
          dispatched(t.ops(), () -> t.call("aten.narrow.default", x, 0L, 2L, sub)),
          "narrow: ATen's checks traced, then slice(x, 0, 2, 2 + length)");
      assertEquals(List.of("operator.mod", "operator.eq", "operator.and_", "operator.eq",
          "operator.or_", "operator.floordiv", "aten.view.default"),
          dispatched(t.ops(), () -> t.call("aten.unflatten.int", x, 0L, ints(2, -1))),
          "unflatten: infer_size's arithmetic, then view(x, [2, s0 // 2, s1])");
      FakeTensor y = t.input(F32, 5, 3, 2, 4);
      List<String> flatten = dispatched(t.ops(),
          () -> t.call("aten.flatten.using_ints", y, 1L, -1L));
      assertEquals(List.of("operator.mul", "operator.mul"), flatten.subList(0, 2),
          "flatten: the product of the merged sizes");
      assertEquals(List.of("aten.view.default"), tensorOps(flatten),
          "then reshape, a view after the contiguity test (ContiguityTest)");
      List<String> whole = dispatched(t.ops(), () -> t.call("aten.reshape.default", x, ints(-1)));
      assertEquals(List.of("aten.view.default"), tensorOps(whole),
          "a contiguous tensor is viewed with the shape as given");
      assertFalse(whole.contains("operator.floordiv"), "no size is inferred");
      FakeTensor p = (FakeTensor) t.call("aten.permute.default", y, ints(0, 1, 3, 2));
      List<String> regrouped = dispatched(t.ops(),
          () -> t.call("aten.reshape.default", p, ints(-1, 4, 2)));
      assertEquals(List.of("aten.view.default"), tensorOps(regrouped),
          "a viewable non-contiguous tensor: infer_size, then a view in the inferred shape");
      assertTrue(regrouped.contains("operator.floordiv"), "the -1 is inferred");
      assertEquals(List.of("operator.add", "operator.sub", "operator.floordiv", "operator.eq",
          "aten.split.Tensor"),
          dispatched(t.ops(), () -> t.call("aten.chunk.default", x, 2L, 0L)));
      assertEquals(List.of("aten.expand.default"),
          dispatched(t.ops(), () -> t.call("aten.expand_as.default", x, x)));
      assertEquals(List.of(), dispatched(t.ops(), () -> t.call("aten.contiguous.default", x)));
    }
  }

  @Test
  void compositesReturnTheirInputWhenNothingChanges() {
    try (OpTesting t = OpTesting.real()) {
      Tensor x = data(F32, 0, 3, 4);
      assertSame(x, t.call("aten.flatten.using_ints", x, 1L, 1L));
      assertSame(x, t.call("aten.contiguous.default", x));
      Tensor reshaped = (Tensor) t.call("aten.reshape.default", x, ints(2, 6));
      assertTrue(reshaped.isAliasOf(x));
      Tensor flat = (Tensor) t.call("aten.flatten.using_ints", Tensor.scalar(F32, 2), 0L, -1L);
      assertArrayEquals(new long[] {1}, flat.sizes());
      List<?> empty = (List<?>) t.call("aten.chunk.default", Tensor.zeros(F32, 0, 2), 3L, 0L);
      assertEquals(3, empty.size(), "chunking zero elements gives chunks empty pieces");
    }
  }

  @Test
  void compositeErrorsAreAtens() {
    try (OpTesting t = OpTesting.real()) {
      Tensor x = data(F32, 0, 3, 4);
      TensorError range = assertThrows(TensorError.class,
          () -> t.call("aten.narrow.default", x, 0L, 4L, 0L));
      assertEquals("start out of range (expected to be in range of [-3, 3], but got 4)",
          range.getMessage());
      assertEquals(TensorError.PythonType.INDEX_ERROR, range.pythonType());
      assertRuntimeError("start (2) + length (2) exceeds dimension size (3).",
          () -> t.call("aten.narrow.default", x, 0L, -1L, 2L));
      assertRuntimeError("narrow(): length must be non-negative.",
          () -> t.call("aten.narrow.default", x, 0L, 0L, -1L));
      assertRuntimeError("unflatten: Provided sizes [5, -1] don't multiply up to the size of dim"
          + " 1 (4) in the input tensor",
          () -> t.call("aten.unflatten.int", x, 1L, ints(5, -1)));
      assertRuntimeError("unflatten: sizes must be non-empty",
          () -> t.call("aten.unflatten.int", x, 1L, ints()));
      assertRuntimeError("flatten() has invalid args: start_dim cannot come after end_dim",
          () -> t.call("aten.flatten.using_ints", x, 1L, 0L));
      assertRuntimeError("chunk expects `chunks` to be greater than 0, got: 0",
          () -> t.call("aten.chunk.default", x, 0L, 0L));
      assertRuntimeError("shape '[5, -1]' is invalid for input of size 12",
          () -> t.call("aten.reshape.default", t.call("aten.t.default", x), ints(5, -1)));
    }
  }
}
