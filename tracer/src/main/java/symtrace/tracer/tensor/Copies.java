package symtrace.tracer.tensor;

import java.util.Arrays;
import java.util.List;
import symtrace.symbolic.value.SymInt;

/**
 * {@code copy_}: ATen's {@code copy_impl} on a TensorIterator with one output and one input, in
 * its order of checks (same data, overlaps, then shapes), then an elementwise converting copy.
 */
final class Copies {
  private Copies() {}

  static void copy(Tensor dst, Tensor src) {
    if (src == dst || sameData(dst, src)) {
      return;
    }
    MemoryOverlap.checkNoInternalOverlap(dst);
    MemoryOverlap.checkNoPartialOverlap(dst, src);
    ShapeRules rules = ShapeRules.of("copy_");
    long[] sizes = dst.sizes();
    List<SymInt> self = Geometry.ints(sizes);
    List<SymInt> shape = rules.broadcastShapes(self, Geometry.ints(src.sizes()));
    if (!rules.sameSizes(shape, self)) {
      throw TensorError.runtime("output with shape " + self
          + " doesn't match the broadcast shape " + shape);
    }
    Tensor from = src.expand(sizes);
    if (from.storage() == dst.storage()) {
      // an overlap ATen calls too hard to analyse: read everything before writing
      from = from.clone(MemoryFormat.CONTIGUOUS);
    }
    Storage out = dst.storage();
    Storage in = from.storage();
    OffsetCursor o = dst.cursor();
    OffsetCursor i = from.cursor();
    while (o.hasNext()) {
      out.copyElement(o.next(), in, i.next());
    }
  }

  /** ATen's early exit: the same elements in the same layout. */
  private static boolean sameData(Tensor dst, Tensor src) {
    return dst.storage() == src.storage() && dst.storageOffset() == src.storageOffset()
        && Arrays.equals(dst.sizes(), src.sizes()) && Arrays.equals(dst.strides(), src.strides());
  }
}
