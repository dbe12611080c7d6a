package symtrace.tracer.research;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import symtrace.symbolic.SymtraceException;

/**
 * The conformance suite whose programs give the real-trace problems: {@code DIR/programs/*.py}
 * and {@code DIR/stress/*.py}. Found, unless given, from the system property {@code
 * symtrace.conformance} or as {@code shared/conformance} beside an ancestor of the working
 * directory (the repository sits beside {@code shared/}).
 */
public final class ConformanceSuite {
  private ConformanceSuite() {}

  /** The suite's directory, or empty when none is found. */
  public static Optional<Path> find() {
    String property = System.getProperty("symtrace.conformance");
    if (property != null) {
      return Optional.of(Path.of(property));
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("conformance");
      if (Files.isDirectory(candidate.resolve("programs"))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The programs and the stress programs of {@code dir}, each in name order. */
  public static List<Path> programs(Path dir) {
    if (!Files.isDirectory(dir.resolve("programs"))) {
      throw new SymtraceException("--conformance " + dir + ": not a conformance suite (it has no"
          + " programs/ directory)");
    }
    List<Path> out = new ArrayList<>(list(dir.resolve("programs")));
    Path stress = dir.resolve("stress");
    if (Files.isDirectory(stress)) {
      out.addAll(list(stress));
    }
    return out;
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".py")).sorted().toList();
    } catch (IOException e) {
      throw new SymtraceException("cannot list " + dir + ": " + e.getMessage());
    }
  }
}
