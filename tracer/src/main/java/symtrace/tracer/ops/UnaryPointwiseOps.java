package symtrace.tracer.ops;

import static symtrace.tracer.ops.Elementwise.call;
import static symtrace.tracer.ops.Elementwise.elementwise;
import static symtrace.tracer.ops.Elementwise.elementwiseInPlace;
import static symtrace.tracer.tensor.TypePromotionKind.ALWAYS_BOOL;
import static symtrace.tracer.tensor.TypePromotionKind.DEFAULT;
import static symtrace.tracer.tensor.TypePromotionKind.INT_TO_FLOAT;

import java.util.ArrayList;
import java.util.List;
import symtrace.symbolic.env.Provenance;
import symtrace.tracer.ops.kernels.ArithmeticFns;
import symtrace.tracer.ops.kernels.ElementFn;
import symtrace.tracer.ops.kernels.UnaryFns;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.TypePromotionKind;

/**
 * The unary pointwise operators (math functions, activations, {@code logical_not}) and {@code
 * clamp}, registered by {@link PointwiseOps}. Math functions promote integers to float32 ({@code
 * INT_TO_FLOAT}); {@code neg}, {@code abs}, {@code relu} and the clamps keep the input's dtype;
 * output strides follow a non-overlapping and dense input ({@code neg(x.t())} is transposed).
 */
final class UnaryPointwiseOps {
  private UnaryPointwiseOps() {}

  static void register(OpRegistry.Builder r) {
    elementwise(r, "neg(Tensor self) -> Tensor", (a, why) -> {
      if (a.tensor(0).dtype() == DType.BOOL) {
        throw TensorError.runtime("Negation, the `-` operator, on a bool tensor is not"
            + " supported. If you are trying to invert a mask, use the `~` or `logical_not()`"
            + " operator instead.");
      }
      return unary(a, DEFAULT, UnaryFns.NEG);
    }, Tag.CORE);
    elementwise(r, "abs(Tensor self) -> Tensor", unary(DEFAULT, UnaryFns.ABS), Tag.CORE);
    elementwise(r, "exp(Tensor self) -> Tensor", unary(INT_TO_FLOAT, UnaryFns.EXP), Tag.CORE);
    elementwise(r, "log(Tensor self) -> Tensor", unary(INT_TO_FLOAT, UnaryFns.LOG), Tag.CORE);
    elementwise(r, "sqrt(Tensor self) -> Tensor", unary(INT_TO_FLOAT, UnaryFns.SQRT), Tag.CORE);
    elementwise(r, "rsqrt(Tensor self) -> Tensor", unary(INT_TO_FLOAT, UnaryFns.RSQRT), Tag.CORE);
    elementwise(r, "sin(Tensor self) -> Tensor", unary(INT_TO_FLOAT, UnaryFns.SIN), Tag.CORE);
    elementwise(r, "cos(Tensor self) -> Tensor", unary(INT_TO_FLOAT, UnaryFns.COS), Tag.CORE);
    elementwise(r, "tanh(Tensor self) -> Tensor", unary(INT_TO_FLOAT, UnaryFns.TANH), Tag.CORE);
    elementwise(r, "sigmoid(Tensor self) -> Tensor", unary(INT_TO_FLOAT, UnaryFns.SIGMOID),
        Tag.CORE);
    elementwise(r, "reciprocal(Tensor self) -> Tensor",
        unary(INT_TO_FLOAT, UnaryFns.RECIPROCAL), Tag.CORE);
    elementwise(r, "relu(Tensor self) -> Tensor", UnaryPointwiseOps::relu, Tag.CORE);
    elementwise(r, "gelu(Tensor self, *, str approximate='none') -> Tensor",
        UnaryPointwiseOps::gelu, Tag.CORE);
    elementwise(r, "silu(Tensor self) -> Tensor", unary(DEFAULT, UnaryFns.SILU));
    elementwise(r, "logical_not(Tensor self) -> Tensor",
        unary(ALWAYS_BOOL, UnaryFns.LOGICAL_NOT), Tag.CORE);
    elementwise(r, "bitwise_not(Tensor self) -> Tensor", unary(DEFAULT, UnaryFns.BITWISE_NOT),
        Tag.CORE);
    elementwise(r, "clamp(Tensor self, Scalar? min=None, Scalar? max=None) -> Tensor",
        (a, why) -> clamp(a, false), Tag.CORE);
    elementwise(r, "clamp.Tensor(Tensor self, Tensor? min=None, Tensor? max=None) -> Tensor",
        (a, why) -> clamp(a, true), Tag.CORE);

    elementwiseInPlace(r, "relu_(Tensor(a!) self) -> Tensor(a!)", UnaryPointwiseOps::relu);
    // The in-place forms of the plain unary functions: the same kernel, written into self.
    for (InPlace f : List.of(
        new InPlace("neg", DEFAULT, UnaryFns.NEG),
        new InPlace("abs", DEFAULT, UnaryFns.ABS),
        new InPlace("exp", INT_TO_FLOAT, UnaryFns.EXP),
        new InPlace("log", INT_TO_FLOAT, UnaryFns.LOG),
        new InPlace("sqrt", INT_TO_FLOAT, UnaryFns.SQRT),
        new InPlace("rsqrt", INT_TO_FLOAT, UnaryFns.RSQRT),
        new InPlace("sin", INT_TO_FLOAT, UnaryFns.SIN),
        new InPlace("cos", INT_TO_FLOAT, UnaryFns.COS),
        new InPlace("tanh", INT_TO_FLOAT, UnaryFns.TANH),
        new InPlace("sigmoid", INT_TO_FLOAT, UnaryFns.SIGMOID),
        new InPlace("reciprocal", INT_TO_FLOAT, UnaryFns.RECIPROCAL))) {
      elementwiseInPlace(r, f.name() + "_(Tensor(a!) self) -> Tensor(a!)",
          unary(f.kind(), f.fn()));
    }
    elementwiseInPlace(r, "clamp_(Tensor(a!) self, Scalar? min=None, Scalar? max=None)"
        + " -> Tensor(a!)", (a, why) -> clamp(a, false));
    elementwiseInPlace(r, "clamp_.Tensor(Tensor(a!) self, Tensor? min=None, Tensor? max=None)"
        + " -> Tensor(a!)", (a, why) -> clamp(a, true));
  }

  /** A unary function with an in-place form {@code name_}. */
  private record InPlace(String name, TypePromotionKind kind, ElementFn fn) {}

  private static Elementwise.Rule unary(TypePromotionKind kind, ElementFn fn) {
    return (a, why) -> unary(a, kind, fn);
  }

  private static Elementwise.Call unary(Args a, TypePromotionKind kind, ElementFn fn) {
    return call(List.of(a.get(0)), kind, fn);
  }

  private static Elementwise.Call relu(Args a, Provenance why) {
    if (a.tensor(0).dtype() == DType.BOOL) {
      throw TensorError.runtime("Boolean inputs not supported for relu");
    }
    return unary(a, DEFAULT, UnaryFns.RELU);
  }

  private static Elementwise.Call gelu(Args a, Provenance why) {
    return switch (a.string(1)) {
      case "none" -> unary(a, DEFAULT, UnaryFns.GELU);
      case "tanh" -> unary(a, DEFAULT, UnaryFns.GELU_TANH);
      default -> throw TensorError.runtime("approximate argument must be either none or tanh.");
    };
  }

  /**
   * {@code clamp(self, min, max)}: every given bound takes part in promotion ({@code
   * int_tensor.clamp(min=0.5)} is float32). Scalar bounds ignore a NaN bound; tensor bounds
   * propagate one, and a one-sided tensor clamp is {@code maximum} or {@code minimum}.
   */
  private static Elementwise.Call clamp(Args a, boolean tensorBounds) {
    Object min = a.get(1);
    Object max = a.get(2);
    if (min == null && max == null) {
      throw TensorError.runtime(
          "torch.clamp: At least one of 'min' or 'max' must not be None");
    }
    List<Object> operands = new ArrayList<>();
    operands.add(a.get(0));
    if (min != null) {
      operands.add(min);
    }
    if (max != null) {
      operands.add(max);
    }
    ElementFn fn;
    if (min != null && max != null) {
      fn = tensorBounds ? ArithmeticFns.CLAMP_TENSOR : ArithmeticFns.CLAMP;
    } else if (min != null) {
      fn = tensorBounds ? ArithmeticFns.MAXIMUM : ArithmeticFns.CLAMP_MIN;
    } else {
      fn = tensorBounds ? ArithmeticFns.MINIMUM : ArithmeticFns.CLAMP_MAX;
    }
    return call(operands, DEFAULT, fn);
  }
}
