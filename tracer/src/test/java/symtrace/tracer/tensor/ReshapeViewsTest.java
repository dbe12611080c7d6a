package symtrace.tracer.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static symtrace.tracer.tensor.Tensors.arange;
import static symtrace.tracer.tensor.Tensors.assertIndexError;
import static symtrace.tracer.tensor.Tensors.assertLayout;
import static symtrace.tracer.tensor.Tensors.assertRuntimeError;
import static symtrace.tracer.tensor.Tensors.assertValues;
import static symtrace.tracer.tensor.Tensors.shape;

import org.junit.jupiter.api.Test;

/** view, reshape, flatten and unflatten: sizes, strides, offsets and shared storage. */
class ReshapeViewsTest {
  private static final String NOT_A_VIEW = "view size is not compatible with input tensor's size"
      + " and stride (at least one dimension spans across two contiguous subspaces). Use"
      + " .reshape(...) instead.";

  private final Tensor x = arange(DType.FLOAT32, 3, 4);

  @Test
  void viewOfAContiguousTensor() {
    assertLayout(x.view(4, 3), shape(4, 3), shape(3, 1), 0);
    assertLayout(x.view(-1), shape(12), shape(1), 0);
    assertLayout(x.view(2, -1, 3), shape(2, 2, 3), shape(6, 3, 1), 0);
    assertLayout(x.view(1, 12, 1), shape(1, 12, 1), shape(12, 1, 1), 0);
    assertTrue(x.view(12).isAliasOf(x));
  }

  @Test
  void viewSharesStorageBothWays() {
    Tensor v = x.view(2, 6);
    v.setDouble(new long[] {1, 0}, -1);
    assertEquals(-1.0, x.getDouble(1, 2));
    x.setDouble(new long[] {2, 3}, 99);
    assertEquals(99.0, v.getDouble(1, 5));
  }

  @Test
  void viewErrorsAreTorchs() {
    assertRuntimeError("shape '[3, 5]' is invalid for input of size 12", () -> x.view(3, 5));
    assertRuntimeError("shape '[5, -1]' is invalid for input of size 12", () -> x.view(5, -1));
    assertRuntimeError("only one dimension can be inferred", () -> x.view(-1, -1));
    assertRuntimeError("invalid shape dimension -2", () -> x.view(-2, 6));
    assertRuntimeError("cannot reshape tensor of 0 elements into shape [0, -1] because the"
        + " unspecified dimension size -1 can be any value and is ambiguous",
        () -> Tensor.zeros(DType.FLOAT32, 0, 4).view(0, -1));
  }

  @Test
  void viewOfATransposeNeedsContiguousChunks() {
    Tensor t = x.t(); // [4, 3], strides [1, 4]
    assertRuntimeError(NOT_A_VIEW, () -> t.view(12));
    // torch.randn(6, 2).t().view(6, 2) fails too
    assertRuntimeError(NOT_A_VIEW, () -> Tensor.zeros(DType.FLOAT32, 6, 2).t().view(6, 2));
    // adding size-1 dims keeps each chunk whole
    assertLayout(t.view(4, 3, 1), shape(4, 3, 1), shape(1, 4, 4), 0);
    assertLayout(t.view(4, 1, 3), shape(4, 1, 3), shape(1, 12, 4), 0);
  }

  @Test
  void viewOfASliceMergesOnlyContiguousDims() {
    // zeros(2, 6, 4)[:, :3] is [2, 3, 4] with strides [24, 4, 1]: dims 1 and 2 merge, 0 and 1 not
    Tensor y = Tensor.zeros(DType.FLOAT32, 2, 6, 4).slice(1, null, 3L, 1);
    assertLayout(y, shape(2, 3, 4), shape(24, 4, 1), 0);
    assertLayout(y.view(2, 12), shape(2, 12), shape(24, 1), 0);
    assertLayout(y.view(2, 3, 2, 2), shape(2, 3, 2, 2), shape(24, 4, 2, 1), 0);
    assertRuntimeError(NOT_A_VIEW, () -> y.view(6, 4));
    // the storage offset carries over
    Tensor rows = x.slice(0, 1L, null, 1);
    assertLayout(rows.view(8), shape(8), shape(1), 4);
  }

  @Test
  void viewsOfZeroDimAndEmptyTensors() {
    Tensor s = Tensor.scalar(DType.FLOAT32, 3);
    assertLayout(s.view(1), shape(1), shape(1), 0);
    assertLayout(s.view(1, 1), shape(1, 1), shape(1, 1), 0);
    assertLayout(Tensor.zeros(DType.FLOAT32, 1).view(), shape(), shape(), 0);
    // zero elements: the same shape keeps its strides, another gets contiguous ones
    Tensor e = Tensor.zeros(DType.FLOAT32, 0, 4);
    assertLayout(e.view(0, 4), shape(0, 4), shape(4, 1), 0);
    assertLayout(e.view(4, 0), shape(4, 0), shape(1, 1), 0);
    assertLayout(e.view(2, 0, 3), shape(2, 0, 3), shape(3, 3, 1), 0);
  }

  @Test
  void reshapeIsAViewWhenPossibleElseACopy() {
    Tensor r = x.reshape(6, -1);
    assertLayout(r, shape(6, 2), shape(2, 1), 0);
    assertTrue(r.isAliasOf(x));
    Tensor t = x.t();
    Tensor copy = t.reshape(12);
    assertFalse(copy.isAliasOf(x));
    assertLayout(copy, shape(12), shape(1), 0);
    assertValues(copy, 0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11);
    assertTrue(t.reshape(4, 3, 1).isAliasOf(x));
    assertRuntimeError("shape '[5]' is invalid for input of size 12", () -> t.reshape(5));
  }

  @Test
  void flatten() {
    Tensor z = arange(DType.FLOAT32, 2, 3, 4);
    assertLayout(z.flatten(), shape(24), shape(1), 0);
    assertLayout(z.flatten(1, -1), shape(2, 12), shape(12, 1), 0);
    assertLayout(z.flatten(0, 1), shape(6, 4), shape(4, 1), 0);
    assertSame(z, z.flatten(1, 1));
    assertSame(z, z.flatten(-1, 2));
    assertLayout(Tensor.scalar(DType.FLOAT32, 1).flatten(), shape(1), shape(1), 0);
    assertRuntimeError("flatten() has invalid args: start_dim cannot come after end_dim",
        () -> z.flatten(2, 1));
    // flatten goes through reshape: a copy when the dims do not merge
    Tensor zt = z.transpose(0, 1); // [3, 2, 4], strides [4, 12, 1]
    Tensor f = zt.flatten(0, 1);
    assertFalse(f.isAliasOf(z));
    assertLayout(f, shape(6, 4), shape(4, 1), 0);
    assertEquals(12.0, f.getDouble(1, 0)); // zt[0][1][0] is z[1][0][0]
    // strides 12 and 1 (size 4) do not merge either
    assertFalse(zt.flatten(1, 2).isAliasOf(z));
  }

  @Test
  void unflatten() {
    assertLayout(x.unflatten(1, 2, 2), shape(3, 2, 2), shape(4, 2, 1), 0);
    assertLayout(x.unflatten(-1, 2, -1), shape(3, 2, 2), shape(4, 2, 1), 0);
    assertLayout(x.unflatten(0, 3, 1), shape(3, 1, 4), shape(4, 4, 1), 0);
    assertTrue(x.unflatten(0, 1, 3).isAliasOf(x));
    assertRuntimeError("unflatten: Provided sizes [2, 3] don't multiply up to the size of dim 1"
        + " (4) in the input tensor", () -> x.unflatten(1, 2, 3));
    assertRuntimeError("unflatten: sizes must be non-empty", () -> x.unflatten(1));
    assertRuntimeError("unflatten got an unexpected error:\nonly one dimension can be inferred",
        () -> x.unflatten(1, -1, -1));
    assertIndexError("Dimension specified as 0 but tensor has no dimensions",
        () -> Tensor.scalar(DType.FLOAT32, 1).unflatten(0, 1));
    // splitting one dim of a transpose is always a view
    assertLayout(x.t().unflatten(0, 2, 2), shape(2, 2, 3), shape(2, 1, 4), 0);
  }
}
