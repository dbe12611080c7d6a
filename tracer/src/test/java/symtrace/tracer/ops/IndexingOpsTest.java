package symtrace.tracer.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static symtrace.tracer.ops.EagerOutputs.assertMatches;
import static symtrace.tracer.ops.EagerOutputs.data;
import static symtrace.tracer.ops.EagerOutputs.ranged;
import static symtrace.tracer.ops.EagerOutputs.symbol;
import static symtrace.tracer.ops.OpTesting.sizes;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymFloat;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.dispatch.Dispatcher;
import symtrace.tracer.dispatch.FakeMode;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.FakeTensor;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.TensorValue;

/** Indexing and the data-dependent operators, real and fake. */
class IndexingOpsTest {
  private static final DType F32 = DType.FLOAT32;
  private static final DType I64 = DType.INT64;

  private static Tensor arange(long... sizes) {
    Tensor t = Tensor.zeros(F32, sizes);
    for (long i = 0; i < t.numel(); i++) {
      t.setDoubleFlat(i, i);
    }
    return t;
  }

  private static Tensor longs(long[] sizes, long... values) {
    return Tensor.ofLongs(I64, sizes, values);
  }

  private static Tensor vector(long... values) {
    return longs(new long[] {values.length}, values);
  }

  private static Tensor mask(Tensor x, DoublePredicate test) {
    Tensor m = Tensor.zeros(DType.BOOL, x.sizes());
    for (long i = 0; i < x.numel(); i++) {
      m.setBoolFlat(i, test.test(x.getDoubleFlat(i)));
    }
    return m;
  }

  private static void assertValues(Object t, long[] sizes, double... values) {
    Tensor r = assertInstanceOf(Tensor.class, t);
    assertArrayEquals(sizes, r.sizes(), "sizes");
    assertArrayEquals(values, r.toDoubleArray(), "values");
  }

  private static void assertError(TensorError.PythonType type, String message, Executable call) {
    TensorError e = assertThrows(TensorError.class, call);
    assertEquals(message, e.getMessage());
    assertEquals(type, e.pythonType());
  }

  private static String range(OpTesting t, SymInt s) {
    return t.env().range((Sym) s.expr()).toString();
  }

  @Test
  void indexSelectGatherAndIndexMatchEagerPyTorch() {
    EagerOutputs expected = EagerOutputs.of("index_select_gather");
    for (int i = 0; i < expected.evalCount(); i++) {
      long[] xs = expected.shape(i, "x");
      try (OpTesting t = OpTesting.real()) {
        Tensor x = data(F32, 0, xs);
        Tensor idx = ranged(I64, 1, 0, xs[0] - 1, expected.shape(i, "idx"));
        Tensor g = ranged(I64, 2, 0, xs[1] - 1, expected.shape(i, "g"));
        assertMatches(expected.item(i, 0), t.call("aten.index_select.default", x, 0L, idx));
        Object row = t.call("aten.select.int", g, 0L, 0L);
        assertMatches(expected.item(i, 1), t.call("aten.index_select.default", x, 1L, row));
        assertMatches(expected.item(i, 2), t.call("aten.gather.default", x, 1L, g));
        assertMatches(expected.item(i, 3),
            t.call("aten.index.Tensor", x, Arrays.asList(idx)));
      }
    }
  }

  @Test
  void indexPutMatchesEagerPyTorch() {
    EagerOutputs expected = EagerOutputs.of("index_put");
    for (int i = 0; i < expected.evalCount(); i++) {
      long[] xs = expected.shape(i, "x");
      try (OpTesting t = OpTesting.real()) {
        Tensor x = data(F32, 0, xs);
        Tensor idx = ranged(I64, 1, 0, xs[0] - 1, expected.shape(i, "idx"));
        Tensor v = data(F32, 2, expected.shape(i, "v"));
        Tensor y = x.clone();
        assertSame(y, t.call("aten.index_put_.default", y, Arrays.asList(idx), v));
        assertMatches(expected.item(i, 0), y);
        Tensor z = Tensor.zeros(F32, xs[0]);
        t.call("aten.index_put_.default", z, Arrays.asList(idx), Tensor.scalar(F32, 1));
        assertMatches(expected.item(i, 1), z);
        Tensor m = x.clone();
        t.call("aten.index_put_.default", m, Arrays.asList(mask(x, e -> e > 1)),
            Tensor.scalar(F32, 0));
        assertMatches(expected.item(i, 2), m);
      }
    }
  }

  @Test
  void nonzeroAndMaskedSelectMatchEagerPyTorch() {
    EagerOutputs expected = EagerOutputs.of("nonzero_masked_select");
    for (int i = 0; i < expected.evalCount(); i++) {
      try (OpTesting t = OpTesting.real()) {
        Tensor x = data(F32, 0, expected.shape(i, "x"));
        assertMatches(expected.item(i, 0), t.call("aten.nonzero.default", mask(x, e -> e > 0)));
        Tensor picked = (Tensor) t.call("aten.masked_select.default", x, mask(x, e -> e < 0));
        Tensor doubled = Tensor.zeros(F32, picked.numel());
        for (long k = 0; k < picked.numel(); k++) {
          doubled.setDoubleFlat(k, picked.getDoubleFlat(k) * 2);
        }
        assertMatches(expected.item(i, 1), doubled);
        Tensor column = (Tensor) t.call("aten.select.int", x, 1L, 0L);
        Tensor idx = (Tensor) t.call("aten.nonzero.default", mask(column, e -> e > 0));
        assertMatches(expected.item(i, 2), idx.size(0) + 1);
      }
    }
  }

  @Test
  void dataDependentSizesAreUnbackedSizeLikeSymbols() {
    try (OpTesting t = OpTesting.symbolic()) {
      FakeTensor gt = t.input(DType.BOOL, 5, 4);
      FakeTensor nz = (FakeTensor) t.call("aten.nonzero.default", gt);
      SymInt u0 = nz.symSize(0);
      assertEquals("[u0, 2]", sizes(nz));
      assertEquals("[1, u0]", nz.symStrides().toString(), "PyTorch's fake nonzero is (1, u0)");
      assertEquals(DType.INT64, nz.dtype());
      assertEquals("VR[0, 9223372036854775806]", range(t, u0),
          "the element count is unbounded: sys.maxsize - 1, as in the conformance trace");
      assertTrue(t.env().isSizeLike((Sym) u0.expr()));

      FakeTensor x = t.input(F32, 5, 4);
      FakeTensor picked = (FakeTensor) t.call("aten.masked_select.default", x, gt);
      assertEquals("[u1]", sizes(picked));
      assertEquals("VR[0, 9223372036854775806]", range(t, picked.symSize(0)));

      FakeTensor small = OpTesting.staticInput(DType.BOOL, 2, 3);
      FakeTensor few = (FakeTensor) t.call("aten.nonzero.default", small);
      assertEquals("VR[0, 6]", range(t, few.symSize(0)));
      FakeTensor none = (FakeTensor) t.call("aten.nonzero.default",
          OpTesting.staticInput(DType.BOOL, 0, 3));
      assertEquals("[0, 2]", sizes(none), "no elements, no unbacked symbol");
      FakeTensor two = OpTesting.staticInput(F32, 2);
      FakeTensor fromTwo = (FakeTensor) t.call("aten.masked_select.default", two,
          OpTesting.staticInput(DType.BOOL, 2));
      assertEquals("VR[0, 9223372036854775806]", range(t, fromTwo.symSize(0)),
          "masked_select bounds its count only above 2 elements");
      assertEquals(List.of(), t.guards());
    }
  }

  @Test
  void itemIsUnbackedUnlessTheValueIsKnown() {
    try (OpTesting t = OpTesting.symbolic()) {
      FakeTensor f = OpTesting.staticInput(F32, 1);
      assertInstanceOf(SymFloat.class, t.call("aten.item.default", f));
      SymInt n = assertInstanceOf(SymInt.class,
          t.call("aten._local_scalar_dense.default", OpTesting.staticInput(I64)));
      assertTrue(t.env().isUnbacked((Sym) n.expr()));
      SymBool b = assertInstanceOf(SymBool.class,
          t.call("aten._local_scalar_dense.default", OpTesting.staticInput(DType.BOOL)));
      assertTrue(b.toString().startsWith("Eq(u"), b.toString());
      assertEquals(2.5, t.call("aten.item.default", Tensor.scalar(F32, 2.5)),
          "a real tensor becomes a fake one with a constant, whose value is known");
      assertEquals(7L, t.call("aten._local_scalar_dense.default", vector(7)));
    }
    Dispatcher d = Dispatcher.standard();
    try (var fake = d.push(new FakeMode(d))) {
      assertThrows(DataDependentOutputException.class,
          () -> d.call("aten._local_scalar_dense.default", OpTesting.staticInput(F32)));
      assertThrows(DataDependentOutputException.class,
          () -> d.call("aten.nonzero.default", OpTesting.staticInput(F32, 3)));
    }
  }

  @Test
  void itemAndMaskedSelectOfRealTensors() {
    try (OpTesting t = OpTesting.real()) {
      assertEquals(-1.5, t.call("aten.item.default", Tensor.scalar(DType.FLOAT64, -1.5)));
      assertEquals(3L, t.call("aten.item.default", Tensor.ofLongs(DType.INT32, new long[] {1, 1},
          3)));
      assertEquals(true, t.call("aten._local_scalar_dense.default",
          Tensor.ofBools(DType.BOOL, new long[] {1}, true)));
      assertError(TensorError.PythonType.RUNTIME_ERROR,
          "a Tensor with 2 elements cannot be converted to Scalar",
          () -> t.call("aten.item.default", vector(1, 2)));
      Tensor x = arange(2, 3);
      assertValues(t.call("aten.masked_select.default", x,
          Tensor.ofBools(DType.BOOL, new long[] {3}, true, false, true)),
          new long[] {4}, 0, 2, 3, 5);
      assertError(TensorError.PythonType.RUNTIME_ERROR, "The size of tensor a (4) must match the"
          + " size of tensor b (3) at non-singleton dimension 1",
          () -> t.call("aten.masked_select.default", x, Tensor.zeros(DType.BOOL, 4)));
      assertError(TensorError.PythonType.RUNTIME_ERROR,
          "masked_select: expected BoolTensor for mask",
          () -> t.call("aten.masked_select.default", x, x));
    }
  }

  @Test
  void advancedIndexingPlacesTheIndexedDimensionsLikeNumPy() {
    try (OpTesting t = OpTesting.real()) {
      Tensor x = arange(2, 3, 4);
      assertValues(t.call("aten.index.Tensor", x, Arrays.asList(null, vector(0, 2))),
          new long[] {2, 2, 4}, 0, 1, 2, 3, 8, 9, 10, 11, 12, 13, 14, 15, 20, 21, 22, 23);
      assertValues(t.call("aten.index.Tensor", x, Arrays.asList(vector(0, 1), null,
          vector(1, 3))), new long[] {2, 3}, 1, 5, 9, 15, 19, 23);
      Tensor column = longs(new long[] {2, 1}, 0, 1);
      Tensor picked = (Tensor) t.call("aten.index.Tensor", x, Arrays.asList(column,
          vector(0, 2)));
      assertArrayEquals(new long[] {2, 2, 4}, picked.sizes(), "indices broadcast to [2, 2]");
      assertArrayEquals(new double[] {8, 9, 10, 11}, ((Tensor) t.call("aten.select.int",
          t.call("aten.select.int", picked, 0L, 0L), 0L, 1L)).toDoubleArray());
      assertValues(t.call("aten.index.Tensor", x, Arrays.asList(null, null, vector(-1))),
          new long[] {2, 3, 1}, 3, 7, 11, 15, 19, 23);
      Tensor rows = Tensor.ofBools(DType.BOOL, new long[] {3}, true, false, true);
      assertValues(t.call("aten.index.Tensor", x, Arrays.asList(null, rows)),
          new long[] {2, 2, 4}, 0, 1, 2, 3, 8, 9, 10, 11, 12, 13, 14, 15, 20, 21, 22, 23);
      Tensor y = arange(3, 4);
      assertValues(t.call("aten.index.Tensor", y, Arrays.asList(mask(y, e -> e % 5 == 0))),
          new long[] {3}, 0, 5, 10);
    }
  }

  @Test
  void advancedIndexingErrorsAreAtens() {
    try (OpTesting t = OpTesting.real()) {
      Tensor y = arange(3, 4);
      assertError(TensorError.PythonType.INDEX_ERROR,
          "index 5 is out of bounds for dimension 0 with size 3",
          () -> t.call("aten.index.Tensor", y, Arrays.asList(vector(0, 5))));
      assertError(TensorError.PythonType.INDEX_ERROR,
          "too many indices for tensor of dimension 2 (got 3)",
          () -> t.call("aten.index.Tensor", y, Arrays.asList(vector(0), vector(0), vector(0))));
      assertError(TensorError.PythonType.INDEX_ERROR, "The shape of the mask [2] at index 0 does"
          + " not match the shape of the indexed tensor [3, 4] at index 0",
          () -> t.call("aten.index.Tensor", y, Arrays.asList(
              Tensor.ofBools(DType.BOOL, new long[] {2}, true, true))));
      assertError(TensorError.PythonType.INDEX_ERROR,
          "tensors used as indices must be long, int, byte or bool tensors",
          () -> t.call("aten.index.Tensor", y, Arrays.asList(Tensor.zeros(F32, 1))));
      assertError(TensorError.PythonType.INDEX_ERROR, "shape mismatch: indexing tensors could"
          + " not be broadcast together with shapes [2], [3]",
          () -> t.call("aten.index.Tensor", y, Arrays.asList(vector(0, 1), vector(0, 1, 2))));
      assertError(TensorError.PythonType.INDEX_ERROR, "index out of range in self",
          () -> t.call("aten.index_select.default", y, 1L, vector(4)));
      assertError(TensorError.PythonType.RUNTIME_ERROR,
          "index 4 is out of bounds for dimension 1 with size 4",
          () -> t.call("aten.gather.default", y, 1L, longs(new long[] {1, 1}, 4)));
      assertError(TensorError.PythonType.RUNTIME_ERROR, "Size does not match at dimension 0"
          + " expected index [4, 1] to be no larger than self [3, 4] apart from dimension 1",
          () -> t.call("aten.gather.default", y, 1L, Tensor.zeros(I64, 4, 1)));
      assertError(TensorError.PythonType.INDEX_ERROR,
          "index_select(): Index is supposed to be a vector",
          () -> t.call("aten.index_select.default", y, 0L, Tensor.zeros(I64, 1, 1)));
    }
  }

  @Test
  void indexPutWritesAddsAndBroadcastsValues() {
    try (OpTesting t = OpTesting.real()) {
      Tensor z = Tensor.zeros(F32, 5);
      Tensor v = Tensor.ofDoubles(F32, new long[] {3}, 1, 2, 3);
      t.call("aten.index_put_.default", z, Arrays.asList(vector(0, 0, 2)), v, true);
      assertValues(z, new long[] {5}, 3, 0, 3, 0, 0);
      t.call("aten.index_put_.default", z, Arrays.asList(vector(4, 4, -5)), v);
      assertValues(z, new long[] {5}, 3, 0, 3, 0, 2);
      Tensor y = Tensor.zeros(F32, 3, 4);
      Tensor row = Tensor.ofDoubles(F32, new long[] {4}, 1, 2, 3, 4);
      Tensor out = (Tensor) t.call("aten.index_put.default", y, Arrays.asList(vector(0, 2)), row);
      assertValues(out, new long[] {3, 4}, 1, 2, 3, 4, 0, 0, 0, 0, 1, 2, 3, 4);
      assertValues(y, new long[] {3, 4}, new double[12]);
      Tensor through = Tensor.zeros(F32, 3, 4);
      Tensor view = (Tensor) t.call("aten.select.int", through, 1L, 1L);
      t.call("aten.index_put_.default", view, Arrays.asList(vector(1)), Tensor.scalar(F32, 9));
      assertEquals(9.0, through.getDouble(1, 1), "a write into a view lands in its base");
      Tensor filled = Tensor.zeros(F32, 3);
      t.call("aten.index_put_.default", filled, Arrays.asList(
          Tensor.ofBools(DType.BOOL, new long[] {3}, false, true, true)),
          Tensor.scalar(DType.FLOAT64, 0.5));
      assertValues(filled, new long[] {3}, 0, 0.5, 0.5);
      assertError(TensorError.PythonType.RUNTIME_ERROR, "Index put requires the source and"
          + " destination dtypes match, got Float for the destination and Double for the source.",
          () -> t.call("aten.index_put_.default", filled, Arrays.asList(vector(0)),
              Tensor.scalar(DType.FLOAT64, 1)));
      assertError(TensorError.PythonType.RUNTIME_ERROR, "shape mismatch: value tensor of shape"
          + " [3] cannot be broadcast to indexing result of shape [2, 4]",
          () -> t.call("aten.index_put_.default", y, Arrays.asList(vector(0, 1)), v));
    }
  }

  @Test
  void indexingMetaSizes() {
    try (OpTesting t = OpTesting.symbolic()) {
      FakeTensor x = t.input(F32, 6, 5, 7);
      FakeTensor idx = t.input(I64, 4);
      String a = symbol(x, 0);
      String b = symbol(x, 1);
      String c = symbol(x, 2);
      String n = symbol(idx, 0);
      assertEquals("[" + n + ", " + b + ", " + c + "]",
          sizes((TensorValue) t.call("aten.index.Tensor", x, Arrays.asList(idx))));
      assertEquals("[" + a + ", " + n + ", " + c + "]",
          sizes((TensorValue) t.call("aten.index.Tensor", x, Arrays.asList(null, idx))));
      assertEquals("[" + n + ", " + b + "]", sizes((TensorValue) t.call("aten.index.Tensor", x,
          Arrays.asList(idx, null, idx))), "separated index dimensions go first");
      FakeTensor rows = t.input(DType.BOOL, 6);
      assertEquals("[u0, " + b + ", " + c + "]",
          sizes((TensorValue) t.call("aten.index.Tensor", x, Arrays.asList(rows))));
      assertEquals("[" + n + ", " + b + ", " + c + "]",
          sizes((TensorValue) t.call("aten.index_select.default", x, 0L, idx)));
      FakeTensor g = t.input(I64, 6, 3, 7);
      assertEquals(sizes(g), sizes((TensorValue) t.call("aten.gather.default", x, 1L, g)));
      assertSame(x, t.call("aten.index_put_.default", x, Arrays.asList(idx), x));
      FakeTensor put = (FakeTensor) t.call("aten.index_put.default", x, Arrays.asList(idx), x);
      assertEquals(sizes(x), sizes(put));
      assertTrue(!put.isAliasOf(x));
      assertEquals(List.of(), t.guards(), "as in index_select_gather and index_put");
    }
  }
}
