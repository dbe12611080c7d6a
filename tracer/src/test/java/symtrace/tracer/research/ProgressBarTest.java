package symtrace.tracer.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The progress bar: redrawn on a terminal, silent on short runs elsewhere, lines on long ones. */
class ProgressBarTest {
  private long now;

  private ProgressBar bar(StringWriter sink, boolean terminal) {
    now = 0;
    return new ProgressBar(new PrintWriter(sink, true), terminal, () -> now);
  }

  @Test
  void aShortRunOffATerminalPrintsNothing() {
    StringWriter sink = new StringWriter();
    ProgressBar p = bar(sink, false);
    for (int i = 0; i <= 100; i++) {
      now = i * 50_000_000L; // 5 s in all
      p.update("solver", i, 100);
    }
    p.finish();
    assertEquals("", sink.toString());
  }

  @Test
  void aLongRunOffATerminalPrintsALinePerTenth() {
    StringWriter sink = new StringWriter();
    ProgressBar p = bar(sink, false);
    for (int i = 0; i <= 100; i++) {
      now = 11_000_000_000L + i * 1_000_000L;
      p.update("solver", i, 100);
    }
    String[] lines = sink.toString().split("\n");
    assertEquals(11, lines.length, sink.toString());
    assertEquals("decompose-bench: solver 0% (0/100), 11 s", lines[0]);
    assertEquals("decompose-bench: solver 100% (100/100), 11 s", lines[10]);
  }

  @Test
  void onATerminalTheBarIsRedrawnInPlace() {
    StringWriter sink = new StringWriter();
    ProgressBar p = bar(sink, true);
    p.update("naive", 0, 4);
    p.update("naive", 4, 4);
    p.finish();
    String s = sink.toString();
    assertTrue(s.startsWith("\rnaive"), s);
    assertTrue(s.contains("[##############################] 4/4"), s);
    assertTrue(!s.contains("\n"), "no new lines: the bar stays on one line");
  }
}
