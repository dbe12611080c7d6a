package symtrace.tracer.research;

import java.util.List;
import java.util.Locale;
import symtrace.solver.research.Outcome;
import symtrace.solver.research.Strategies;
import symtrace.solver.research.Summary;

/** One benchmark run: the corpus, the strategies, every outcome and the summary rows. */
public record BenchResult(BenchCorpus corpus, List<Strategies.Entry> strategies,
    List<Outcome> outcomes, List<Summary.Row> rows) {
  public BenchResult {
    strategies = List.copyOf(strategies);
    outcomes = List.copyOf(outcomes);
    rows = List.copyOf(rows);
  }

  /** The number of wrong answers, over every strategy. */
  public int wrong() {
    return (int) outcomes.stream().filter(Outcome::wrong).count();
  }

  /** {@code 1429 problems: hand-written 35 (written by hand), ...; ground truth checked}. */
  public String corpusLine() {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%d problems:",
        corpus.problems().size()));
    String sep = " ";
    for (BenchCorpus.Part p : corpus.parts()) {
      s.append(sep).append(p.name()).append(' ').append(p.problems().size()).append(" (")
          .append(p.description()).append(')');
      sep = ", ";
    }
    return s.append("; every ground truth checked").toString();
  }
}
