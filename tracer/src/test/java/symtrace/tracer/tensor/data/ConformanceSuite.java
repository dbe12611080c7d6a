package symtrace.tracer.tensor.data;

import symtrace.tracer.lang.ConformanceFiles;

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
 * The expected files of the shared conformance suite, found from the system property {@code
 * symtrace.conformance} or as {@code shared/conformance} beside an ancestor of the working
 * directory (the convention of the {@code lang} tests).
 */
final class ConformanceSuite {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ConformanceSuite() {}

  static Path root() {
    return ConformanceFiles.root();
  }

  /** The expected files of the programs and of the stress programs, in name order. */
  static List<Path> expectedFiles() {
    List<Path> all = new ArrayList<>(list(root().resolve("expected")));
    all.addAll(list(root().resolve("stress").resolve("expected")));
    return all;
  }

  /** The expected file of one program. */
  static JsonNode expected(String program) {
    return read(root().resolve("expected").resolve(program + ".json"));
  }

  static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
