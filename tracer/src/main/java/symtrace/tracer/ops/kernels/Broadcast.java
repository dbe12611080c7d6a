package symtrace.tracer.ops.kernels;

import java.util.Arrays;
import java.util.List;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.TensorError;

/**
 * The broadcast shape of elementwise operands, as FakeTensor's {@code infer_size} computes it
 * (the port of ATen's {@code infer_size_impl} that fake and symbolic tracing use).
 *
 * <p>Per dimension, from the right: a size that is 1 ({@code guard_or_false(size == 1)})
 * stretches to the other; otherwise the two sizes must be equal, checked with {@code
 * expect_true}. On backed sizes this records the guards ATen's eager check would ({@code
 * Eq(s0, s1)} when two different symbols meet, nothing for a symbol against a static 1, whose
 * range already excludes 1); on an unbacked size it never raises a data-dependent error: the
 * equality becomes a deferred runtime assert, as in PyTorch's {@code torch.zeros(u0) + y}. On
 * the constant sizes of real tensors every test is plain arithmetic, so real and fake execution
 * share this code.
 */
public final class Broadcast {
  private Broadcast() {}

  /**
   * The broadcast of several shapes, folded left to right.
   *
   * @throws TensorError {@code The size of tensor a (3) must match the size of tensor b (4) at
   *     non-singleton dimension 1}
   */
  public static List<SymInt> shapes(Provenance why, List<List<SymInt>> shapes) {
    List<SymInt> out = List.of();
    for (List<SymInt> s : shapes) {
      out = pair(why, out, s);
    }
    return out;
  }

  /** The broadcast of two shapes, aligned at the right. */
  public static List<SymInt> pair(Provenance why, List<SymInt> a, List<SymInt> b) {
    int ndim = Math.max(a.size(), b.size());
    SymInt[] out = new SymInt[ndim];
    for (int i = ndim - 1; i >= 0; i--) {
      int offset = ndim - 1 - i;
      int dimA = a.size() - 1 - offset;
      int dimB = b.size() - 1 - offset;
      SymInt sizeA = dimA >= 0 ? a.get(dimA) : SymInt.of(1);
      SymInt sizeB = dimB >= 0 ? b.get(dimB) : SymInt.of(1);
      // the broadcasting tests come first: they are usually static, and once they fail the
      // equality may be deferred instead of guarded
      boolean aIsOne = sizeA.eq(1).guardOrFalse(why);
      boolean ok = aIsOne || sizeB.eq(1).guardOrFalse(why) || sizeA.eq(sizeB).expectTrue(why);
      if (!ok) {
        throw mismatch(sizeA, sizeB, i);
      }
      out[i] = aIsOne ? sizeB : sizeA;
    }
    return Arrays.asList(out);
  }

  /** PyTorch's text for two sizes that do not broadcast. */
  private static TensorError mismatch(SymInt sizeA, SymInt sizeB, int dim) {
    return TensorError.runtime("The size of tensor a (" + sizeA
        + ") must match the size of tensor b (" + sizeB + ") at non-singleton dimension " + dim);
  }

  /**
   * The shape check of an in-place or {@code copy_} write: the broadcast of the output (which is
   * also an input) with the other operands must be the output's own shape, since an in-place
   * operator cannot resize its output.
   *
   * @throws TensorError {@code output with shape [3] doesn't match the broadcast shape [2, 3]}
   */
  public static void checkInPlace(Provenance why, List<SymInt> self, List<SymInt> broadcast) {
    boolean same = self.size() == broadcast.size();
    for (int i = 0; same && i < self.size(); i++) {
      same = self.get(i).eq(broadcast.get(i)).guardBool(why);
    }
    if (!same) {
      throw TensorError.runtime("output with shape " + self
          + " doesn't match the broadcast shape " + broadcast);
    }
  }
}
