package symtrace.tracer.tensor;

import java.util.Arrays;
import java.util.List;

/**
 * PyTorch's type promotion for symtrace's dtypes: {@code torch.promote_types}, {@code
 * torch.result_type}, the elementwise promotion of {@code torch._prims_common.elementwise_dtypes}
 * and {@code torch.can_cast}.
 *
 * <h2>The rules</h2>
 *
 * <ol>
 *   <li>Categories are ordered {@code bool < integer < floating}; the result's category is the
 *       highest among all operands, whatever their kind.
 *   <li>Within that category the dtype comes from the operands of the highest priority that have
 *       it: dimensioned tensors, else zero-dimensional tensors, else Python scalars; among
 *       several of one priority, the {@link #promoteTypes higher dtype}.
 *   <li>When only a Python scalar has the winning category its wrapped dtype is used: {@code
 *       int64} for an int, the default dtype {@code float32} for a float. So {@code
 *       int32_tensor + 2} is int32, {@code int32_tensor + 2.5} is float32, {@code float64_zero_dim
 *       + int32_tensor} is float64 and {@code bool_tensor + 2} is int64.
 * </ol>
 *
 * {@link #resultType} follows the C++ algorithm ({@code ResultTypeState}, three running dtypes
 * combined by {@code combine_categories}) and {@link #promote(TypePromotionKind, Operand...)}
 * follows {@code elementwise_dtypes}; for these dtypes the two agree, which the tests check on
 * every combination of up to three operands.
 */
public final class DTypes {
  private DTypes() {}

  /**
   * {@code torch.promote_types(a, b)}: the lowest dtype both can be cast to safely, ignoring
   * tensor kinds. With these five dtypes it is the later one in {@code bool, int32, int64,
   * float32, float64}; e.g. {@code int64} with {@code float32} gives {@code float32}.
   */
  public static DType promoteTypes(DType a, DType b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** {@code torch.result_type} of the operands (the DEFAULT promotion's result dtype). */
  public static DType resultType(Operand... operands) {
    return resultType(Arrays.asList(operands));
  }

  /**
   * {@code torch.result_type}: the C++ {@code ResultTypeState} algorithm. Three running dtypes
   * (dimensioned tensors, zero-dim tensors, wrapped Python scalars) are each the {@link
   * #promoteTypes promotion} of their operands, then combined from the lowest priority up by
   * {@link #combineCategories}.
   *
   * @throws IllegalArgumentException without operands
   */
  public static DType resultType(List<Operand> operands) {
    if (operands.isEmpty()) {
      throw new IllegalArgumentException("result_type needs at least one operand");
    }
    DType dimResult = null;
    DType zeroResult = null;
    DType wrappedResult = null;
    for (Operand o : operands) {
      switch (o.kind()) {
        case DIMENSIONED_TENSOR:
          dimResult = promoteSkipUndefined(dimResult, o.dtype());
          break;
        case ZERO_DIM_TENSOR:
          zeroResult = promoteSkipUndefined(zeroResult, o.dtype());
          break;
        default:
          wrappedResult = promoteSkipUndefined(wrappedResult, o.dtype());
          break;
      }
    }
    return combineCategories(dimResult, combineCategories(zeroResult, wrappedResult));
  }

  private static DType promoteSkipUndefined(DType a, DType b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return promoteTypes(a, b);
  }

  /**
   * c10's {@code combine_categories(higher, lower)}, where {@code higher} comes from operands of
   * a higher priority; null is "undefined" (no operand of that priority).
   */
  private static DType combineCategories(DType higher, DType lower) {
    // a floating higher-priority dtype is never overridden: f32[...] + f64[] => f32
    if (higher != null && higher.isFloatingPoint()) {
      return higher;
    }
    // bool gives way to anything; a floating lower-priority dtype lifts the category:
    // b8[...] + 2 => i64, i32[...] + f64[] => f64
    if (higher == DType.BOOL || (lower != null && lower.isFloatingPoint())) {
      return promoteSkipUndefined(higher, lower);
    }
    // same or lower category below: the higher priority decides, i32[...] + i64[] => i32
    return higher != null ? higher : lower;
  }

  /**
   * {@code elementwise_dtypes(*args, type_promotion_kind=kind)}: the computation and result
   * dtypes of an elementwise operator. The category is the highest of all operands; the dtype is
   * the highest among dimensioned tensors of that category, else among zero-dimensional ones,
   * else the category's default ({@code bool}, {@code int64}, {@code float32}); then {@code
   * kind} adjusts it.
   *
   * @throws IllegalArgumentException without operands
   */
  public static Promotion promote(TypePromotionKind kind, Operand... operands) {
    return promote(kind, Arrays.asList(operands));
  }

  /** As {@link #promote(TypePromotionKind, Operand...)}. */
  public static Promotion promote(TypePromotionKind kind, List<Operand> operands) {
    if (operands.isEmpty()) {
      throw new IllegalArgumentException("type promotion needs at least one operand");
    }
    DType.Category highest = DType.Category.BOOL;
    for (Operand o : operands) {
      if (o.dtype().category().compareTo(highest) > 0) {
        highest = o.dtype().category();
      }
    }
    DType result;
    if (highest == DType.Category.BOOL) {
      result = DType.BOOL;
    } else {
      result = highestTensorDtype(operands, highest);
      if (result == null) {
        result = highest == DType.Category.FLOATING ? DType.DEFAULT_FLOAT : DType.INT64;
      }
    }
    switch (kind) {
      case INT_TO_FLOAT:
        DType f = result.isFloatingPoint() ? result : DType.DEFAULT_FLOAT;
        return new Promotion(f, f);
      case BOOL_TO_LONG:
        DType l = result.isBool() ? DType.INT64 : result;
        return new Promotion(l, l);
      case ALWAYS_BOOL:
        return new Promotion(result, DType.BOOL);
      default:
        return new Promotion(result, result);
    }
  }

  /** {@code _find_highest_dtype_filtered}: prefers tensors with one or more dimensions. */
  private static DType highestTensorDtype(List<Operand> operands, DType.Category category) {
    DType zeroDim = null;
    DType onePlusDim = null;
    for (Operand o : operands) {
      if (!o.isTensor() || o.dtype().category() != category) {
        continue;
      }
      if (o.kind() == Operand.Kind.ZERO_DIM_TENSOR) {
        zeroDim = promoteSkipUndefined(zeroDim, o.dtype());
      } else {
        onePlusDim = promoteSkipUndefined(onePlusDim, o.dtype());
      }
    }
    return onePlusDim != null ? onePlusDim : zeroDim;
  }

  /** The result dtype of DEFAULT elementwise promotion. */
  public static DType promote(Operand... operands) {
    return promote(TypePromotionKind.DEFAULT, operands).result();
  }

  /**
   * {@code torch.can_cast(from, to)}: whether an in-place operator may write a {@code from}
   * result into a {@code to} tensor. Floating to integer and anything but bool to bool are
   * refused (so {@code bool_tensor += 5} is an error, as {@code bool_tensor + 5} is int64).
   */
  public static boolean canCast(DType from, DType to) {
    if (from.isFloatingPoint() && to.isInteger()) {
      return false;
    }
    return from == DType.BOOL || to != DType.BOOL;
  }
}
