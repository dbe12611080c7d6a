package symtrace.tracer.ops;

import java.util.List;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.FakeTensor;
import symtrace.tracer.tensor.Geometry;
import symtrace.tracer.tensor.MemoryFormat;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorError;

/**
 * Tensor factories: from sizes ({@code empty}, {@code empty_strided}, {@code zeros}, {@code
 * ones}, {@code full}, {@code scalar_tensor}, {@code arange}; tagged {@link Tag#FACTORY}), like
 * another tensor ({@code *_like}: its sizes, and its layout under {@code preserve_format}) and
 * from another tensor's options ({@code new_*}: its dtype, contiguous).
 *
 * <p>Under the fake mode the meta rule runs and the result is a {@link FakeTensor} whose sizes
 * may be SymInts; each size is checked with {@code expect_size} (a guard {@code s >= 0} that a
 * backed size's range settles, a deferred runtime assert for an unbacked one). Unlike PyTorch's,
 * {@code empty} tensors are zero-filled. Default dtypes follow PyTorch: float32, except that
 * {@code full} infers bool, int64 or float32 from its fill value and {@code arange} gives int64
 * when every bound is an int ({@link Arange}).
 */
final class FactoryOps implements OpGroup {
  private static final String OPTIONS =
      "ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? pin_memory=None";

  @Override
  public void register(OpRegistry.Builder r) {
    r.op("empty.memory_format(SymInt[] size, *, " + OPTIONS
            + ", MemoryFormat? memory_format=None) -> Tensor")
        .tags(Tag.FACTORY, Tag.CORE)
        .meta((a, ctx) -> {
          checkContiguous(a.get(5));
          return Metas.empty(floatOr(a, 1), sizes(ctx.provenance(), a, 0));
        })
        .kernel(a -> {
          checkContiguous(a.get(5));
          return filled(a, 0, floatOr(a, 1), 0L);
        })
        .register();
    r.op("empty_strided(SymInt[] size, SymInt[] stride, *, " + OPTIONS + ") -> Tensor")
        .tags(Tag.FACTORY, Tag.CORE)
        .meta((a, ctx) -> Metas.emptyStrided(floatOr(a, 2),
            new Geometry(sizes(ctx.provenance(), a, 0), a.symIntList(1), SymInt.of(0))))
        .kernel(a -> Tensor.emptyStrided(floatOr(a, 2),
            Geometry.longs(sizes(Elementwise.provenance(a), a, 0)), a.longList(1)))
        .register();
    factory(r, "zeros(SymInt[] size, *, " + OPTIONS + ") -> Tensor", 1, 0L);
    factory(r, "ones(SymInt[] size, *, " + OPTIONS + ") -> Tensor", 1, 1L);
    r.op("full(SymInt[] size, Scalar fill_value, *, " + OPTIONS + ") -> Tensor")
        .tags(Tag.FACTORY, Tag.CORE)
        .meta((a, ctx) -> Metas.empty(fullDtype(a), sizes(ctx.provenance(), a, 0)))
        .kernel(a -> filled(a, 0, fullDtype(a), a.get(1)))
        .register();
    r.op("scalar_tensor(Scalar s, *, " + OPTIONS + ") -> Tensor")
        .tags(Tag.FACTORY, Tag.CORE)
        .meta((a, ctx) -> Metas.empty(floatOr(a, 1), List.of()))
        .kernel(a -> TensorWrites.fill(Tensor.zeros(floatOr(a, 1)), a.get(0)))
        .register();
    Arange.register(r, OPTIONS);

    like(r, "empty_like", "", 0L);
    like(r, "zeros_like", "", 0L);
    like(r, "ones_like", "", 1L);
    like(r, "full_like", "Scalar fill_value, ", null);

    fromOptions(r, "new_empty(Tensor self, SymInt[] size, *, " + OPTIONS + ") -> Tensor",
        2, 0L);
    fromOptions(r, "new_zeros(Tensor self, SymInt[] size, *, " + OPTIONS + ") -> Tensor",
        2, 0L);
    fromOptions(r, "new_ones(Tensor self, SymInt[] size, *, " + OPTIONS + ") -> Tensor",
        2, 1L);
    r.op("new_full(Tensor self, SymInt[] size, Scalar fill_value, *, " + OPTIONS
            + ") -> Tensor")
        .meta((a, ctx) -> Metas.empty(dtypeOfSelfOr(a, 3), sizes(ctx.provenance(), a, 1)))
        .kernel(a -> filled(a, 1, dtypeOfSelfOr(a, 3), a.get(2)))
        .register();
    r.op("new_empty_strided(Tensor self, SymInt[] size, SymInt[] stride, *, " + OPTIONS
            + ") -> Tensor")
        .meta((a, ctx) -> Metas.emptyStrided(dtypeOfSelfOr(a, 3),
            new Geometry(sizes(ctx.provenance(), a, 1), a.symIntList(2), SymInt.of(0))))
        .kernel(a -> Tensor.emptyStrided(dtypeOfSelfOr(a, 3),
            Geometry.longs(sizes(Elementwise.provenance(a), a, 1)), a.longList(2)))
        .register();
  }

  /** A factory of sizes filled with a constant, dtype at {@code dtypeIndex} (float32 if None). */
  private static void factory(OpRegistry.Builder r, String schema, int dtypeIndex, Object fill) {
    r.op(schema).tags(Tag.FACTORY)
        .meta((a, ctx) -> Metas.empty(floatOr(a, dtypeIndex), sizes(ctx.provenance(), a, 0)))
        .kernel(a -> filled(a, 0, floatOr(a, dtypeIndex), fill))
        .register();
  }

  /**
   * A {@code *_like} factory: {@code name(Tensor self, [extra] *, options, memory_format)}; a
   * null {@code fill} takes the value from argument 1 ({@code full_like}).
   */
  private static void like(OpRegistry.Builder r, String name, String extra, Object fill) {
    int dtypeIndex = fill == null ? 2 : 1;
    int formatIndex = dtypeIndex + 4;
    r.op(name + "(Tensor self, " + extra + "*, " + OPTIONS
            + ", MemoryFormat? memory_format=None) -> Tensor")
        .meta((a, ctx) -> Metas.emptyStrided(dtypeOfSelfOr(a, dtypeIndex),
            MemoryFormats.like(ctx.provenance(), a.tensor(0),
                MemoryFormats.of(a.get(formatIndex)))))
        .kernel(a -> {
          Geometry g = MemoryFormats.like(Elementwise.provenance(a), a.tensor(0),
              MemoryFormats.of(a.get(formatIndex)));
          Tensor out = Tensor.emptyStrided(dtypeOfSelfOr(a, dtypeIndex),
              Geometry.longs(g.sizes()), Geometry.longs(g.strides()));
          return TensorWrites.fill(out, fill == null ? a.get(1) : fill);
        })
        .register();
  }

  /** A {@code new_*} factory: sizes at 1, {@code self}'s dtype unless given, contiguous. */
  private static void fromOptions(OpRegistry.Builder r, String schema, int dtypeIndex,
      Object fill) {
    r.op(schema)
        .meta((a, ctx) -> Metas.empty(dtypeOfSelfOr(a, dtypeIndex),
            sizes(ctx.provenance(), a, 1)))
        .kernel(a -> filled(a, 1, dtypeOfSelfOr(a, dtypeIndex), fill))
        .register();
  }

  /**
   * The sizes argument, each checked as ATen's {@code check_size_nonnegative} does.
   *
   * @throws TensorError {@code Trying to create tensor with negative dimension -1: [-1, 3]}
   */
  static List<SymInt> sizes(Provenance why, Args a, int i) {
    List<SymInt> sizes = a.symIntList(i);
    for (SymInt s : sizes) {
      if (!s.expectSize(why)) {
        throw TensorError.runtime(
            "Trying to create tensor with negative dimension " + s + ": " + sizes);
      }
    }
    return sizes;
  }

  /** A new contiguous real tensor of the sizes at {@code sizeIndex}, filled with a number. */
  private static Tensor filled(Args a, int sizeIndex, DType dtype, Object fill) {
    long[] sizes = Geometry.longs(sizes(Elementwise.provenance(a), a, sizeIndex));
    return TensorWrites.fill(Tensor.zeros(dtype, sizes), fill);
  }

  private static DType floatOr(Args a, int i) {
    return a.isNone(i) ? DType.DEFAULT_FLOAT : a.dtype(i);
  }

  private static DType dtypeOfSelfOr(Args a, int i) {
    return a.isNone(i) ? a.tensor(0).dtype() : a.dtype(i);
  }

  /** {@code full}'s dtype: given, or the fill value's kind (bool, int64, float32). */
  private static DType fullDtype(Args a) {
    if (!a.isNone(2)) {
      return a.dtype(2);
    }
    Object v = a.get(1);
    return PyScalars.isBool(v) ? DType.BOOL
        : PyScalars.isInt(v) ? DType.INT64 : DType.DEFAULT_FLOAT;
  }

  private static void checkContiguous(Object memoryFormat) {
    if (memoryFormat != null && MemoryFormats.of(memoryFormat) != MemoryFormat.CONTIGUOUS) {
      throw TensorError.runtime("empty: memory format " + memoryFormat + " is not supported");
    }
  }
}
