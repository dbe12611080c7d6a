package symtrace.tracer.ops;

import java.util.ArrayList;
import java.util.List;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Geometry;
import symtrace.tracer.tensor.MemoryFormat;
import symtrace.tracer.tensor.ShapeRules;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.TensorValue;

/**
 * Indexing and the data-dependent operators: {@code index_select}, {@code gather}, advanced
 * indexing ({@code index.Tensor}, {@code index_put_}, {@code index_put}), {@code
 * _local_scalar_dense} and its composite {@code item}, {@code nonzero} and {@code
 * masked_select}. The meta rules follow PyTorch's meta registrations and fake tensor rules; the
 * data-dependent ones make unbacked symbols ({@link DataDependent}).
 */
final class IndexingOps implements OpGroup {
  @Override
  public void register(OpRegistry.Builder r) {
    r.op("index_select(Tensor self, int dim, Tensor index) -> Tensor")
        .meta((a, ctx) -> Metas.empty(a.tensor(0).dtype(),
            indexSelectShape(a.tensor(0), a.longValue(1), a.tensor(2))))
        .kernel(a -> indexSelect(a.realTensor(0), a.longValue(1), a.realTensor(2)))
        .register();
    r.op("gather(Tensor self, int dim, Tensor index, *, bool sparse_grad=False) -> Tensor")
        .meta((a, ctx) -> {
          checkGather(a.tensor(0), a.longValue(1), a.tensor(2), Conditions.of(ctx));
          return Metas.empty(a.tensor(0).dtype(), a.tensor(2).symSizes());
        })
        .kernel(a -> gather(a.realTensor(0), a.longValue(1), a.realTensor(2), Conditions.of(a)))
        .register();
    r.op("index.Tensor(Tensor self, Tensor?[] indices) -> Tensor")
        .meta((a, ctx) -> {
          AdvancedIndex.Plan p = AdvancedIndex.of(a.tensor(0), a.tensorList(1),
              mask -> DataDependent.nonzeroMeta(mask, ctx), Conditions.of(ctx));
          return Metas.empty(a.tensor(0).dtype(), p.resultShape());
        })
        .kernel(a -> AdvancedIndex.gather(realPlan(a)))
        .register();
    r.op("index_put_(Tensor(a!) self, Tensor?[] indices, Tensor values, bool accumulate=False)"
        + " -> Tensor(a!)")
        .meta((a, ctx) -> a.tensor(0))
        .kernel(a -> {
          AdvancedIndex.put(realPlan(a), a.tensorList(1), a.realTensor(2), a.bool(3));
          return a.realTensor(0);
        })
        .register();
    r.op("index_put(Tensor self, Tensor?[] indices, Tensor values, bool accumulate=False)"
        + " -> Tensor")
        .meta((a, ctx) -> Metas.emptyStrided(a.tensor(0).dtype(),
            Rearrangements.preserveFormat(a.tensor(0), Conditions.of(ctx))))
        .kernel(a -> {
          Tensor copy = a.realTensor(0).clone(MemoryFormat.PRESERVE);
          Args onCopy = a.with(0, copy);
          AdvancedIndex.put(realPlan(onCopy), a.tensorList(1), a.realTensor(2), a.bool(3));
          return copy;
        })
        .register();

    r.op("_local_scalar_dense(Tensor self) -> Scalar")
        .tags(Tag.DATA_DEPENDENT_OUTPUT)
        .meta((a, ctx) -> DataDependent.itemMeta(a.tensor(0), ctx))
        .kernel(a -> DataDependent.item(a.realTensor(0)))
        .register();
    r.composite("item(Tensor self) -> Scalar", IndexingOps::item);
    r.op("nonzero(Tensor self) -> Tensor")
        .tags(Tag.DYNAMIC_OUTPUT_SHAPE)
        .meta((a, ctx) -> DataDependent.nonzeroMeta(a.tensor(0), ctx))
        .kernel(a -> DataDependent.nonzero(a.realTensor(0)))
        .register();
    r.op("masked_select(Tensor self, Tensor mask) -> Tensor")
        .tags(Tag.DYNAMIC_OUTPUT_SHAPE)
        .meta((a, ctx) -> DataDependent.maskedSelectMeta(a.tensor(0), ctx))
        .kernel(a -> DataDependent.maskedSelect(a.realTensor(0), a.realTensor(1),
            Conditions.of(a)))
        .register();
  }

  /** The plan of a kernel's advanced indexing, with real {@code nonzero} for masks. */
  private static AdvancedIndex.Plan realPlan(Args a) {
    return AdvancedIndex.of(a.tensor(0), a.tensorList(1),
        mask -> DataDependent.nonzero((Tensor) mask), Conditions.of(a));
  }

  /**
   * {@code item()}: {@code _local_scalar_dense} of a one-element tensor; the element count is
   * checked (a guard on symbolic sizes).
   */
  private static Object item(Args args, Ops ops) {
    TensorValue self = args.tensor(0);
    Object numel = PyScalars.normalize(self.symNumel());
    if (!PyScalars.truth(ops.scalarBinary("eq", numel, 1L), Conditions.of(args).why())) {
      throw TensorError.runtime(
          "a Tensor with " + numel + " elements cannot be converted to Scalar");
    }
    return ops.call("aten._local_scalar_dense.default", self);
  }

  // ---------------------------------------------------------------------------------------
  // index_select

  /** ATen's checks of {@code index_select}, and the output's sizes. */
  private static List<SymInt> indexSelectShape(TensorValue self, long dim, TensorValue index) {
    int d = ShapeRules.wrapDim(dim, self.dim());
    if (index.dim() > 1) {
      throw TensorError.index("index_select(): Index is supposed to be a vector");
    }
    SymInt numel = index.symNumel();
    if (self.dim() == 0 && !(numel.isConstant() && numel.constantValue() == 1)) {
      throw TensorError.runtime(
          "index_select(): Index to scalar can have only 1 value, got " + numel + " value(s)");
    }
    if (index.dtype() != DType.INT64 && index.dtype() != DType.INT32) {
      throw TensorError.runtime("index_select(): Expected dtype int32 or int64 for index");
    }
    List<SymInt> sizes = new ArrayList<>(self.symSizes());
    if (self.dim() > 0) {
      sizes.set(d, numel);
    }
    return sizes;
  }

  /** {@code index_select(dim, index)}: the slices of {@code dim} at the indices, in order. */
  private static Tensor indexSelect(Tensor self, long dim, Tensor index) {
    long[] sizes = Geometry.longs(indexSelectShape(self, dim, index));
    int d = ShapeRules.wrapDim(dim, self.dim());
    return Gather.into(Tensor.zeros(self.dtype(), sizes), self, (out, src) -> {
      System.arraycopy(out, 0, src, 0, src.length);
      if (self.dim() == 0) {
        checkSelected(index.getLongFlat(0), 1);
        return true;
      }
      long i = index.getLongFlat(out[d]);
      checkSelected(i, self.size(d));
      src[d] = i;
      return true;
    });
  }

  private static void checkSelected(long i, long size) {
    if (i < 0 || i >= size) {
      throw TensorError.index("index out of range in self");
    }
  }

  // ---------------------------------------------------------------------------------------
  // gather

  /**
   * PyTorch's {@code meta_gather} checks: an int index with the input's number of dimensions,
   * no larger than the input outside {@code dim} (a {@code torch._check} on symbolic sizes);
   * an index without elements is not checked.
   */
  private static int checkGather(TensorValue self, long dim, TensorValue index, Conditions c) {
    int d = ShapeRules.wrapDim(dim, self.dim());
    if (c.orFalse(index.symNumel().eq(0))) {
      return d;
    }
    if (index.dtype() != DType.INT64 && index.dtype() != DType.INT32) {
      throw TensorError.runtime(
          "gather(): Expected dtype int32/int64 for index, but got " + index.dtype());
    }
    int selfDims = Math.max(self.dim(), 1);
    int indexDims = Math.max(index.dim(), 1);
    if (selfDims != indexDims) {
      throw TensorError.runtime(
          "Index tensor must have the same number of dimensions as input tensor");
    }
    for (int i = 0; i < selfDims; i++) {
      if (i == d) {
        continue;
      }
      SymInt indexSize = index.dim() == 0 ? SymInt.of(1) : index.symSize(i);
      SymInt selfSize = self.dim() == 0 ? SymInt.of(1) : self.symSize(i);
      int at = i;
      c.check(indexSize.le(selfSize), () -> TensorError.runtime("Size does not match at"
          + " dimension " + at + " expected index " + index.symSizes() + " to be no larger than"
          + " self " + self.symSizes() + " apart from dimension " + d));
    }
    return d;
  }

  /** {@code gather(dim, index)}: {@code out[i][j] = self[index[i][j]][j]} for {@code dim=0}. */
  private static Tensor gather(Tensor self, long dim, Tensor index, Conditions c) {
    int d = checkGather(self, dim, index, c);
    long bound = self.dim() == 0 ? 1 : self.size(d);
    return Gather.into(Tensor.zeros(self.dtype(), index.sizes()), self, (out, src) -> {
      long i = index.getLong(out);
      if (i < 0 || i >= bound) {
        throw TensorError.runtime("index " + i + " is out of bounds for dimension " + d
            + " with size " + bound);
      }
      if (src.length > 0) {
        System.arraycopy(out, 0, src, 0, src.length);
        src[d] = i;
      }
      return true;
    });
  }
}
