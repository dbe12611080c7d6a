package symtrace.tracer.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import symtrace.symbolic.value.SymInt;

/**
 * The strided layout of a tensor over its storage: sizes, strides (in elements) and storage
 * offset, each a {@link SymInt}. Element {@code (i_0, ..., i_{n-1})} lives at storage index
 * {@code storageOffset + sum(i_d * strides[d])}.
 *
 * <p>A real {@link Tensor} keeps its layout as {@code long}s and states it as a geometry of
 * constant SymInts when it asks {@link ViewRules} for a view; a fake tensor's geometry holds
 * symbolic SymInts, and the same rules then record guards. Immutable.
 */
public record Geometry(List<SymInt> sizes, List<SymInt> strides, SymInt storageOffset) {
  public Geometry {
    sizes = List.copyOf(sizes);
    strides = List.copyOf(strides);
    Objects.requireNonNull(storageOffset, "storageOffset");
    if (sizes.size() != strides.size()) {
      throw new IllegalArgumentException(
          "sizes " + sizes + " and strides " + strides + " differ in length");
    }
  }

  /** The geometry of concrete sizes, strides and offset. */
  public static Geometry of(long[] sizes, long[] strides, long storageOffset) {
    return new Geometry(ints(sizes), ints(strides), SymInt.of(storageOffset));
  }

  /** A contiguous (row-major) geometry of the given sizes at offset 0. */
  public static Geometry contiguous(List<SymInt> sizes) {
    return new Geometry(sizes, ShapeRules.contiguousStrides(sizes), SymInt.of(0));
  }

  /** Constant SymInts of the values. */
  public static List<SymInt> ints(long... values) {
    List<SymInt> out = new ArrayList<>(values.length);
    for (long v : values) {
      out.add(SymInt.of(v));
    }
    return out;
  }

  /** The values of constant SymInts; throws for a symbolic one. */
  public static long[] longs(List<SymInt> values) {
    long[] out = new long[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i).constantValue();
    }
    return out;
  }

  public int dim() {
    return sizes.size();
  }

  public SymInt size(int d) {
    return sizes.get(d);
  }

  public SymInt stride(int d) {
    return strides.get(d);
  }

  /** The number of elements: the product of the sizes (1 for zero dimensions). */
  public SymInt numel() {
    return SymInt.product(sizes);
  }

  /** True when every size, stride and the offset is a constant. */
  public boolean isConcrete() {
    return storageOffset.isConstant()
        && sizes.stream().allMatch(SymInt::isConstant)
        && strides.stream().allMatch(SymInt::isConstant);
  }

  /** The same layout at another storage offset. */
  public Geometry withOffset(SymInt offset) {
    return new Geometry(sizes, strides, offset);
  }

  @Override
  public String toString() {
    return "sizes=" + sizes + ", strides=" + strides + ", offset=" + storageOffset;
  }
}
