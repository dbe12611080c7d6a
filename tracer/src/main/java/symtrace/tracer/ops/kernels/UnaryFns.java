package symtrace.tracer.ops.kernels;

import static symtrace.tracer.ops.kernels.ElementFn.unaryFloating;
import static symtrace.tracer.ops.kernels.ElementFn.unaryIntegral;

/**
 * The element functions of aten's unary operators (operand {@code (self)}). The transcendental
 * ones are floating only: their operators promote integers to float32 first ({@code
 * INT_TO_FLOAT}); the activations without an integer kernel ({@code gelu}, {@code silu}) raise
 * ATen's dispatch error for one.
 */
public final class UnaryFns {
  private UnaryFns() {}

  public static final ElementFn NEG = ElementFn.of("neg_cpu",
      unaryFloating(a -> -a), unaryIntegral(a -> -a));

  public static final ElementFn ABS = ElementFn.of("abs_cpu",
      unaryFloating(Math::abs), unaryIntegral(Math::abs)).withoutBool();

  public static final ElementFn EXP = ElementFn.floatingOnly("exp_vml_cpu",
      unaryFloating(Math::exp));

  public static final ElementFn LOG = ElementFn.floatingOnly("log_vml_cpu",
      unaryFloating(Math::log));

  public static final ElementFn SQRT = ElementFn.floatingOnly("sqrt_vml_cpu",
      unaryFloating(Math::sqrt));

  public static final ElementFn RSQRT = ElementFn.floatingOnly("rsqrt_cpu",
      (x, p) -> FloatMath.rsqrt(x[0], p));

  public static final ElementFn SIN = ElementFn.floatingOnly("sin_vml_cpu",
      unaryFloating(Math::sin));

  public static final ElementFn COS = ElementFn.floatingOnly("cos_vml_cpu",
      unaryFloating(Math::cos));

  public static final ElementFn TANH = ElementFn.floatingOnly("tanh_vml_cpu",
      unaryFloating(Math::tanh));

  public static final ElementFn SIGMOID = ElementFn.floatingOnly("sigmoid_cpu",
      (x, p) -> FloatMath.sigmoid(x[0], p));

  public static final ElementFn RECIPROCAL = ElementFn.floatingOnly("reciprocal_cpu",
      unaryFloating(a -> 1 / a));

  /** {@code relu}: {@code max(x, 0)}, NaN kept. */
  public static final ElementFn RELU = ElementFn.of("clamp_min_scalar_cpu",
      unaryFloating(a -> a < 0 ? 0 : a), unaryIntegral(a -> Math.max(a, 0)));

  public static final ElementFn GELU = ElementFn.floatingOnly("GeluKernelImpl",
      (x, p) -> FloatMath.gelu(x[0], p));

  public static final ElementFn GELU_TANH = ElementFn.floatingOnly("GeluKernelImpl",
      (x, p) -> FloatMath.geluTanh(x[0], p));

  public static final ElementFn SILU = ElementFn.floatingOnly("silu_cpu",
      (x, p) -> FloatMath.silu(x[0], p));

  /** {@code logical_not}: 1 for zero, 0 otherwise (NaN is true, so gives 0). */
  public static final ElementFn LOGICAL_NOT = ElementFn.of("logical_not_cpu",
      unaryFloating(a -> a == 0 ? 1 : 0), unaryIntegral(a -> a == 0 ? 1 : 0));

  /** {@code ~x}: integers bitwise, bools logically; no floating version (ATen's error). */
  public static final ElementFn BITWISE_NOT = new ElementFn("bitwise_not_cpu", null,
      unaryIntegral(a -> ~a), unaryIntegral(a -> a == 0 ? 1 : 0));
}
