package symtrace.symbolic.range;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import symtrace.symbolic.eval.Evaluator;
import symtrace.symbolic.eval.Fraction;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.FloatLit;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Num;
import symtrace.symbolic.expr.RatLit;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.expr.SymbolicArithmeticError;

/**
 * The soundness contract of {@link Bounds#bound}, checked by sampling: random typed expressions
 * over a size symbol, an integer symbol and a real symbol, random finite ranges, and assignments
 * inside the ranges evaluated with Python's semantics. Every value must lie in the bound.
 *
 * <p>Assignments at which the expression is undefined (division or modulo by zero, a float domain
 * error giving {@code nan}, a negative shift) are skipped, as the contract allows.
 */
class BoundsSoundnessPropertyTest {
  private static final long SEED = 42;
  private static final int EXPRESSIONS = 5_000;
  private static final int SAMPLES = 20;

  private static final Sym S0 = Sym.size("s0");
  private static final Sym U0 = Sym.integer("u0");
  private static final Sym X0 = Sym.real("x0");

  @Test
  @Timeout(10)
  void everySampledValueLiesInTheBound() {
    Random random = new Random(SEED);
    Generator gen = new Generator(random);
    int checked = 0;
    int skipped = 0;
    int informative = 0;
    for (int n = 0; n < EXPRESSIONS; n++) {
      Expr e = gen.build(() -> gen.any(4));
      Map<Sym, ValueRange> ranges = gen.ranges();
      ValueRange bound = Bounds.bound(e, ranges);
      if (!isUnknown(bound)) {
        informative++;
      }
      for (int k = 0; k < SAMPLES; k++) {
        Map<Sym, Object> point = gen.point(ranges);
        Object value;
        try {
          value = Evaluator.evaluate(e, point);
        } catch (SymbolicArithmeticError | ArithmeticException undefined) {
          skipped++;
          continue;
        } catch (NumberFormatException nanToInt) {
          // int(nan) or int(inf): Python raises ValueError/OverflowError, undefined here too.
          skipped++;
          continue;
        }
        if (value instanceof Double d && d.isNaN()) {
          skipped++;
          continue;
        }
        if (!inRange(bound, value)) {
          fail(e + " = " + value + " at " + point + " is outside " + bound + " for " + ranges);
        }
        checked++;
      }
    }
    // Most samples must be defined and most bounds informative, or the property says little.
    assertTrue(
        checked > EXPRESSIONS * SAMPLES * 3 / 4, "checked " + checked + ", skipped " + skipped);
    assertTrue(informative > EXPRESSIONS / 2, "informative bounds: " + informative);
  }

  private static boolean isUnknown(ValueRange r) {
    return r.equals(ValueRange.unknown())
        || r.equals(ValueRange.unknownInt())
        || r.equals(ValueRange.unknownBool());
  }

  private static boolean inRange(ValueRange r, Object value) {
    if (value instanceof Boolean b) {
      return r.contains(BoolLit.of(b));
    }
    return r.contains(toNum(value));
  }

  private static Num toNum(Object v) {
    if (v instanceof Long l) {
      return IntLit.of(l);
    }
    if (v instanceof BigInteger b) {
      return IntLit.of(b);
    }
    if (v instanceof Double d) {
      return FloatLit.of(d);
    }
    if (v instanceof Fraction f) {
      return RatLit.of(f.numerator(), f.denominator());
    }
    throw new AssertionError("not a Python number: " + v + " (" + v.getClass() + ")");
  }

  /** Random typed expressions, ranges and assignments. */
  private static final class Generator {
    private static final double[] FLOATS = {0.5, 1.5, -2.25, 3.0, 0.1};
    private static final long[] SCALES = {12, 12, 12, 100, 1_000_000_000_000L};
    private final Random random;

    Generator(Random random) {
      this.random = random;
    }

    /** Builds an expression, retrying when a construction rule divides a constant by zero. */
    Expr build(Supplier<Expr> make) {
      while (true) {
        try {
          return make.get();
        } catch (SymbolicArithmeticError | ArithmeticException divisionByZero) {
          // try another tree
        }
      }
    }

    Expr any(int depth) {
      switch (random.nextInt(3)) {
        case 0:
          return integer(depth);
        case 1:
          return real(depth);
        default:
          return bool(depth);
      }
    }

    private int pick(int n) {
      return random.nextInt(n);
    }

    Expr intLeaf() {
      switch (pick(4)) {
        case 0:
          return S0;
        case 1:
          return U0;
        case 2:
          return Exprs.add(U0, Exprs.integer(pick(5) - 2));
        default:
          return Exprs.integer(pick(9) - 3);
      }
    }

    Expr realLeaf() {
      return pick(3) == 0 ? Exprs.real(FLOATS[pick(FLOATS.length)]) : X0;
    }

    /**
     * A float argument inside a function's domain. The evaluator answers {@code nan} where Python's
     * {@code math} raises, and a {@code nan} inside a larger expression cannot be told apart from a
     * value, so domains are kept by construction.
     */
    Expr nonNegative(int depth) {
      return Exprs.apply(Fn.ABS, real(depth));
    }

    /** A natural exponent: a small constant or {@code Min(Abs(u0), 3)}. */
    Expr natural() {
      return pick(2) == 0
          ? Exprs.integer(pick(4))
          : Exprs.min(Exprs.apply(Fn.ABS, U0), Exprs.integer(3));
    }

    Expr integer(int depth) {
      if (depth <= 0 || pick(5) == 0) {
        return intLeaf();
      }
      int d = depth - 1;
      switch (pick(27)) {
        case 0:
          return Exprs.add(integer(d), integer(d));
        case 1:
          return Exprs.sub(integer(d), integer(d));
        case 2:
          return Exprs.mul(integer(d), integer(d));
        case 3:
          return Exprs.neg(integer(d));
        case 4:
          return Exprs.floorDiv(integer(d), integer(d));
        case 5:
          return Exprs.cleanDiv(integer(d), integer(d));
        case 6:
          return Exprs.apply(Fn.MOD, integer(d), integer(d));
        case 7:
          return Exprs.pythonMod(integer(d), integer(d));
        case 8:
          return Exprs.modularIndexing(integer(d), integer(d), integer(d));
        case 9:
          return Exprs.pow(pick(2) == 0 ? intLeaf() : integer(1), Exprs.integer(2 + pick(2)));
        case 10:
          return Exprs.apply(Fn.POW_BY_NATURAL, pick(2) == 0 ? intLeaf() : integer(1), natural());
        case 11:
          return Exprs.max(integer(d), integer(d));
        case 12:
          return Exprs.min(integer(d), integer(d), integer(d));
        case 13:
          return Exprs.apply(Fn.ABS, integer(d));
        case 14:
          return Exprs.apply(Fn.FLOOR_TO_INT, real(d));
        case 15:
          return Exprs.apply(Fn.CEIL_TO_INT, real(d));
        case 16:
          return Exprs.apply(Fn.TRUNC_TO_INT, real(d));
        case 17:
          return Exprs.apply(Fn.ROUND_TO_INT, real(d));
        case 18:
          return Exprs.apply(pick(2) == 0 ? Fn.FLOOR : Fn.CEILING, real(d));
        case 19:
          return Exprs.ite(bool(d), integer(d), integer(d));
        case 20:
          return Exprs.apply(Fn.BITWISE_AND, integer(d), integer(d));
        case 21:
          return Exprs.apply(Fn.BITWISE_OR, integer(d), integer(d));
        case 22:
          return Exprs.apply(Fn.BITWISE_XOR, integer(d), integer(d));
        case 23:
          return Exprs.apply(Fn.IDENTITY, integer(d));
        case 24:
          return Exprs.apply(
              pick(2) == 0 ? Fn.LSHIFT : Fn.RSHIFT, integer(d), Exprs.integer(pick(4)));
        case 25:
          return Exprs.apply(Fn.IS_NON_OVERLAPPING_AND_DENSE, integer(d), integer(d));
        default:
          return Exprs.ite(bool(d), Exprs.ONE, Exprs.ZERO); // a SymBool cast to int
      }
    }

    Expr real(int depth) {
      if (depth <= 0 || pick(5) == 0) {
        return realLeaf();
      }
      int d = depth - 1;
      switch (pick(24)) {
        case 0:
          return Exprs.add(real(d), pick(2) == 0 ? real(d) : integer(d));
        case 1:
          return Exprs.sub(real(d), real(d));
        case 2:
          return Exprs.mul(real(d), pick(2) == 0 ? real(d) : integer(d));
        case 3:
          return Exprs.neg(real(d));
        case 4:
          return Exprs.apply(Fn.TO_FLOAT, integer(d));
        case 5:
          return Exprs.apply(Fn.INT_TRUE_DIV, integer(d), integer(d));
        case 6:
          return Exprs.apply(Fn.FLOAT_TRUE_DIV, real(d), real(d));
        case 7:
          return Exprs.max(real(d), real(d));
        case 8:
          return Exprs.min(real(d), real(d));
        case 9:
          return Exprs.apply(Fn.ABS, real(d));
        case 10:
          return Exprs.apply(Fn.TRUNC_TO_FLOAT, real(d));
        case 11:
          return Exprs.apply(Fn.ROUND_DECIMAL, real(d), Exprs.integer(pick(3)));
        case 12:
          return Exprs.apply(Fn.OPAQUE_SQRT, nonNegative(d));
        case 13:
          return Exprs.apply(Fn.OPAQUE_EXP, realLeaf());
        case 14:
          return Exprs.apply(Fn.OPAQUE_LOG, Exprs.add(nonNegative(d), Exprs.real(0.5)));
        case 15:
          return Exprs.apply(Fn.OPAQUE_LOG2, Exprs.add(nonNegative(d), Exprs.real(0.5)));
        case 16:
          return Exprs.apply(
              List.of(Fn.OPAQUE_SIN, Fn.OPAQUE_COS, Fn.OPAQUE_TAN, Fn.OPAQUE_TANH).get(pick(4)),
              real(d));
        case 17:
          return Exprs.pow(pick(2) == 0 ? realLeaf() : real(1), Exprs.integer(2 + pick(2)));
        case 18:
          return Exprs.pow(real(d), Exprs.rational(1, 2));
        case 19:
          return Exprs.ite(bool(d), real(d), real(d));
        case 20:
          return Exprs.apply(Fn.IDENTITY, real(d));
        case 21:
          return Exprs.apply(Fn.FLOAT_POW, nonNegative(0), Exprs.real(FLOATS[pick(2)]));
        case 22:
          return Exprs.apply(Fn.TO_FLOAT, real(d));
        default:
          return Exprs.mul(Exprs.rational(1, 1 + pick(4)), integer(d));
      }
    }

    Expr bool(int depth) {
      int d = Math.max(depth - 1, 0);
      switch (pick(depth <= 0 ? 3 : 6)) {
        case 0:
          return relation(integer(d), integer(d));
        case 1:
          return relation(real(d), real(d));
        case 2:
          return relation(integer(d), real(d));
        case 3:
          return Exprs.and(bool(d), bool(d));
        case 4:
          return Exprs.or(bool(d), bool(d));
        default:
          return Exprs.not(bool(d));
      }
    }

    private Expr relation(Expr a, Expr b) {
      switch (pick(6)) {
        case 0:
          return Exprs.eq(a, b);
        case 1:
          return Exprs.ne(a, b);
        case 2:
          return Exprs.lt(a, b);
        case 3:
          return Exprs.le(a, b);
        case 4:
          return Exprs.gt(a, b);
        default:
          return Exprs.ge(a, b);
      }
    }

    /**
     * Random finite ranges respecting the symbols' assumptions: mostly small, sometimes up to
     * {@code 10**12} so that powers and products leave the {@code long} range.
     */
    Map<Sym, ValueRange> ranges() {
      Map<Sym, ValueRange> r = new HashMap<>();
      long scale = SCALES[pick(SCALES.length)];
      long s = 1 + below(scale);
      r.put(S0, ValueRange.of(s, s + below(scale)));
      long u = below(2 * scale) - scale;
      r.put(U0, ValueRange.of(u, u + below(scale)));
      double x = quarter(-6.0, 6.0);
      double w = pick(4) == 0 ? 0.0 : quarter(0.0, 6.0);
      r.put(X0, ValueRange.of(FloatLit.of(x), FloatLit.of(x + w)));
      return r;
    }

    /** A uniform integer in {@code [0, n)}. */
    private long below(long n) {
      return (long) (random.nextDouble() * n);
    }

    /** A multiple of 1/4 in {@code [lo, hi)}: exact as a double, so ends can be hit. */
    private double quarter(double lo, double hi) {
      return lo + pick((int) ((hi - lo) * 4)) / 4.0;
    }

    Map<Sym, Object> point(Map<Sym, ValueRange> ranges) {
      Map<Sym, Object> p = new HashMap<>();
      p.put(S0, sampleInt(ranges.get(S0)));
      p.put(U0, sampleInt(ranges.get(U0)));
      ValueRange x = ranges.get(X0);
      double lo = x.lo().toDouble();
      double hi = x.hi().toDouble();
      double v;
      switch (pick(4)) {
        case 0:
          v = lo;
          break;
        case 1:
          v = hi;
          break;
        default:
          v = Math.min(hi, lo + random.nextDouble() * (hi - lo));
      }
      p.put(X0, v);
      return p;
    }

    private long sampleInt(ValueRange r) {
      long lo = ((IntLit) r.lo()).longValue();
      long hi = ((IntLit) r.hi()).longValue();
      switch (pick(4)) {
        case 0:
          return lo;
        case 1:
          return hi;
        default:
          return lo + below(hi - lo + 1);
      }
    }
  }
}
