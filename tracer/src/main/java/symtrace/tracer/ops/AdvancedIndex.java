package symtrace.tracer.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Geometry;
import symtrace.tracer.tensor.Storage;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.TensorValue;
import symtrace.tracer.tensor.ViewRules;

/**
 * Advanced indexing with a {@code Tensor?[]} list ({@code x[idx]}, {@code x[mask]}, {@code x[:,
 * i, j]}), planned once for {@code index.Tensor} and {@code index_put_}, real or fake, as ATen's
 * {@code AdvancedIndex} and PyTorch's {@code meta_index_Tensor} do: bool masks become their
 * {@code nonzero} coordinates, the index tensors broadcast together, and the indexed dimensions
 * are replaced by the broadcast shape: in place when they are adjacent, else first (NumPy's
 * rule), which is done by permuting them to the front.
 */
final class AdvancedIndex {
  /**
   * The plan of one indexing.
   *
   * @param src the indexed tensor, its indexed dimensions permuted to the front when they are
   *     not adjacent (a view of the input)
   * @param indices one per dimension of {@code src}: an index tensor of the broadcast shape, or
   *     null for a dimension taken whole
   * @param first the first indexed dimension of {@code src}
   * @param count how many dimensions are indexed
   * @param broadcast the broadcast shape of the index tensors
   * @param resultShape the sizes before, the broadcast shape, the sizes after
   */
  record Plan(TensorValue src, List<TensorValue> indices, int first, int count,
      List<SymInt> broadcast, List<SymInt> resultShape) {}

  private AdvancedIndex() {}

  /**
   * Plans indexing {@code self} by {@code indices} (null items take a dimension whole).
   *
   * @param nonzero the coordinates of a bool mask's true elements ({@code [n, mask.dim()]})
   */
  static Plan of(TensorValue self, List<TensorValue> indices,
      Function<TensorValue, TensorValue> nonzero, Conditions c) {
    int ndim = self.dim();
    if (indices.isEmpty()) {
      throw TensorError.runtime("at least one index must be provided");
    }
    checkCount(ndim, indices.size());
    ViewRules rules = ViewRules.of(c.why());
    List<TensorValue> expanded = new ArrayList<>();
    for (TensorValue index : indices) {
      if (index == null) {
        expanded.add(null);
        continue;
      }
      DType dtype = index.dtype();
      if (dtype != DType.INT64 && dtype != DType.INT32 && dtype != DType.BOOL) {
        throw TensorError.index("tensors used as indices must be long, int, byte or bool tensors");
      }
      if (dtype != DType.BOOL) {
        expanded.add(index);
        continue;
      }
      int k = expanded.size();
      if (k + index.dim() > ndim) {
        throw TensorError.index("too many indices for tensor of dimension " + ndim);
      }
      for (int j = 0; j < index.dim(); j++) {
        int at = j;
        c.check(index.symSize(j).eq(self.symSize(k + j)), () -> TensorError.index(
            "The shape of the mask " + index.symSizes() + " at index " + at + " does not match"
                + " the shape of the indexed tensor " + self.symSizes() + " at index " + (k + at)));
      }
      TensorValue coordinates = nonzero.apply(index);
      for (int j = 0; j < index.dim(); j++) {
        expanded.add(Views.of(coordinates, rules.select(coordinates.geometry(), 1, SymInt.of(j))));
      }
    }
    checkCount(ndim, expanded.size());
    List<SymInt> broadcast = broadcast(expanded, c);
    while (expanded.size() < ndim) {
      expanded.add(null);
    }
    for (int d = 0; d < ndim; d++) {
      TensorValue index = expanded.get(d);
      if (index != null) {
        expanded.set(d, Views.of(index, rules.expand(index.geometry(), broadcast, index.dtype())));
      }
    }

    TensorValue src = self;
    if (!adjacent(expanded)) {
      long[] order = new long[ndim];
      List<TensorValue> moved = new ArrayList<>();
      int n = 0;
      for (int pass = 0; pass < 2; pass++) {
        for (int d = 0; d < ndim; d++) {
          if ((expanded.get(d) != null) == (pass == 0)) {
            order[n++] = d;
            moved.add(expanded.get(d));
          }
        }
      }
      src = Views.of(self, rules.permute(self.geometry(), order));
      expanded = moved;
    }
    int first = 0;
    while (first < ndim && expanded.get(first) == null) {
      first++;
    }
    int count = 0;
    while (first + count < ndim && expanded.get(first + count) != null) {
      count++;
    }
    List<SymInt> result = new ArrayList<>(src.symSizes().subList(0, first));
    result.addAll(broadcast);
    result.addAll(src.symSizes().subList(first + count, ndim));
    return new Plan(src, expanded, first, count, broadcast, result);
  }

  private static void checkCount(int ndim, int count) {
    if (count > ndim) {
      throw TensorError.index(
          "too many indices for tensor of dimension " + ndim + " (got " + count + ")");
    }
  }

  /** True when the index tensors are next to each other (ATen's {@code hasContiguousSubspace}). */
  private static boolean adjacent(List<TensorValue> indices) {
    int start = -1;
    int end = -1;
    for (int d = 0; d < indices.size(); d++) {
      if (indices.get(d) != null) {
        if (start < 0) {
          start = d;
        }
        end = d;
      }
    }
    for (int d = Math.max(start, 0); d <= end; d++) {
      if (indices.get(d) == null) {
        return false;
      }
    }
    return true;
  }

  /**
   * The broadcast shape of the index tensors, as PyTorch's reference {@code _broadcast_shapes}
   * decides sizes ({@code guard_or_false} for equal and 1, else a {@code torch._check}), with
   * ATen's indexing error.
   */
  private static List<SymInt> broadcast(List<TensorValue> indices, Conditions c) {
    List<List<SymInt>> shapes = new ArrayList<>();
    int ndim = 0;
    for (TensorValue t : indices) {
      if (t != null) {
        shapes.add(t.symSizes());
        ndim = Math.max(ndim, t.dim());
      }
    }
    SymInt[] common = new SymInt[ndim];
    Arrays.fill(common, SymInt.of(1));
    for (List<SymInt> shape : shapes) {
      for (int back = 1; back <= shape.size(); back++) {
        SymInt size = shape.get(shape.size() - back);
        int at = ndim - back;
        if (c.orFalse(size.eq(common[at]))) {
          continue;
        }
        if (c.orFalse(common[at].eq(1))) {
          common[at] = size;
        }
        if (!c.orFalse(size.eq(1))) {
          c.check(common[at].eq(size), () -> TensorError.index("shape mismatch: indexing tensors"
              + " could not be broadcast together with shapes " + shapesText(shapes)));
        }
      }
    }
    return Arrays.asList(common);
  }

  private static String shapesText(List<List<SymInt>> shapes) {
    StringBuilder b = new StringBuilder();
    for (List<SymInt> s : shapes) {
      b.append(b.length() == 0 ? "" : ", ").append(s);
    }
    return b.toString();
  }

  // ---------------------------------------------------------------------------------------
  // Kernels

  /** {@code index.Tensor}: the indexed elements, a new contiguous tensor. */
  static Tensor gather(Plan p) {
    Tensor src = (Tensor) p.src();
    Tensor out = Tensor.zeros(src.dtype(), Geometry.longs(p.resultShape()));
    long[] at = new long[p.broadcast().size()];
    return Gather.into(out, src, (o, s) -> {
      source(p, src, o, s, at);
      return true;
    });
  }

  /**
   * {@code index_put_}: {@code values}, broadcast to the indexing result, written (or added,
   * {@code accumulate}) at the indexed elements of {@code self}. A one-element value for a single
   * bool mask is a {@code masked_fill_}, which converts it; otherwise the dtypes must match.
   */
  static void put(Plan p, List<TensorValue> indices, Tensor values, boolean accumulate) {
    Tensor src = (Tensor) p.src();
    long[] shape = Geometry.longs(p.resultShape());
    if (!expandable(values.sizes(), shape)) {
      throw TensorError.runtime("shape mismatch: value tensor of shape "
          + Arrays.toString(values.sizes()) + " cannot be broadcast to indexing result of shape "
          + Arrays.toString(shape));
    }
    if (!(!accumulate && isMaskedFill(indices, values)) && values.dtype() != src.dtype()) {
      throw TensorError.runtime("Index put requires the source and destination dtypes match, got "
          + src.dtype().scalarTypeName() + " for the destination and "
          + values.dtype().scalarTypeName() + " for the source.");
    }
    Tensor from = values.expand(shape);
    Storage to = src.storage();
    Storage in = from.storage();
    long[] o = new long[shape.length];
    long[] s = new long[src.dim()];
    long[] at = new long[p.broadcast().size()];
    for (long n = from.numel(); n > 0; n--) {
      source(p, src, o, s, at);
      int target = src.storageIndex(s);
      int value = from.storageIndex(o);
      if (!accumulate) {
        to.copyElement(target, in, value);
      } else if (src.dtype().isFloatingPoint()) {
        to.setDouble(target, to.getDouble(target) + in.getDouble(value));
      } else if (src.dtype().isInteger()) {
        to.setLong(target, to.getLong(target) + in.getLong(value));
      } else {
        to.setBool(target, to.getBool(target) || in.getBool(value));
      }
      Gather.next(o, shape);
    }
  }

  /** ATen's {@code canDispatchToMaskedFill}: one value and exactly one index, a bool mask. */
  private static boolean isMaskedFill(List<TensorValue> indices, Tensor values) {
    int masks = 0;
    for (TensorValue index : indices) {
      if (index != null) {
        if (index.dtype() != DType.BOOL) {
          return false;
        }
        masks++;
      }
    }
    return masks == 1 && values.numel() == 1;
  }

  /** {@code is_expandable_to(shape, desired)}. */
  private static boolean expandable(long[] shape, long[] desired) {
    if (shape.length > desired.length) {
      return false;
    }
    for (int back = 1; back <= shape.length; back++) {
      long s = shape[shape.length - back];
      if (s != desired[desired.length - back] && s != 1) {
        return false;
      }
    }
    return true;
  }

  /**
   * The source index {@code s} of result element {@code o}: the dimensions before and after
   * pass through; the indexed ones read the index tensors at the broadcast position {@code at}.
   */
  private static void source(Plan p, Tensor src, long[] o, long[] s, long[] at) {
    int first = p.first();
    int count = p.count();
    int width = at.length;
    System.arraycopy(o, 0, s, 0, first);
    System.arraycopy(o, first, at, 0, width);
    for (int k = 0; k < count; k++) {
      long value = ((Tensor) p.indices().get(first + k)).getLong(at);
      long size = src.size(first + k);
      if (value < -size || value >= size) {
        throw TensorError.index("index " + value + " is out of bounds for dimension " + k
            + " with size " + size);
      }
      s[first + k] = value < 0 ? value + size : value;
    }
    System.arraycopy(o, first + width, s, first + count, s.length - first - count);
  }
}
