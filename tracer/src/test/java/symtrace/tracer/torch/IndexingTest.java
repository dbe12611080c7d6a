package symtrace.tracer.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import symtrace.tracer.lang.ExecutionError;
import symtrace.tracer.lang.Programs;
import symtrace.tracer.ops.Args;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Tensor;

/**
 * {@code x[...]} and {@code x[...] = v} lowered as PyTorch's indexing code does (the calls a
 * graph records), with the values PyTorch computes.
 */
class IndexingTest {
  private static final long MAX = Long.MAX_VALUE;

  /** x is 3x4 of 0..11, idx = [2, 0] (int64), m = x > 5. */
  private static Tensor x() {
    double[] v = new double[12];
    for (int i = 0; i < v.length; i++) {
      v[i] = i;
    }
    return Tensor.ofDoubles(DType.FLOAT32, new long[] {3, 4}, v);
  }

  private static final Tensor IDX = Tensor.ofLongs(DType.INT64, new long[] {2}, 2, 0);

  private record Run(Object result, Programs.Recorder calls) {}

  private static Run get(String index) {
    Programs.Recorder r = new Programs.Recorder();
    Object out = Programs.run(Programs.recording(r), Programs.parse(
        "def f(x, idx):",
        "    return x[" + index + "]"), x(), IDX);
    return new Run(out, r);
  }

  private static Run set(String statement) {
    Programs.Recorder r = new Programs.Recorder();
    Object out = Programs.run(Programs.recording(r), Programs.parse(
        "def f(x, idx):",
        "    " + statement,
        "    return x"), x(), IDX);
    return new Run(out, r);
  }

  private static List<Object> args(Args a) {
    return Arrays.asList(a.values());
  }

  private static double[] values(Object t) {
    return ((Tensor) t).toDoubleArray();
  }

  @Test
  void anIntegerSelects() {
    Run r = get("1");
    assertEquals(List.of("aten.select.int"), r.calls().names());
    assertEquals(List.of(0L, 1L), args(r.calls().only("aten.select.int")).subList(1, 3));
    assertArrayEquals(new double[] {4, 5, 6, 7}, values(r.result()));
    assertArrayEquals(new double[] {11}, values(get("-1, -1").result()));
  }

  @Test
  void aSliceHasPythonsDefaults() {
    Run r = get("1:3");
    assertEquals(List.of("aten.slice.Tensor"), r.calls().names());
    assertEquals(List.of(0L, 1L, 3L, 1L), args(r.calls().only("aten.slice.Tensor")).subList(1,
        5));
    assertEquals(List.of(0L, 0L, MAX, 1L), args(get(":").calls().only("aten.slice.Tensor"))
        .subList(1, 5), "a lone slice is always sliced");
    Run all = get(":, ::2");
    // in a tuple, ':' over a concrete size is the tensor itself (size <= sys.maxsize)
    assertEquals(List.of("aten.slice.Tensor"), all.calls().names());
    assertEquals(List.of(1L, 0L, MAX, 2L), args(all.calls().only("aten.slice.Tensor"))
        .subList(1, 5));
    assertArrayEquals(new double[] {0, 2, 4, 6, 8, 10}, values(all.result()));
    assertArrayEquals(new double[] {8, 9, 10, 11}, values(get("-1:").result()));
  }

  @Test
  void noneAndEllipsis() {
    Run r = get("None, ..., 0");
    assertEquals(List.of("aten.unsqueeze.default", "aten.select.int"), r.calls().names());
    assertEquals(2L, r.calls().only("aten.select.int").get(1), "... skips the first dimension");
    assertArrayEquals(new long[] {1, 3}, ((Tensor) r.result()).sizes());
    assertEquals(List.of("aten.alias.default"), get("...").calls().names());
    Run column = get(":, None");
    assertEquals(List.of("aten.unsqueeze.default"), column.calls().names());
    assertArrayEquals(new long[] {3, 1, 4}, ((Tensor) column.result()).sizes());
  }

  @Test
  void tensorsAndListsAreAdvancedIndices() {
    Run r = get("idx");
    assertEquals(List.of("aten.index.Tensor"), r.calls().names());
    assertEquals(List.of(IDX), r.calls().only("aten.index.Tensor").get(1));
    assertArrayEquals(new double[] {8, 9, 10, 11, 0, 1, 2, 3}, values(r.result()));
    Run cols = get(":, idx");
    assertEquals(List.of("aten.index.Tensor"), cols.calls().names());
    assertEquals(Arrays.asList(null, IDX), cols.calls().only("aten.index.Tensor").get(1));
    assertArrayEquals(new double[] {2, 0, 6, 4, 10, 8}, values(cols.result()));
    Run list = get("[0, 2]");
    assertEquals(List.of("aten.lift_fresh.default", "aten.index.Tensor"), list.calls().names());
    assertArrayEquals(new double[] {0, 1, 2, 3, 8, 9, 10, 11}, values(list.result()));
    Run mask = get("x > 9");
    assertArrayEquals(new double[] {10, 11}, values(mask.result()));
  }

  @Test
  void assigningANumberThroughAMaskIsIndexPutOfALiftedScalar() {
    Run r = set("x[x > 9] = 0.5");
    assertEquals(List.of("aten.gt.Scalar", "aten.lift_fresh.default", "aten.index_put_.default"),
        r.calls().names());
    Tensor value = (Tensor) r.calls().only("aten.lift_fresh.default").get(0);
    assertEquals(DType.FLOAT32, value.dtype());
    assertEquals(0, value.dim());
    assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0.5, 0.5}, values(r.result()));
  }

  @Test
  void assigningIntoABasicIndexCopiesOrFills() {
    Run fill = set("x[0:2] = 7");
    assertEquals(List.of("aten.lift_fresh.default", "aten.slice.Tensor", "aten.fill_.Tensor"),
        fill.calls().names());
    assertArrayEquals(new double[] {7, 7, 7, 7, 7, 7, 7, 7, 8, 9, 10, 11},
        values(fill.result()));
    Run copy = set("x[1] = x[0] * 2");
    assertEquals(List.of("aten.select.int", "aten.mul.Tensor", "aten.select.int",
        "aten.copy_.default"), copy.calls().names());
    assertArrayEquals(new double[] {0, 1, 2, 3, 0, 2, 4, 6, 8, 9, 10, 11},
        values(copy.result()));
    Run broadcast = set("x[:, 1:3] = x[0, 0:2]");
    assertEquals("aten.expand.default", broadcast.calls().names().get(
        broadcast.calls().names().size() - 2));
    assertArrayEquals(new double[] {0, 0, 1, 3, 4, 0, 1, 7, 8, 0, 1, 11},
        values(broadcast.result()));
  }

  @Test
  void indexErrorsAsPyTorchWordsThem() {
    assertEquals("t.py:2:12: IndexError: index 3 is out of bounds for dimension 0 with size 3",
        assertThrows(ExecutionError.class, () -> get("3")).getMessage());
    assertEquals("t.py:2:12: IndexError: too many indices for tensor of dimension 2",
        assertThrows(ExecutionError.class, () -> get("0, 0, 0")).getMessage());
    assertEquals("t.py:2:12: ValueError: step must be greater than zero",
        assertThrows(ExecutionError.class, () -> get("::-1")).getMessage());
    assertEquals("t.py:2:12: IndexError: only integers, slices (`:`), ellipsis (`...`), None and"
        + " long or byte Variables are valid indices (got float)",
        assertThrows(ExecutionError.class, () -> get("0, 1.5")).getMessage());
    assertEquals("t.py:2:5: TypeError: can't assign a str to a torch.FloatTensor",
        assertThrows(ExecutionError.class, () -> set("x[0] = 'a'")).getMessage());
  }
}
