package symtrace.tracer.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.MemoryFormat;
import symtrace.tracer.tensor.ShapeRules;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.TensorValue;

/**
 * Shape operators that are not views: the composites PyTorch decomposes above the tracer
 * ({@code reshape}, {@code flatten}, {@code unflatten}, {@code narrow}, {@code contiguous},
 * {@code expand_as}, {@code view_as}, {@code chunk}, {@code movedim}), written with their size
 * arithmetic through {@link Ops} so that a trace records it as PyTorch's does, and the copies
 * {@code cat}, {@code stack}, {@code repeat}, {@code flip}, {@code roll}, {@code tril} and
 * {@code triu}.
 */
final class ShapeOps implements OpGroup {
  @Override
  public void register(OpRegistry.Builder r) {
    r.composite("reshape(Tensor(a) self, SymInt[] shape) -> Tensor(a)", ShapeOps::reshape);
    r.composite("flatten.using_ints(Tensor(a) self, int start_dim=0, int end_dim=-1)"
        + " -> Tensor(a)", ShapeOps::flatten);
    r.composite("unflatten.int(Tensor(a) self, int dim, SymInt[] sizes) -> Tensor(a)",
        ShapeOps::unflatten);
    r.composite("narrow(Tensor(a) self, int dim, SymInt start, SymInt length) -> Tensor(a)",
        ShapeOps::narrow);
    r.composite("contiguous(Tensor(a) self, *, MemoryFormat memory_format=contiguous_format)"
        + " -> Tensor(a)", ShapeOps::contiguous);
    r.composite("expand_as(Tensor(a) self, Tensor other) -> Tensor(a)",
        (a, ops) -> ops.call("aten.expand.default", a.tensor(0), sizes(a.tensor(1))));
    r.composite("view_as(Tensor(a) self, Tensor other) -> Tensor(a)",
        (a, ops) -> ops.call("aten.view.default", a.tensor(0), sizes(a.tensor(1))));
    r.composite("chunk(Tensor(a -> *) self, int chunks, int dim=0) -> Tensor(a)[]",
        ShapeOps::chunk);
    r.composite("movedim.intlist(Tensor(a) self, int[] source, int[] destination)"
        + " -> Tensor(a)", (a, ops) -> movedim(a.tensor(0), a.longList(1), a.longList(2), ops));
    r.composite("movedim.int(Tensor(a) self, int source, int destination) -> Tensor(a)",
        (a, ops) -> movedim(a.tensor(0), new long[] {a.longValue(1)},
            new long[] {a.longValue(2)}, ops));

    r.op("cat(Tensor[] tensors, int dim=0) -> Tensor")
        .meta((a, ctx) -> {
          Concat.Plan p = Concat.cat(a.tensorList(0), a.longValue(1), Conditions.of(ctx));
          return Metas.empty(p.dtype(), p.sizes());
        })
        .kernel(a -> Concat.catKernel(a.tensorList(0),
            Concat.cat(a.tensorList(0), a.longValue(1), Conditions.of(a))))
        .register();
    r.op("stack(Tensor[] tensors, int dim=0) -> Tensor")
        .meta((a, ctx) -> {
          Concat.Stack p = Concat.stack(a.tensorList(0), a.longValue(1), Conditions.of(ctx));
          return Metas.empty(p.dtype(), p.sizes());
        })
        .kernel(a -> Concat.stackKernel(a.tensorList(0),
            Concat.stack(a.tensorList(0), a.longValue(1), Conditions.of(a))))
        .register();
    r.op("repeat(Tensor self, SymInt[] repeats) -> Tensor")
        .meta((a, ctx) -> Metas.empty(a.tensor(0).dtype(),
            Rearrangements.repeatShape(a.tensor(0), a.symIntList(1), Conditions.of(ctx))))
        .kernel(a -> Rearrangements.repeat(a.realTensor(0), a.symIntList(1), Conditions.of(a)))
        .register();
    r.op("flip(Tensor self, int[] dims) -> Tensor")
        .meta((a, ctx) -> Rearrangements.flipMeta(a.tensor(0), a.longList(1),
            Conditions.of(ctx)))
        .kernel(a -> Rearrangements.flip(a.realTensor(0), a.longList(1)))
        .register();
    r.op("roll(Tensor self, SymInt[1] shifts, int[1] dims=[]) -> Tensor")
        .meta((a, ctx) -> Rearrangements.rollMeta(a.tensor(0), ((List<?>) a.get(1)).size(),
            a.longList(2), Conditions.of(ctx)))
        .kernel(a -> Rearrangements.roll(a.realTensor(0), a.longList(1), a.longList(2)))
        .register();
    r.op("tril(Tensor self, SymInt diagonal=0) -> Tensor")
        .meta((a, ctx) -> Rearrangements.triangleMeta(a.tensor(0), "tril"))
        .kernel(a -> Rearrangements.triangle(a.realTensor(0), a.longValue(1), true))
        .register();
    r.op("triu(Tensor self, SymInt diagonal=0) -> Tensor")
        .meta((a, ctx) -> Rearrangements.triangleMeta(a.tensor(0), "triu"))
        .kernel(a -> Rearrangements.triangle(a.realTensor(0), a.longValue(1), false))
        .register();
  }

  /** A tensor's sizes as a graph passes them: plain ints where known, SymInts otherwise. */
  private static List<Object> sizes(TensorValue t) {
    List<Object> out = new ArrayList<>(t.dim());
    for (SymInt s : t.symSizes()) {
      out.add(PyScalars.normalize(s));
    }
    return out;
  }

  private static List<Object> normalized(List<?> values) {
    List<Object> out = new ArrayList<>(values.size());
    for (Object v : values) {
      out.add(PyScalars.normalize(v));
    }
    return out;
  }

  private static Object size(TensorValue t, int d) {
    return PyScalars.normalize(t.symSize(d));
  }

  private static Object neg(Ops ops, Object v) {
    return PyScalars.isSymbolic(v) ? ops.call("operator.neg", v) : PyScalars.neg(v);
  }

  private static boolean truth(Object v, Conditions c) {
    return PyScalars.truth(v, c.why());
  }

  private static Object clone(Ops ops, TensorValue t, Object memoryFormat) {
    return ops.call(ops.registry().get("aten.clone.default"), List.of(t),
        Map.of("memory_format", memoryFormat));
  }

  /**
   * {@code reshape}: a contiguous tensor (as far as sizes decide, {@code is_contiguous_or_false})
   * is viewed with the shape as given; otherwise the shape is inferred and the tensor viewed
   * when its strides allow ({@code computeStride}), else copied contiguously and {@code
   * _unsafe_view}ed.
   */
  private static Object reshape(Args args, Ops ops) {
    TensorValue self = args.tensor(0);
    List<Object> proposed = normalized((List<?>) args.get(1));
    Conditions c = Conditions.of(args);
    if (Contiguity.isContiguousOrFalse(self, ops, c.why())) {
      return ops.call("aten.view.default", self, proposed);
    }
    List<Object> shape = InferSize.traced(proposed, PyScalars.normalize(self.symNumel()), ops, c);
    if (ViewStrides.exists(self, shape, ops, c.why())) {
      return ops.call("aten.view.default", self, shape);
    }
    return ops.call("aten._unsafe_view.default", clone(ops, self, MemoryFormat.CONTIGUOUS), shape);
  }

  /**
   * {@code flatten(start_dim, end_dim)}: the dimensions merged through {@code reshape}, their
   * product multiplied left to right; the tensor itself when {@code start_dim == end_dim}.
   */
  private static Object flatten(Args args, Ops ops) {
    TensorValue self = args.tensor(0);
    int ndim = self.dim();
    int start = ShapeRules.wrapDim(args.longValue(1), ndim);
    int end = ShapeRules.wrapDim(args.longValue(2), ndim);
    if (start > end) {
      throw TensorError.runtime("flatten() has invalid args: start_dim cannot come after end_dim");
    }
    if (ndim == 0) {
      return ops.call("aten.reshape.default", self, List.of(1L));
    }
    if (start == end) {
      return self;
    }
    Object merged = size(self, start);
    for (int d = start + 1; d <= end; d++) {
      merged = ops.mul(merged, size(self, d));
    }
    List<Object> shape = new ArrayList<>();
    for (int d = 0; d < start; d++) {
      shape.add(size(self, d));
    }
    shape.add(merged);
    for (int d = end + 1; d < ndim; d++) {
      shape.add(size(self, d));
    }
    return ops.call("aten.reshape.default", self, shape);
  }

  /**
   * {@code unflatten(dim, sizes)}: the sizes' {@code -1} inferred by ATen's {@code infer_size}
   * against the dimension, then a {@code view}.
   */
  private static Object unflatten(Args args, Ops ops) {
    TensorValue self = args.tensor(0);
    int d = ShapeRules.wrapDim(args.longValue(1), self.dim(), false);
    List<Object> sizes = normalized((List<?>) args.get(2));
    if (sizes.isEmpty()) {
      throw TensorError.runtime("unflatten: sizes must be non-empty");
    }
    List<Object> inferred;
    try {
      inferred = InferSize.traced(sizes, size(self, d), ops, Conditions.of(args));
    } catch (TensorError e) {
      if (!e.getMessage().contains("is invalid for input of size")) {
        throw TensorError.runtime("unflatten got an unexpected error:\n" + e.getMessage());
      }
      throw TensorError.runtime("unflatten: Provided sizes " + sizes
          + " don't multiply up to the size of dim " + d + " (" + size(self, d)
          + ") in the input tensor");
    }
    List<Object> shape = new ArrayList<>(sizes(self).subList(0, d));
    shape.addAll(inferred);
    shape.addAll(sizes(self).subList(d + 1, self.dim()));
    return ops.call("aten.view.default", self, shape);
  }

  /**
   * {@code narrow(dim, start, length)} as ATen's {@code narrow_symint} writes it, every check
   * through SymInts so a trace records it: the length non-negative, {@code -size <= start <=
   * size} (one condition), then, when the start's sign is known, {@code slice(dim, start, start +
   * length)} with a negative start counted from the end; an unbacked start is bounds-checked
   * without converting it.
   */
  private static Object narrow(Args args, Ops ops) {
    TensorValue self = args.tensor(0);
    Conditions c = Conditions.of(args);
    if (self.dim() == 0) {
      throw TensorError.runtime("narrow() cannot be applied to a 0-dim tensor.");
    }
    Object length = PyScalars.normalize(args.get(3));
    c.check(PyScalars.toSymBool(ops.scalarBinary("ge", length, 0L)),
        () -> TensorError.runtime("narrow(): length must be non-negative."));
    long dim = args.longValue(1);
    Object cur = size(self, ShapeRules.wrapDim(dim, self.dim()));
    Object start = PyScalars.normalize(args.get(2));
    Object lowest = neg(ops, cur);
    Object inRange = ops.scalarBinary("and_", ops.scalarBinary("le", lowest, start),
        ops.scalarBinary("le", start, cur));
    if (!PyScalars.toSymBool(inRange).expectTrue(c.why())) {
      throw TensorError.index("start out of range (expected to be in range of [" + lowest + ", "
          + cur + "], but got " + start + ")");
    }
    boolean negative = c.orFalse(PyScalars.toSymBool(ops.scalarBinary("lt", start, 0L)));
    boolean nonNegative = c.orFalse(PyScalars.toSymBool(ops.scalarBinary("ge", start, 0L)));
    if (negative || nonNegative) {
      Object from = negative ? ops.add(start, cur) : start;
      c.check(PyScalars.toSymBool(ops.scalarBinary("le", from, ops.sub(cur, length))),
          () -> exceeds(from, length, cur));
      return ops.call("aten.slice.Tensor", self, dim, from, ops.add(from, length), 1L);
    }
    Object from = start;
    Object end = ops.add(start, length);
    Object fits = ops.scalarBinary("or_",
        ops.scalarBinary("and_", ops.scalarBinary("lt", start, 0L),
            ops.scalarBinary("le", end, 0L)),
        ops.scalarBinary("and_", ops.scalarBinary("ge", start, 0L),
            ops.scalarBinary("le", end, cur)));
    c.check(PyScalars.toSymBool(fits), () -> exceeds(from, length, cur));
    if (c.orFalse(PyScalars.toSymBool(ops.scalarBinary("ne", end, 0L)))) {
      return ops.call("aten.slice.Tensor", self, dim, start, end, 1L);
    }
    // a negative start with start + length == 0 ends at the size, not at 0
    Object different = PyScalars.toSymBool(ops.scalarBinary("and_",
        ops.scalarBinary("lt", start, 0L), ops.scalarBinary("eq", end, 0L))).toSymInt();
    TensorValue result = (TensorValue) ops.call("aten.slice.Tensor", self, dim, start,
        ops.add(end, ops.mul(PyScalars.normalize(different), cur)), 1L);
    Object newSize = size(result, ShapeRules.wrapDim(dim, self.dim()));
    c.check(PyScalars.toSymBool(ops.scalarBinary("eq", newSize, length)),
        () -> TensorError.runtime(""));
    return result;
  }

  private static TensorError exceeds(Object start, Object length, Object cur) {
    return TensorError.runtime("start (" + start + ") + length (" + length
        + ") exceeds dimension size (" + cur + ").");
  }

  /** {@code contiguous()}: the tensor itself when it is contiguous, else a contiguous clone. */
  private static Object contiguous(Args args, Ops ops) {
    TensorValue self = args.tensor(0);
    Object format = args.get(1);
    if ("preserve_format".equals(format) || format == MemoryFormat.PRESERVE) {
      throw TensorError.runtime(
          "preserve memory format is unsupported by the contiguous operator");
    }
    if (Contiguity.isContiguous(self, ops, Conditions.of(args).why())) {
      return self;
    }
    return clone(ops, self, MemoryFormats.of(format));
  }

  /**
   * ATen's {@code movedim}: each source dim goes to its destination and the other dims keep
   * their order in the places left; always one {@code permute} (an {@code alias} for a
   * 0-dimensional tensor), even when nothing moves.
   */
  private static Object movedim(TensorValue self, long[] source, long[] destination, Ops ops) {
    if (source.length != destination.length) {
      throw TensorError.runtime("movedim: Invalid source or destination dims: source ("
          + Arrays.toString(source) + " dims) should contain the same number of dims as"
          + " destination (" + Arrays.toString(destination) + " dims)");
    }
    int ndim = self.dim();
    int[] src = wrapAll(source, ndim);
    int[] dst = wrapAll(destination, ndim);
    requireUnique(src, source, "source");
    requireUnique(dst, destination, "destination");
    if (ndim == 0) {
      return ops.call("aten.alias.default", self);
    }
    long[] order = new long[ndim];
    boolean[] placed = new boolean[ndim];
    boolean[] moved = new boolean[ndim];
    for (int i = 0; i < src.length; i++) {
      order[dst[i]] = src[i];
      placed[dst[i]] = true;
      moved[src[i]] = true;
    }
    int next = 0;
    for (int d = 0; d < ndim; d++) {
      if (placed[d]) {
        continue;
      }
      while (moved[next]) {
        next++;
      }
      order[d] = next++;
    }
    List<Long> dims = new ArrayList<>(ndim);
    for (long d : order) {
      dims.add(d);
    }
    return ops.call("aten.permute.default", self, dims);
  }

  private static int[] wrapAll(long[] dims, int ndim) {
    int[] out = new int[dims.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = ShapeRules.wrapDim(dims[i], ndim);
    }
    return out;
  }

  private static void requireUnique(int[] wrapped, long[] given, String name) {
    Set<Integer> seen = new HashSet<>();
    for (int d : wrapped) {
      if (!seen.add(d)) {
        throw TensorError.runtime("movedim: repeated dim in `" + name + "` ("
            + Arrays.toString(given) + ")");
      }
    }
  }

  /**
   * {@code chunk(chunks, dim)}: {@code split} by {@code (size + chunks - 1) // chunks}; a
   * dimension of size 0 gives {@code chunks} empty pieces through {@code split_with_sizes}.
   */
  private static Object chunk(Args args, Ops ops) {
    TensorValue self = args.tensor(0);
    Conditions c = Conditions.of(args);
    if (self.dim() == 0) {
      throw TensorError.runtime("chunk expects at least a 1-dimensional tensor");
    }
    long chunks = args.longValue(1);
    if (chunks <= 0) {
      throw TensorError.runtime("chunk expects `chunks` to be greater than 0, got: " + chunks);
    }
    long dim = args.longValue(2);
    Object dimSize = size(self, ShapeRules.wrapDim(dim, self.dim()));
    Object splitSize = ops.floorDiv(ops.sub(ops.add(dimSize, chunks), 1L), chunks);
    if (truth(ops.scalarBinary("eq", splitSize, 0L), c)
        && truth(ops.scalarBinary("eq", dimSize, 0L), c)) {
      List<Object> sizes = new ArrayList<>();
      for (long i = 0; i < chunks - 1; i++) {
        sizes.add(splitSize);
      }
      sizes.add(ops.sub(splitSize, ops.sub(ops.mul(splitSize, chunks), dimSize)));
      return ops.call("aten.split_with_sizes.default", self, sizes, dim);
    }
    return ops.call("aten.split.Tensor", self, splitSize, dim);
  }
}
