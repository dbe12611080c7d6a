package symtrace.solver.research;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongBinaryOperator;
import symtrace.solver.decompose.Decompositions;
import symtrace.solver.decompose.Tracked;
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Pow;
import symtrace.symbolic.expr.Sym;

/**
 * A reference solution for a problem that was not built from a known term (one taken from a
 * real trace), found by a procedure of its own and certified by {@link AnswerCheck}, so that
 * the problem's ground truth does not come from a strategy under test.
 *
 * <p>The procedure is the syntactic walk with a small fixed grammar at its leaves: a
 * subexpression that a tracked value equals is that value (its cheapest producer); a number is
 * itself; otherwise the cheapest leaf form over the tracked values {@code X}, {@code Y} that
 * agrees with the subexpression at {@value #POINTS} sample points ({@code X + k}, {@code c*X},
 * {@code c*X + k}, {@code X // c}, {@code (X + k) // c}, {@code X // Y}, {@code X*Y}, {@code X +
 * Y}, {@code X - Y}, for {@code k} in {@code [-4, 4]} and {@code c} in {@code [2, 8]} or 16);
 * otherwise its arguments are rebuilt and combined with its operation. The whole term is then
 * checked; a term that is not certified is no reference.
 */
public final class ReferenceSolution {
  static final int POINTS = 8;
  private static final long SEED = 0x4ef5L;
  private static final long[] DIVISORS = {2, 3, 4, 5, 6, 7, 8, 16};

  private final Problem problem;
  private final List<Tracked> byCost;
  private final List<Map<Sym, Object>> points;
  private List<Leaf> leaves;

  /** A leaf form and its values at the points. */
  private record Leaf(Expr term, long[] values, int cost) {}

  private ReferenceSolution(Problem problem) {
    this.problem = problem;
    this.byCost = new ArrayList<>(problem.tracked());
    byCost.sort(Comparator.comparingInt(Decompositions::readCost));
    this.points = SamplePoints.sample(SamplePoints.symbols(problem), problem.facts(), POINTS,
        POINTS * 200, SEED);
  }

  /** The certified reference term of {@code p}, or empty. */
  public static Optional<Expr> find(Problem p, AnswerCheck checker) {
    ReferenceSolution r = new ReferenceSolution(p);
    if (r.points.size() < 3) {
      return Optional.empty();
    }
    Expr term = r.build(p.target());
    if (term == null || checker.check(p, term).verdict() != AnswerCheck.Verdict.CORRECT) {
      return Optional.empty();
    }
    return Optional.of(term);
  }

  private Expr build(Expr e) {
    for (Tracked t : byCost) {
      if (t.expr() == e) {
        return Sym.integer(t.name());
      }
    }
    if (e instanceof IntLit) {
      return e;
    }
    long[] want = values(e);
    if (want != null) {
      for (Leaf leaf : leaves()) {
        if (Arrays.equals(leaf.values(), want)) {
          return leaf.term();
        }
      }
    }
    if (e instanceof Sym) {
      return null;
    }
    List<Expr> args = new ArrayList<>();
    for (Expr a : e.args()) {
      Expr b = e instanceof Pow && a instanceof IntLit ? a : build(a);
      if (b == null) {
        return null;
      }
      args.add(b);
    }
    return switch (e.kind()) {
      case ADD -> Exprs.add(args);
      case MUL -> Exprs.mul(args);
      case POW -> Exprs.pow(args.get(0), args.get(1));
      case APPLY -> Exprs.apply(((Apply) e).fn(), args);
      default -> null;
    };
  }

  /** The leaf forms over the tracked values, cheapest first (made on first need). */
  private List<Leaf> leaves() {
    if (leaves != null) {
      return leaves;
    }
    leaves = new ArrayList<>();
    List<Expr> names = new ArrayList<>();
    List<long[]> values = new ArrayList<>();
    for (Tracked t : byCost) {
      long[] v = values(t.expr());
      if (v != null) {
        names.add(Sym.integer(t.name()));
        values.add(v);
      }
    }
    for (int i = 0; i < names.size(); i++) {
      Expr x = names.get(i);
      long[] xv = values.get(i);
      for (long k = -4; k <= 4; k++) {
        long kk = k;
        if (k != 0) {
          add(Exprs.add(x, IntLit.of(k)), map(xv, v -> Math.addExact(v, kk)));
        }
      }
      for (long c : DIVISORS) {
        add(Exprs.mul(IntLit.of(c), x), map(xv, v -> Math.multiplyExact(c, v)));
        add(Exprs.floorDiv(x, IntLit.of(c)), map(xv, v -> Math.floorDiv(v, c)));
        for (long k = -2; k <= 2; k++) {
          long kk = k;
          if (k != 0) {
            add(Exprs.add(Exprs.mul(IntLit.of(c), x), IntLit.of(k)),
                map(xv, v -> Math.addExact(Math.multiplyExact(c, v), kk)));
            add(Exprs.floorDiv(Exprs.add(x, IntLit.of(k)), IntLit.of(c)),
                map(xv, v -> Math.floorDiv(Math.addExact(v, kk), c)));
          }
        }
      }
      for (int j = 0; j < names.size(); j++) {
        if (i != j) {
          Expr y = names.get(j);
          long[] yv = values.get(j);
          add(Exprs.floorDiv(x, y),
              zip(xv, yv, (a, b) -> b == 0 ? Long.MIN_VALUE : Math.floorDiv(a, b)));
          add(Exprs.mul(x, y), zip(xv, yv, Math::multiplyExact));
          add(Exprs.add(x, y), zip(xv, yv, Math::addExact));
          add(Exprs.sub(x, y), zip(xv, yv, Math::subtractExact));
        }
      }
    }
    leaves.sort(Comparator.comparingInt(Leaf::cost));
    return leaves;
  }

  private void add(Expr term, long[] values) {
    if (values != null) {
      leaves.add(new Leaf(term, values, Decompositions.cost(term, problem.tracked())));
    }
  }

  private static long[] map(long[] x, java.util.function.LongUnaryOperator f) {
    try {
      return Arrays.stream(x).map(f).toArray();
    } catch (ArithmeticException overflow) {
      return null;
    }
  }

  private static long[] zip(long[] x, long[] y, LongBinaryOperator f) {
    long[] out = new long[x.length];
    try {
      for (int i = 0; i < x.length; i++) {
        out[i] = f.applyAsLong(x[i], y[i]);
        if (out[i] == Long.MIN_VALUE) {
          return null; // a zero divisor at a point
        }
      }
    } catch (ArithmeticException overflow) {
      return null;
    }
    return out;
  }

  /** The values of {@code e} at the points, or null when one raises or is not a long. */
  private long[] values(Expr e) {
    long[] out = new long[points.size()];
    for (int i = 0; i < out.length; i++) {
      Object v = SamplePoints.value(e, points.get(i));
      if (!(v instanceof BigInteger b) || b.bitLength() > 62) {
        return null;
      }
      out[i] = b.longValue();
    }
    return out;
  }
}
