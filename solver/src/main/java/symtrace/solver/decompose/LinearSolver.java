package symtrace.solver.decompose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import symtrace.symbolic.expr.Add;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Mul;
import symtrace.symbolic.expr.Num;
import symtrace.symbolic.expr.Pow;

/**
 * The linear stage of the solver strategy: the target as a linear combination, with rational
 * coefficients, of products of at most three tracked values ({@code 1}, {@code A}, {@code A*B},
 * {@code A*B*C}, ...), found by Gaussian elimination on the coefficients of their expanded
 * polynomials. {@code 2*s0 + 2} from {@code s0 + 1} is {@code 2*A}; {@code s0*s1*s2} from {@code
 * s0*s1} and {@code s2 + 1} is {@code A*B - A}; {@code s0} from {@code 2*s0} is {@code A // 2}
 * (a common denominator {@code D} makes the term {@code (D*sum) // D}, exact because its value
 * is the target's).
 *
 * <p>It decides membership in the span of those products exactly, without a Gröbner basis, so
 * it is fast. Tracked quotients and remainders of a symbol enter through {@link
 * DivisionSubstitution} ({@code s0} from {@code s0 // 4} and {@code s0 % 4} is {@code 4*A + B});
 * other relations are left to {@link Elimination}. Function applications are opaque variables,
 * as there. Polynomials are sparse maps from exponent vectors to exact {@code long} fractions;
 * products of tracked values are multiplied in that form, so only the target and the tracked
 * values are expanded symbolically. The products are ordered cheapest first and elimination
 * takes pivots in that order, so a dependent costlier product is left out. An overflow gives no
 * candidate.
 */
final class LinearSolver {
  static final int MAX_TRACKED = 8;
  static final int MAX_TRIPLES = 4;

  /** An exponent vector over the variables (symbols and atoms), by index. */
  private record Monomial(int[] exponents) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Monomial m && Arrays.equals(exponents, m.exponents);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(exponents);
    }

    Monomial times(Monomial other) {
      int n = Math.max(exponents.length, other.exponents.length);
      int[] e = Arrays.copyOf(exponents, n);
      for (int i = 0; i < other.exponents.length; i++) {
        e[i] += other.exponents[i];
      }
      return new Monomial(trim(e));
    }

    static int[] trim(int[] e) {
      int n = e.length;
      while (n > 0 && e[n - 1] == 0) {
        n--;
      }
      return n == e.length ? e : Arrays.copyOf(e, n);
    }
  }

  /** A product of tracked values (indices, with repetition) and its cost. */
  private record Product(int[] factors, int cost) {}

  private LinearSolver() {}

  /** A candidate term, or empty. */
  static List<Expr> find(Expr target, List<Tracked> tracked, List<Expr> facts) {
    if (tracked.isEmpty() || tracked.size() > MAX_TRACKED || target.isConstant()) {
      return List.of();
    }
    DivisionSubstitution division = DivisionSubstitution.of(tracked, facts);
    Map<Expr, Integer> variables = new HashMap<>();
    try {
      Map<Monomial, long[]> goal = polynomial(division.apply(target), variables);
      List<Map<Monomial, long[]>> values = new ArrayList<>();
      for (Tracked t : tracked) {
        values.add(polynomial(division.apply(t.expr()), variables));
      }
      List<Product> products = products(tracked);
      List<Map<Monomial, long[]>> polys = new ArrayList<>();
      for (Product p : products) {
        Map<Monomial, long[]> poly = Map.of(new Monomial(new int[0]), new long[] {1, 1});
        for (int f : p.factors()) {
          poly = times(poly, values.get(f));
        }
        polys.add(poly);
      }
      return solve(goal, polys, products, tracked);
    } catch (ArithmeticException overflow) {
      return List.of();
    }
  }

  /** 1, the values, their pairwise and (for few values) triple products, cheapest first. */
  private static List<Product> products(List<Tracked> tracked) {
    int n = tracked.size();
    int[] read = new int[n];
    for (int i = 0; i < n; i++) {
      read[i] = Decompositions.readCost(tracked.get(i));
    }
    List<Product> out = new ArrayList<>();
    out.add(new Product(new int[0], 0));
    for (int i = 0; i < n; i++) {
      out.add(new Product(new int[] {i}, read[i]));
      for (int j = i; j < n; j++) {
        out.add(new Product(new int[] {i, j}, 10 + read[i] + (j == i ? 0 : read[j])));
        if (n <= MAX_TRIPLES) {
          for (int k = j; k < n; k++) {
            int reads = read[i] + (j == i ? 0 : read[j]) + (k == j || k == i ? 0 : read[k]);
            out.add(new Product(new int[] {i, j, k}, 20 + reads));
          }
        }
      }
    }
    out.sort(Comparator.comparingInt(Product::cost));
    return out;
  }

  /** The expanded polynomial of {@code e}: exponent vector to coefficient {num, den}. */
  private static Map<Monomial, long[]> polynomial(Expr e, Map<Expr, Integer> variables) {
    Map<Monomial, long[]> out = new HashMap<>();
    Expr x = Exprs.expand(e);
    for (Expr term : x instanceof Add a ? a.args() : List.of(x)) {
      Num c = Exprs.coefficient(term);
      if (c.numerator() == null) {
        throw new ArithmeticException("a float coefficient: no exact elimination");
      }
      int[] exps = new int[variables.size() + 4];
      List<Expr> factors = term instanceof Mul m ? m.factors()
          : term.isNumber() ? List.of() : List.of(term);
      for (Expr f : factors) {
        Expr base = f;
        int k = 1;
        if (f instanceof Pow p && p.exponent() instanceof IntLit n && n.signum() > 0 && n.fitsLong()
            && n.longValue() < 64) {
          base = p.base();
          k = (int) n.longValue();
        }
        int v = variables.computeIfAbsent(base, b -> variables.size());
        if (v >= exps.length) {
          exps = Arrays.copyOf(exps, v + 4);
        }
        exps[v] += k;
      }
      long[] q = {c.numerator().longValueExact(), c.denominator().longValueExact()};
      out.merge(new Monomial(Monomial.trim(exps)), q, LinearSolver::plus);
    }
    out.values().removeIf(q -> q[0] == 0);
    return out;
  }

  private static Map<Monomial, long[]> times(Map<Monomial, long[]> a, Map<Monomial, long[]> b) {
    Map<Monomial, long[]> out = new HashMap<>();
    for (Map.Entry<Monomial, long[]> x : a.entrySet()) {
      for (Map.Entry<Monomial, long[]> y : b.entrySet()) {
        out.merge(x.getKey().times(y.getKey()), times(x.getValue(), y.getValue()),
            LinearSolver::plus);
      }
    }
    out.values().removeIf(q -> q[0] == 0);
    return out;
  }

  /** Solves {@code goal = sum c_k * poly_k}; the term, or empty when there is no solution. */
  private static List<Expr> solve(Map<Monomial, long[]> goal, List<Map<Monomial, long[]>> polys,
      List<Product> products, List<Tracked> tracked) {
    Map<Monomial, Integer> monomials = new HashMap<>();
    for (Map<Monomial, long[]> p : polys) {
      p.keySet().forEach(m -> monomials.putIfAbsent(m, monomials.size()));
    }
    for (Monomial m : goal.keySet()) {
      if (!monomials.containsKey(m)) {
        return List.of(); // a monomial no product has: not in the span
      }
    }
    int rows = monomials.size();
    int cols = polys.size();
    long[][][] a = new long[rows][cols + 1][];
    for (long[][] row : a) {
      for (int j = 0; j <= cols; j++) {
        row[j] = ZERO;
      }
    }
    for (int j = 0; j < cols; j++) {
      for (Map.Entry<Monomial, long[]> e : polys.get(j).entrySet()) {
        a[monomials.get(e.getKey())][j] = e.getValue();
      }
    }
    goal.forEach((m, q) -> a[monomials.get(m)][cols] = q);
    int[] pivotOf = new int[cols];
    Arrays.fill(pivotOf, -1);
    int r = 0;
    for (int j = 0; j < cols && r < rows; j++) {
      int p = -1;
      for (int i = r; i < rows && p < 0; i++) {
        if (a[i][j][0] != 0) {
          p = i;
        }
      }
      if (p < 0) {
        continue;
      }
      long[][] tmp = a[p];
      a[p] = a[r];
      a[r] = tmp;
      long[] inv = normal(a[r][j][1], a[r][j][0]);
      for (int k = j; k <= cols; k++) {
        a[r][k] = times(a[r][k], inv);
      }
      for (int i = 0; i < rows; i++) {
        if (i != r && a[i][j][0] != 0) {
          long[] f = a[i][j];
          for (int k = j; k <= cols; k++) {
            if (a[r][k][0] != 0) {
              a[i][k] = plus(a[i][k], negate(times(f, a[r][k])));
            }
          }
        }
      }
      pivotOf[j] = r++;
    }
    for (int i = r; i < rows; i++) {
      if (a[i][cols][0] != 0) {
        return List.of(); // inconsistent: the target is not in the span
      }
    }
    long denominator = 1;
    for (int j = 0; j < cols; j++) {
      if (pivotOf[j] >= 0) {
        denominator = lcm(denominator, a[pivotOf[j]][cols][1]);
      }
    }
    List<Expr> terms = new ArrayList<>();
    for (int j = 0; j < cols; j++) {
      if (pivotOf[j] >= 0 && a[pivotOf[j]][cols][0] != 0) {
        long[] c = a[pivotOf[j]][cols];
        List<Expr> factors = new ArrayList<>();
        factors.add(IntLit.of(Math.multiplyExact(c[0], denominator / c[1])));
        for (int f : products.get(j).factors()) {
          factors.add(Decompositions.nameSymbol(tracked.get(f)));
        }
        terms.add(Exprs.mul(factors));
      }
    }
    Expr sum = Exprs.add(terms);
    return List.of(denominator == 1 ? sum : Exprs.floorDiv(sum, IntLit.of(denominator)));
  }

  private static final long[] ZERO = {0, 1};

  private static long[] plus(long[] x, long[] y) {
    if (x[0] == 0) {
      return y;
    }
    if (y[0] == 0) {
      return x;
    }
    return normal(Math.addExact(Math.multiplyExact(x[0], y[1]), Math.multiplyExact(y[0], x[1])),
        Math.multiplyExact(x[1], y[1]));
  }

  private static long[] times(long[] x, long[] y) {
    if (x[0] == 0 || y[0] == 0) {
      return ZERO;
    }
    return normal(Math.multiplyExact(x[0], y[0]), Math.multiplyExact(x[1], y[1]));
  }

  private static long[] negate(long[] x) {
    return new long[] {Math.negateExact(x[0]), x[1]};
  }

  private static long[] normal(long n, long d) {
    if (d < 0) {
      n = Math.negateExact(n);
      d = Math.negateExact(d);
    }
    long g = gcd(Math.abs(n), d);
    return g <= 1 ? new long[] {n, d} : new long[] {n / g, d / g};
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a == 0 ? 1 : a;
  }

  private static long lcm(long a, long b) {
    return Math.multiplyExact(a / gcd(a, b), b);
  }
}
