package symtrace.tracer.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static symtrace.tracer.tensor.Tensors.assertLayout;
import static symtrace.tracer.tensor.Tensors.assertRuntimeError;
import static symtrace.tracer.tensor.Tensors.assertValues;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.Tensors;

/**
 * CPU kernels of the pointwise operators against values worked out from PyTorch's semantics:
 * type promotion with wrapped numbers and 0-dim tensors, float32 rounding, integer wrap and
 * division, NaN rules, in-place writes through views, and ATen's error texts.
 */
class PointwiseOpsTest {
  private static final double NAN = Double.NaN;
  private final OpTesting t = OpTesting.real();

  private Tensor op(String name, Object... args) {
    return (Tensor) t.call("aten." + name, args);
  }

  private Tensor divMode(Tensor self, Object other, String mode) {
    return (Tensor) t.callKw("aten.div.Tensor_mode", List.of(self, other),
        Map.of("rounding_mode", mode));
  }

  /**
   * Within two float32 ulps of values worked out in double: the kernels round after each step of
   * ATen's float32 formula, as ATen does.
   */
  private static void assertClose(Tensor t, double... expected) {
    double[] actual = t.toDoubleArray();
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], Math.ulp((float) expected[i]) * 2, "element " + i);
    }
  }

  private static Tensor vec(DType dtype, double... values) {
    return Tensor.ofDoubles(dtype, new long[] {values.length}, values);
  }

  private static Tensor longs(DType dtype, long... values) {
    return Tensor.ofLongs(dtype, new long[] {values.length}, values);
  }

  private static Tensor bools(boolean... values) {
    return Tensor.ofBools(DType.BOOL, new long[] {values.length}, values);
  }

  @ParameterizedTest
  @CsvSource({
    // self, other, result: dimensioned beats 0-dim beats Python numbers within a category
    "f32[2], f64[], f32",
    "i32[2], i64[], i32",
    "i32[2], float, f32",
    "b8[2], int, i64",
    "f64[], i32[2], f64",
    "i32[2], i64[2], i64",
    "f32[2], int, f32",
    "b8[2], b8[], b8",
    "i64[], float, f32",
  })
  void addPromotesLikePyTorch(String self, String other, String result) {
    assertEquals(DType.fromShortName(result), op("add.Tensor", value(self), value(other)).dtype());
  }

  private static Object value(String spec) {
    return switch (spec) {
      case "int" -> 2L;
      case "float" -> 2.5;
      default -> {
        DType d = DType.fromShortName(spec.substring(0, spec.indexOf('[')));
        yield spec.endsWith("[]") ? Tensor.scalar(d, 1) : Tensor.full(d, 1, 2);
      }
    };
  }

  @Test
  void float32ResultsAreRoundedAndFloat64AreNot() {
    assertValues(op("add.Tensor", vec(DType.FLOAT32, 0.1), 0.2), (double) (0.1f + 0.2f));
    assertValues(op("add.Tensor", vec(DType.FLOAT64, 0.1), 0.2), 0.1 + 0.2);
    assertValues(op("add.Tensor", vec(DType.FLOAT32, 1e8), 1L), 1e8);
    assertValues(op("add.Tensor", vec(DType.FLOAT64, 1e8), 1L), 100000001);
    // an int64 operand of a float32 computation is rounded once: 2^24 + 1 -> 2^24
    assertValues(op("mul.Tensor", longs(DType.INT64, 16777217), vec(DType.FLOAT32, 1)),
        16777216);
  }

  @Test
  void integersWrapAndDivideLikeCpp() {
    assertArrayEquals(new long[] {Integer.MIN_VALUE},
        op("add.Tensor", longs(DType.INT32, Integer.MAX_VALUE), 1L).toLongArray());
    assertArrayEquals(new long[] {Long.MIN_VALUE},
        op("add.Tensor", longs(DType.INT64, Long.MAX_VALUE), 1L).toLongArray());
    Tensor k = longs(DType.INT64, 7, -7);
    Tensor half = op("div.Tensor", k, 2L);
    assertEquals(DType.FLOAT32, half.dtype());
    assertValues(half, 3.5, -3.5);
    assertArrayEquals(new long[] {3, -3}, divMode(k, 2L, "trunc").toLongArray());
    assertArrayEquals(new long[] {3, -4}, divMode(k, 2L, "floor").toLongArray());
    assertArrayEquals(new long[] {3, -4}, op("floor_divide.default", k, 2L).toLongArray());
    assertArrayEquals(new long[] {1, 2}, op("remainder.Scalar", k, 3L).toLongArray());
    assertArrayEquals(new long[] {-2, -1}, op("remainder.Scalar", k, -3L).toLongArray());
    assertArrayEquals(new long[] {1, 2},
        op("remainder.Scalar_Tensor", 7L, longs(DType.INT64, 3, 5)).toLongArray());
  }

  @Test
  void integerDivisionByZeroIsAZeroDivisionError() {
    Tensor k = longs(DType.INT64, 1, 2);
    assertRuntimeError("ZeroDivisionError", () -> op("floor_divide.default", k, 0L));
    assertRuntimeError("ZeroDivisionError", () -> op("remainder.Scalar", k, 0L));
    assertRuntimeError("ZeroDivisionError", () -> divMode(k, 0L, "trunc"));
    // true division goes through float32: IEEE results
    assertValues(op("div.Tensor", longs(DType.INT64, 1, -1, 0), 0L),
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, NAN);
    assertValues(op("floor_divide.default", vec(DType.FLOAT32, 1, -1), 0.0),
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
  }

  @Test
  void floatingFloorDivisionAndRemainderFollowTheDivisorsSign() {
    Tensor x = vec(DType.FLOAT32, -7.5, 7.5, 1.0, -0.0);
    assertValues(op("floor_divide.default", x, 2.0), -4, 3, 0, -0.0);
    assertValues(divMode(x, 2.0, "trunc"), -3, 3, 0, -0.0);
    assertValues(op("remainder.Scalar", x, 2.0), 0.5, 1.5, 1, -0.0);
    assertValues(op("remainder.Scalar", vec(DType.FLOAT32, 1.0, -1.5), -0.75), -0.5, -0.0);
    assertRuntimeError("div expected rounding_mode to be one of None, 'trunc', or 'floor' but"
        + " found 'round'", () -> divMode(x, 2.0, "round"));
  }

  @Test
  void powFollowsAtensIntegerRules() {
    assertArrayEquals(new long[] {8, 27, -1},
        op("pow.Tensor_Scalar", longs(DType.INT64, 2, 3, -1), 3L).toLongArray());
    assertRuntimeError("Integers to negative integer powers are not allowed.",
        () -> op("pow.Tensor_Scalar", longs(DType.INT64, 2), -1L));
    assertArrayEquals(new long[] {0, 1, -1, 1}, op("pow.Tensor_Tensor",
        longs(DType.INT64, 2, 1, -1, -1), longs(DType.INT64, -1, -5, -3, -2)).toLongArray());
    Tensor p = op("pow.Scalar", 2.0, longs(DType.INT64, 0, 1, -1));
    assertEquals(DType.FLOAT32, p.dtype());
    assertValues(p, 1, 2, 0.5);
    assertValues(op("pow.Tensor_Scalar", vec(DType.FLOAT32, 4, -8), 0.5), 2, NAN);
    assertValues(op("pow.Tensor_Scalar", longs(DType.INT64, 4), 0.5), 2);
    assertValues(op("pow.Scalar", 1.0, vec(DType.FLOAT32, NAN)), 1);
    assertEquals(DType.INT64, op("pow.Tensor_Scalar", bools(true), 2L).dtype());
  }

  @Test
  void maximumMinimumAndTensorClampPropagateNan() {
    Tensor a = vec(DType.FLOAT32, NAN, 1, 1, -2);
    Tensor b = vec(DType.FLOAT32, 0, NAN, 0, 3);
    assertValues(op("maximum.default", a, b), NAN, NAN, 1, 3);
    assertValues(op("minimum.default", a, b), NAN, NAN, 0, -2);
    Tensor x = vec(DType.FLOAT32, NAN, 5, -5, 0.5);
    assertValues(op("clamp.default", x, -1.0, 1.0), NAN, 1, -1, 0.5);
    // a NaN scalar bound is ignored, a NaN tensor bound propagates
    assertValues(op("clamp.default", x, NAN, 1.0), NAN, 1, -5, 0.5);
    assertValues(op("clamp.Tensor", x, vec(DType.FLOAT32, NAN), vec(DType.FLOAT32, 1)),
        NAN, NAN, NAN, NAN);
    assertValues(op("clamp.Tensor", x, null, vec(DType.FLOAT32, 0)), NAN, 0, -5, 0);
    // min above max gives max
    assertValues(op("clamp.default", x, 2.0, 1.0), NAN, 1, 1, 1);
    assertRuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None",
        () -> op("clamp.default", x, null, null));
    Tensor ints = op("clamp.default", longs(DType.INT64, -3, 4), 0L, 2L);
    assertArrayEquals(new long[] {0, 2}, ints.toLongArray());
    assertEquals(DType.FLOAT32, op("clamp.default", longs(DType.INT64, -3, 4), 0.5).dtype());
  }

  @Test
  void activationsMatchPyTorchsValues() {
    Tensor x = vec(DType.FLOAT32, -1, 0, 1, 3);
    assertClose(op("gelu.default", x),
        -0.15865525393145707, 0, 0.8413447460685429, 2.995950375362368);
    Tensor tanh = (Tensor) t.callKw("aten.gelu.default", List.of(x),
        Map.of("approximate", "tanh"));
    assertClose(tanh, -0.15880800939172324, 0, 0.8411919906082768,
        2.9963627388050708);
    assertRuntimeError("approximate argument must be either none or tanh.",
        () -> t.callKw("aten.gelu.default", List.of(x), Map.of("approximate", "erf")));
    assertClose(op("sigmoid.default", x), 0.2689414213699951, 0.5,
        0.7310585786300049, 0.9525741268224334);
    assertClose(op("silu.default", x), -0.2689414213699951, 0,
        0.7310585786300049, 2.8577223804673);
    assertValues(op("relu.default", vec(DType.FLOAT32, -1, 0, 2, NAN)), 0, 0, 2, NAN);
    assertArrayEquals(new long[] {0, 4},
        op("relu.default", longs(DType.INT64, -3, 4)).toLongArray());
    assertRuntimeError("\"GeluKernelImpl\" not implemented for 'Long'",
        () -> op("gelu.default", longs(DType.INT64, 1)));
    assertRuntimeError("Boolean inputs not supported for relu",
        () -> op("relu.default", bools(true)));
  }

  @Test
  void unaryMathPromotesIntegersToFloat32() {
    Tensor k = longs(DType.INT64, 1, 4);
    Tensor root = op("sqrt.default", k);
    assertEquals(DType.FLOAT32, root.dtype());
    assertValues(root, 1, 2);
    assertValues(op("rsqrt.default", k), 1, 0.5);
    assertValues(op("reciprocal.default", k), 1, 0.25);
    assertValues(op("log.default", vec(DType.FLOAT32, 0, -1)), Double.NEGATIVE_INFINITY, NAN);
    assertValues(op("exp.default", vec(DType.FLOAT32, 1)), (float) Math.E);
    assertArrayEquals(new long[] {3, -4}, op("neg.default", longs(DType.INT64, -3, 4))
        .toLongArray());
    assertArrayEquals(new long[] {3, 4}, op("abs.default", longs(DType.INT32, -3, 4))
        .toLongArray());
    assertRuntimeError("\"abs_cpu\" not implemented for 'Bool'",
        () -> op("abs.default", bools(true)));
  }

  @Test
  void comparisonsAndLogicalOperatorsGiveBool() {
    Tensor x = vec(DType.FLOAT32, NAN, 1, 2);
    assertArrayEquals(new boolean[] {false, true, false}, op("eq.Scalar", x, 1L).toBoolArray());
    assertArrayEquals(new boolean[] {true, false, true}, op("ne.Scalar", x, 1L).toBoolArray());
    assertArrayEquals(new boolean[] {false, false, true}, op("gt.Scalar", x, 1L).toBoolArray());
    assertArrayEquals(new boolean[] {false, true, true}, op("ge.Scalar", x, 1L).toBoolArray());
    // int64 compared with 0.5 computes in float32
    assertArrayEquals(new boolean[] {false, true},
        op("gt.Scalar", longs(DType.INT64, 0, 1), 0.5).toBoolArray());
    assertArrayEquals(new boolean[] {true, false, true},
        op("logical_and.default", x, vec(DType.FLOAT32, 1, 0, 1)).toBoolArray());
    assertArrayEquals(new boolean[] {true, true, false},
        op("logical_or.default", bools(true, false, false), longs(DType.INT64, 0, 3, 0))
            .toBoolArray());
    assertArrayEquals(new boolean[] {false, true},
        op("logical_not.default", longs(DType.INT64, 5, 0)).toBoolArray());
  }

  @Test
  void boolArithmeticFollowsAten() {
    assertArrayEquals(new boolean[] {true, true, false},
        op("add.Tensor", bools(true, false, false), bools(true, true, false)).toBoolArray());
    Tensor plusTwo = op("add.Tensor", bools(true, false), 2L);
    assertEquals(DType.INT64, plusTwo.dtype());
    assertArrayEquals(new long[] {3, 2}, plusTwo.toLongArray());
    assertRuntimeError("Subtraction, the `-` operator, with two bool tensors is not supported."
        + " Use the `^` or `logical_xor()` operator instead.",
        () -> op("sub.Tensor", bools(true), bools(false)));
    assertRuntimeError("Subtraction, the `-` operator, with a bool tensor is not supported. If"
        + " you are trying to invert a mask, use the `~` or `logical_not()` operator instead.",
        () -> op("sub.Tensor", bools(true), 1L));
    assertRuntimeError("Negation, the `-` operator, on a bool tensor is not supported. If you"
        + " are trying to invert a mask, use the `~` or `logical_not()` operator instead.",
        () -> op("neg.default", bools(true)));
    assertRuntimeError("\"remainder_cpu\" not implemented for 'Bool'",
        () -> op("remainder.Tensor", bools(true), bools(true)));
  }

  @Test
  void alphaScalesTheOtherOperandAndIsChecked() {
    Tensor x = vec(DType.FLOAT32, 1, 2);
    Tensor y = vec(DType.FLOAT32, 10, 20);
    Tensor sum = (Tensor) t.callKw("aten.add.Tensor", List.of(x, y), Map.of("alpha", 0.5));
    assertValues(sum, 6, 12);
    assertValues((Tensor) t.callKw("aten.sub.Tensor", List.of(x, y), Map.of("alpha", 2L)),
        -19, -38);
    assertValues(op("rsub.Scalar", x, 10L, 2L), 8, 6);
    assertValues(op("rsub.Tensor", x, y), 9, 18);
    Tensor k = longs(DType.INT64, 1);
    assertRuntimeError("For integral input tensors, argument alpha must not be a floating point"
        + " number.", () -> t.callKw("aten.add.Tensor", List.of(k, k), Map.of("alpha", 0.5)));
    assertRuntimeError("Boolean alpha only supported for Boolean results.",
        () -> t.callKw("aten.add.Tensor", List.of(x, x), Map.of("alpha", true)));
  }

  @Test
  void whereAndMaskedFillSelect() {
    Tensor cond = bools(true, false);
    Tensor w = op("where.ScalarOther", cond, longs(DType.INT64, 1, 2), 2.5);
    assertEquals(DType.FLOAT32, w.dtype());
    assertValues(w, 1, 2.5);
    Tensor both = op("where.Scalar", cond, 1L, 0L);
    assertEquals(DType.INT64, both.dtype());
    assertArrayEquals(new long[] {1, 0}, both.toLongArray());
    assertValues(op("where.ScalarSelf", cond, 7.0, vec(DType.FLOAT64, 1, 2)), 7, 2);
    assertRuntimeError("where expected condition to be a boolean tensor, but got a tensor with"
        + " dtype Float", () -> op("where.self", vec(DType.FLOAT32, 1), 1L, 0L));
    Tensor k = longs(DType.INT64, 1, 2);
    Tensor filled = op("masked_fill.Scalar", k, cond, 2.7);
    assertEquals(DType.INT64, filled.dtype());
    assertArrayEquals(new long[] {2, 2}, filled.toLongArray());
    assertValues(op("masked_fill.Tensor", vec(DType.FLOAT32, 1, 2), cond,
        Tensor.scalar(DType.FLOAT64, -1)), -1, 2);
    assertRuntimeError("masked_fill_ only supports boolean masks, but got mask with dtype"
        + " long int", () -> op("masked_fill.Scalar", k, k, 0L));
    assertRuntimeError("masked_fill_ only supports a 0-dimensional value tensor, but got tensor"
        + " with 1 dimension(s).", () -> op("masked_fill.Tensor", k, cond, k));
    // the mask broadcasts; the result is contiguous
    Tensor grid = Tensors.arange(DType.FLOAT32, 2, 3).t();
    Tensor masked = op("masked_fill.Scalar", grid, bools(true, false), 0.0);
    assertLayout(masked, new long[] {3, 2}, new long[] {2, 1}, 0);
    assertValues(masked, 0, 3, 0, 4, 0, 5);
  }

  @Test
  void inPlaceOperatorsWriteThroughViews() {
    Tensor base = Tensor.zeros(DType.FLOAT32, 3, 4);
    Tensor transposed = base.t();
    assertSame(transposed, op("add_.Tensor", transposed, vec(DType.FLOAT32, 0, 1, 2)));
    assertValues(base, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2);
    Tensor row = base.select(0, 1);
    op("mul_.Tensor", row, 5L);
    assertValues(base, 0, 0, 0, 0, 5, 5, 5, 5, 2, 2, 2, 2);
    op("fill_.Scalar", base.slice(1, 0L, 2L, 1), 7.0);
    assertValues(base, 7, 7, 0, 0, 7, 7, 5, 5, 7, 7, 2, 2);
    op("masked_fill_.Scalar", base, bools(false, false, true, true), -1.0);
    assertValues(base, 7, 7, -1, -1, 7, 7, -1, -1, 7, 7, -1, -1);
    op("clamp_.default", base.slice(0, 0L, 1L, 1), 0.0, 1.0);
    assertValues(base, 1, 1, 0, 0, 7, 7, -1, -1, 7, 7, -1, -1);
    op("zero_.default", base.select(1, 0));
    assertValues(base, 0, 1, 0, 0, 0, 7, -1, -1, 0, 7, -1, -1);
    op("relu_.default", base);
    assertValues(base, 0, 1, 0, 0, 0, 7, 0, 0, 0, 7, 0, 0);
    // an input that aliases self is read before it is written
    Tensor square = Tensors.arange(DType.FLOAT32, 2, 2);
    op("add_.Tensor", square, square.t());
    assertValues(square, 0, 3, 3, 6);
  }

  @Test
  void inPlaceRulesAreChecked() {
    Tensor k = longs(DType.INT64, 1, 2);
    assertRuntimeError("result type Float can't be cast to the desired output type Long",
        () -> op("add_.Tensor", k, 1.5));
    assertRuntimeError("result type Float can't be cast to the desired output type Long",
        () -> op("div_.Tensor", k, 2L));
    assertRuntimeError("result type Long can't be cast to the desired output type Bool",
        () -> op("add_.Tensor", bools(true), 5L));
    assertRuntimeError("result type Float can't be cast to the desired output type Long",
        () -> op("clamp_.default", k, 0.5, null));
    assertRuntimeError("output with shape [2] doesn't match the broadcast shape [2, 2]",
        () -> op("add_.Tensor", k, Tensor.zeros(DType.INT64, 2, 2)));
    assertRuntimeError("unsupported operation: more than one element of the written-to tensor"
        + " refers to a single memory location. Please clone() the tensor before performing the"
        + " operation.", () -> op("add_.Tensor", Tensor.zeros(DType.FLOAT32, 1, 3).expand(2, 3),
            1L));
    assertRuntimeError("The expanded size of the tensor (2) must match the existing size (3) at"
        + " non-singleton dimension 0.  Target sizes: [2].  Tensor sizes: [3]",
        () -> op("masked_fill_.Scalar", k, bools(true, false, true), 0L));
    // a float64 result may be written to float32
    Tensor x = vec(DType.FLOAT32, 1);
    op("add_.Tensor", x, vec(DType.FLOAT64, 0.1));
    assertValues(x, (float) 1.1);
  }

  @Test
  void writesConvertToSelfsDtype() {
    Tensor k = longs(DType.INT64, 0, 0);
    op("copy_.default", k, vec(DType.FLOAT32, 1.7, -1.7));
    assertArrayEquals(new long[] {1, -1}, k.toLongArray());
    op("fill_.Scalar", k, 2.9);
    assertArrayEquals(new long[] {2, 2}, k.toLongArray());
    op("fill_.Tensor", k, Tensor.scalar(DType.FLOAT64, -3.5));
    assertArrayEquals(new long[] {-3, -3}, k.toLongArray());
    assertRuntimeError("fill_ only supports 0-dimension value tensor but got tensor with 1"
        + " dimensions.", () -> op("fill_.Tensor", k, k));
    assertRuntimeError("output with shape [2] doesn't match the broadcast shape [3, 2]",
        () -> op("copy_.default", k, Tensor.zeros(DType.INT64, 3, 2)));
  }

  @Test
  void broadcastingErrorsUsePyTorchsText() {
    assertRuntimeError("The size of tensor a (3) must match the size of tensor b (4) at"
        + " non-singleton dimension 1",
        () -> op("add.Tensor", Tensor.zeros(DType.FLOAT32, 2, 3),
            Tensor.zeros(DType.FLOAT32, 2, 4)));
  }

  @Test
  void outputsFollowTheInputsLayout() {
    Tensor x = Tensors.arange(DType.FLOAT32, 3, 4);
    assertLayout(op("neg.default", x.t()), new long[] {4, 3}, new long[] {1, 4}, 0);
    assertLayout(op("add.Tensor", x.t(), x.t()), new long[] {4, 3}, new long[] {1, 4}, 0);
    Tensor square = Tensors.arange(DType.FLOAT32, 3, 3);
    // the first operand with a definite order decides
    assertLayout(op("add.Tensor", square, square.t()), new long[] {3, 3}, new long[] {3, 1}, 0);
    assertLayout(op("add.Tensor", square.t(), square), new long[] {3, 3}, new long[] {1, 3}, 0);
    // a strided slice is not dense: the output is dense in the same order
    Tensor sliced = x.slice(1, 0L, null, 2);
    assertLayout(op("exp.default", sliced), new long[] {3, 2}, new long[] {2, 1}, 0);
    assertLayout(op("mul.Tensor", x.t(), 2.0), new long[] {4, 3}, new long[] {1, 4}, 0);
  }
}
