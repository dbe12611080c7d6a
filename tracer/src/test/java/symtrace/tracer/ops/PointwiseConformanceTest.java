package symtrace.tracer.ops;

import static org.junit.jupiter.api.Assertions.assertSame;
import static symtrace.tracer.ops.ConformanceOutputs.assertEager;
import static symtrace.tracer.ops.ConformanceOutputs.assertEagerItem;
import static symtrace.tracer.ops.OpTesting.data;
import static symtrace.tracer.ops.OpTesting.ints;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Tensor;

/**
 * The conformance programs of the pointwise, conversion and factory operators, written as the
 * aten calls PyTorch's graphs record ({@code pt2.modes.symbolic.code}), run on CPU kernels with
 * the suite's input data and compared with PyTorch's eager outputs (rtol 1e-4, atol 1e-5;
 * integers and bools exactly). Outputs that need operators of other groups (reductions) are
 * left out.
 */
class PointwiseConformanceTest {
  private final OpTesting t = OpTesting.real();

  private Tensor op(String name, Object... args) {
    return (Tensor) t.call("aten." + name, args);
  }

  private Tensor opKw(String name, List<?> args, Map<String, ?> kwargs) {
    return (Tensor) t.callKw("aten." + name, args, kwargs);
  }

  private Tensor add(Tensor a, Object b) {
    return op("add.Tensor", a, b);
  }

  @ParameterizedTest
  @CsvSource({"0, 4, 6", "1, 9, 3", "2, 2, 5"})
  void binaryArith(int eval, long n, long m) {
    Tensor x = data(DType.FLOAT32, 0, n, m);
    Tensor y = data(DType.FLOAT32, 1, n, m);
    Tensor a = opKw("add.Tensor", List.of(x, y), Map.of("alpha", 2L));
    Tensor b = op("sub.Tensor", x, y);
    Tensor c = op("mul.Tensor", a, b);
    Tensor d = op("div.Tensor", c, add(op("abs.default", y), 1L));
    Tensor e = add(add(op("pow.Tensor_Scalar", op("abs.default", x), 2L),
        op("pow.Tensor_Scalar", x, 3L)), op("pow.Scalar", 2.0, y));
    Tensor g = op("sub.Tensor", op("maximum.default", a, b), op("minimum.default", a, b));
    Tensor h = add(op("remainder.Scalar", x, 1.5), op("remainder.Scalar", x, -0.75));
    assertEager("binary_arith", eval, add(add(add(d, e), g), h));
  }

  @ParameterizedTest
  @CsvSource({"0, 4, 8", "1, 2, 3", "2, 10, 8"})
  void activations(int eval, long n, long m) {
    Tensor x = data(DType.FLOAT32, 0, n, m);
    Tensor r = add(add(op("relu.default", x), op("relu.default", op("sub.Tensor", x, 1L))),
        op("relu.default", x));
    Tensor g = add(op("gelu.default", x),
        opKw("gelu.default", List.of(x), Map.of("approximate", "tanh")));
    Tensor s = op("silu.default", x);
    Tensor c = add(add(op("clamp.default", x, -1.0, 1.5), op("clamp.default", x, 0.5)),
        op("clamp.default", x, null, -0.25));
    assertEager("activations", eval, add(add(add(r, g), s), c));
  }

  @ParameterizedTest
  @CsvSource({"0, 6, 5", "1, 11, 2", "2, 3, 7"})
  void unaryMath(int eval, long n, long m) {
    Tensor x = data(DType.FLOAT32, 0, n, m);
    Tensor a = add(op("neg.default", x), op("abs.default", x));
    Tensor p = add(op("abs.default", x), 1L);
    Tensor b = add(add(add(op("exp.default", op("div.Tensor", x, 4L)), op("log.default", p)),
        op("sqrt.default", p)), op("rsqrt.default", p));
    Tensor c = op("sub.Tensor", add(op("mul.Tensor", op("sin.default", x), op("cos.default", x)),
        op("tanh.default", x)), op("sigmoid.default", op("neg.default", x)));
    Tensor d = add(op("reciprocal.default", p), op("abs.default", op("neg.default", x)));
    Tensor e = op("logical_not.default", op("gt.Scalar", x, 0L));
    assertEager("unary_math", eval, add(add(add(a, b), c), d), e);
  }

  @ParameterizedTest
  @CsvSource({"0, 5, 3", "1, 8, 3", "2, 6, 2"})
  void compareWhere(int eval, long n, long m) {
    Tensor x = data(DType.FLOAT32, 0, n, m);
    Tensor y = data(DType.FLOAT32, 1, m);
    Tensor gt = op("gt.Tensor", x, y);
    Tensor ge = op("ge.Scalar", x, 0.5);
    Tensor lt = op("lt.Scalar", x, 0L);
    Tensor le = op("logical_or.default", op("le.Tensor", x, y), op("ge.Scalar", x, 1.0));
    Tensor eq = op("eq.Tensor", x, y);
    Tensor ne = op("logical_and.default", op("ne.Scalar", x, 0.25), op("ne.Scalar", x, -0.5));
    Tensor both = op("logical_and.default", gt, ne);
    Tensor either = op("logical_or.default", lt, eq);
    Tensor w = op("where.self", both, x, y);
    Tensor masked = op("masked_fill.Scalar", w, either, -1.0);
    Tensor count = add(add(op("to.dtype", ge, DType.INT64), op("to.dtype", le, DType.INT32)),
        op("to.dtype", both, DType.INT64));
    assertEager("compare_where", eval, masked, count);
  }

  @ParameterizedTest
  @CsvSource({"0, 4, 5", "1, 7, 2"})
  void inplaceOps(int eval, long n, long m) {
    Tensor x = data(DType.FLOAT32, 0, n, m);
    Tensor y = data(DType.FLOAT32, 1, n, m);
    Tensor z = op("clone.default", x);
    assertSame(z, op("add_.Tensor", z, y));
    op("sub_.Tensor", z, 1.0);
    op("mul_.Tensor", z, 2L);
    assertSame(z, op("masked_fill_.Scalar", z, op("gt.Scalar", y, 1L), 0.0));
    Tensor w = op("mul.Tensor", z, 1L);
    assertSame(w, op("relu_.default", w));
    op("add_.Tensor", z, w);
    op("sub_.Tensor", z, 0.5);
    op("mul_.Tensor", z, y);
    Tensor c = opKw("zeros_like.default", List.of(x), Map.of("pin_memory", false));
    assertSame(c, op("copy_.default", c, z));
    opKw("add_.Tensor", List.of(c, x), Map.of("alpha", 0.5));
    op("mul_.Tensor", x, 3L);
    assertEager("inplace_ops", eval, z, w, c, x);
  }

  @ParameterizedTest
  @CsvSource({"0, 5, 4", "1, 2, 6"})
  void inplaceDivClamp(int eval, long n, long m) {
    Tensor x = data(DType.FLOAT32, 0, n, m);
    Tensor y = data(DType.FLOAT32, 1, m);
    Tensor z = op("clone.default", x);
    op("div_.Tensor", z, add(op("abs.default", y), 1L));
    assertSame(z, op("clamp_.default", z, -1.0, 1.0));
    Tensor w = op("mul.Tensor", x, 1L);
    op("div_.Tensor", w, 2L);
    op("clamp_.default", w, 0.0);
    assertEager("inplace_div_clamp", eval, z, w);
  }

  @ParameterizedTest
  @CsvSource({"0, 3, 4", "1, 5, 2"})
  void dtypeConversions(int eval, long n, long m) {
    String program = "dtype_conversions";
    Tensor x = data(DType.FLOAT32, 0, n, m);
    Tensor k = data(DType.INT64, 1, n, m);
    Tensor mask = data(DType.BOOL, 2, n, m);
    Tensor d = data(DType.FLOAT64, 3, m);
    assertEagerItem(program, eval, 0, add(op("to.dtype", x, DType.FLOAT64), d));
    assertEagerItem(program, eval, 1, op("mul.Tensor", op("to.dtype", k, DType.FLOAT32), x));
    assertEagerItem(program, eval, 3,
        add(op("to.dtype", op("mul.Tensor", x, 3L), DType.INT32), k));
    assertEagerItem(program, eval, 4, add(add(op("to.dtype", mask, DType.INT64),
        op("to.dtype", mask, DType.INT32)), op("to.dtype", k, DType.INT32)));
    assertEagerItem(program, eval, 5, add(
        op("to.dtype", op("to.dtype", x, DType.BOOL), DType.FLOAT32), op("type_as.default", mask,
            x)));
    assertEagerItem(program, eval, 6, add(k, 1.5));
    assertEagerItem(program, eval, 7,
        add(op("floor_divide.default", k, 2L), op("remainder.Scalar", k, 3L)));
    assertEagerItem(program, eval, 8, op("div.Tensor", k, 2L));
    assertEagerItem(program, eval, 9, op("to.dtype", op("gt.Scalar", k, 0L), DType.FLOAT32));
  }

  @ParameterizedTest
  @CsvSource({"0, 4, 6", "1, 3, 9", "2, 7, 2"})
  void factories(int eval, long n, long m) {
    Tensor x = data(DType.FLOAT32, 0, n, m);
    Map<String, Object> cpu = Map.of("pin_memory", false);
    Tensor zeros = opKw("zeros.default", List.of(ints(n, m)), cpu);
    Tensor ones = opKw("ones.default", List.of(ints(m)),
        Map.of("dtype", DType.FLOAT32, "pin_memory", false));
    Tensor full = opKw("full.default", List.of(ints(n, 1), 2.5), cpu);
    Tensor arange = opKw("arange.default", List.of(m), cpu);
    Tensor arange1 = opKw("arange.default", List.of(n),
        Map.of("dtype", DType.FLOAT32, "pin_memory", false));
    Tensor zerosLike = opKw("zeros_like.default", List.of(x), cpu);
    Tensor onesLike = opKw("ones_like.default", List.of(x),
        Map.of("dtype", DType.INT64, "pin_memory", false));
    Tensor fullLike = opKw("full_like.default", List.of(x, 0.5), cpu);
    Tensor y = add(add(add(add(add(add(add(x, zeros), ones), full), arange),
        arange1.unsqueeze(1)), zerosLike), fullLike);
    assertEagerItem("factories", eval, 0, y);
    // ol.sum(dim=0), summed here by hand
    Tensor columnSums = Tensor.zeros(DType.INT64, m);
    for (long i = 0; i < n; i++) {
      for (long j = 0; j < m; j++) {
        columnSums.setLongFlat(j, columnSums.getLongFlat(j) + onesLike.getLong(i, j));
      }
    }
    assertEagerItem("factories", eval, 1, columnSums);
  }

  @ParameterizedTest
  @CsvSource({"0, 3, 4, 0.5, true", "1, 3, 4, 2.0, false", "2, 6, 2, 0.5, true"})
  void scalarFloatBool(int eval, long n, long m, double alpha, boolean flip) {
    Tensor x = data(DType.FLOAT32, 0, n, m);
    Tensor y = add(op("mul.Tensor", x, alpha), alpha);
    assertEager("scalar_float_bool", eval, flip ? op("neg.default", y) : y);
  }

  @ParameterizedTest
  @CsvSource({"0, 3, 4", "1, 5, 2", "2, 8, 8"})
  void emptyFillCopy(int eval, long n, long m) {
    Tensor x = data(DType.FLOAT32, 0, n, m);
    Map<String, Object> cpu = Map.of("pin_memory", false);
    Tensor e = opKw("empty.memory_format", List.of(ints(n, m)), cpu);
    assertSame(e, op("fill_.Scalar", e, 1.5));
    Tensor el = opKw("empty_like.default", List.of(x), cpu);
    op("copy_.default", el, op("mul.Tensor", x, 2L));
    Tensor z = op("zero_.default", opKw("empty_like.default", List.of(x), cpu));
    Tensor w = op("fill_.Scalar", opKw("empty.memory_format", List.of(ints(m)),
        Map.of("dtype", DType.INT64, "pin_memory", false)), 3L);
    assertEager("empty_fill_copy", eval, add(add(e, el), z), w);
  }
}
