package symtrace.tracer.research;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import symtrace.solver.research.BenchRun;
import symtrace.solver.research.Corpus;
import symtrace.solver.research.Outcome;
import symtrace.solver.research.Strategies;
import symtrace.solver.research.Summary;

/** The report: PNG plots rendered headless, and the generated section between its markers. */
class BenchPlotsTest {
  private static BenchResult result() {
    BenchCorpus corpus = new BenchCorpus(List.of(new BenchCorpus.Part("hand-written",
        Corpus.HAND_WRITTEN, "written by hand", Corpus.handWritten())));
    List<Strategies.Entry> strategies = Strategies.parse("naive,solver");
    List<Outcome> outcomes = BenchRun.run(corpus.problems(), List.of(), strategies,
        BenchRun.Progress.NONE);
    return new BenchResult(corpus, strategies, outcomes, Summary.rows(outcomes, List.of("naive",
        "solver")));
  }

  @Test
  void thePlotsArePngFilesRenderedWithoutADisplay(@TempDir Path dir) throws IOException {
    List<Path> files = BenchPlots.write(result(), dir);
    assertEquals(BenchPlots.FILES, files.stream().map(p -> p.getFileName().toString()).toList());
    assertEquals("true", System.getProperty("java.awt.headless"));
    for (Path f : files) {
      byte[] bytes = Files.readAllBytes(f);
      assertTrue(bytes.length > 5_000, f + ": " + bytes.length + " bytes");
      assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(bytes, 4),
          f.toString());
    }
  }

  @Test
  void theReportSectionReplacesOnlyTheTextBetweenItsMarkers(@TempDir Path dir) throws IOException {
    Path md = dir.resolve(BenchReport.FILE);
    Files.writeString(md, "# Title\n\nprose before\n\n" + BenchReport.BEGIN + "\nold numbers\n"
        + BenchReport.END + "\n\nprose after\n");
    BenchReport.write(result(), dir, "./symtrace decompose-bench --report " + dir);
    String text = Files.readString(md);
    assertTrue(text.startsWith("# Title\n\nprose before\n\n" + BenchReport.BEGIN), text);
    assertTrue(text.endsWith(BenchReport.END + "\n\nprose after\n"), text);
    assertTrue(!text.contains("old numbers"));
    // nested-floordiv, (s0//2)//2 stored as s0//4, is beyond the solver
    assertTrue(text.contains("| `solver` | 35 | 28/29 (96.6%) | 0 | 0 | 6/6 (100.0%) |"), text);
    assertTrue(text.contains("![success](decomposition/success.png)"), text);
    assertTrue(Files.exists(dir.resolve("decomposition").resolve("latency.png")));
  }
}
