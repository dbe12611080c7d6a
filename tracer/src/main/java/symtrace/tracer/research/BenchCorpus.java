package symtrace.tracer.research;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import symtrace.solver.research.BenchRun;
import symtrace.solver.research.Corpus;
import symtrace.solver.research.CorpusGenerator;
import symtrace.solver.research.Problem;

/**
 * The corpus of one benchmark run, in named parts: by default the hand-written problems, the
 * generated ones of a seed and the real-trace ones of the conformance suite; or the files of a
 * {@code --corpus} directory, one part per file.
 */
public record BenchCorpus(List<Part> parts) {
  /** One part: its name, the file it is written to, a description and its problems. */
  public record Part(String name, String file, String description, List<Problem> problems) {}

  public BenchCorpus {
    parts = List.copyOf(parts);
  }

  /** Every problem, part by part. */
  public List<Problem> problems() {
    List<Problem> out = new ArrayList<>();
    for (Part p : parts) {
      out.addAll(p.problems());
    }
    return out;
  }

  /** The default corpus; without a conformance suite, no real-trace part. */
  public static BenchCorpus standard(long seed, Optional<Path> conformance,
      BenchRun.Progress progress) {
    List<Part> parts = new ArrayList<>();
    parts.add(new Part("hand-written", Corpus.HAND_WRITTEN, "written by hand",
        Corpus.handWritten()));
    parts.add(new Part("generated", "generated-seed" + seed + Corpus.EXTENSION,
        "generated with seed " + seed, CorpusGenerator.generate(seed)));
    if (conformance.isPresent()) {
      List<Path> programs = ConformanceSuite.programs(conformance.get());
      TraceProblems.Result r = TraceProblems.of(programs, progress);
      parts.add(new Part("real-trace", "real-trace" + Corpus.EXTENSION,
          "from " + (r.programs() - r.untraceable()) + " traced programs; " + r.untraceable()
              + " of " + r.programs() + " do not trace, " + r.undetermined()
              + " targets without a known ground truth are left out", r.problems()));
    }
    List<Problem> all = new ArrayList<>();
    parts.forEach(p -> all.addAll(p.problems()));
    Corpus.requireUniqueIds(all);
    return new BenchCorpus(parts);
  }

  /** The {@code *.problems} files of {@code dir}, one part each. */
  public static BenchCorpus read(Path dir) {
    List<Part> parts = new ArrayList<>();
    for (Path f : Corpus.files(dir)) {
      String name = f.getFileName().toString();
      parts.add(new Part(name.replaceFirst("\\.problems$", ""), name, "read from " + f,
          Corpus.readFile(f)));
    }
    List<Problem> all = new ArrayList<>();
    parts.forEach(p -> all.addAll(p.problems()));
    Corpus.requireUniqueIds(all);
    return new BenchCorpus(parts);
  }

  /** Writes each part to its file in {@code dir}; returns the files written. */
  public List<Path> write(Path dir) {
    List<Path> out = new ArrayList<>();
    for (Part p : parts) {
      out.add(Corpus.write(dir, p.file(), p.problems(), "Decomposition problems: " + p.name()
          + ", " + p.description() + ".\nRead by 'symtrace decompose-bench --corpus DIR';"
          + " the format is described in CorpusFormat."));
    }
    return out;
  }
}
