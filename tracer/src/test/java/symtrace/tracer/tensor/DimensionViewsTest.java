package symtrace.tracer.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static symtrace.tracer.tensor.Tensors.arange;
import static symtrace.tracer.tensor.Tensors.assertIndexError;
import static symtrace.tracer.tensor.Tensors.assertLayout;
import static symtrace.tracer.tensor.Tensors.assertRuntimeError;
import static symtrace.tracer.tensor.Tensors.assertValues;
import static symtrace.tracer.tensor.Tensors.shape;

import org.junit.jupiter.api.Test;

/** transpose, t, permute, expand, unsqueeze and squeeze. */
class DimensionViewsTest {
  private final Tensor x = arange(DType.FLOAT32, 3, 4);
  private final Tensor z = arange(DType.FLOAT32, 2, 3, 4);

  @Test
  void transposeSwapsSizesAndStrides() {
    Tensor t = x.transpose(0, 1);
    assertLayout(t, shape(4, 3), shape(1, 4), 0);
    assertLayout(x.transpose(-1, -2), shape(4, 3), shape(1, 4), 0);
    assertLayout(z.transpose(0, 2), shape(4, 3, 2), shape(1, 4, 12), 0);
    assertEquals(1.0, t.getDouble(1, 0));
    t.setDouble(new long[] {3, 2}, -5);
    assertEquals(-5.0, x.getDouble(2, 3));
    assertLayout(x.transpose(1, 1), shape(3, 4), shape(4, 1), 0);
    assertIndexError("Dimension out of range (expected to be in range of [-2, 1], but got 2)",
        () -> x.transpose(0, 2));
    assertLayout(Tensor.scalar(DType.FLOAT32, 1).transpose(0, -1), shape(), shape(), 0);
  }

  @Test
  void tTransposesMatricesOnly() {
    assertLayout(x.t(), shape(4, 3), shape(1, 4), 0);
    Tensor v = arange(DType.FLOAT32, 5);
    assertLayout(v.t(), shape(5), shape(1), 0);
    assertTrue(v.t().isAliasOf(v));
    assertRuntimeError("t() expects a tensor with <= 2 dimensions, but self is 3D", z::t);
  }

  @Test
  void permute() {
    Tensor p = z.permute(2, 0, 1);
    assertLayout(p, shape(4, 2, 3), shape(1, 12, 4), 0);
    assertEquals(z.getDouble(1, 2, 3), p.getDouble(3, 1, 2));
    assertLayout(z.permute(-1, -3, -2), shape(4, 2, 3), shape(1, 12, 4), 0);
    assertRuntimeError("permute(): duplicate dims are not allowed.", () -> z.permute(0, 0, 1));
    assertRuntimeError("permute(sparse_coo): number of dimensions in the tensor input does not"
        + " match the length of the desired ordering of dimensions i.e. input.dim() = 3 is not"
        + " equal to len(dims) = 2", () -> z.permute(0, 1));
    assertIndexError("Dimension out of range (expected to be in range of [-3, 2], but got 3)",
        () -> z.permute(0, 1, 3));
  }

  @Test
  void expandStretchesWithStrideZero() {
    Tensor v = arange(DType.FLOAT32, 3);
    Tensor e = v.expand(2, 3);
    assertLayout(e, shape(2, 3), shape(0, 1), 0);
    assertValues(e, 0, 1, 2, 0, 1, 2);
    Tensor col = arange(DType.FLOAT32, 3, 1);
    assertLayout(col.expand(3, 4), shape(3, 4), shape(1, 0), 0);
    assertLayout(col.expand(-1, 4), shape(3, 4), shape(1, 0), 0);
    assertLayout(col.expand(2, 3, 4), shape(2, 3, 4), shape(0, 1, 0), 0);
    assertLayout(Tensor.zeros(DType.FLOAT32, 1).expand(0), shape(0), shape(0), 0);
    assertLayout(Tensor.scalar(DType.FLOAT32, 2).expand(2, 3), shape(2, 3), shape(0, 0), 0);
    // the expanded view sees writes to its base
    v.setDoubleFlat(0, 5);
    assertEquals(5.0, e.getDouble(1, 0));
    assertLayout(x.expandAs(Tensor.zeros(DType.INT64, 2, 3, 4)), shape(2, 3, 4),
        shape(0, 4, 1), 0);
    assertLayout(x.slice(0, 1L, null, 1).expand(5, 2, 4), shape(5, 2, 4), shape(0, 4, 1), 4);
  }

  @Test
  void expandErrorsAreTorchs() {
    Tensor t = Tensor.zeros(DType.FLOAT32, 2, 3);
    assertRuntimeError("The expanded size of the tensor (4) must match the existing size (3) at"
        + " non-singleton dimension 1.  Target sizes: [2, 4].  Tensor sizes: [2, 3]",
        () -> t.expand(2, 4));
    assertRuntimeError("expand(torch.FloatTensor{[2, 3]}, size=[4]): the number of sizes"
        + " provided (1) must be greater or equal to the number of dimensions in the tensor (2)",
        () -> t.expand(4));
    assertRuntimeError("expand(torch.LongTensor{[2, 3]}, size=[3]): the number of sizes"
        + " provided (1) must be greater or equal to the number of dimensions in the tensor (2)",
        () -> Tensor.zeros(DType.INT64, 2, 3).expand(3));
    assertRuntimeError("The expanded size of the tensor (-1) isn't allowed in a leading,"
        + " non-existing dimension 0", () -> arange(DType.FLOAT32, 3).expand(-1, 3));
  }

  @Test
  void unsqueeze() {
    assertLayout(x.unsqueeze(0), shape(1, 3, 4), shape(12, 4, 1), 0);
    assertLayout(x.unsqueeze(1), shape(3, 1, 4), shape(4, 4, 1), 0);
    assertLayout(x.unsqueeze(2), shape(3, 4, 1), shape(4, 1, 1), 0);
    assertLayout(x.unsqueeze(-1), shape(3, 4, 1), shape(4, 1, 1), 0);
    assertLayout(x.unsqueeze(-3), shape(1, 3, 4), shape(12, 4, 1), 0);
    // the new stride is size * stride of the dim it goes before
    assertLayout(x.t().unsqueeze(1), shape(4, 1, 3), shape(1, 12, 4), 0);
    assertLayout(Tensor.scalar(DType.FLOAT32, 1).unsqueeze(0), shape(1), shape(1), 0);
    assertIndexError("Dimension out of range (expected to be in range of [-3, 2], but got 3)",
        () -> x.unsqueeze(3));
  }

  @Test
  void squeeze() {
    Tensor u = x.unsqueeze(1); // [3, 1, 4], strides [4, 4, 1]
    assertLayout(u.squeeze(), shape(3, 4), shape(4, 1), 0);
    assertLayout(u.squeeze(1), shape(3, 4), shape(4, 1), 0);
    assertLayout(u.squeeze(-2), shape(3, 4), shape(4, 1), 0);
    assertLayout(u.squeeze(0), shape(3, 1, 4), shape(4, 4, 1), 0);
    assertLayout(u.squeeze(new long[] {0, 1}), shape(3, 4), shape(4, 1), 0);
    assertLayout(arange(DType.FLOAT32, 1, 1).squeeze(), shape(), shape(), 0);
    assertLayout(Tensor.scalar(DType.FLOAT32, 1).squeeze(0), shape(), shape(), 0);
    assertRuntimeError("dim 1 appears multiple times in the list of dims",
        () -> u.squeeze(new long[] {1, -2}));
    assertTrue(u.squeeze().isAliasOf(x));
  }
}
