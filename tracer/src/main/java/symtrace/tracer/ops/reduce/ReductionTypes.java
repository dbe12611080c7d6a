package symtrace.tracer.ops.reduce;

import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.TensorError;

/** The output dtypes ATen infers for reductions and scans, with its errors. */
public final class ReductionTypes {
  private ReductionTypes() {}

  /**
   * {@code get_dtype_from_self(self, dtype, promote_integers=true)}, the dtype of {@code sum},
   * {@code prod} and {@code cumsum}: the requested one, else int64 for bool and integer inputs,
   * else the input's.
   */
  public static DType promotingIntegers(DType self, DType requested) {
    if (requested != null) {
      return requested;
    }
    return self.isFloatingPoint() ? self : DType.INT64;
  }

  /**
   * The dtype of {@code mean}, which must be floating.
   *
   * @throws TensorError {@code mean(): could not infer output dtype. Input dtype must be either a
   *     floating point or complex dtype. Got: Long}
   */
  public static DType mean(DType self, DType requested) {
    DType in = promotingIntegers(self, requested);
    if (!in.isFloatingPoint()) {
      String what = requested != null ? "Optional" : "Input";
      DType shown = requested != null ? requested : self;
      throw TensorError.runtime("mean(): could not infer output dtype. " + what
          + " dtype must be either a floating point or complex dtype. Got: "
          + shown.scalarTypeName());
    }
    return in;
  }

  /**
   * The dtype of {@code var} and {@code std}: the input's, which must be floating.
   *
   * @throws TensorError {@code std and var only support floating point and complex dtypes}
   */
  public static DType variance(DType self) {
    if (!self.isFloatingPoint()) {
      throw TensorError.runtime("std and var only support floating point and complex dtypes");
    }
    return self;
  }

  /**
   * The error of a CPU kernel that has no implementation for a dtype: {@code "argmax_cpu" not
   * implemented for 'Bool'}.
   */
  public static TensorError notImplemented(String kernel, DType dtype) {
    return TensorError.runtime(
        "\"" + kernel + "\" not implemented for '" + dtype.scalarTypeName() + "'");
  }
}
