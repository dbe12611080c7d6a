package symtrace.symbolic.algebra;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import symtrace.symbolic.eval.Evaluator;
import symtrace.symbolic.eval.Fraction;
import symtrace.symbolic.eval.PyMath;
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.Num;
import symtrace.symbolic.expr.Pow;
import symtrace.symbolic.expr.Sym;

/**
 * Decides whether a candidate from Symja may replace an expression: it must be equal to it
 * wherever the input is defined and the facts hold.
 *
 * <p>First, exactly: {@code expand(a - b) == 0} in symtrace's own normal form. When that cannot
 * decide (functions, rational functions, booleans), by evaluation with {@link Evaluator} at
 * {@value #POINTS} random points consistent with the symbols' assumptions and the facts: any
 * disagreement, a point where only the candidate fails, or too few consistent points rejects the
 * candidate. Points are drawn near the lower bounds, in the hundreds and in the ten-thousands,
 * so a candidate true only for small values is caught. Values are exact (ints, and rationals for
 * real symbols), and a result must match in kind (bool, exact, float) as well as value. The
 * seed depends only on the two expressions, so decisions are reproducible.
 */
final class Equivalence {
  static final int POINTS = 20;
  private static final int MAX_ATTEMPTS = 400;
  private static final long[] SPANS = {4, 100, 10_000};
  // Symbols in an exponent stay small: s0**s1 at s1 = 10^4 is a number of 10^5 digits.
  private static final long EXPONENT_SPAN = 6;

  private Equivalence() {}

  /** Returns true when {@code candidate} may replace {@code input} under {@code facts}. */
  static boolean equal(Expr input, Expr candidate, List<? extends Expr> facts) {
    if (input == candidate) {
      return true;
    }
    if (input.isBoolean() != candidate.isBoolean()) {
      return false;
    }
    if (!input.isBoolean() && expandsToZero(input, candidate)) {
      return true;
    }
    return agreeAtSamples(input, candidate, facts);
  }

  /** Returns true when {@code expand(a - b)} is 0 in symtrace's normal form. */
  static boolean expandsToZero(Expr a, Expr b) {
    try {
      return Exprs.expand(Exprs.sub(a, b)) == Exprs.ZERO;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean agreeAtSamples(Expr input, Expr candidate, List<? extends Expr> facts) {
    Set<Sym> symbols = new LinkedHashSet<>(input.freeSymbols());
    symbols.addAll(candidate.freeSymbols());
    for (Expr f : facts) {
      symbols.addAll(f.freeSymbols());
    }
    Map<Sym, Range> ranges = new HashMap<>();
    for (Sym s : symbols) {
      ranges.put(s, Range.of(s));
    }
    for (Expr f : facts) {
      narrow(ranges, f);
    }
    Set<Sym> inExponents = new LinkedHashSet<>();
    collectExponentSymbols(input, inExponents);
    collectExponentSymbols(candidate, inExponents);
    Random random = new Random(31L * input.hashCode() + candidate.hashCode());
    int agreed = 0;
    for (int attempt = 0; attempt < MAX_ATTEMPTS && agreed < POINTS; attempt++) {
      Map<Sym, Object> point = new HashMap<>();
      boolean empty = false;
      for (Sym s : symbols) {
        Range r = ranges.get(s);
        if (r.isEmpty()) {
          empty = true;
          break;
        }
        long span = inExponents.contains(s) ? EXPONENT_SPAN : SPANS[attempt % SPANS.length];
        point.put(s, r.sample(random, attempt == 0 ? 0 : span));
      }
      if (empty) {
        return false;
      }
      if (!holds(facts, point) || !respectsAssumptions(point)) {
        continue;
      }
      Object expected;
      try {
        expected = Evaluator.evaluate(input, point);
      } catch (RuntimeException undefined) {
        continue; // the input is undefined here (a division by zero): nothing to preserve
      }
      Object actual;
      try {
        actual = Evaluator.evaluate(candidate, point);
      } catch (RuntimeException e) {
        return false;
      }
      if (!sameValue(expected, actual)) {
        return false;
      }
      agreed++;
      if (symbols.isEmpty()) {
        return true;
      }
    }
    return agreed >= POINTS;
  }

  private static boolean holds(List<? extends Expr> facts, Map<Sym, Object> point) {
    for (Expr f : facts) {
      try {
        if (!Boolean.TRUE.equals(Evaluator.evaluate(f, point))) {
          return false;
        }
      } catch (RuntimeException e) {
        return false;
      }
    }
    return true;
  }

  private static boolean respectsAssumptions(Map<Sym, Object> point) {
    for (Map.Entry<Sym, Object> e : point.entrySet()) {
      int sign = PyMath.compare(e.getValue(), 0L);
      if (e.getKey().isPositiveSymbol() && sign <= 0) {
        return false;
      }
      if (e.getKey().isNonNegativeSymbol() && sign < 0) {
        return false;
      }
    }
    return true;
  }

  /** Python's equality, but an int never equals a float and a bool never equals a number. */
  static boolean sameValue(Object a, Object b) {
    if (a instanceof Boolean || b instanceof Boolean) {
      return a.equals(b);
    }
    if ((a instanceof Double) != (b instanceof Double)) {
      return false;
    }
    if (a instanceof Double x && b instanceof Double y && (x.isNaN() || y.isNaN())) {
      return x.isNaN() && y.isNaN();
    }
    return PyMath.compare(a, b) == 0;
  }

  private static void collectExponentSymbols(Expr e, Set<Sym> out) {
    if (e instanceof Pow p) {
      out.addAll(p.exponent().freeSymbols());
    } else if (e instanceof Apply a && (a.fn() == Fn.POW_BY_NATURAL || a.fn() == Fn.FLOAT_POW
        || a.fn() == Fn.LSHIFT || a.fn() == Fn.RSHIFT)) {
      out.addAll(a.arg(1).freeSymbols());
    }
    for (Expr x : e.args()) {
      collectExponentSymbols(x, out);
    }
  }

  /** Tightens ranges with facts of the form {@code symbol REL number} (conjunctions too). */
  private static void narrow(Map<Sym, Range> ranges, Expr fact) {
    if (!(fact instanceof Apply a)) {
      return;
    }
    if (a.fn() == Fn.AND) {
      for (Expr x : a.args()) {
        narrow(ranges, x);
      }
      return;
    }
    if (!a.fn().isRelation() || a.fn() == Fn.NE) {
      return;
    }
    Expr l = a.arg(0);
    Expr r = a.arg(1);
    if (l instanceof Sym s && r instanceof Num n && n.numerator() != null) {
      ranges.get(s).constrain(a.fn(), n);
    } else if (r instanceof Sym s && l instanceof Num n && n.numerator() != null) {
      ranges.get(s).constrain(a.fn().reversed(), n);
    }
  }

  /** Integer bounds of one symbol's sample values (null: unbounded). */
  private static final class Range {
    private final boolean integer;
    private BigInteger lo;
    private BigInteger hi;

    private Range(boolean integer) {
      this.integer = integer;
    }

    static Range of(Sym s) {
      Range r = new Range(s.isIntegerSymbol());
      if (s.isPositiveSymbol()) {
        r.lo = r.integer ? BigInteger.ONE : BigInteger.ZERO;
      } else if (s.isNonNegativeSymbol()) {
        r.lo = BigInteger.ZERO;
      }
      return r;
    }

    /**
     * Applies {@code symbol fn bound}. For a real symbol the bound is widened to the enclosing
     * integers; the facts themselves filter the samples afterwards.
     */
    void constrain(Fn fn, Num bound) {
      BigInteger[] qr = bound.numerator().divideAndRemainder(bound.denominator());
      BigInteger down = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
      BigInteger up = qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
      boolean exact = qr[1].signum() == 0;
      switch (fn) {
        case GE:
          raise(integer ? up : down);
          break;
        case GT:
          raise(integer ? (exact ? up.add(BigInteger.ONE) : up) : down);
          break;
        case LE:
          lower(integer ? down : up);
          break;
        case LT:
          lower(integer ? (exact ? down.subtract(BigInteger.ONE) : down) : up);
          break;
        case EQ:
          raise(integer ? up : down);
          lower(integer ? down : up);
          break;
        default:
          break;
      }
    }

    private void raise(BigInteger v) {
      lo = lo == null ? v : lo.max(v);
    }

    private void lower(BigInteger v) {
      hi = hi == null ? v : hi.min(v);
    }

    boolean isEmpty() {
      return lo != null && hi != null && lo.compareTo(hi) > 0;
    }

    /** Draws a value within {@code span} of the bound (or of 0 when unbounded). */
    Object sample(Random random, long span) {
      long drawn = span == 0 ? 0 : (long) (random.nextDouble() * (span + 1));
      BigInteger offset = BigInteger.valueOf(drawn);
      BigInteger v;
      if (lo != null) {
        v = lo.add(offset);
        if (hi != null && v.compareTo(hi) > 0) {
          BigInteger width = hi.subtract(lo).add(BigInteger.ONE);
          v = lo.add(offset.mod(width));
        }
      } else if (hi != null) {
        v = hi.subtract(offset);
      } else {
        v = random.nextBoolean() ? offset : offset.negate();
      }
      if (integer || span == 0 || random.nextInt(3) == 0) {
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
      }
      // Real symbols also get non-integers, so floor(x) == x is caught.
      long q = 2 + random.nextInt(6);
      long p = 1 + random.nextInt((int) q - 1);
      BigInteger den = BigInteger.valueOf(q);
      return Fraction.of(v.multiply(den).add(BigInteger.valueOf(p)), den);
    }
  }
}
