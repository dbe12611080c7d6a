package symtrace.tracer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import symtrace.tracer.lang.ConformanceFiles;

/** {@code --log FILE} on {@code trace} and {@code guards}: the log beside unchanged output. */
class TraceLogCommandTest {
  @TempDir Path dir;

  private static String program(String name) {
    return ConformanceFiles.root().resolve("programs").resolve(name + ".py").toString();
  }

  @Test
  void traceWritesTheLogAndPrintsWhatItPrintsWithout() throws IOException {
    Path log = dir.resolve("trace.jsonl");
    CommandRun plain = CommandRun.symtrace("trace", program("branch_on_size"));
    CommandRun logged = CommandRun.symtrace("trace", program("branch_on_size"), "--log",
        log.toString());
    assertEquals(0, logged.status(), logged.err());
    assertEquals(plain.out(), logged.out());
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertTrue(lines.get(0).startsWith("{\"create_symbol\":{\"symbol\":\"s75\",\"val\":\"6\","
        + "\"vr\":\"[2, int_oo]\",\"source\":\"L['x'].size()[0]\""), lines.get(0));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("{\"guard_added\":{\"expr\":\"s75 > 4\","
        + "\"prefix\":\"eval\"")), lines.toString());
    assertTrue(lines.get(lines.size() - 1).startsWith("{\"compilation_metrics\":"),
        lines.toString());
  }

  @Test
  void guardsWritesTheTlparseForm() throws IOException {
    Path log = dir.resolve("guards.log");
    CommandRun r = CommandRun.symtrace("guards", program("scalar_int_input"), "--log",
        log.toString(), "--log-format", "tlparse");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("guards\n  1. L['n'] != (-1)"), r.out());
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      assertTrue(line.startsWith("\t") || line.matches("V\\d{4} \\d\\d:\\d\\d:\\d\\d\\.\\d{6} \\d+"
          + " StructuredLog\\.java:0\\] \\{.*\\}"), line);
    }
  }

  @Test
  void aWrongFormatOrAnUnwritableFileIsReportedInOneLine() {
    CommandRun format = CommandRun.symtrace("trace", program("branch_on_size"), "--log",
        dir.resolve("x").toString(), "--log-format", "xml");
    assertEquals(ExitCodes.USAGE, format.status());
    assertTrue(format.err().contains("--log-format must be one of jsonl, tlparse, not 'xml'"),
        format.err());
    Path missing = dir.resolve("no-such-dir").resolve("x.jsonl");
    CommandRun unwritable = CommandRun.symtrace("guards", program("branch_on_size"), "--log",
        missing.toString());
    assertEquals(ExitCodes.USER_ERROR, unwritable.status(), unwritable.err());
    assertTrue(unwritable.err().startsWith("symtrace: error: cannot write the log " + missing),
        unwritable.err());
    assertFalse(unwritable.errHasStackTrace(), unwritable.err());
  }
}
