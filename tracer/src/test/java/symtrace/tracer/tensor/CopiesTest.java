package symtrace.tracer.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static symtrace.tracer.tensor.Tensors.arange;
import static symtrace.tracer.tensor.Tensors.assertLayout;
import static symtrace.tracer.tensor.Tensors.assertRuntimeError;
import static symtrace.tracer.tensor.Tensors.assertValues;
import static symtrace.tracer.tensor.Tensors.shape;

import org.junit.jupiter.api.Test;

/** contiguous, clone, to, copy_, fill_ and zero_. */
class CopiesTest {
  private final Tensor x = arange(DType.FLOAT32, 3, 4);

  @Test
  void contiguousCopiesOnlyWhenNeeded() {
    assertSame(x, x.contiguous());
    Tensor c = x.t().contiguous();
    assertFalse(c.isAliasOf(x));
    assertLayout(c, shape(4, 3), shape(3, 1), 0);
    assertValues(c, 0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11);
    // a size-1 dim with an odd stride is contiguous already
    Tensor odd = Tensor.zeros(DType.FLOAT32, 10).asStrided(shape(1, 3), shape(7, 1));
    assertSame(odd, odd.contiguous());
  }

  @Test
  void clonePreservesADenseLayout() {
    Tensor c = x.t().clone();
    assertLayout(c, shape(4, 3), shape(1, 4), 0);
    assertFalse(c.isAliasOf(x));
    assertValues(c, x.t().toDoubleArray());
    Tensor p = arange(DType.FLOAT32, 2, 3, 4).permute(2, 0, 1).clone();
    assertLayout(p, shape(4, 2, 3), shape(1, 12, 4), 0);
    // a dense view with an offset is cloned to offset 0
    assertLayout(x.select(0, 2).clone(), shape(4), shape(1), 0);
  }

  @Test
  void cloneOfASparseLayoutKeepsItsStrideOrder() {
    // x[:, ::2]: strides [4, 2] become [2, 1]
    assertLayout(x.slice(1, null, null, 2).clone(), shape(3, 2), shape(2, 1), 0);
    // zeros(2, 3, 4).permute(2, 0, 1)[:, :, ::2]: strides [1, 12, 8]; dim 0 stays innermost,
    // then dim 2, then dim 1
    Tensor s = arange(DType.FLOAT32, 2, 3, 4).permute(2, 0, 1).slice(2, null, null, 2);
    assertLayout(s, shape(4, 2, 2), shape(1, 12, 8), 0);
    Tensor c = s.clone();
    assertLayout(c, shape(4, 2, 2), shape(1, 8, 4), 0);
    assertValues(c, s.toDoubleArray());
    // a stride 0 keeps its place: an expanded row clones contiguous
    assertLayout(arange(DType.FLOAT32, 3).expand(2, 3).clone(), shape(2, 3), shape(3, 1), 0);
    assertLayout(x.t().clone(MemoryFormat.CONTIGUOUS), shape(4, 3), shape(3, 1), 0);
  }

  @Test
  void toConvertsOrReturnsItself() {
    assertSame(x, x.to(DType.FLOAT32));
    Tensor f = Tensor.ofDoubles(DType.FLOAT32, shape(3), -1.5, 2.75, -0.25);
    assertValues(f.to(DType.INT64), -1, 2, 0);
    assertEquals(DType.INT64, f.to(DType.INT64).dtype());
    assertValues(f.to(DType.BOOL), 1, 1, 1);
    assertValues(Tensor.ofDoubles(DType.FLOAT64, shape(1), 0.1).to(DType.FLOAT32), (float) 0.1);
    Tensor t = x.t().to(DType.FLOAT64);
    assertLayout(t, shape(4, 3), shape(1, 4), 0);
    assertNotSame(x.storage(), t.storage());
  }

  @Test
  void copyBroadcastsTheSource() {
    Tensor dst = Tensor.zeros(DType.FLOAT32, 3, 4);
    dst.copy_(arange(DType.INT64, 4));
    assertValues(dst, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3);
    dst.copy_(Tensor.scalar(DType.FLOAT64, 0.5));
    assertValues(dst.select(0, 2), 0.5, 0.5, 0.5, 0.5);
    dst.copy_(arange(DType.FLOAT32, 3, 1));
    assertValues(dst.select(1, 3), 0, 1, 2);
  }

  @Test
  void copyWritesThroughAView() {
    Tensor base = Tensor.zeros(DType.INT64, 3, 4);
    Tensor col = base.select(1, 2);
    assertSame(col, col.copy_(Tensor.ofLongs(DType.INT64, shape(3), 7, 8, 9)));
    assertValues(base, 0, 0, 7, 0, 0, 0, 8, 0, 0, 0, 9, 0);
    base.t().copy_(arange(DType.INT64, 4, 3));
    assertValues(base, 0, 3, 6, 9, 1, 4, 7, 10, 2, 5, 8, 11);
  }

  @Test
  void copyConvertsOnce() {
    Tensor dst = Tensor.zeros(DType.FLOAT32, 1);
    dst.copy_(Tensor.ofLongs(DType.INT64, shape(1), 16_777_217L));
    assertValues(dst, 16_777_216.0);
    Tensor ints = Tensor.zeros(DType.INT32, 2);
    ints.copy_(Tensor.ofDoubles(DType.FLOAT64, shape(2), 3.99, -3.99));
    assertValues(ints, 3, -3);
  }

  @Test
  void copyErrorsAreTorchs() {
    assertRuntimeError("output with shape [3] doesn't match the broadcast shape [2, 3]",
        () -> Tensor.zeros(DType.FLOAT32, 3).copy_(Tensor.zeros(DType.FLOAT32, 2, 3)));
    assertRuntimeError("The size of tensor a (3) must match the size of tensor b (4) at"
        + " non-singleton dimension 1",
        () -> Tensor.zeros(DType.FLOAT32, 2, 3).copy_(Tensor.zeros(DType.FLOAT32, 4)));
    assertRuntimeError("unsupported operation: more than one element of the written-to tensor"
        + " refers to a single memory location. Please clone() the tensor before performing the"
        + " operation.",
        () -> arange(DType.FLOAT32, 3).expand(2, 3).copy_(Tensor.zeros(DType.FLOAT32, 2, 3)));
    Tensor v = arange(DType.FLOAT32, 6);
    assertRuntimeError("unsupported operation: some elements of the input tensor and the"
        + " written-to tensor refer to a single memory location. Please clone() the tensor before"
        + " performing the operation.",
        () -> v.slice(0, 1L, null, 1).copy_(v.slice(0, null, -1L, 1)));
    // a square transpose covers the same memory in another order: a partial overlap too
    Tensor sq = arange(DType.FLOAT32, 2, 2);
    assertRuntimeError("unsupported operation: some elements of the input tensor and the"
        + " written-to tensor refer to a single memory location. Please clone() the tensor before"
        + " performing the operation.", () -> sq.copy_(sq.t()));
  }

  @Test
  void copyOfItselfOrTheSameDataIsANoOp() {
    assertSame(x, x.copy_(x));
    assertSame(x, x.copy_(x.view(3, 4)));
    assertValues(x.select(0, 0), 0, 1, 2, 3);
  }

  @Test
  void copyBetweenInterleavedViewsOfOneStorage() {
    // x[::2].copy_(x[1::2]): too hard for ATen's overlap check, and disjoint
    Tensor v = arange(DType.FLOAT32, 6);
    v.slice(0, null, null, 2).copy_(v.slice(0, 1L, null, 2));
    assertValues(v, 1, 1, 3, 3, 5, 5);
  }

  @Test
  void fillAndZero() {
    Tensor t = Tensor.zeros(DType.INT64, 2, 3);
    t.fill_(2.5);
    assertValues(t, 2, 2, 2, 2, 2, 2);
    t.select(0, 1).fill_(7L);
    assertValues(t, 2, 2, 2, 7, 7, 7);
    t.narrow(1, 1, 1).zero_();
    assertValues(t, 2, 0, 2, 7, 0, 7);
    Tensor f = Tensor.zeros(DType.FLOAT32, 2).fill_(true);
    assertValues(f, 1, 1);
    Tensor b = Tensor.zeros(DType.BOOL, 2).fill_(0.5);
    assertTrue(b.getBoolFlat(1));
    // filling an expanded view is allowed (ATen does not check overlap for fill_)
    Tensor row = Tensor.zeros(DType.FLOAT32, 3);
    row.expand(4, 3).fill_(1.5);
    assertValues(row, 1.5, 1.5, 1.5);
    assertValues(Tensor.full(DType.FLOAT32, 0.1, 1), (float) 0.1);
  }
}
