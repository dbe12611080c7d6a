package symtrace.tracer.ops.kernels;

import static symtrace.tracer.ops.kernels.ElementFn.binaryFloating;
import static symtrace.tracer.ops.kernels.ElementFn.binaryIntegral;

/**
 * The element functions of aten's binary and selecting operators, with the operand order each
 * expects. Comparisons and logical operators return 1 or 0 (written to a bool output).
 */
public final class ArithmeticFns {
  private ArithmeticFns() {}

  /** {@code add}: operands {@code (self, other, alpha)}, {@code self + alpha * other}. */
  public static final ElementFn ADD = ElementFn.of("add_cpu",
      (x, p) -> x[0] + x[2] * x[1], x -> x[0] + x[2] * x[1]);

  /** {@code sub}: operands {@code (self, other, alpha)}, {@code self - alpha * other}. */
  public static final ElementFn SUB = ElementFn.of("sub_cpu",
      (x, p) -> x[0] - x[2] * x[1], x -> x[0] - x[2] * x[1]);

  public static final ElementFn MUL = ElementFn.of("mul_cpu",
      binaryFloating((a, b) -> a * b), binaryIntegral((a, b) -> a * b));

  /** True division; integral operands are promoted to a floating dtype before it runs. */
  public static final ElementFn TRUE_DIVIDE = ElementFn.floatingOnly("div_true_cpu",
      binaryFloating((a, b) -> a / b));

  /** {@code rounding_mode='trunc'}. */
  public static final ElementFn TRUNC_DIVIDE = ElementFn.of("div_trunc_cpu",
      (x, p) -> trunc(p.round(x[0] / x[1])), binaryIntegral(IntMath::truncDivide))
      .withoutBool();

  /** {@code floor_divide}, {@code rounding_mode='floor'}. */
  public static final ElementFn FLOOR_DIVIDE = ElementFn.of("div_floor_cpu",
      (x, p) -> FloatMath.floorDivide(x[0], x[1], p), binaryIntegral(IntMath::floorDivide))
      .withoutBool();

  public static final ElementFn REMAINDER = ElementFn.of("remainder_cpu",
      (x, p) -> FloatMath.remainder(x[0], x[1], p), binaryIntegral(IntMath::remainder))
      .withoutBool();

  /** {@code pow} of two tensors (also a scalar base). */
  public static final ElementFn POW = ElementFn.of("pow",
      binaryFloating(FloatMath::pow), binaryIntegral(IntMath::pow));

  /**
   * {@code pow} with a scalar exponent: operands {@code (self, exponent)}, with ATen's special
   * cases for the exponents 2, 3, 0.5, -0.5, -1 and -2.
   */
  public static final ElementFn POW_SCALAR = ElementFn.of("pow",
      (x, p) -> FloatMath.powScalar(x[0], x[1], p), binaryIntegral(IntMath::pow));

  public static final ElementFn MAXIMUM = ElementFn.of("maximum_cpu",
      binaryFloating(FloatMath::maximum), binaryIntegral(Math::max));

  public static final ElementFn MINIMUM = ElementFn.of("minimum_cpu",
      binaryFloating(FloatMath::minimum), binaryIntegral(Math::min));

  public static final ElementFn EQ = ElementFn.of("eq_cpu",
      binaryFloating((a, b) -> bit(a == b)), binaryIntegral((a, b) -> bit(a == b)));

  public static final ElementFn NE = ElementFn.of("ne_cpu",
      binaryFloating((a, b) -> bit(a != b)), binaryIntegral((a, b) -> bit(a != b)));

  public static final ElementFn LT = ElementFn.of("lt_cpu",
      binaryFloating((a, b) -> bit(a < b)), binaryIntegral((a, b) -> bit(a < b)));

  public static final ElementFn LE = ElementFn.of("le_cpu",
      binaryFloating((a, b) -> bit(a <= b)), binaryIntegral((a, b) -> bit(a <= b)));

  public static final ElementFn GT = ElementFn.of("gt_cpu",
      binaryFloating((a, b) -> bit(a > b)), binaryIntegral((a, b) -> bit(a > b)));

  public static final ElementFn GE = ElementFn.of("ge_cpu",
      binaryFloating((a, b) -> bit(a >= b)), binaryIntegral((a, b) -> bit(a >= b)));

  /** {@code logical_and}: non-zero (NaN included) is true. */
  public static final ElementFn LOGICAL_AND = ElementFn.of("logical_and_cpu",
      binaryFloating((a, b) -> bit(a != 0 && b != 0)),
      binaryIntegral((a, b) -> bit(a != 0 && b != 0)));

  public static final ElementFn LOGICAL_OR = ElementFn.of("logical_or_cpu",
      binaryFloating((a, b) -> bit(a != 0 || b != 0)),
      binaryIntegral((a, b) -> bit(a != 0 || b != 0)));

  /** {@code where}: operands {@code (condition, self, other)}. */
  public static final ElementFn WHERE = ElementFn.of("where_cpu",
      (x, p) -> x[0] != 0 ? x[1] : x[2], x -> x[0] != 0 ? x[1] : x[2]);

  /** {@code masked_fill}: operands {@code (self, mask, value)}. */
  public static final ElementFn MASKED_FILL = ElementFn.of("masked_fill",
      (x, p) -> x[1] != 0 ? x[2] : x[0], x -> x[1] != 0 ? x[2] : x[0]);

  /** {@code clamp} with both bounds: operands {@code (self, min, max)}, bounds' NaNs ignored. */
  public static final ElementFn CLAMP = ElementFn.of("clamp_scalar_cpu",
      (x, p) -> FloatMath.clampMax(FloatMath.clampMin(x[0], x[1]), x[2]),
      x -> Math.min(Math.max(x[0], x[1]), x[2]));

  /** {@code clamp(min=...)}: operands {@code (self, min)}. */
  public static final ElementFn CLAMP_MIN = ElementFn.of("clamp_min_scalar_cpu",
      binaryFloating(FloatMath::clampMin), binaryIntegral(Math::max));

  /** {@code clamp(max=...)}: operands {@code (self, max)}. */
  public static final ElementFn CLAMP_MAX = ElementFn.of("clamp_max_scalar_cpu",
      binaryFloating(FloatMath::clampMax), binaryIntegral(Math::min));

  /**
   * {@code clamp.Tensor} with both bounds: operands {@code (self, min, max)}; a NaN anywhere
   * gives NaN.
   */
  public static final ElementFn CLAMP_TENSOR = ElementFn.of("clamp_cpu",
      (x, p) -> FloatMath.minimum(FloatMath.maximum(x[0], x[1]), x[2]),
      x -> Math.min(Math.max(x[0], x[1]), x[2]));

  private static double trunc(double v) {
    return v < 0 ? Math.ceil(v) : Math.floor(v);
  }

  private static int bit(boolean b) {
    return b ? 1 : 0;
  }
}
