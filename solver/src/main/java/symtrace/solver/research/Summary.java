package symtrace.solver.research;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The measured table: one {@link Row} per strategy and category, and one per strategy for all. */
public final class Summary {
  /** The label of the row over every category. */
  public static final String ALL = "all";

  /**
   * One strategy on one category.
   *
   * @param solved correct answers to solvable problems
   * @param wrong answers the independent check refuted (anywhere: on an impossible problem, any
   *     answer is wrong)
   * @param unconfirmed answers that agree at every point but Z3 could not decide
   * @param rejected "not found" on impossible problems (correct)
   * @param best correct answers no costlier than the best known one
   * @param errors calls that failed with an exception (counted as "not found")
   * @param p50 median latency, microseconds (also {@code p95}, {@code p99})
   */
  public record Row(String strategy, String category, int problems, int solvable, int solved,
      int wrong, int unconfirmed, int impossible, int rejected, int best, int errors,
      double p50, double p95, double p99) {
    /** Solved / solvable, or NaN without solvable problems. */
    public double success() {
      return ratio(solved, solvable);
    }

    /** Correct "not found" / impossible, or NaN without impossible problems. */
    public double rejection() {
      return ratio(rejected, impossible);
    }

    /** Best / solved: how often the cheapest producers were chosen. */
    public double provenance() {
      return ratio(best, solved);
    }
  }

  private Summary() {}

  /** Rows by strategy (in {@code strategies} order), categories in their enum order, then all. */
  public static List<Row> rows(List<Outcome> outcomes, List<String> strategies) {
    List<Row> out = new ArrayList<>();
    for (String s : strategies) {
      Map<Category, List<Outcome>> byCategory = new LinkedHashMap<>();
      for (Category c : Category.values()) {
        byCategory.put(c, new ArrayList<>());
      }
      List<Outcome> all = new ArrayList<>();
      for (Outcome o : outcomes) {
        if (o.strategy().equals(s)) {
          byCategory.get(o.problem().category()).add(o);
          all.add(o);
        }
      }
      byCategory.forEach((c, list) -> {
        if (!list.isEmpty()) {
          out.add(row(s, c.label(), list));
        }
      });
      out.add(row(s, ALL, all));
    }
    return out;
  }

  static Row row(String strategy, String category, List<Outcome> list) {
    int solvable = 0;
    int solved = 0;
    int wrong = 0;
    int unconfirmed = 0;
    int impossible = 0;
    int rejected = 0;
    int best = 0;
    int errors = 0;
    double[] micros = new double[list.size()];
    for (int i = 0; i < list.size(); i++) {
      Outcome o = list.get(i);
      micros[i] = o.micros();
      boolean solvableProblem = o.problem().truth().solvable();
      solvable += solvableProblem ? 1 : 0;
      impossible += solvableProblem ? 0 : 1;
      solved += solvableProblem && o.correct() ? 1 : 0;
      rejected += !solvableProblem && !o.found() ? 1 : 0;
      wrong += o.wrong() ? 1 : 0;
      unconfirmed += o.unconfirmed() ? 1 : 0;
      best += o.best() ? 1 : 0;
      errors += o.error() != null ? 1 : 0;
    }
    Arrays.sort(micros);
    return new Row(strategy, category, list.size(), solvable, solved, wrong, unconfirmed,
        impossible, rejected, best, errors, percentile(micros, 50), percentile(micros, 95),
        percentile(micros, 99));
  }

  /** The nearest-rank percentile of sorted values (NaN when there are none). */
  public static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double ratio(int a, int b) {
    return b == 0 ? Double.NaN : (double) a / b;
  }
}
