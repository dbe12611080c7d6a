package symtrace.solver.decompose;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Mul;
import symtrace.symbolic.expr.Pow;
import symtrace.symbolic.expr.Sym;

/**
 * The monomial stage of the solver strategy: a target that is a product of symbols ({@code
 * 8*s0*s1*s2}) from tracked products, multiplied and divided: {@code s1*s2*s3} from {@code
 * s1*s2} and {@code s3} is {@code A*B}, {@code s0} from a flattened {@code s0*s1} and {@code s1}
 * is {@code A // B}, {@code 256*s2} from {@code 8*s2} is {@code 32*A}.
 *
 * <p>A monomial is an integer coefficient and a vector of exponents. The search looks for
 * integer powers {@code a_i} of the tracked monomials whose exponents add up to the target's:
 * depth-first, at most {@value #DEPTH} factors, multiplying by a tracked value only when it
 * shares a symbol the rest still needs and dividing only when it cancels one in excess. The
 * coefficient left over is a fraction {@code p/q}: the term is {@code p*N} or, with a
 * denominator {@code D} (divided values, {@code q}), {@code (p*N) // (q*D)}, an exact division
 * because its value is the target's. Sizes are positive, so a divisor is never zero; the
 * verifier still checks every candidate.
 */
final class MonomialSolver {
  static final int DEPTH = 4;
  private static final int MAX_NODES = 20_000;
  private static final int MAX_FOUND = 8;

  /** A coefficient and exponents: {@code 8*s0**2*s1} is 8 and {s0: 2, s1: 1}. */
  private record Monomial(BigInteger coefficient, Map<Sym, Integer> exponents) {}

  private MonomialSolver() {}

  /** Candidate terms for {@code target}, cheapest first; empty when it is not a monomial. */
  static List<Expr> find(Expr target, List<Tracked> tracked) {
    Monomial goal = monomial(target);
    if (goal == null || goal.exponents().isEmpty()) {
      return List.of();
    }
    List<Tracked> names = new ArrayList<>();
    List<Monomial> values = new ArrayList<>();
    for (Tracked t : tracked) {
      Monomial m = monomial(t.expr());
      if (m != null && !m.exponents().isEmpty() && m.coefficient().signum() > 0) {
        names.add(t);
        values.add(m);
      }
    }
    if (values.isEmpty()) {
      return List.of();
    }
    Search s = new Search(values);
    s.run(new HashMap<>(goal.exponents()), new int[values.size()], 0);
    List<Expr> out = new ArrayList<>();
    for (int[] powers : s.found) {
      out.add(term(goal.coefficient(), powers, names, values));
    }
    out.sort(Comparator.comparingInt(e -> Decompositions.cost(e, tracked)));
    return out;
  }

  /** The term for integer powers of the tracked values, with the coefficient left over. */
  private static Expr term(BigInteger coefficient, int[] powers, List<Tracked> names,
      List<Monomial> values) {
    BigInteger num = coefficient;
    BigInteger den = BigInteger.ONE;
    List<Expr> numerator = new ArrayList<>();
    List<Expr> denominator = new ArrayList<>();
    for (int i = 0; i < powers.length; i++) {
      if (powers[i] == 0) {
        continue;
      }
      Expr name = Decompositions.nameSymbol(names.get(i));
      int n = Math.abs(powers[i]);
      Expr power = n == 1 ? name : Exprs.pow(name, IntLit.of(n));
      BigInteger c = values.get(i).coefficient().pow(Math.abs(powers[i]));
      if (powers[i] > 0) {
        numerator.add(power);
        den = den.multiply(c);
      } else {
        denominator.add(power);
        num = num.multiply(c);
      }
    }
    BigInteger g = num.gcd(den);
    num = num.divide(g);
    den = den.divide(g);
    numerator.add(IntLit.of(num));
    denominator.add(IntLit.of(den));
    Expr n = Exprs.mul(numerator);
    Expr d = Exprs.mul(denominator);
    return d == Exprs.ONE ? n : Exprs.floorDiv(n, d);
  }

  /** {@code e} as a monomial in symbols with a nonzero integer coefficient, or null. */
  private static Monomial monomial(Expr e) {
    Map<Sym, Integer> exps = new LinkedHashMap<>();
    BigInteger c = BigInteger.ONE;
    List<Expr> factors;
    if (e instanceof Mul m) {
      if (!(m.coefficient() instanceof IntLit k)) {
        return null;
      }
      c = k.bigValue();
      factors = m.factors();
    } else {
      factors = List.of(e);
    }
    for (Expr f : factors) {
      if (f instanceof Sym s) {
        exps.merge(s, 1, Integer::sum);
      } else if (f instanceof Pow p && p.base() instanceof Sym s && p.exponent() instanceof IntLit n
          && n.signum() > 0 && n.fitsLong() && n.longValue() <= 8) {
        exps.merge(s, (int) n.longValue(), Integer::sum);
      } else {
        return null;
      }
    }
    return c.signum() == 0 ? null : new Monomial(c, exps);
  }

  /** The depth-first search over powers of the tracked monomials. */
  private static final class Search {
    final List<Monomial> values;
    final List<int[]> found = new ArrayList<>();
    final Set<String> seen = new HashSet<>();
    int nodes;

    Search(List<Monomial> values) {
      this.values = values;
    }

    void run(Map<Sym, Integer> rest, int[] powers, int depth) {
      if (++nodes > MAX_NODES || found.size() >= MAX_FOUND) {
        return;
      }
      if (rest.values().stream().allMatch(v -> v == 0)) {
        if (seen.add(java.util.Arrays.toString(powers))) {
          found.add(powers.clone());
        }
        return;
      }
      if (depth == DEPTH) {
        return;
      }
      for (int i = 0; i < values.size(); i++) {
        Map<Sym, Integer> e = values.get(i).exponents();
        for (int sign : new int[] {1, -1}) {
          if (powers[i] * sign < 0 || !useful(rest, e, sign)) {
            continue; // a value is either multiplied or divided, never both
          }
          e.forEach((s, k) -> rest.merge(s, -sign * k, Integer::sum));
          powers[i] += sign;
          run(rest, powers, depth + 1);
          powers[i] -= sign;
          e.forEach((s, k) -> rest.merge(s, sign * k, Integer::sum));
        }
      }
    }

    /** Multiplying needs a symbol still wanted; dividing needs a symbol in excess. */
    private static boolean useful(Map<Sym, Integer> rest, Map<Sym, Integer> e, int sign) {
      for (Sym s : e.keySet()) {
        int r = rest.getOrDefault(s, 0);
        if (sign > 0 ? r > 0 : r < 0) {
          return true;
        }
      }
      return false;
    }
  }
}
