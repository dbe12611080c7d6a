package symtrace.solver.research;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import symtrace.solver.decompose.Decomposition;
import symtrace.symbolic.expr.Expr;

/**
 * Runs strategies side by side on a corpus: for each strategy a fresh instance, a warm-up pass
 * over other problems (so the JIT has compiled the strategy and Symja and Z3 are loaded, but
 * no cache holds this corpus's answers), then one timed call per problem ({@link
 * System#nanoTime}); then every answer is re-checked by {@link AnswerCheck}, apart from the
 * timing.
 */
public final class BenchRun {
  /** Told about the progress of a run: a phase ("naive", "check") and how far it is. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (phase, done, total) -> {};

    void update(String phase, int done, int total);
  }

  private BenchRun() {}

  /** The outcomes of every strategy on every problem, strategy by strategy. */
  public static List<Outcome> run(List<Problem> problems, List<Problem> warmup,
      List<Strategies.Entry> strategies, Progress progress) {
    List<Strategies.Instance> instances = new ArrayList<>();
    for (Strategies.Entry e : strategies) {
      instances.add(e.create());
    }
    return runInstances(problems, warmup, instances, progress);
  }

  /** As {@link #run}, with instances made by the caller (closed here). */
  public static List<Outcome> runInstances(List<Problem> problems, List<Problem> warmup,
      List<Strategies.Instance> strategies, Progress progress) {
    int total = strategies.size() * (warmup.size() + problems.size());
    int done = 0;
    List<Outcome> raw = new ArrayList<>();
    for (Strategies.Instance s : strategies) {
      try (s) {
        for (Problem p : warmup) {
          call(s, p);
          progress.update(s.name() + " warm-up", ++done, total);
        }
        for (Problem p : problems) {
          raw.add(call(s, p));
          progress.update(s.name(), ++done, total);
        }
      }
    }
    return checked(raw, progress);
  }

  private static Outcome call(Strategies.Instance s, Problem p) {
    long start = System.nanoTime();
    Decomposition d;
    try {
      d = s.decompose(p.target(), p.tracked(), p.facts());
    } catch (RuntimeException | StackOverflowError e) {
      long nanos = System.nanoTime() - start;
      String error = e.getClass().getSimpleName() + ": " + e.getMessage();
      return new Outcome(p, s.name(), null, error, nanos, null);
    }
    long nanos = System.nanoTime() - start;
    return new Outcome(p, s.name(), d.isFound() ? d.term() : null, null, nanos, null);
  }

  /** The outcomes with each answer checked; one check per distinct (problem, term). */
  private static List<Outcome> checked(List<Outcome> raw, Progress progress) {
    List<Outcome> out = new ArrayList<>(raw.size());
    Map<String, AnswerCheck.Result> verdicts = new HashMap<>();
    try (AnswerCheck checker = new AnswerCheck()) {
      int i = 0;
      for (Outcome o : raw) {
        AnswerCheck.Result r = null;
        if (o.found()) {
          Expr term = o.term();
          r = verdicts.computeIfAbsent(o.problem().id() + "\u0000" + term,
              k -> checker.check(o.problem(), term));
        }
        out.add(new Outcome(o.problem(), o.strategy(), o.term(), o.error(), o.nanos(), r));
        progress.update("check", ++i, raw.size());
      }
    }
    return out;
  }
}
