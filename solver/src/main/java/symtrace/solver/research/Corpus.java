package symtrace.solver.research;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import symtrace.solver.decompose.Decompositions;
import symtrace.solver.decompose.Tracked;
import symtrace.symbolic.SymtraceException;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Sym;

/**
 * Where problems come from: the hand-written file (a resource of this package), the generator,
 * and {@code *.problems} files in a directory; and the check that a corpus's ground truth is
 * honest before anything is measured against it.
 */
public final class Corpus {
  /** The hand-written problems' file name, as a resource and as written by {@link #write}. */
  public static final String HAND_WRITTEN = "hand-written.problems";
  public static final String EXTENSION = ".problems";

  private Corpus() {}

  /** The committed hand-written problems. */
  public static List<Problem> handWritten() {
    try (InputStream in = Corpus.class.getResourceAsStream(HAND_WRITTEN)) {
      if (in == null) {
        throw new IllegalStateException("the resource " + HAND_WRITTEN + " is missing");
      }
      return CorpusFormat.read(HAND_WRITTEN, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + HAND_WRITTEN, e);
    }
  }

  /** The hand-written problems and the generated ones of {@code seed}. */
  public static List<Problem> standard(long seed) {
    List<Problem> out = new ArrayList<>(handWritten());
    out.addAll(CorpusGenerator.generate(seed));
    return out;
  }

  /**
   * Problems for the warm-up pass: a quarter of the problems generated from another seed, and
   * the hand-written ones with their symbols renamed. They exercise every family and every
   * stage of the strategies (the JIT compiles them, Symja and Z3 load) without repeating an
   * expression that is measured, so no cache holds a measured answer.
   */
  public static List<Problem> warmup(long seed) {
    List<Problem> all = CorpusGenerator.generate(seed + 7919);
    List<Problem> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += 4) {
      out.add(all.get(i));
    }
    for (Problem p : handWritten()) {
      out.add(renamed(p));
    }
    return out;
  }

  /** {@code p} with each size symbol {@code s<N>} renamed to {@code s<(37*N + 11) % 100>}. */
  static Problem renamed(Problem p) {
    Map<Sym, Expr> rename = new HashMap<>();
    for (Sym s : SamplePoints.symbols(p)) {
      if (s.name().matches("s[0-9]+") && s.name().length() <= 3) {
        int n = Integer.parseInt(s.name().substring(1));
        rename.put(s, Sym.size("s" + (37 * n + 11) % 100));
      }
    }
    List<Tracked> tracked = new ArrayList<>();
    for (Tracked t : p.tracked()) {
      tracked.add(new Tracked(t.name(), t.expr().subs(rename), t.producer(), t.position()));
    }
    List<Expr> facts = p.facts().stream().map(f -> f.subs(rename)).toList();
    return new Problem(p.id() + "-renamed", p.category(), p.kind(), p.note(),
        p.target().subs(rename), tracked, facts, p.truth(), p.origin());
  }

  /** The problems of every {@code *.problems} file in {@code dir}, files in name order. */
  public static List<Problem> read(Path dir) {
    List<Problem> out = new ArrayList<>();
    for (Path f : files(dir)) {
      out.addAll(readFile(f));
    }
    requireUniqueIds(out);
    return out;
  }

  /** The {@code *.problems} files of {@code dir}, in name order; a user error if there are none. */
  public static List<Path> files(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new SymtraceException("--corpus " + dir + ": " + (Files.exists(dir)
          ? "not a directory" : "no such directory"));
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(EXTENSION)).sorted().toList();
    } catch (IOException e) {
      throw new SymtraceException("--corpus " + dir + ": cannot list it: " + e.getMessage());
    }
    if (files.isEmpty()) {
      throw new SymtraceException("--corpus " + dir + ": no *" + EXTENSION + " files in it");
    }
    return files;
  }

  /** The problems of one file. */
  public static List<Problem> readFile(Path f) {
    String text;
    try {
      text = Files.readString(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SymtraceException("cannot read " + f + ": " + e.getMessage());
    }
    return CorpusFormat.read(f.toString(), text);
  }

  /** Writes {@code problems} to {@code dir/name}, creating {@code dir}. */
  public static Path write(Path dir, String name, List<Problem> problems, String header) {
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve(name);
      Files.writeString(file, CorpusFormat.write(problems, header), StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new SymtraceException("cannot write " + dir.resolve(name) + ": " + e.getMessage());
    }
  }

  /** Throws a user error naming both origins when two problems share an id. */
  public static void requireUniqueIds(List<Problem> problems) {
    Set<String> seen = new HashSet<>();
    for (Problem p : problems) {
      if (!seen.add(p.id())) {
        throw new SymtraceException(p.origin() + ": problem id " + p.id() + " is used twice");
      }
    }
  }

  /**
   * The problems whose ground truth does not hold, each with why: a stated solution that the
   * independent check does not confirm or whose cost is misstated, or an impossible problem
   * without a {@link Witness}. Empty for an honest corpus.
   */
  public static List<String> dishonest(List<Problem> problems, AnswerCheck checker) {
    List<String> out = new ArrayList<>();
    for (Problem p : problems) {
      String why = dishonesty(p, checker);
      if (why != null) {
        out.add(p.origin() + ": problem " + p.id() + ": " + why);
      }
    }
    return out;
  }

  /** Why the ground truth of {@code p} does not hold, or null when it does. */
  private static String dishonesty(Problem p, AnswerCheck checker) {
    GroundTruth g = p.truth();
    if (!g.solvable()) {
      return Witness.find(p).isPresent() ? null
          : "no witness shows it impossible (two points with equal tracked values and"
              + " different targets)";
    }
    AnswerCheck.Result r = checker.check(p, g.solution());
    if (r.verdict() != AnswerCheck.Verdict.CORRECT) {
      return "the solution " + g.solution() + " " + (r.verdict() == AnswerCheck.Verdict.WRONG
          ? r.reason() : "is not confirmed (" + r.reason() + ")");
    }
    int cost = Decompositions.cost(g.solution(), p.tracked());
    return cost == g.cost() ? null : "the solution costs " + cost + ", not " + g.cost();
  }
}
