package symtrace.tracer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import symtrace.solver.research.Corpus;
import symtrace.solver.research.CorpusGenerator;
import symtrace.solver.research.Problem;
import symtrace.tracer.lang.ConformanceFiles;
import symtrace.tracer.research.BenchTables;

/**
 * {@code symtrace decompose-bench}: the default corpus and its acceptance numbers, the three
 * formats, reading and writing corpora, and the user errors.
 */
class DecomposeBenchCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path tmp;
  private static Path small;

  /** A small corpus: the hand-written problems and every tenth generated one. */
  @BeforeAll
  static void writeSmallCorpus() {
    small = tmp.resolve("small");
    List<Problem> generated = CorpusGenerator.generate(1);
    List<Problem> some = new ArrayList<>();
    for (int i = 0; i < generated.size(); i += 10) {
      some.add(generated.get(i));
    }
    Corpus.write(small, "hand.problems", Corpus.handWritten(), "hand-written");
    Corpus.write(small, "some.problems", some, "every tenth generated");
  }

  private static JsonNode row(JsonNode root, String strategy, String category) {
    for (JsonNode r : root.path("rows")) {
      if (r.path("strategy").asText().equals(strategy)
          && r.path("category").asText().equals(category)) {
        return r;
      }
    }
    throw new AssertionError("no row " + strategy + "/" + category);
  }

  @Test
  void theDefaultCorpusMeetsTheAcceptanceNumbers() throws IOException {
    CommandRun run = CommandRun.symtrace("decompose-bench", "--format", "json",
        "--conformance", ConformanceFiles.root().toString());
    assertEquals(0, run.status(), run.err());
    JsonNode root = JSON.readTree(run.out());
    assertTrue(root.path("corpus").path("problems").asInt() >= 500);
    assertEquals(List.of("hand-written", "generated", "real-trace"),
        root.path("corpus").path("parts").findValuesAsText("name"));
    for (JsonNode r : root.path("rows")) {
      assertEquals(0, r.path("wrong").asInt(), r.toString());
    }
    JsonNode solver = row(root, "solver", "all");
    assertTrue(solver.path("success").asDouble() >= 0.98, solver.toString());
    assertTrue(solver.path("latency_us").path("p50").asDouble() <= 2000, solver.toString());
    JsonNode naive = row(root, "naive", "all");
    assertTrue(naive.path("success").asDouble() < solver.path("success").asDouble(),
        naive.toString());
    assertEquals(1.0, row(root, "solver", "real-trace").path("success").asDouble());
  }

  @Test
  void theTextTableHasEveryStrategyAndCategory() {
    CommandRun run = CommandRun.symtrace("decompose-bench", "--corpus", small.toString(),
        "--strategies", "naive,solver");
    assertEquals(0, run.status(), run.err());
    String[] lines = run.out().split("\n");
    assertTrue(lines[0].startsWith(Corpus.handWritten().size() + 52 + " problems: hand "),
        lines[0]);
    assertTrue(lines[2].matches("strategy +category +problems +solved +wrong +unconfirmed +rejected"
        + " +best +p50 us +p95 us +p99 us"), lines[2]);
    assertTrue(run.out().contains("\nnaive     regrouped "), run.out());
    assertTrue(run.out().contains("\nsolver    all "), run.out());
  }

  @Test
  void csvHasTheColumnsAndARowPerStrategyAndCategory() {
    CommandRun run = CommandRun.symtrace("decompose-bench", "--corpus", small.toString(),
        "--strategies", "naive,solver", "--format", "csv");
    assertEquals(0, run.status(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(String.join(",", BenchTables.COLUMNS), lines.get(0));
    assertEquals(2 * 6 + 1, lines.size(), run.out());
    for (String line : lines.subList(1, lines.size())) {
      assertEquals(BenchTables.COLUMNS.size(), line.split(",", -1).length, line);
    }
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("solver,all,87,")), run.out());
  }

  @Test
  void jsonIsTheOnlyThingOnStandardOutput() throws IOException {
    CommandRun run = CommandRun.symtrace("decompose-bench", "--corpus", small.toString(),
        "--strategies", "naive", "--format", "json");
    assertEquals(0, run.status(), run.err());
    JsonNode root = JSON.readTree(run.out());
    assertEquals("naive", root.path("strategies").get(0).path("name").asText());
    JsonNode r = row(root, "naive", "regrouped");
    for (String key : List.of("problems", "solvable", "solved", "success", "wrong", "unconfirmed",
        "impossible", "rejected", "rejection", "best", "provenance", "errors", "latency_us")) {
      assertTrue(r.has(key), key);
    }
    assertEquals(0.0, r.path("success").asDouble(), "the walk cannot see regrouped products");
  }

  @Test
  void theDefaultCorpusIsWrittenAndReadBack(@TempDir Path dir) {
    CommandRun write = CommandRun.symtrace("decompose-bench", "--write-corpus", dir.toString(),
        "--conformance", tmp.resolve("none").toString() + "-missing");
    assertEquals(1, write.status(), "a missing conformance suite given explicitly is an error");
    assertTrue(write.err().contains("not a conformance suite"), write.err());
    CommandRun ok = CommandRun.symtrace("decompose-bench", "--write-corpus", dir.toString(),
        "--conformance", ConformanceFiles.root().toString());
    assertEquals(0, ok.status(), ok.err());
    assertTrue(Files.exists(dir.resolve("hand-written.problems")));
    assertTrue(Files.exists(dir.resolve("generated-seed1.problems")));
    assertTrue(Files.exists(dir.resolve("real-trace.problems")));
    assertEquals(Corpus.handWritten().size(),
        Corpus.readFile(dir.resolve("hand-written.problems")).size());
  }

  @Test
  void aBadCorpusPathIsAClearError() {
    CommandRun run = CommandRun.symtrace("decompose-bench", "--corpus", "/no/such/dir");
    assertEquals(1, run.status());
    assertEquals("symtrace: error: --corpus /no/such/dir: no such directory\n",
        run.err().replace("\r", ""));
    assertFalse(run.errHasStackTrace());
  }

  @Test
  void aCorpusFileWithAnErrorNamesItsLine(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("bad.problems"), "problem p\ncategory regrouped\ntarget s0*\n");
    CommandRun run = CommandRun.symtrace("decompose-bench", "--corpus", dir.toString());
    assertEquals(1, run.status());
    assertTrue(run.err().contains("bad.problems:3:11: expected an expression"), run.err());
    assertFalse(run.errHasStackTrace());
  }

  @Test
  void aDishonestGroundTruthStopsTheRun(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("lie.problems"), "problem p\ncategory regrouped\ntarget s1*s2\n"
        + "tracked A input-size 0 = s1\ntracked B input-size 1 = s2\nexpect solvable 3 = A + B\n");
    CommandRun run = CommandRun.symtrace("decompose-bench", "--corpus", dir.toString());
    assertEquals(1, run.status());
    assertTrue(run.err().contains("the corpus's ground truth does not hold for 1 problems"),
        run.err());
  }

  @Test
  void usageErrors() {
    CommandRun format = CommandRun.symtrace("decompose-bench", "--format", "xml");
    assertEquals(2, format.status());
    assertTrue(format.err().contains("--format must be one of text, json, csv"), format.err());
    CommandRun strategy = CommandRun.symtrace("decompose-bench", "--corpus", small.toString(),
        "--strategies", "magic");
    assertEquals(1, strategy.status());
    assertTrue(strategy.err().contains("unknown strategy 'magic'"), strategy.err());
  }
}
