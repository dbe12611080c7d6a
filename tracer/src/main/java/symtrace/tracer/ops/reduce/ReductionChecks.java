package symtrace.tracer.ops.reduce;

import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.ShapeRules;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.TensorValue;

/**
 * ATen's checks that a reduction without an identity ({@code amax}, {@code argmax}, {@code
 * max.dim}, ...) has something to reduce: {@code zero_numel_check_dims}. On symbolic sizes a
 * check is {@code torch._check}-like: a guard when the sizes are backed, a runtime assert when
 * they are unbacked.
 */
public final class ReductionChecks {
  private ReductionChecks() {}

  /**
   * {@code zero_numel_check_dims(self, dim, fn)} for one dim as given (wrapped here).
   *
   * @throws TensorError ({@code IndexError}) {@code amax(): Expected reduction dim 1 to have
   *     non-zero size.}
   */
  public static void nonEmptyDim(TensorValue t, long dim, String fn, Provenance why) {
    if (t.dim() == 0) {
      if (dim != 0 && dim != -1) {
        throw TensorError.index(
            fn + ": Expected reduction dim -1 or 0 for scalar but got " + dim);
      }
      return;
    }
    SymInt size = t.symSize(ShapeRules.wrapDim(dim, t.dim(), false));
    if (!size.ne(0).expectTrue(why)) {
      throw TensorError.index(
          fn + ": Expected reduction dim " + dim + " to have non-zero size.");
    }
  }

  /**
   * {@code zero_numel_check_dims(self, dims, fn)}, which a reduction without identity runs on an
   * empty input: dims must be given, and none may be empty.
   */
  public static void nonEmptyDims(TensorValue t, long[] dims, String fn, Provenance why) {
    if (dims.length == 0) {
      throw TensorError.runtime(fn + ": Expected reduction dim to be specified for input.numel()"
          + " == 0. Specify the reduction dim with the 'dim' argument.");
    }
    for (long d : dims) {
      nonEmptyDim(t, d, fn, why);
    }
  }

  /** True when the tensor has no elements (decided with {@code guard_or_false}). */
  public static boolean isEmpty(TensorValue t, Provenance why) {
    return t.symNumel().eq(0).guardOrFalse(why);
  }
}
