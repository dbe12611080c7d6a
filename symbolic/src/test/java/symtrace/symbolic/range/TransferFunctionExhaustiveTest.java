package symtrace.symbolic.range;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.eval.PyMath;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.FloatLit;
import symtrace.symbolic.expr.Infinity;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Num;
import symtrace.symbolic.expr.SymbolicArithmeticError;

/**
 * Every transfer function on every pair of small integer ranges (ends in {@code -4..4}, and {@code
 * -int_oo}/{@code int_oo}), against every pair of values in them: the value must be in the computed
 * range. This is PyTorch's {@code test_binary_ref_range}, exhaustively.
 */
class TransferFunctionExhaustiveTest {
  private static final int LIMIT = 4;

  /** Finite values tried inside an unbounded range. */
  private static final int WINDOW = 7;

  private interface Reference {
    Object apply(long a, long b);
  }

  private static List<ValueRange> ranges() {
    List<ValueRange> out = new ArrayList<>();
    List<Num> ends = new ArrayList<>();
    ends.add(Infinity.NEG_INT_OO);
    for (long v = -LIMIT; v <= LIMIT; v++) {
      ends.add(IntLit.of(v));
    }
    ends.add(Infinity.INT_OO);
    for (Num lo : ends) {
      for (Num hi : ends) {
        if (lo != Infinity.INT_OO && hi != Infinity.NEG_INT_OO && Endpoints.compare(lo, hi) <= 0) {
          out.add(ValueRange.of(lo, hi));
        }
      }
    }
    return out;
  }

  private static List<Long> values(ValueRange r) {
    List<Long> out = new ArrayList<>();
    for (long v = -WINDOW; v <= WINDOW; v++) {
      if (r.contains(IntLit.of(v))) {
        out.add(v);
      }
    }
    return out;
  }

  private static Num toNum(Object v) {
    if (v instanceof Long l) {
      return IntLit.of(l);
    }
    if (v instanceof BigInteger b) {
      return IntLit.of(b);
    }
    return FloatLit.of((Double) v);
  }

  private static boolean holds(ValueRange r, Object value) {
    return value instanceof Boolean b ? r.contains(BoolLit.of(b)) : r.contains(toNum(value));
  }

  private static void checkBinary(String name, BinaryOperator<ValueRange> fn, Reference ref) {
    List<ValueRange> all = ranges();
    for (ValueRange a : all) {
      for (ValueRange b : all) {
        ValueRange r = fn.apply(a, b);
        for (long x : values(a)) {
          for (long y : values(b)) {
            Object v;
            try {
              v = ref.apply(x, y);
            } catch (SymbolicArithmeticError | ArithmeticException undefined) {
              continue;
            }
            if (v == null) {
              continue; // outside the function's domain
            }
            Object value = v;
            assertTrue(
                holds(r, value),
                () ->
                    name
                        + "("
                        + x
                        + ", "
                        + y
                        + ") = "
                        + value
                        + " not in "
                        + name
                        + "("
                        + a
                        + ", "
                        + b
                        + ") = "
                        + r);
          }
        }
      }
    }
  }

  private static void checkUnary(
      String name, UnaryOperator<ValueRange> fn, LongFunction<Object> ref) {
    for (ValueRange a : ranges()) {
      ValueRange r = fn.apply(a);
      for (long x : values(a)) {
        Object value = ref.apply(x);
        if (value == null) {
          continue; // outside the function's domain
        }
        assertTrue(holds(r, value), () -> name + "(" + x + ") = " + value + " not in " + r);
      }
    }
  }

  private static long cMod(long a, long b) {
    if (b == 0) {
      throw new ArithmeticException("modulo by zero");
    }
    long r = Math.abs(a) % Math.abs(b);
    return a < 0 ? -r : r;
  }

  @Test
  void arithmetic() {
    checkBinary("add", RangeArithmetic::add, (a, b) -> a + b);
    checkBinary("mul", RangeArithmetic::mul, (a, b) -> a * b);
    checkBinary("minimum", RangeArithmetic::minimum, (a, b) -> Math.min(a, b));
    checkBinary("maximum", RangeArithmetic::maximum, (a, b) -> Math.max(a, b));
    checkUnary("abs", RangeArithmetic::abs, a -> Math.abs(a));
  }

  @Test
  void divisionAndModulus() {
    checkBinary("floorDiv", RangeArithmetic::floorDiv, (a, b) -> PyMath.floorDiv(a, b));
    checkBinary("mod", RangeArithmetic::mod, (a, b) -> PyMath.mod(a, b));
    checkBinary("pythonMod", RangeArithmetic::pythonMod, (a, b) -> PyMath.mod(a, b));
    checkBinary("cMod", RangeArithmetic::cMod, TransferFunctionExhaustiveTest::cMod);
    checkBinary("intTrueDiv", RangeArithmetic::intTrueDiv, (a, b) -> PyMath.trueDiv(a, b));
    checkBinary(
        "modularIndexing(., 2, .)",
        (a, c) -> RangeArithmetic.modularIndexing(a, ValueRange.singleton(2), c),
        (a, c) -> PyMath.mod(PyMath.floorDiv(a, 2L), c));
  }

  @Test
  void powers() {
    checkBinary(
        "powByNatural",
        RangeArithmetic::powByNatural,
        (a, b) -> b < 0 ? null : PyMath.intPow(a, b));
  }

  @Test
  void bitwise() {
    checkBinary("bitwiseAnd", RangeFunctions::bitwiseAnd, (a, b) -> a & b);
    checkBinary("bitwiseOr", RangeFunctions::bitwiseOr, (a, b) -> a | b);
    checkBinary("bitwiseXor", RangeFunctions::bitwiseXor, (a, b) -> a ^ b);
  }

  @Test
  void relations() {
    checkBinary("eq", RangeLogic::eq, (a, b) -> a == b);
    checkBinary("ne", RangeLogic::ne, (a, b) -> a != b);
    checkBinary("lt", RangeLogic::lt, (a, b) -> a < b);
    checkBinary("le", RangeLogic::le, (a, b) -> a <= b);
    checkBinary("gt", RangeLogic::gt, (a, b) -> a > b);
    checkBinary("ge", RangeLogic::ge, (a, b) -> a >= b);
    checkBinary("and", RangeLogic::and, (a, b) -> a != 0 && b != 0);
    checkBinary("or", RangeLogic::or, (a, b) -> a != 0 || b != 0);
    checkUnary("not", RangeLogic::not, a -> a == 0);
  }

  @Test
  void conversions() {
    checkUnary("toFloat", RangeFunctions::toFloat, a -> (double) a);
    checkUnary("floorToInt", RangeFunctions::floorToInt, a -> a);
    checkUnary("sqrt", RangeFunctions::sqrt, a -> a < 0 ? null : (Object) Math.sqrt(a));
  }
}
