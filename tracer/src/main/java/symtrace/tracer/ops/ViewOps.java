package symtrace.tracer.ops;

import symtrace.tracer.tensor.Layout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.Geometry;
import symtrace.tracer.tensor.ShapeRules;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.TensorValue;
import symtrace.tracer.tensor.ViewRules;

/**
 * The view operators: each output shares its input's storage ({@link Tag#VIEW}). One layout
 * function per operator, written over SymInt ({@link ViewRules}, {@link SliceLayout}), serves
 * the kernel (a real view) and the meta rule (a fake view, {@link Metas#view}), so the two
 * cannot disagree. {@code _unsafe_view} has the layout of {@code view} but is not a view in
 * PyTorch's graph: its input is always a fresh copy.
 */
final class ViewOps implements OpGroup {
  /** The layout of one view. */
  @FunctionalInterface
  private interface Layout {
    Geometry of(TensorValue self, Args args, Conditions c);
  }

  /** The layouts of an operator with several views (split, unbind). */
  @FunctionalInterface
  private interface Layouts {
    List<Geometry> of(TensorValue self, Args args, Conditions c);
  }

  @Override
  public void register(OpRegistry.Builder r) {
    view(r, "view(Tensor(a) self, SymInt[] size) -> Tensor(a)", ViewOps::viewLayout, Tag.VIEW);
    view(r, "_unsafe_view(Tensor self, SymInt[] size) -> Tensor", ViewOps::viewLayout);
    view(r, "alias(Tensor(a) self) -> Tensor(a)", (self, a, c) -> self.geometry(), Tag.VIEW);
    view(r, "permute(Tensor(a) self, int[] dims) -> Tensor(a)",
        (self, a, c) -> rules(c).permute(self.geometry(), a.longList(1)), Tag.VIEW);
    view(r, "transpose.int(Tensor(a) self, int dim0, int dim1) -> Tensor(a)",
        (self, a, c) -> rules(c).transpose(self.geometry(), a.longValue(1), a.longValue(2)),
        Tag.VIEW);
    view(r, "t(Tensor(a) self) -> Tensor(a)", (self, a, c) -> rules(c).t(self.geometry()),
        Tag.VIEW);
    view(r, "expand(Tensor(a) self, SymInt[] size, *, bool implicit=False) -> Tensor(a)",
        (self, a, c) -> rules(c).expand(self.geometry(), a.symIntList(1), self.dtype()),
        Tag.VIEW);
    view(r, "unsqueeze(Tensor(a) self, int dim) -> Tensor(a)",
        (self, a, c) -> rules(c).unsqueeze(self.geometry(), a.longValue(1)), Tag.VIEW);
    view(r, "squeeze(Tensor(a) self) -> Tensor(a)",
        (self, a, c) -> rules(c).squeeze(self.geometry()), Tag.VIEW);
    view(r, "squeeze.dim(Tensor(a) self, int dim) -> Tensor(a)",
        (self, a, c) -> rules(c).squeeze(self.geometry(), a.longValue(1)), Tag.VIEW);
    view(r, "squeeze.dims(Tensor(a) self, int[] dim) -> Tensor(a)",
        (self, a, c) -> rules(c).squeeze(self.geometry(), a.longList(1)), Tag.VIEW);
    view(r, "select.int(Tensor(a) self, int dim, SymInt index) -> Tensor(a)",
        (self, a, c) -> rules(c).select(self.geometry(), a.longValue(1), a.symInt(2)), Tag.VIEW);
    view(r, "slice.Tensor(Tensor(a) self, int dim=0, SymInt? start=None, SymInt? end=None,"
        + " SymInt step=1) -> Tensor(a)",
        (self, a, c) -> SliceLayout.of(self.geometry(), a.longValue(1), optSymInt(a, 2),
            optSymInt(a, 3), a.symInt(4), c), Tag.VIEW);
    view(r, "unfold(Tensor(a) self, int dimension, int size, int step) -> Tensor(a)",
        (self, a, c) -> unfold(self.geometry(), a.longValue(1), a.longValue(2), a.longValue(3),
            c), Tag.VIEW);
    view(r, "diagonal(Tensor(a) self, int offset=0, int dim1=0, int dim2=1) -> Tensor(a)",
        (self, a, c) -> diagonal(self.geometry(), a.longValue(1), a.longValue(2),
            a.longValue(3), c), Tag.VIEW);
    view(r, "as_strided(Tensor(a) self, SymInt[] size, SymInt[] stride,"
        + " SymInt? storage_offset=None) -> Tensor(a)", ViewOps::asStrided, Tag.VIEW);
    views(r, "split.Tensor(Tensor(a -> *) self, SymInt split_size, int dim=0) -> Tensor(a)[]",
        (self, a, c) -> split(self.geometry(), a.symInt(1), a.longValue(2), c));
    views(r, "split_with_sizes(Tensor(a -> *) self, SymInt[] split_sizes, int dim=0)"
        + " -> Tensor(a)[]", (self, a, c) -> splitWithSizes(self.geometry(), a.symIntList(1),
            a.longValue(2), c));
    views(r, "unbind.int(Tensor(a -> *) self, int dim=0) -> Tensor(a)[]",
        (self, a, c) -> unbind(self.geometry(), a.longValue(1), c));
  }

  private static void view(OpRegistry.Builder r, String schema, Layout layout, Tag... tags) {
    r.op(schema).tags(tags)
        .meta((args, ctx) -> Views.of(args.tensor(0),
            layout.of(args.tensor(0), args, Conditions.of(ctx))))
        .kernel(args -> Views.of(args.tensor(0),
            layout.of(args.tensor(0), args, Conditions.of(args))))
        .register();
  }

  private static void views(OpRegistry.Builder r, String schema, Layouts layouts) {
    r.op(schema).tags(Tag.VIEW)
        .meta((args, ctx) -> Views.of(args.tensor(0),
            layouts.of(args.tensor(0), args, Conditions.of(ctx))))
        .kernel(args -> Views.of(args.tensor(0),
            layouts.of(args.tensor(0), args, Conditions.of(args))))
        .register();
  }

  private static ViewRules rules(Conditions c) {
    return ViewRules.of(c.why());
  }

  private static SymInt optSymInt(Args a, int i) {
    return a.isNone(i) ? null : a.symInt(i);
  }

  /** {@code view}: the layout PyTorch's fake tensors give it ({@link ReshapeView}). */
  private static Geometry viewLayout(TensorValue self, Args args, Conditions c) {
    return ReshapeView.of(self, args.symIntList(1), c);
  }

  /**
   * {@code as_strided}. A real view is checked against its storage; a fake storage has no size,
   * so a fake view is not bounded.
   */
  private static Geometry asStrided(TensorValue self, Args args, Conditions c) {
    List<SymInt> sizes = args.symIntList(1);
    List<SymInt> strides = args.symIntList(2);
    SymInt offset = args.isNone(3) ? self.symStorageOffset() : args.symInt(3);
    if (self instanceof Tensor t) {
      return rules(c).asStrided(sizes, strides, offset, t.dtype(),
          SymInt.of(t.storage().size()));
    }
    if (sizes.size() != strides.size()) {
      throw TensorError.runtime("mismatch in length of strides and shape");
    }
    return new Geometry(sizes, strides, offset);
  }

  /**
   * {@code unfold(dimension, size, step)}: windows of {@code size} every {@code step} along a
   * dimension, which shrinks to the number of windows; a new last dimension runs within a window.
   */
  private static Geometry unfold(Geometry g, long dimension, long size, long step, Conditions c) {
    int ndim = g.dim();
    int d = ShapeRules.wrapDim(dimension, ndim);
    SymInt maxSize = ndim == 0 ? SymInt.of(1) : g.size(d);
    if (!c.holds(maxSize.ge(size))) {
      throw TensorError.runtime("maximum size for tensor at dimension " + d + " is " + maxSize
          + " but size is " + size);
    }
    if (step <= 0) {
      throw TensorError.runtime("step is " + step + " but must be > 0");
    }
    List<SymInt> sizes = new ArrayList<>(g.sizes());
    List<SymInt> strides = new ArrayList<>(g.strides());
    sizes.add(SymInt.of(size));
    strides.add(ndim == 0 ? SymInt.of(1) : g.stride(d));
    if (d < ndim) {
      sizes.set(d, g.size(d).sub(size).floorDiv(step).add(1));
      strides.set(d, g.stride(d).mul(step));
    }
    return new Geometry(sizes, strides, g.storageOffset());
  }

  /**
   * {@code diagonal(offset, dim1, dim2)}: the diagonal of two dimensions, which are removed, as
   * a new last dimension; a positive offset starts above the main diagonal. The size is
   * {@code max(min(...), 0)} with Python's {@code min} and {@code max}, as PyTorch's reference
   * computes it for symbolic sizes (each a guarded comparison, not a {@code Min} expression).
   */
  private static Geometry diagonal(Geometry g, long offset, long dim1Arg, long dim2Arg,
      Conditions c) {
    int d1 = ShapeRules.wrapDim(dim1Arg, g.dim());
    int d2 = ShapeRules.wrapDim(dim2Arg, g.dim());
    if (d1 == d2) {
      throw TensorError.runtime(
          "diagonal dimensions cannot be identical " + dim1Arg + ", " + dim2Arg);
    }
    SymInt diag = offset >= 0
        ? nonNegative(smaller(g.size(d1), g.size(d2).sub(offset), c), c)
        : nonNegative(smaller(g.size(d1).add(offset), g.size(d2), c), c);
    SymInt storageOffset = g.storageOffset();
    // without elements the offset stays where it is rather than past the end
    if (c.holds(diag.gt(0))) {
      storageOffset = offset >= 0
          ? storageOffset.add(g.stride(d2).mul(offset))
          : storageOffset.sub(g.stride(d1).mul(offset));
    }
    List<SymInt> sizes = new ArrayList<>(g.sizes());
    List<SymInt> strides = new ArrayList<>(g.strides());
    sizes.remove(Math.max(d1, d2));
    strides.remove(Math.max(d1, d2));
    sizes.remove(Math.min(d1, d2));
    strides.remove(Math.min(d1, d2));
    sizes.add(diag);
    strides.add(g.stride(d1).add(g.stride(d2)));
    return new Geometry(sizes, strides, storageOffset);
  }

  /** Python's {@code min(a, b)}: {@code b} when {@code b < a}. */
  private static SymInt smaller(SymInt a, SymInt b, Conditions c) {
    return c.holds(b.lt(a)) ? b : a;
  }

  /** Python's {@code max(a, 0)}: its {@code 0 > a} is asked as {@code a < 0}. */
  private static SymInt nonNegative(SymInt a, Conditions c) {
    return c.holds(a.lt(0)) ? SymInt.of(0) : a;
  }

  /**
   * {@code split(split_size, dim)} as PyTorch's decomposition: {@code int((size + split_size -
   * 1) // split_size)} pieces (a guard on symbolic sizes), the last one shorter.
   */
  private static List<Geometry> split(Geometry g, SymInt splitSize, long dim, Conditions c) {
    if (g.dim() == 0) {
      throw TensorError.runtime("split expects at least a 1-dimensional tensor");
    }
    int d = ShapeRules.wrapDim(dim, g.dim());
    if (c.holds(splitSize.lt(0))) {
      throw TensorError.runtime(
          "split expects split_size be non-negative, but got split_size=" + splitSize);
    }
    SymInt dimSize = g.size(d);
    if (c.holds(splitSize.eq(0))) {
      if (!c.holds(dimSize.eq(0))) {
        throw TensorError.runtime("split_size can only be 0 if dimension size is 0, but got"
            + " dimension size of " + dimSize);
      }
      return List.of(g);
    }
    long chunks = Math.max(c.guardInt(dimSize.add(splitSize).sub(1).floorDiv(splitSize)), 1);
    List<SymInt> sizes = new ArrayList<>();
    for (long i = 0; i < chunks - 1; i++) {
      sizes.add(splitSize);
    }
    sizes.add(splitSize.sub(splitSize.mul(chunks).sub(dimSize)));
    return splitWithSizes(g, sizes, d, c);
  }

  /**
   * {@code split_with_sizes(sizes, dim)} as PyTorch's decomposition: each size checked to be a
   * size, their sum checked against the dimension, then consecutive views.
   */
  private static List<Geometry> splitWithSizes(Geometry g, List<SymInt> splitSizes, long dim,
      Conditions c) {
    if (g.dim() == 0) {
      throw TensorError.runtime("split expects at least a 1-dimensional tensor");
    }
    int d = ShapeRules.wrapDim(dim, g.dim());
    for (SymInt s : splitSizes) {
      c.check(s.ge(0), () -> TensorError.runtime("split_with_sizes expects split_sizes have only"
          + " non-negative entries, but got split_sizes=" + splitSizes));
      c.checkIsSize(s);
    }
    SymInt dimSize = g.size(d);
    c.check(SymInt.sum(splitSizes).eq(dimSize), () -> TensorError.runtime(
        "split_with_sizes expects split_sizes to sum exactly to " + dimSize
            + " (input tensor's size at dimension " + d + "), but got split_sizes="
            + splitSizes));
    List<Geometry> out = new ArrayList<>(splitSizes.size());
    SymInt offset = g.storageOffset();
    for (SymInt s : splitSizes) {
      List<SymInt> sizes = new ArrayList<>(g.sizes());
      sizes.set(d, s);
      out.add(new Geometry(sizes, g.strides(), offset));
      offset = offset.add(g.stride(d).mul(s));
    }
    return out;
  }

  /** {@code unbind(dim)}: one {@code select} per index, so the size is guarded to its value. */
  private static List<Geometry> unbind(Geometry g, long dim, Conditions c) {
    int d = ShapeRules.wrapDim(dim, g.dim(), false);
    SymInt size = g.size(d);
    if (c.sizeOblivious(size.eq(0))) {
      return List.of();
    }
    long n = c.guardInt(size);
    List<Geometry> out = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      out.add(rules(c).select(g, d, SymInt.of(i)));
    }
    return out;
  }
}
