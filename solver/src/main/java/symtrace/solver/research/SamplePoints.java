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
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.IntLit;
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

  /** The arguments of a sampling, as the key of its memo. */
  private record Request(List<Sym> symbols, List<Expr> facts, int count, int attempts, long seed) {}

  /**
   * Recent samplings: problems of one trace share their symbols and facts, and sampling under
   * many guards is the costly part of checking them. Deterministic, so a memo changes nothing.
   */
  private static final Map<Request, List<Map<Sym, Object>>> MEMO = java.util.Collections
      .synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Request, List<Map<Sym, Object>>> e) {
          return size() > 512;
        }
      });

  /** Up to {@code count} points in {@code attempts} tries. */
  static List<Map<Sym, Object>> sample(Collection<Sym> symbols, List<Expr> facts, int count,
      int attempts, long seed) {
    List<Sym> sorted = new ArrayList<>(symbols);
    sorted.sort(java.util.Comparator.comparing(Sym::name)); // one order, so problems share memos
    Request key = new Request(List.copyOf(sorted), List.copyOf(facts), count, attempts, seed);
    List<Map<Sym, Object>> known = MEMO.get(key);
    if (known != null) {
      return known;
    }
    List<Map<Sym, Object>> out = draw(sorted, facts, count, attempts, seed);
    MEMO.put(key, out);
    return out;
  }

  private static List<Map<Sym, Object>> draw(Collection<Sym> symbols, List<Expr> facts, int count,
      int attempts, long seed) {
    Random rnd = new Random(seed);
    Map<Sym, long[]> shapes = shapes(facts);
    List<Map<Sym, Object>> out = new ArrayList<>();
    for (int a = 0; a < attempts && out.size() < count; a++) {
      long scale = SCALES[a % SCALES.length];
      Map<Sym, Object> point = new LinkedHashMap<>();
      for (Sym s : symbols) {
        point.put(s, draw(s, scale, shapes.get(s), rnd));
      }
      if (satisfies(facts, point)) {
        out.add(java.util.Collections.unmodifiableMap(point));
      }
    }
    return List.copyOf(out);
  }

  /** One value for {@code s} at most {@code scale} in magnitude. */
  static Object draw(Sym s, long scale, Random rnd) {
    return draw(s, scale, null, rnd);
  }

  /**
   * One value for {@code s}: within the bounds and a multiple of the modulus the facts give it
   * ({@code shape} is {lowest, highest, modulus}, or null), so that rejection by the facts is
   * rare; at most about {@code scale} in magnitude.
   */
  private static Object draw(Sym s, long scale, long[] shape, Random rnd) {
    long low = lowest(s);
    long lo = low == Long.MIN_VALUE ? -scale : low;
    long hi = Math.max(scale, lo);
    long modulus = 1;
    if (shape != null) {
      lo = Math.max(lo, shape[0]);
      hi = Math.min(Math.max(hi, lo + 2 * shape[2]), shape[1]);
      modulus = shape[2];
    }
    if (hi < lo) {
      hi = lo;
    }
    long value = lo + (long) (rnd.nextDouble() * (hi - lo + 1));
    if (modulus > 1) {
      long up = Math.floorMod(-value, modulus);
      value = value + up <= hi ? value + up : value - Math.floorMod(value, modulus);
    }
    return s.isIntegerSymbol() ? (Object) value : (Object) (double) value;
  }

  /**
   * What the facts say about single symbols: {@code s >= c}, {@code s > c}, {@code s <= c},
   * {@code s < c}, {@code Eq(s, c)} and {@code Eq(Mod(s, d), 0)}, as {lowest, highest,
   * modulus}. Other facts are left to rejection.
   */
  private static Map<Sym, long[]> shapes(List<Expr> facts) {
    Map<Sym, long[]> out = new java.util.HashMap<>();
    for (Expr f : facts) {
      if (!(f instanceof Apply a) || a.arity() != 2) {
        continue;
      }
      Expr l = a.arg(0);
      Expr r = a.arg(1);
      if (a.fn() == Fn.EQ && l instanceof Apply m && m.fn() == Fn.MOD && m.arg(0) instanceof Sym s
          && m.arg(1) instanceof IntLit d && d.fitsLong() && d.signum() > 0 && r == IntLit.of(0)) {
        long[] shape = out.computeIfAbsent(s, k -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 1});
        shape[2] = lcm(shape[2], d.longValue());
        continue;
      }
      Fn fn = a.fn();
      if (r instanceof Sym && l instanceof IntLit) {
        Expr t = l;
        l = r;
        r = t;
        fn = switch (fn) {
          case LT -> Fn.GT;
          case LE -> Fn.GE;
          case GT -> Fn.LT;
          case GE -> Fn.LE;
          default -> fn;
        };
      }
      if (!(l instanceof Sym s) || !(r instanceof IntLit c) || !c.fitsLong()) {
        continue;
      }
      long v = c.longValue();
      long[] shape = out.computeIfAbsent(s, k -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 1});
      switch (fn) {
        case GE -> shape[0] = Math.max(shape[0], v);
        case GT -> shape[0] = Math.max(shape[0], v + 1);
        case LE -> shape[1] = Math.min(shape[1], v);
        case LT -> shape[1] = Math.min(shape[1], v - 1);
        case EQ -> {
          shape[0] = Math.max(shape[0], v);
          shape[1] = Math.min(shape[1], v);
        }
        default -> { }
      }
    }
    return out;
  }

  private static long lcm(long a, long b) {
    long x = a;
    long y = b;
    while (y != 0) {
      long t = x % y;
      x = y;
      y = t;
    }
    return a / x * b;
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
