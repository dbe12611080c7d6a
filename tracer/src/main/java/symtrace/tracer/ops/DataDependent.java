package symtrace.tracer.ops;

import java.util.ArrayList;
import java.util.List;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.range.ValueRange;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.FakeTensor;
import symtrace.tracer.tensor.Geometry;
import symtrace.tracer.tensor.ShapeRules;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.TensorValue;

/**
 * The operators whose output depends on data ({@code nonzero}, {@code masked_select}, {@code
 * _local_scalar_dense}): their kernels, and their fake outputs as PyTorch's fake tensors make
 * them ({@code fake_impls.py}), sized or valued by fresh unbacked symbols. An unbacked count is
 * size-like with range {@code [0, maxval]}, where {@code maxval} bounds the number of elements.
 */
final class DataDependent {
  /** {@code sys.maxsize - 1}: the bound PyTorch uses when the element count is unbounded. */
  private static final long UNBOUNDED = Long.MAX_VALUE - 1;

  private DataDependent() {}

  // ---------------------------------------------------------------------------------------
  // nonzero

  /**
   * A fake {@code nonzero}: {@code [u, ndim]} int64 with strides {@code (1, u)}; {@code u} is at
   * most the number of elements (its upper bound when symbolic), and 0 when there are none.
   */
  static FakeTensor nonzeroMeta(TensorValue t, MetaContext ctx) {
    SymInt numel = t.symNumel();
    SymInt count;
    if (numel.isConstant() && numel.constantValue() == 0) {
      count = SymInt.of(0);
    } else if (t instanceof FakeTensor fake && fake.nonzeroMemo() != null) {
      count = fake.nonzeroMemo();
    } else {
      count = ctx.newUnbackedInt("aten.nonzero.default");
      long maxval = numel.isConstant() ? numel.constantValue() : upperBound(ctx, numel);
      constrainCount(ctx.shapeEnv(), count, maxval);
      if (t instanceof FakeTensor fake) {
        fake.rememberNonzero(count);
      }
    }
    return Metas.emptyStrided(DType.INT64, new Geometry(List.of(count, SymInt.of(t.dim())),
        List.of(SymInt.of(1), count), SymInt.of(0)));
  }

  /** {@code nonzero}: the indices of the non-zero elements in row-major order, one per row. */
  static Tensor nonzero(Tensor t) {
    List<long[]> found = new ArrayList<>();
    long[] sizes = t.sizes();
    long[] index = new long[sizes.length];
    for (long i = 0; i < t.numel(); i++) {
      if (t.getBoolFlat(i)) {
        found.add(index.clone());
      }
      Gather.next(index, sizes);
    }
    Tensor out = Tensor.zeros(DType.INT64, found.size(), sizes.length);
    for (int row = 0; row < found.size(); row++) {
      for (int d = 0; d < sizes.length; d++) {
        out.setLong(new long[] {row, d}, found.get(row)[d]);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------
  // masked_select

  /**
   * A fake {@code masked_select}: {@code [u]}, {@code u} bounded by {@code self}'s element
   * count when that exceeds 2 (PyTorch's rule, which reads {@code self} alone).
   */
  static FakeTensor maskedSelectMeta(TensorValue self, MetaContext ctx) {
    SymInt count = ctx.newUnbackedInt("aten.masked_select.default");
    SymInt numel = self.symNumel();
    long elements = numel.isConstant() ? numel.constantValue() : upperBound(ctx, numel);
    constrainCount(ctx.shapeEnv(), count, elements > 2 ? elements : UNBOUNDED);
    return Metas.empty(self.dtype(), List.of(count));
  }

  /**
   * {@code masked_select(self, mask)}: the elements of {@code self} where the bool {@code mask}
   * is true, both broadcast to one shape, in row-major order.
   */
  static Tensor maskedSelect(Tensor self, Tensor mask, Conditions c) {
    if (mask.dtype() != DType.BOOL) {
      throw TensorError.runtime("masked_select: expected BoolTensor for mask");
    }
    // ATen broadcasts (mask, self): the mask is "tensor a" of a mismatch
    long[] shape = Geometry.longs(ShapeRules.of(c.why())
        .broadcastShapes(mask.geometry().sizes(), self.geometry().sizes()));
    Tensor values = self.expand(shape);
    Tensor where = mask.expand(shape);
    List<Long> picked = new ArrayList<>();
    for (long i = 0; i < values.numel(); i++) {
      if (where.getBoolFlat(i)) {
        picked.add(i);
      }
    }
    Tensor out = Tensor.zeros(self.dtype(), picked.size());
    for (int k = 0; k < picked.size(); k++) {
      out.storage().copyElement(out.storageIndexOfFlat(k), values.storage(),
          values.storageIndexOfFlat(picked.get(k)));
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------
  // _local_scalar_dense

  /**
   * A fake {@code _local_scalar_dense}: the value of a known constant, else a fresh unbacked
   * float, int or bool by the dtype.
   */
  static Object itemMeta(TensorValue t, MetaContext ctx) {
    if (t instanceof Tensor real) {
      return item(real);
    }
    FakeTensor fake = (FakeTensor) t;
    Tensor constant = fake.constant();
    if (constant != null) {
      return item(constant);
    }
    Object known = fake.itemMemo();
    if (known != null) {
      return known;
    }
    Object value = unbackedItem(t, ctx);
    fake.rememberItem(value);
    return value;
  }

  private static Object unbackedItem(TensorValue t, MetaContext ctx) {
    String op = "aten._local_scalar_dense.default";
    if (t.dtype().isFloatingPoint()) {
      return ctx.newUnbackedFloat(op);
    }
    if (t.dtype().isInteger()) {
      return ctx.newUnbackedInt(op);
    }
    if (ctx.shapeEnv() == null) {
      throw new DataDependentOutputException(op);
    }
    return ctx.shapeEnv().createUnbackedSymBool();
  }

  /** {@code _local_scalar_dense}: the one element as a Python float, int or bool. */
  static Object item(Tensor t) {
    if (t.dtype().isFloatingPoint()) {
      return t.itemDouble();
    }
    if (t.dtype().isInteger()) {
      return t.itemLong();
    }
    return t.itemBool();
  }

  // ---------------------------------------------------------------------------------------

  /** The upper end of a size expression's range, {@code sys.maxsize - 1} when unbounded. */
  private static long upperBound(MetaContext ctx, SymInt size) {
    ValueRange range = ctx.shapeEnv().bound(size.expr());
    return range.upper() instanceof IntLit upper && upper.fitsLong()
        ? upper.longValue()
        : UNBOUNDED;
  }

  /** PyTorch's {@code _constrain_range_for_size(count, max=maxval)}. */
  private static void constrainCount(ShapeEnv env, SymInt count, long maxval) {
    Sym s = (Sym) count.expr();
    env.constrainRangeForSize(s);
    env.constrainRange(s, 0, maxval);
  }
}
