package symtrace.solver.research;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import symtrace.solver.decompose.Tracked;
import symtrace.symbolic.eval.Evaluator;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Sym;

/**
 * Random assignments of a problem's symbols that satisfy its facts, from a fixed seed: the
 * evaluation half of the independent check and the search for impossibility witnesses.
 *
 * <p>Sizes ({@code s<N>}) are at least 2, as the prover's convention says; other positive
 * integers at least 1, non-negative ones at least 0, other integers of either sign. Each attempt
 * draws every symbol from one scale, small ({@code <= 9}), medium ({@code <= 100}) or large
 * ({@code <= 100,000}), so small equalities and large values are both tried; an attempt is kept
 * when every fact evaluates to true (a fact that raises counts as false).
 */
final class SamplePoints {
  private static final long[] SCALES = {9, 100, 100_000};

  private SamplePoints() {}

  /** Every symbol of the problem: the target's, the tracked values' and the facts'. */
  static Set<Sym> symbols(Problem p) {
    Set<Sym> out = new LinkedHashSet<>(p.target().freeSymbols());
    for (Tracked t : p.tracked()) {
      out.addAll(t.expr().freeSymbols());
    }
    for (Expr f : p.facts()) {
      out.addAll(f.freeSymbols());
    }
    return out;
  }

  /** Up to {@code count} points in {@code attempts} tries. */
  static List<Map<Sym, Object>> sample(Collection<Sym> symbols, List<Expr> facts, int count,
      int attempts, long seed) {
    Random rnd = new Random(seed);
    List<Map<Sym, Object>> out = new ArrayList<>();
    for (int a = 0; a < attempts && out.size() < count; a++) {
      long scale = SCALES[a % SCALES.length];
      Map<Sym, Object> point = new LinkedHashMap<>();
      for (Sym s : symbols) {
        point.put(s, draw(s, scale, rnd));
      }
      if (satisfies(facts, point)) {
        out.add(point);
      }
    }
    return out;
  }

  /** One value for {@code s} at most {@code scale} in magnitude. */
  static Object draw(Sym s, long scale, Random rnd) {
    long low = lowest(s);
    long value = low == Long.MIN_VALUE
        ? -scale + (long) (rnd.nextDouble() * (2 * scale + 1))
        : low + (long) (rnd.nextDouble() * (Math.max(scale, low) - low + 1));
    return s.isIntegerSymbol() ? (Object) value : (Object) (double) value;
  }

  /** The least value of a symbol's domain, or {@code Long.MIN_VALUE} when it has none. */
  static long lowest(Sym s) {
    if (s.isPositiveSymbol()) {
      return s.name().matches("s[0-9]+") ? 2 : 1;
    }
    return s.isNonNegativeSymbol() ? 0 : Long.MIN_VALUE;
  }

  static boolean satisfies(List<Expr> facts, Map<Sym, ?> point) {
    for (Expr f : facts) {
      try {
        if (!Boolean.TRUE.equals(Evaluator.evaluate(f, point))) {
          return false;
        }
      } catch (RuntimeException raises) {
        return false;
      }
    }
    return true;
  }

  /** {@code e} at the point, or null when it raises (a zero divisor). */
  static Object value(Expr e, Map<Sym, ?> point) {
    try {
      return normalize(Evaluator.evaluate(e, point));
    } catch (RuntimeException raises) {
      return null;
    }
  }

  /** Python's ints as one type, so that equal values compare equal. */
  static Object normalize(Object v) {
    if (v instanceof Long l) {
      return BigInteger.valueOf(l);
    }
    if (v instanceof Integer i) {
      return BigInteger.valueOf(i);
    }
    return v;
  }
}
