package symtrace.tracer.lang;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared conformance suite ({@code conformance/programs}, {@code conformance/stress} and
 * their {@code expected} JSON files), found from the system property {@code
 * symtrace.conformance} or by looking for {@code shared/conformance} next to an ancestor of the
 * working directory (the repository sits beside {@code shared/}).
 */
public final class ConformanceFiles {
  private ConformanceFiles() {}

  public static Path root() {
    String property = System.getProperty("symtrace.conformance");
    if (property != null) {
      return Path.of(property);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("conformance");
      if (Files.isDirectory(candidate.resolve("programs"))) {
        return candidate;
      }
    }
    return fail("conformance suite not found: set -Dsymtrace.conformance=DIR");
  }

  /** The public programs, in name order. */
  public static List<Path> programs() {
    return list(root().resolve("programs"), ".py");
  }

  /** The three transformer stress programs. */
  static List<Path> stressPrograms() {
    return list(root().resolve("stress"), ".py");
  }

  /** The programs and the stress programs. */
  static List<Path> allPrograms() {
    List<Path> all = new ArrayList<>(programs());
    all.addAll(stressPrograms());
    return all;
  }

  /** The expected-result files of the programs and the stress programs. */
  static List<Path> expectedFiles() {
    List<Path> all = new ArrayList<>(list(root().resolve("expected"), ".json"));
    all.addAll(list(root().resolve("stress").resolve("expected"), ".json"));
    return all;
  }

  /** Reads {@code pt2.modes.symbolic.code}, or null when PyTorch could not trace the program. */
  static String printedCode(Path expectedJson) {
    JsonNode code = readJson(expectedJson).path("pt2").path("modes").path("symbolic").path("code");
    return code.isTextual() ? code.asText() : null;
  }

  public static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The expected JSON of one program of the suite, by name ({@code linear_bias}). */
  public static JsonNode expected(String program) {
    return readJson(root().resolve("expected").resolve(program + ".json"));
  }

  private static JsonNode readJson(Path file) {
    try {
      return new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> list(Path dir, String suffix) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
