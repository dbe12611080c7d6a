package symtrace.tracer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import symtrace.solver.research.AnswerCheck;
import symtrace.solver.research.BenchRun;
import symtrace.solver.research.Corpus;
import symtrace.solver.research.Outcome;
import symtrace.solver.research.Problem;
import symtrace.solver.research.Strategies;
import symtrace.solver.research.Summary;
import symtrace.symbolic.SymtraceException;
import symtrace.tracer.research.BenchCorpus;
import symtrace.tracer.research.BenchReport;
import symtrace.tracer.research.BenchResult;
import symtrace.tracer.research.BenchTables;
import symtrace.tracer.research.ConformanceSuite;
import symtrace.tracer.research.ProgressBar;

/**
 * {@code symtrace decompose-bench}: runs decomposition strategies side by side on a corpus and
 * prints, per strategy and category, the solvable problems solved, wrong answers (re-checked
 * independently; 0 expected), correct "not found" on impossible problems, how often the
 * cheapest producers were chosen, and the latency percentiles.
 */
@Command(
    name = "decompose-bench",
    mixinStandardHelpOptions = true,
    description = {
      "Compare decomposition strategies on a corpus of problems.",
      "",
      "Prints the comparison table (docs/decomposition.md explains the corpus and",
      "the columns).",
      "",
      "The default corpus: the hand-written problems, the generated ones (--seed)",
      "and the problems from real traces of the conformance programs",
      "(--conformance). Every answer is re-checked by Z3 and by evaluation at",
      "random points. Exit status 3 when a strategy gave a wrong answer.",
      "",
    })
public final class DecomposeBenchCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--corpus", paramLabel = "DIR",
      description = "Read the problems from DIR/*.problems instead of the default corpus.")
  private Path corpus;

  @Option(names = "--write-corpus", paramLabel = "DIR",
      description = "Write the default corpus to DIR (one .problems file per part) and stop.")
  private Path writeCorpus;

  @Option(names = "--strategies", paramLabel = "LIST",
      description = "Comma-separated strategies (default: all: ${COMPLETION-CANDIDATES}).",
      completionCandidates = StrategyNames.class)
  private String strategies;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, json or csv (default ${DEFAULT-VALUE}).")
  private String format;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
      description = "Seed of the generated problems (default ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--conformance", paramLabel = "DIR",
      description = "The conformance suite whose programs give the real-trace problems"
          + " (default: shared/conformance beside an ancestor of the working directory).")
  private Path conformance;

  @Option(names = "--report", paramLabel = "DIR",
      description = "Also write the plots to DIR/decomposition/ and the tables into"
          + " DIR/decomposition.md (e.g. --report docs).")
  private Path report;

  @Option(names = "--no-progress", description = "No progress on standard error.")
  private boolean noProgress;

  /** The strategy names, for the help text. */
  static final class StrategyNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Strategies.names().iterator();
    }
  }

  @Override
  public Integer call() {
    Choices.check(spec, "--format", format, "text", "json", "csv");
    if (corpus != null && writeCorpus != null) {
      throw new ParameterException(spec.commandLine(),
          "--corpus and --write-corpus exclude each other");
    }
    List<Strategies.Entry> entries = Strategies.parse(strategies == null
        ? String.join(",", Strategies.names()) : strategies);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ProgressBar progress = noProgress ? null
        : new ProgressBar(err, ProgressBar.stderrIsTerminal(), System::nanoTime);
    BenchRun.Progress p = progress == null ? BenchRun.Progress.NONE : progress;
    try {
      BenchCorpus problems = corpus != null ? BenchCorpus.read(corpus)
          : BenchCorpus.standard(seed, conformanceSuite(err), p);
      if (writeCorpus != null) {
        for (Path f : problems.write(writeCorpus)) {
          out.println("wrote " + f);
        }
        out.flush();
        return ExitCodes.OK;
      }
      requireHonest(problems.problems(), p);
      List<Outcome> outcomes = BenchRun.run(problems.problems(), Corpus.warmup(seed), entries, p);
      BenchResult result = new BenchResult(problems, entries, outcomes,
          Summary.rows(outcomes, entries.stream().map(Strategies.Entry::name).toList()));
      if (progress != null) {
        progress.finish();
      }
      out.print(switch (format) {
        case "json" -> BenchTables.json(result);
        case "csv" -> BenchTables.csv(result);
        default -> BenchTables.text(result);
      });
      out.flush();
      if (report != null) {
        String command = "./symtrace decompose-bench --report " + report;
        for (Path f : BenchReport.write(result, report, command)) {
          err.println("decompose-bench: wrote " + f);
        }
        err.flush();
      }
      return result.wrong() > 0 ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    } finally {
      if (progress != null) {
        progress.finish();
      }
    }
  }

  /** The conformance suite, or empty with a note on standard error when there is none. */
  private Optional<Path> conformanceSuite(PrintWriter err) {
    if (conformance != null) {
      return Optional.of(conformance);
    }
    Optional<Path> found = ConformanceSuite.find();
    if (found.isEmpty()) {
      err.println("decompose-bench: no conformance suite found (give --conformance DIR);"
          + " the real-trace problems are left out");
      err.flush();
    }
    return found;
  }

  /** Stops with the problems whose stated ground truth does not hold. */
  private static void requireHonest(List<Problem> problems, BenchRun.Progress progress) {
    progress.update("checking ground truth", 0, 1);
    List<String> dishonest;
    try (AnswerCheck checker = new AnswerCheck()) {
      dishonest = Corpus.dishonest(problems, checker);
    }
    progress.update("checking ground truth", 1, 1);
    if (!dishonest.isEmpty()) {
      throw new SymtraceException("the corpus's ground truth does not hold for "
          + dishonest.size() + " problems:\n  " + String.join("\n  ",
              dishonest.subList(0, Math.min(10, dishonest.size()))));
    }
  }
}
