package symtrace.tracer.ops;

import static symtrace.tracer.ops.Elementwise.call;
import static symtrace.tracer.ops.Elementwise.elementwise;
import static symtrace.tracer.ops.Elementwise.elementwiseInPlace;
import static symtrace.tracer.tensor.TypePromotionKind.ALWAYS_BOOL;
import static symtrace.tracer.tensor.TypePromotionKind.BOOL_TO_LONG;
import static symtrace.tracer.tensor.TypePromotionKind.DEFAULT;
import static symtrace.tracer.tensor.TypePromotionKind.INT_TO_FLOAT;

import java.util.Arrays;
import java.util.List;
import symtrace.symbolic.env.Provenance;
import symtrace.tracer.ops.kernels.ArithmeticFns;
import symtrace.tracer.ops.kernels.ElementFn;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Promotion;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.TensorValue;
import symtrace.tracer.tensor.TypePromotionKind;
import symtrace.tracer.tensor.ViewRules;

/**
 * The binary pointwise operators (arithmetic, comparisons, logical operators, {@code where},
 * {@code masked_fill}) and their in-place forms; it also registers the unary operators ({@link
 * UnaryPointwiseOps}) and the plain writes {@code copy_}, {@code fill_}, {@code zero_} ({@link
 * TensorWrites}).
 *
 * <p>Each overload is a rule from its arguments to an {@link Elementwise.Call}; the meta rule
 * and the kernel both run it, so they agree. A {@code Scalar} argument, or a Python number given
 * for a {@code Tensor} one, is a wrapped number: lowest priority in promotion, converted to the
 * computation dtype like a tensor operand. Error texts are ATen's.
 */
final class PointwiseOps implements OpGroup {
  @Override
  public void register(OpRegistry.Builder r) {
    registerArithmetic(r);
    registerDivision(r);
    registerComparisons(r);
    registerSelection(r);
    UnaryPointwiseOps.register(r);
    TensorWrites.register(r);
  }

  private static void registerArithmetic(OpRegistry.Builder r) {
    elementwise(r, "add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor",
        PointwiseOps::add, Tag.CORE);
    elementwise(r, "add.Scalar(Tensor self, Scalar other, Scalar alpha=1) -> Tensor",
        PointwiseOps::add, Tag.CORE);
    elementwise(r, "sub.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor",
        PointwiseOps::sub, Tag.CORE);
    elementwise(r, "sub.Scalar(Tensor self, Scalar other, Scalar alpha=1) -> Tensor",
        PointwiseOps::sub, Tag.CORE);
    elementwise(r, "rsub.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor",
        PointwiseOps::rsub);
    elementwise(r, "rsub.Scalar(Tensor self, Scalar other, Scalar alpha=1) -> Tensor",
        PointwiseOps::rsub);
    elementwise(r, "mul.Tensor(Tensor self, Tensor other) -> Tensor",
        binary(DEFAULT, ArithmeticFns.MUL), Tag.CORE);
    elementwise(r, "mul.Scalar(Tensor self, Scalar other) -> Tensor",
        binary(DEFAULT, ArithmeticFns.MUL), Tag.CORE);
    elementwise(r, "maximum(Tensor self, Tensor other) -> Tensor",
        binary(DEFAULT, ArithmeticFns.MAXIMUM), Tag.CORE);
    elementwise(r, "minimum(Tensor self, Tensor other) -> Tensor",
        binary(DEFAULT, ArithmeticFns.MINIMUM), Tag.CORE);
    // torch.max(a, b) and torch.min(a, b): composites of maximum and minimum
    r.composite("max.other(Tensor self, Tensor other) -> Tensor",
        (a, ops) -> ops.call("aten.maximum.default", a.tensor(0), a.tensor(1)));
    r.composite("min.other(Tensor self, Tensor other) -> Tensor",
        (a, ops) -> ops.call("aten.minimum.default", a.tensor(0), a.tensor(1)));
    elementwise(r, "pow.Tensor_Tensor(Tensor self, Tensor exponent) -> Tensor",
        binary(BOOL_TO_LONG, ArithmeticFns.POW), Tag.CORE);
    elementwise(r, "pow.Tensor_Scalar(Tensor self, Scalar exponent) -> Tensor",
        PointwiseOps::powTensorScalar, Tag.CORE);
    elementwise(r, "pow.Scalar(Scalar self, Tensor exponent) -> Tensor",
        (a, why) -> binary(BOOL_TO_LONG, ArithmeticFns.POW).call(a, why).contiguous(),
        Tag.CORE);

    elementwiseInPlace(r, "add_.Tensor(Tensor(a!) self, Tensor other, *, Scalar alpha=1)"
        + " -> Tensor(a!)", PointwiseOps::add);
    elementwiseInPlace(r, "add_.Scalar(Tensor(a!) self, Scalar other, Scalar alpha=1)"
        + " -> Tensor(a!)", PointwiseOps::add);
    elementwiseInPlace(r, "sub_.Tensor(Tensor(a!) self, Tensor other, *, Scalar alpha=1)"
        + " -> Tensor(a!)", PointwiseOps::sub);
    elementwiseInPlace(r, "sub_.Scalar(Tensor(a!) self, Scalar other, Scalar alpha=1)"
        + " -> Tensor(a!)", PointwiseOps::sub);
    elementwiseInPlace(r, "mul_.Tensor(Tensor(a!) self, Tensor other) -> Tensor(a!)",
        binary(DEFAULT, ArithmeticFns.MUL));
    elementwiseInPlace(r, "mul_.Scalar(Tensor(a!) self, Scalar other) -> Tensor(a!)",
        binary(DEFAULT, ArithmeticFns.MUL));
  }

  private static void registerDivision(OpRegistry.Builder r) {
    elementwise(r, "div.Tensor(Tensor self, Tensor other) -> Tensor",
        binary(INT_TO_FLOAT, ArithmeticFns.TRUE_DIVIDE), Tag.CORE);
    elementwise(r, "div.Scalar(Tensor self, Scalar other) -> Tensor",
        binary(INT_TO_FLOAT, ArithmeticFns.TRUE_DIVIDE), Tag.CORE);
    elementwise(r, "div.Tensor_mode(Tensor self, Tensor other, *, str? rounding_mode) -> Tensor",
        PointwiseOps::divMode, Tag.CORE);
    elementwise(r, "div.Scalar_mode(Tensor self, Scalar other, *, str? rounding_mode) -> Tensor",
        PointwiseOps::divMode, Tag.CORE);
    elementwise(r, "floor_divide(Tensor self, Tensor other) -> Tensor",
        binary(DEFAULT, ArithmeticFns.FLOOR_DIVIDE));
    elementwise(r, "floor_divide.Scalar(Tensor self, Scalar other) -> Tensor",
        binary(DEFAULT, ArithmeticFns.FLOOR_DIVIDE));
    elementwise(r, "remainder.Tensor(Tensor self, Tensor other) -> Tensor",
        binary(DEFAULT, ArithmeticFns.REMAINDER), Tag.CORE);
    elementwise(r, "remainder.Scalar(Tensor self, Scalar other) -> Tensor",
        binary(DEFAULT, ArithmeticFns.REMAINDER), Tag.CORE);
    elementwise(r, "remainder.Scalar_Tensor(Scalar self, Tensor other) -> Tensor",
        binary(DEFAULT, ArithmeticFns.REMAINDER));

    elementwiseInPlace(r, "div_.Tensor(Tensor(a!) self, Tensor other) -> Tensor(a!)",
        binary(INT_TO_FLOAT, ArithmeticFns.TRUE_DIVIDE));
    elementwiseInPlace(r, "div_.Scalar(Tensor(a!) self, Scalar other) -> Tensor(a!)",
        binary(INT_TO_FLOAT, ArithmeticFns.TRUE_DIVIDE));
    elementwiseInPlace(r, "div_.Tensor_mode(Tensor(a!) self, Tensor other, *,"
        + " str? rounding_mode) -> Tensor(a!)", PointwiseOps::divMode);
    elementwiseInPlace(r, "floor_divide_.Tensor(Tensor(a!) self, Tensor other) -> Tensor(a!)",
        binary(DEFAULT, ArithmeticFns.FLOOR_DIVIDE));
    elementwiseInPlace(r, "floor_divide_.Scalar(Tensor(a!) self, Scalar other) -> Tensor(a!)",
        binary(DEFAULT, ArithmeticFns.FLOOR_DIVIDE));
  }

  private static void registerComparisons(OpRegistry.Builder r) {
    String[] names = {"eq", "ne", "lt", "le", "gt", "ge"};
    ElementFn[] fns = {ArithmeticFns.EQ, ArithmeticFns.NE, ArithmeticFns.LT, ArithmeticFns.LE,
        ArithmeticFns.GT, ArithmeticFns.GE};
    for (int i = 0; i < names.length; i++) {
      elementwise(r, names[i] + ".Tensor(Tensor self, Tensor other) -> Tensor",
          binary(ALWAYS_BOOL, fns[i]), Tag.CORE);
      elementwise(r, names[i] + ".Scalar(Tensor self, Scalar other) -> Tensor",
          binary(ALWAYS_BOOL, fns[i]), Tag.CORE);
    }
    elementwise(r, "logical_and(Tensor self, Tensor other) -> Tensor",
        binary(ALWAYS_BOOL, ArithmeticFns.LOGICAL_AND), Tag.CORE);
    elementwise(r, "logical_or(Tensor self, Tensor other) -> Tensor",
        binary(ALWAYS_BOOL, ArithmeticFns.LOGICAL_OR), Tag.CORE);
  }

  private static void registerSelection(OpRegistry.Builder r) {
    elementwise(r, "where.self(Tensor condition, Tensor self, Tensor other) -> Tensor",
        PointwiseOps::where, Tag.CORE);
    // ATen's composites pass the scalars on as wrapped numbers
    r.composite("where.ScalarSelf(Tensor condition, Scalar self, Tensor other) -> Tensor",
        PointwiseOps::whereOfScalars);
    r.composite("where.ScalarOther(Tensor condition, Tensor self, Scalar other) -> Tensor",
        PointwiseOps::whereOfScalars);
    r.composite("where.Scalar(Tensor condition, Scalar self, Scalar other) -> Tensor",
        PointwiseOps::whereOfScalars);
    elementwise(r, "masked_fill.Scalar(Tensor self, Tensor mask, Scalar value) -> Tensor",
        (a, why) -> maskedFill(a).contiguous());
    elementwise(r, "masked_fill.Tensor(Tensor self, Tensor mask, Tensor value) -> Tensor",
        (a, why) -> maskedFill(a).contiguous());
    elementwiseInPlace(r, "masked_fill_.Scalar(Tensor(a!) self, Tensor mask, Scalar value)"
        + " -> Tensor(a!)", PointwiseOps::maskedFillInPlace);
    elementwiseInPlace(r, "masked_fill_.Tensor(Tensor(a!) self, Tensor mask, Tensor value)"
        + " -> Tensor(a!)", PointwiseOps::maskedFillInPlace);
  }

  // ---------------------------------------------------------------------------------------
  // Rules

  /** Arguments 0 and 1, both promoted. */
  private static Elementwise.Rule binary(TypePromotionKind kind, ElementFn fn) {
    return (a, why) -> call(List.of(a.get(0), a.get(1)), kind, fn);
  }

  private static Elementwise.Call add(Args a, Provenance why) {
    return withAlpha(a.get(0), a.get(1), a.get(2), ArithmeticFns.ADD);
  }

  private static Elementwise.Call sub(Args a, Provenance why) {
    checkSub(a.get(0), a.get(1));
    return withAlpha(a.get(0), a.get(1), a.get(2), ArithmeticFns.SUB);
  }

  /** {@code rsub(self, other, alpha) = other - alpha * self}. */
  private static Elementwise.Call rsub(Args a, Provenance why) {
    checkSub(a.get(1), a.get(0));
    return withAlpha(a.get(1), a.get(0), a.get(2), ArithmeticFns.SUB);
  }

  /** {@code self op alpha * other}: alpha is an operand but does not take part in promotion. */
  private static Elementwise.Call withAlpha(Object self, Object other, Object alpha,
      ElementFn fn) {
    Elementwise.Call c = call(Arrays.asList(self, other, alpha), List.of(self, other), DEFAULT,
        fn);
    checkAlpha(c.promotion().result(), alpha);
    return c;
  }

  /** ATen's {@code alpha_check}. */
  private static void checkAlpha(DType dtype, Object alpha) {
    if (PyScalars.isBool(alpha) && dtype != DType.BOOL) {
      throw TensorError.runtime("Boolean alpha only supported for Boolean results.");
    }
    if (!dtype.isFloatingPoint() && !(PyScalars.isInt(alpha) || PyScalars.isBool(alpha))) {
      throw TensorError.runtime("For integral input tensors, argument alpha must not be a"
          + " floating point number.");
    }
  }

  /** ATen's {@code sub_check}. */
  private static void checkSub(Object self, Object other) {
    boolean selfBool = Elementwise.dtypeOf(self) == DType.BOOL;
    boolean otherBool = Elementwise.dtypeOf(other) == DType.BOOL;
    if (selfBool && otherBool) {
      throw TensorError.runtime("Subtraction, the `-` operator, with two bool tensors is not"
          + " supported. Use the `^` or `logical_xor()` operator instead.");
    }
    if (selfBool || otherBool) {
      throw TensorError.runtime("Subtraction, the `-` operator, with a bool tensor is not"
          + " supported. If you are trying to invert a mask, use the `~` or `logical_not()`"
          + " operator instead.");
    }
  }

  private static Elementwise.Call divMode(Args a, Provenance why) {
    String mode = a.string(2);
    if (mode == null) {
      return binary(INT_TO_FLOAT, ArithmeticFns.TRUE_DIVIDE).call(a, why);
    }
    return switch (mode) {
      case "trunc" -> binary(DEFAULT, ArithmeticFns.TRUNC_DIVIDE).call(a, why);
      case "floor" -> binary(DEFAULT, ArithmeticFns.FLOOR_DIVIDE).call(a, why);
      default -> throw TensorError.runtime("div expected rounding_mode to be one of None,"
          + " 'trunc', or 'floor' but found '" + mode + "'");
    };
  }

  /** {@code pow(tensor, scalar)}: an integer tensor may not take a negative integer power. */
  private static Elementwise.Call powTensorScalar(Args a, Provenance why) {
    Object exponent = a.get(1);
    boolean integralBase = !a.tensor(0).dtype().isFloatingPoint();
    boolean integralExponent = PyScalars.isInt(exponent) || PyScalars.isBool(exponent);
    if (integralBase && integralExponent
        && PyScalars.truth(PyScalars.compare("<", exponent, 0L), why)) {
      throw TensorError.runtime("Integers to negative integer powers are not allowed.");
    }
    return call(List.of(a.get(0), exponent), BOOL_TO_LONG, ArithmeticFns.POW_SCALAR);
  }

  private static Elementwise.Call where(Args a, Provenance why) {
    TensorValue condition = a.tensor(0);
    if (condition.dtype() != DType.BOOL) {
      throw TensorError.runtime("where expected condition to be a boolean tensor, but got a"
          + " tensor with dtype " + condition.dtype().scalarTypeName());
    }
    return call(List.of(condition, a.get(1), a.get(2)), List.of(a.get(1), a.get(2)), DEFAULT,
        ArithmeticFns.WHERE);
  }

  private static Object whereOfScalars(Args a, Ops ops) {
    return ops.call("aten.where.self", a.get(0), a.get(1), a.get(2));
  }

  /**
   * {@code masked_fill(self, mask, value)}: the result has {@code self}'s dtype (the value is
   * converted to it), the broadcast shape of self and mask, contiguous strides.
   */
  private static Elementwise.Call maskedFill(Args a) {
    TensorValue self = a.tensor(0);
    TensorValue mask = a.tensor(1);
    if (mask.dtype() != DType.BOOL) {
      throw TensorError.runtime("masked_fill_ only supports boolean masks, but got mask with"
          + " dtype " + typeMetaName(mask.dtype()));
    }
    Object value = a.get(2);
    if (value instanceof TensorValue v && v.dim() != 0) {
      throw TensorError.runtime("masked_fill_ only supports a 0-dimensional value tensor, but"
          + " got tensor with " + v.dim() + " dimension(s).");
    }
    return new Elementwise.Call(List.of(self, mask, value),
        new Promotion(self.dtype(), self.dtype()), ArithmeticFns.MASKED_FILL, false);
  }

  /** {@code masked_fill_}: the mask must expand to {@code self}'s shape. */
  private static Elementwise.Call maskedFillInPlace(Args a, Provenance why) {
    Elementwise.Call c = maskedFill(a);
    TensorValue mask = a.tensor(1);
    ViewRules.of(why).expand(mask.geometry(), a.tensor(0).symSizes(), mask.dtype());
    return c;
  }

  /** c10's {@code TypeMeta} names, which some ATen messages print instead of ScalarType's. */
  private static String typeMetaName(DType dtype) {
    return switch (dtype) {
      case FLOAT32 -> "float";
      case FLOAT64 -> "double";
      case INT64 -> "long int";
      case INT32 -> "int";
      case BOOL -> "bool";
    };
  }
}
