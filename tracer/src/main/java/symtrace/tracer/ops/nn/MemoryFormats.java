package symtrace.tracer.ops.nn;

import java.util.Arrays;
import java.util.List;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.Geometry;

/**
 * Which memory format a layout suggests ({@code suggest_memory_format}) and channels-last
 * strides. ATen's C++ test ({@code is_channels_last_strides_2d}) and the Python one of {@code
 * torch._prims_common} ({@code are_strides_like_channels_last}) differ in two ways that show in
 * whether a comparison records a guard: the Python one is size-oblivious. (Since PyTorch's
 * PR #173038 both scale the running stride by a size when that size exceeds 1.) Both are here,
 * for the meta functions that use each.
 */
public final class MemoryFormats {
  private MemoryFormats() {}

  /** The memory formats that layouts are compared against. */
  public enum Format {
    CONTIGUOUS,
    CHANNELS_LAST
  }

  private static int[] order(int ndim) {
    return ndim == 4 ? new int[] {1, 3, 2, 0} : new int[] {1, 4, 3, 2, 0};
  }

  /**
   * C++'s {@code TensorBase::suggest_memory_format()}: channels-last for a 4-d or 5-d layout
   * whose strides order the channels innermost ({@code is_channels_last_strides_2d_s4} / {@code
   * _3d_s5}), each comparison a guard.
   */
  public static Format suggest(Geometry g, Provenance why) {
    int ndim = g.dim();
    if (ndim != 4 && ndim != 5) {
      return Format.CONTIGUOUS;
    }
    List<SymInt> sizes = g.sizes();
    List<SymInt> strides = g.strides();
    if (strides.get(1).eq(0).guardBool(why)) {
      return Format.CONTIGUOUS;
    }
    SymInt min = SymInt.of(0);
    for (int d : order(ndim)) {
      if (sizes.get(d).eq(0).guardBool(why) || strides.get(d).lt(min).guardBool(why)) {
        return Format.CONTIGUOUS;
      }
      if (d == 0 && min.eq(strides.get(1)).guardBool(why)) {
        return Format.CONTIGUOUS;
      }
      min = strides.get(d);
      if (sizes.get(d).gt(1).guardBool(why)) {
        min = min.mul(sizes.get(d));
      }
    }
    return Format.CHANNELS_LAST;
  }

  /**
   * {@code torch._prims_common.suggest_memory_format}: the same question with {@code
   * guard_size_oblivious} comparisons.
   */
  public static Format suggestOblivious(Geometry g, Provenance why) {
    int ndim = g.dim();
    if (ndim != 4 && ndim != 5) {
      return Format.CONTIGUOUS;
    }
    List<SymInt> sizes = g.sizes();
    List<SymInt> strides = g.strides();
    if (oblivious(strides.get(1).eq(0), why)) {
      return Format.CONTIGUOUS;
    }
    SymInt min = SymInt.of(0);
    for (int d : order(ndim)) {
      if (oblivious(sizes.get(d).eq(0), why) || oblivious(strides.get(d).lt(min), why)) {
        return Format.CONTIGUOUS;
      }
      if (d == 0 && min.eq(strides.get(1)).guardBool(why)) {
        return Format.CONTIGUOUS;
      }
      min = strides.get(d);
      if (oblivious(sizes.get(d).gt(1), why)) {
        min = min.mul(sizes.get(d));
      }
    }
    return Format.CHANNELS_LAST;
  }

  private static boolean oblivious(SymBool b, Provenance why) {
    return b.guardSizeOblivious(why);
  }

  /**
   * c10's {@code get_channels_last_strides_2d} / {@code _3d}: channels innermost, then the
   * spatial dims from the last, then the batch.
   */
  public static List<SymInt> channelsLastStrides(List<SymInt> sizes) {
    int ndim = sizes.size();
    SymInt[] strides = new SymInt[ndim];
    SymInt stride = SymInt.of(1);
    strides[1] = stride;
    stride = stride.mul(sizes.get(1));
    for (int d = ndim - 1; d >= 2; d--) {
      strides[d] = stride;
      stride = stride.mul(sizes.get(d));
    }
    strides[0] = stride;
    return Arrays.asList(strides);
  }

  /** A fresh layout of the sizes in the format, at offset 0. */
  public static Geometry layout(List<SymInt> sizes, Format format) {
    return format == Format.CHANNELS_LAST && (sizes.size() == 4 || sizes.size() == 5)
        ? new Geometry(sizes, channelsLastStrides(sizes), SymInt.of(0))
        : Geometry.contiguous(sizes);
  }
}
