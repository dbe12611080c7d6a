package symtrace.solver.research;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import symtrace.solver.decompose.Tracked;
import symtrace.symbolic.expr.Sym;

/**
 * A certificate that a problem has no solution: two assignments that satisfy the facts, give
 * every tracked value the same value, and give the target different values. Any term over the
 * tracked values takes the same value at both, so it differs from the target at one of them.
 *
 * <p>Found by two searches from fixed seeds: changing one symbol that no tracked value mentions
 * at points that satisfy the facts (the usual case: a needed symbol is absent), then a collision
 * of the tracked values among many small points (a symbol lost in a product: {@code s0} from
 * {@code s0*s1} alone).
 */
public record Witness(Map<Sym, Object> first, Map<Sym, Object> second) {
  private static final long SEED = 0x1c0ffee5L;
  private static final int BASE_POINTS = 12;
  private static final int COLLISION_ATTEMPTS = 3000;

  /** The witness of an impossible problem, or empty when none was found. */
  public static Optional<Witness> find(Problem p) {
    Set<Sym> symbols = SamplePoints.symbols(p);
    Random rnd = new Random(SEED);
    List<Sym> absent = new ArrayList<>(p.target().freeSymbols());
    for (Tracked t : p.tracked()) {
      absent.removeAll(t.expr().freeSymbols());
    }
    if (!absent.isEmpty()) {
      List<Map<Sym, Object>> bases =
          SamplePoints.sample(symbols, p.facts(), BASE_POINTS, 1500, SEED);
      for (Map<Sym, Object> base : bases) {
        for (Sym s : absent) {
          for (int k = 0; k < 12; k++) {
            Map<Sym, Object> moved = new LinkedHashMap<>(base);
            moved.put(s, SamplePoints.draw(s, k < 6 ? 9 : 100, rnd));
            Witness w = new Witness(base, moved);
            if (w.certifies(p)) {
              return Optional.of(w);
            }
          }
        }
      }
    }
    Map<List<Object>, Map<Sym, Object>> seen = new HashMap<>();
    for (Map<Sym, Object> point : SamplePoints.sample(symbols, p.facts(), COLLISION_ATTEMPTS,
        COLLISION_ATTEMPTS * 4, SEED + 1)) {
      List<Object> key = trackedValues(p, point);
      Object target = SamplePoints.value(p.target(), point);
      if (key == null || target == null) {
        continue;
      }
      Map<Sym, Object> other = seen.putIfAbsent(key, point);
      if (other != null && !Objects.equals(SamplePoints.value(p.target(), other), target)) {
        return Optional.of(new Witness(other, point));
      }
    }
    return Optional.empty();
  }

  /** Whether this pair really certifies that {@code p} has no solution. */
  public boolean certifies(Problem p) {
    if (!SamplePoints.satisfies(p.facts(), first) || !SamplePoints.satisfies(p.facts(), second)) {
      return false;
    }
    List<Object> a = trackedValues(p, first);
    List<Object> b = trackedValues(p, second);
    Object ta = SamplePoints.value(p.target(), first);
    Object tb = SamplePoints.value(p.target(), second);
    return a != null && a.equals(b) && ta != null && tb != null && !ta.equals(tb);
  }

  /** The tracked values at a point, or null when one raises. */
  private static List<Object> trackedValues(Problem p, Map<Sym, Object> point) {
    List<Object> out = new ArrayList<>();
    for (Tracked t : p.tracked()) {
      Object v = SamplePoints.value(t.expr(), point);
      if (v == null) {
        return null;
      }
      out.add(v);
    }
    return out;
  }

  @Override
  public String toString() {
    return first + " and " + second;
  }
}
