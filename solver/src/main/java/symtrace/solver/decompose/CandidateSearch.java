package symtrace.solver.decompose;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import symtrace.symbolic.eval.Evaluator;
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Sym;

/**
 * The bounded search of the solver strategy: small terms over the tracked values, kept when they
 * agree with the target at sample points, for the {@link Verifier} to prove.
 *
 * <p><b>Terms</b>, simplest first:
 *
 * <ol>
 *   <li>{@code c*X + k} for a "single" {@code X} and {@code c, k} in {@code [-2, 2]}, {@code c !=
 *       0}; the singles are the tracked names and the division identities: for tracked {@code A
 *       = x // d} and {@code B = x % d} (the same {@code x} and {@code d}; {@code d} a number or a
 *       tracked value), {@code d*A + B}, which equals {@code x} (Python's division algorithm);
 *   <li>{@code c1*X + c2*Y + k} for two singles;
 *   <li>{@code c*X*Y + k} and {@code c*X*Y*Z + k} (at most {@value #MAX_MONOMIALS} products).
 * </ol>
 *
 * <p><b>Filter.</b> Candidates are compared with the target numerically, at {@value #POINTS}
 * points that satisfy the facts (fixed seed; sizes in {@code [2, 40]}, other integers in {@code
 * [-40, 40]}), with exact {@code long} arithmetic; so identities that need the semantics of
 * {@code FloorDiv} and {@code Mod} are found, where comparing expanded polynomials sees only
 * structure. Agreeing at the points is no proof: the caller verifies every candidate. At most
 * {@value #MAX_FOUND} candidates are returned.
 */
final class CandidateSearch {
  static final int POINTS = 6;
  static final int MAX_FOUND = 6;
  static final int MAX_MONOMIALS = 400;
  private static final int ATTEMPTS = 400;
  private static final long SEED = 0x5eed_dec0L;

  /** A term over the names and its values at the sample points. */
  private record Valued(Expr term, long[] values) {}

  private CandidateSearch() {}

  static List<Expr> find(Expr target, List<Tracked> tracked, List<Expr> facts) {
    Map<Sym, Expr> definitions = Decompositions.definitions(tracked);
    List<Map<Sym, Long>> points = points(target, tracked, facts);
    if (points.size() < 3) {
      return List.of();
    }
    long[] goal = values(target, points);
    if (goal == null) {
      return List.of();
    }
    List<Valued> singles = new ArrayList<>();
    for (Expr term : singles(tracked)) {
      long[] v = values(term.subs(definitions), points);
      if (v != null) {
        singles.add(new Valued(term, v));
      }
    }
    Set<Expr> found = new LinkedHashSet<>();
    for (Valued x : singles) {
      affine(x, goal, found);
    }
    for (int i = 0; i < singles.size() && found.size() < MAX_FOUND; i++) {
      for (int j = i + 1; j < singles.size() && found.size() < MAX_FOUND; j++) {
        pairSum(singles.get(i), singles.get(j), goal, found);
      }
    }
    for (Valued m : products(singles)) {
      if (found.size() >= MAX_FOUND) {
        break;
      }
      affine(m, goal, found);
    }
    return List.copyOf(found);
  }

  /** The names, then the division identities {@code d*A + B}. */
  private static List<Expr> singles(List<Tracked> tracked) {
    List<Expr> out = new ArrayList<>();
    for (Tracked t : tracked) {
      out.add(Decompositions.nameSymbol(t));
    }
    for (Tracked q : tracked) {
      if (!(q.expr() instanceof Apply div && (div.fn() == Fn.FLOOR_DIV || div.fn() == Fn.CLEAN_DIV))) {
        continue;
      }
      Expr divisor = divisorTerm(div.arg(1), tracked);
      if (divisor == null) {
        continue;
      }
      for (Tracked r : tracked) {
        if (r.expr() instanceof Apply mod && (mod.fn() == Fn.MOD || mod.fn() == Fn.PYTHON_MOD)
            && mod.arg(0) == div.arg(0) && mod.arg(1) == div.arg(1)) {
          out.add(Exprs.add(Exprs.mul(divisor, Decompositions.nameSymbol(q)), Decompositions.nameSymbol(r)));
        }
      }
    }
    return out;
  }

  /** A number as itself, an expression as the name of a tracked value equal to it, else null. */
  private static Expr divisorTerm(Expr d, List<Tracked> tracked) {
    if (d instanceof IntLit) {
      return d;
    }
    for (Tracked t : tracked) {
      if (t.expr() == d) {
        return Decompositions.nameSymbol(t);
      }
    }
    return null;
  }

  private static List<Valued> products(List<Valued> singles) {
    List<Valued> out = new ArrayList<>();
    for (int i = 0; i < singles.size(); i++) {
      for (int j = i; j < singles.size(); j++) {
        Valued ij = times(singles.get(i), singles.get(j));
        if (ij == null) {
          continue;
        }
        out.add(ij);
        for (int k = j; k < singles.size() && out.size() < MAX_MONOMIALS; k++) {
          Valued ijk = times(ij, singles.get(k));
          if (ijk != null) {
            out.add(ijk);
          }
        }
      }
    }
    return out;
  }

  private static Valued times(Valued a, Valued b) {
    long[] v = new long[a.values().length];
    try {
      for (int p = 0; p < v.length; p++) {
        v[p] = Math.multiplyExact(a.values()[p], b.values()[p]);
      }
    } catch (ArithmeticException overflow) {
      return null;
    }
    return new Valued(Exprs.mul(a.term(), b.term()), v);
  }

  /** {@code c*x + k} matching the goal: {@code k} is fixed by the first point. */
  private static void affine(Valued x, long[] goal, Set<Expr> found) {
    for (long c = -2; c <= 2 && found.size() < MAX_FOUND; c++) {
      if (c == 0) {
        continue;
      }
      long k = goal[0] - c * x.values()[0];
      if (Math.abs(k) > 2) {
        continue;
      }
      boolean all = true;
      for (int p = 1; p < goal.length && all; p++) {
        all = c * x.values()[p] + k == goal[p];
      }
      if (all) {
        found.add(Exprs.add(Exprs.mul(IntLit.of(c), x.term()), IntLit.of(k)));
      }
    }
  }

  private static void pairSum(Valued x, Valued y, long[] goal, Set<Expr> found) {
    for (long a = -2; a <= 2; a++) {
      for (long b = -2; b <= 2 && a != 0; b++) {
        if (b == 0) {
          continue;
        }
        long k = goal[0] - a * x.values()[0] - b * y.values()[0];
        if (Math.abs(k) > 2) {
          continue;
        }
        boolean all = true;
        for (int p = 1; p < goal.length && all; p++) {
          all = a * x.values()[p] + b * y.values()[p] + k == goal[p];
        }
        if (all && found.size() < MAX_FOUND) {
          found.add(Exprs.add(Exprs.mul(IntLit.of(a), x.term()), Exprs.mul(IntLit.of(b), y.term()), IntLit.of(k)));
        }
      }
    }
  }

  /** The value of {@code e} at each point, or null when one is not a small integer or raises. */
  private static long[] values(Expr e, List<Map<Sym, Long>> points) {
    long[] out = new long[points.size()];
    for (int p = 0; p < out.length; p++) {
      Object v;
      try {
        v = Evaluator.evaluate(e, points.get(p));
      } catch (RuntimeException raises) {
        return null;
      }
      if (!(v instanceof Long l) || Math.abs(l) > (1L << 40)) {
        return null;
      }
      out[p] = l;
    }
    return out;
  }

  /** Up to {@value #POINTS} assignments of every symbol that satisfy the facts, from a fixed seed. */
  private static List<Map<Sym, Long>> points(Expr target, List<Tracked> tracked, List<Expr> facts) {
    Set<Sym> symbols = new LinkedHashSet<>(target.freeSymbols());
    for (Tracked t : tracked) {
      symbols.addAll(t.expr().freeSymbols());
    }
    for (Expr f : facts) {
      symbols.addAll(f.freeSymbols());
    }
    List<Map<Sym, Long>> out = new ArrayList<>();
    for (Sym s : symbols) {
      if (!s.isIntegerSymbol()) {
        return out; // floats: no exact integer samples
      }
    }
    Random rnd = new Random(SEED);
    for (int attempt = 0; attempt < ATTEMPTS && out.size() < POINTS; attempt++) {
      Map<Sym, Long> point = new HashMap<>();
      for (Sym s : symbols) {
        long low = s.isPositiveSymbol() ? 2 : s.isNonNegativeSymbol() ? 0 : -40;
        point.put(s, low + rnd.nextInt((int) (41 - low)));
      }
      if (satisfies(facts, point)) {
        out.add(point);
      }
    }
    return out;
  }

  /** Whether every fact evaluates to true at {@code point} (one that raises does not). */
  static boolean satisfies(List<Expr> facts, Map<Sym, Long> point) {
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
}
