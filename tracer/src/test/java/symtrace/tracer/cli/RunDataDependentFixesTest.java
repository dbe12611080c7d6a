package symtrace.tracer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} on a trace that stops at a data-dependent condition gives the verified
 * torch._check fixes: as data in {@code --format json}, as text otherwise; applying the first
 * fix's edits to the program makes the same command succeed.
 */
class RunDataDependentFixesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path PROGRAM = Path.of("../docs/examples/clamp_count.py");

  @Test
  void theJsonErrorCarriesTheFixesAndTheFirstOneWorks(@TempDir Path dir) throws IOException {
    CommandRun r = CommandRun.symtrace("run", PROGRAM.toString(), "--format", "json");
    JsonNode error = JSON.readTree(r.out()).path("error");
    assertEquals("data-dependent", error.path("kind").asText(), r.out());
    JsonNode fixes = error.path("fixes");
    assertTrue(fixes.isArray() && fixes.size() >= 1, r.out());
    JsonNode first = fixes.get(0);
    assertEquals("torch._check(n >= 0)", first.path("check").asText(), r.out());
    assertTrue(first.path("every_size_satisfies").asBoolean(), r.out());
    assertEquals(error.path("line").asInt(), first.path("edits").get(0).path("line").asInt());

    // Apply the edits, from the last line up so earlier line numbers stay valid.
    List<String> lines = new ArrayList<>(Files.readAllLines(PROGRAM));
    JsonNode edits = first.path("edits");
    for (int i = edits.size() - 1; i >= 0; i--) {
      JsonNode e = edits.get(i);
      int at = e.path("line").asInt() - 1;
      String original = lines.get(at);
      String indent = original.substring(0, original.length() - original.stripLeading().length());
      if (!e.path("replace_with").isNull()) {
        lines.set(at, e.path("replace_with").asText());
      }
      JsonNode before = e.path("insert_before");
      for (int k = before.size() - 1; k >= 0; k--) {
        lines.add(at, indent + before.get(k).asText());
      }
    }
    Path fixed = dir.resolve("clamp_count.py");
    Files.write(fixed, lines);
    CommandRun again = CommandRun.symtrace("run", fixed.toString(), "--format", "json");
    assertEquals(0, again.status(), again.out() + again.err());
    assertTrue(JSON.readTree(again.out()).path("ok").asBoolean(), again.out());
  }

  @Test
  void theTextFormPrintsThemAfterTheError() {
    CommandRun r = CommandRun.symtrace("run", PROGRAM.toString());
    assertTrue(r.out().contains("to let tracing finish, add one of these checks"), r.out());
    assertTrue(r.out().contains("torch._check(n >= 0) before clamp_count.py:7"), r.out());
  }
}
