package symtrace.tracer.ops;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.Geometry;
import symtrace.tracer.tensor.MemoryFormat;
import symtrace.tracer.tensor.ShapeRules;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.TensorValue;

/**
 * The copies that move elements without arithmetic: {@code repeat}, {@code flip}, {@code roll},
 * {@code tril} and {@code triu}. Each has its output layout (the meta rule, with ATen's checks
 * and texts) and its kernel, a {@link Gather} map from output to input indices.
 */
final class Rearrangements {
  private Rearrangements() {}

  // ---------------------------------------------------------------------------------------
  // repeat

  /** {@code repeat(repeats)}: new leading dimensions of size 1, each size times its repeat. */
  static List<SymInt> repeatShape(TensorValue self, List<SymInt> repeats, Conditions c) {
    if (repeats.size() < self.dim()) {
      throw TensorError.runtime("Number of dimensions of repeat dims can not be smaller than"
          + " number of dimensions of tensor");
    }
    int added = repeats.size() - self.dim();
    List<SymInt> target = new ArrayList<>(repeats.size());
    for (int d = 0; d < repeats.size(); d++) {
      SymInt padded = d < added ? SymInt.of(1) : self.symSize(d - added);
      target.add(padded.mul(repeats.get(d)));
    }
    for (SymInt s : target) {
      if (c.holds(s.lt(0))) {
        throw TensorError.runtime(
            "Trying to create tensor with negative dimension " + s + ": " + target);
      }
    }
    return target;
  }

  static Tensor repeat(Tensor self, List<SymInt> repeats, Conditions c) {
    long[] target = Geometry.longs(repeatShape(self, repeats, c));
    long[] sizes = self.sizes();
    int added = target.length - sizes.length;
    return Gather.into(Tensor.zeros(self.dtype(), target), self, (out, src) -> {
      for (int d = 0; d < sizes.length; d++) {
        src[d] = out[d + added] % sizes[d];
      }
      return true;
    });
  }

  // ---------------------------------------------------------------------------------------
  // flip

  /** The flipped dimensions, wrapped; a repeated one is ATen's error. */
  private static BitSet flipDims(int ndim, long[] dims) {
    BitSet flipped = new BitSet();
    for (long dim : dims) {
      int d = ShapeRules.wrapDim(dim, ndim);
      if (flipped.get(d)) {
        throw TensorError.runtime("dim " + d + " appears multiple times in the list of dims");
      }
      flipped.set(d);
    }
    return flipped;
  }

  /** {@code flip} allocates like {@code empty_like(self)}: the input's dense stride order. */
  static TensorValue flipMeta(TensorValue self, long[] dims, Conditions c) {
    flipDims(self.dim(), dims);
    return Metas.emptyStrided(self.dtype(), preserveFormat(self, c));
  }

  static Tensor flip(Tensor self, long[] dims) {
    BitSet flipped = flipDims(self.dim(), dims);
    long[] sizes = self.sizes();
    return Gather.into(self.emptyLike(self.dtype(), MemoryFormat.PRESERVE), self, (out, src) -> {
      for (int d = 0; d < sizes.length; d++) {
        src[d] = flipped.get(d) ? sizes[d] - 1 - out[d] : out[d];
      }
      return true;
    });
  }

  /**
   * The layout of {@code empty_like(self, memory_format=torch.preserve_format)}: the input's
   * strides when it is dense, else dense strides in the order of the input's.
   */
  static Geometry preserveFormat(TensorValue self, Conditions c) {
    ShapeRules rules = ShapeRules.of(c.why());
    Geometry g = self.geometry();
    List<SymInt> strides = rules.isNonOverlappingAndDense(g) ? g.strides() : rules.denseStrides(g);
    return new Geometry(g.sizes(), strides, SymInt.of(0));
  }

  // ---------------------------------------------------------------------------------------
  // roll

  /**
   * ATen's {@code roll} checks, in its order: the total shift of each dimension, or null when
   * the tensor is rolled flattened (no dims, one shift).
   */
  private static long[] rollShifts(TensorValue self, long[] shifts, long[] dims) {
    if (!checkRollArguments(shifts.length, dims.length)) {
      return null;
    }
    long[] total = new long[self.dim()];
    for (int i = 0; i < dims.length; i++) {
      total[ShapeRules.wrapDim(dims[i], self.dim(), false)] += shifts[i];
    }
    return total;
  }

  /**
   * The argument checks of ATen's {@code roll}; false when the tensor is rolled flattened (no
   * dims, one shift). They count the shifts only: a symbolic shift stays symbolic.
   */
  private static boolean checkRollArguments(int shifts, int dims) {
    if (dims != 1 || shifts != 1) {
      if (shifts == 0) {
        throw TensorError.runtime("`shifts` required");
      }
      if (dims == 0 && shifts == 1) {
        return false;
      }
      if (shifts != dims) {
        throw TensorError.runtime("shifts and dimensions must align. shifts: " + shifts
            + ", dims:" + dims);
      }
    }
    return true;
  }

  /**
   * {@code roll} concatenates slices: a new contiguous tensor (a clone when it is empty). The
   * output's layout does not depend on the shifts, so they are never read (no guard on them).
   */
  static TensorValue rollMeta(TensorValue self, int shifts, long[] dims, Conditions c) {
    checkRollArguments(shifts, dims.length);
    if (c.holds(self.symNumel().eq(0))) {
      return Metas.emptyStrided(self.dtype(), preserveFormat(self, c));
    }
    return Metas.empty(self.dtype(), self.symSizes());
  }

  static Tensor roll(Tensor self, long[] shifts, long[] dims) {
    long[] total = rollShifts(self, shifts, dims);
    if (self.numel() == 0) {
      return self.clone(MemoryFormat.PRESERVE);
    }
    Tensor out = Tensor.zeros(self.dtype(), self.sizes());
    if (total == null) {
      long n = self.numel();
      for (long i = 0; i < n; i++) {
        out.storage().copyElement(out.storageIndexOfFlat(i), self.storage(),
            self.storageIndexOfFlat(Math.floorMod(i - shifts[0], n)));
      }
      return out;
    }
    long[] sizes = self.sizes();
    return Gather.into(out, self, (o, src) -> {
      for (int d = 0; d < sizes.length; d++) {
        src[d] = Math.floorMod(o[d] - total[d], sizes[d]);
      }
      return true;
    });
  }

  // ---------------------------------------------------------------------------------------
  // tril, triu

  static TensorValue triangleMeta(TensorValue self, String name) {
    checkTriangle(self, name);
    return Metas.empty(self.dtype(), self.symSizes());
  }

  private static void checkTriangle(TensorValue self, String name) {
    if (self.dim() < 2) {
      throw TensorError.runtime(name + ": input tensor must have at least 2 dimensions");
    }
  }

  /**
   * {@code tril(diagonal)} ({@code lower}) or {@code triu(diagonal)}: the elements on and below
   * (above) the diagonal of the last two dimensions, the others zero.
   */
  static Tensor triangle(Tensor self, long diagonal, boolean lower) {
    checkTriangle(self, lower ? "tril" : "triu");
    int n = self.dim();
    return Gather.into(Tensor.zeros(self.dtype(), self.sizes()), self, (out, src) -> {
      long offset = out[n - 1] - out[n - 2];
      System.arraycopy(out, 0, src, 0, n);
      return lower ? offset <= diagonal : offset >= diagonal;
    });
  }
}
