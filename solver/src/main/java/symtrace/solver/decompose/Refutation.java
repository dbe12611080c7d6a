package symtrace.solver.decompose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import symtrace.symbolic.eval.Evaluator;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Sym;

/**
 * A quick proof that no term exists: two assignments satisfying the facts where every tracked
 * value is the same but the target differs (any term over the tracked values is the same at
 * both). {@code s0} from {@code s0*s1} alone: {@code (2, 6)} and {@code (3, 4)}. It lets the
 * solver strategy give up in microseconds where the algebra would spend milliseconds failing.
 *
 * <p>The assignments are a small grid (each symbol in {@code [2, 7]} for sizes, {@code [-3,
 * 3]} for other integers), walked in a fixed order, at most {@value #POINTS} points. Not finding
 * a collision proves nothing; the other stages then run.
 */
final class Refutation {
  static final int POINTS = 256;

  private Refutation() {}

  static boolean refuted(Expr target, List<Tracked> tracked, List<Expr> facts) {
    Set<Sym> symbols = new LinkedHashSet<>(target.freeSymbols());
    for (Tracked t : tracked) {
      symbols.addAll(t.expr().freeSymbols());
    }
    for (Expr f : facts) {
      symbols.addAll(f.freeSymbols());
    }
    List<Sym> order = new ArrayList<>(symbols);
    Map<Sym, Integer> index = new HashMap<>();
    for (Sym s : order) {
      if (!s.isIntegerSymbol()) {
        return false;
      }
      index.put(s, index.size());
    }
    int[] digits = new int[order.size()];
    long[] values = new long[order.size()];
    Map<Key, Long> seen = new HashMap<>();
    for (int n = 0; n < POINTS; n++) {
      for (int i = 0; i < order.size(); i++) {
        Sym s = order.get(i);
        boolean natural = s.isPositiveSymbol() || s.isNonNegativeSymbol();
        values[i] = natural ? 2L + digits[i] : digits[i] - 3L;
      }
      ToLongFunction<Sym> at = s -> values[index.get(s)];
      if (satisfies(facts, order, values)) {
        long[] key = new long[tracked.size()];
        boolean defined = true;
        Long value = value(target, at);
        for (int i = 0; i < key.length && defined; i++) {
          Long v = value(tracked.get(i).expr(), at);
          defined = v != null;
          key[i] = defined ? v : 0;
        }
        if (value != null && defined) {
          Long before = seen.putIfAbsent(new Key(key), value);
          if (before != null && !before.equals(value)) {
            return true;
          }
        }
      }
      if (!next(digits)) {
        break;
      }
    }
    return false;
  }

  /** The tracked values at a point, compared by content. */
  private record Key(long[] values) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(values, k.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }
  }

  /** The next point of the grid, in the order of a counter in base 6; false after the last. */
  private static boolean next(int[] digits) {
    for (int i = 0; i < digits.length; i++) {
      if (++digits[i] < 6) {
        return true;
      }
      digits[i] = 0;
    }
    return false;
  }

  private static boolean satisfies(List<Expr> facts, List<Sym> order, long[] values) {
    if (facts.isEmpty()) {
      return true;
    }
    Map<Sym, Long> point = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      point.put(order.get(i), values[i]);
    }
    return CandidateSearch.satisfies(facts, point);
  }

  /** The integer value of {@code e}, or null when it raises or is not an int that fits a long. */
  private static Long value(Expr e, ToLongFunction<Sym> at) {
    try {
      return Evaluator.evaluateLong(e, at);
    } catch (RuntimeException raises) {
      return null;
    }
  }
}
