package symtrace.tracer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code symtrace run} checks a trace's runtime asserts on every eval input: the graph has no
 * node for a {@code torch._check} on an unbacked value, so running it alone would print an
 * answer eager PyTorch never gives (it raises at the check).
 */
class RunRuntimeAssertsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private Path program(String text) throws IOException {
    Path p = dir.resolve("checked.py");
    Files.writeString(p, text);
    return p;
  }

  @Test
  void anEvalInputThatBreaksATorchCheckOnAnItemValueIsAnErrorNotAnOutput() throws IOException {
    Path p = program("""
        # trace: x=f32[4] k=i64[3]{0..2}
        # eval: x=f32[4] k=i64[3]{0..2}
        # eval: x=f32[4] k=i64[3]{5..9}
        import torch


        def f(x, k):
            c = k.max().item()
            torch._check(c < 3)
            return x * c
        """);
    JsonNode run = JSON.readTree(CommandRun.symtrace("run", p.toString(), "--format", "json")
        .out());
    JsonNode holds = run.path("evals").get(0);
    assertEquals(4, holds.path("output").path("values").size(), holds.toString());
    JsonNode broken = run.path("evals").get(1);
    assertTrue(broken.path("guards_hold").asBoolean(), broken.toString());
    assertTrue(broken.path("output").isMissingNode(), broken.toString());
    // k = [5 + (0*7 + 3) % 5, ...] = [8, 5, 7]: max 8 breaks c < 3 at line 9.
    assertEquals("checked.py:9:5: Runtime assertion failed for expression u0 < 3"
        + " (torch._check): this input gives u0 = 8, which the trace assumed impossible",
        broken.path("error").asText());
  }

  @Test
  void aTorchCheckThatPinnedTheValueStillFailsForAnotherValue() throws IOException {
    // With x of size 1 the checks leave u0 only the value 0, so the graph returns 0 and selects
    // row 0 without reading m again; the input's m is 3 (k = [3, 0, 2]), which the checks reject.
    Path p = program("""
        # trace: x=f32[1] k=i64[3]{0..4}
        import torch


        def f(x, k):
            m = k.max().item()
            torch._check(m >= 0)
            torch._check(m < x.shape[0])
            return m, x.select(0, m)
        """);
    CommandRun run = CommandRun.symtrace("run", p.toString(), "--eval", "x=f32[1] k=i64[3]{0..4}");
    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().contains("error: checked.py:8:5: Runtime assertion failed for expression"
        + " u0 < 1 (torch._check): this input gives u0 = 3"), run.out());
  }

  @Test
  void aFailedTraceReportsTheLineOfItsProgramError() throws IOException {
    Path p = program("""
        # trace: x=f32[3] y=f32[4]
        import torch


        def f(x, y):
            return x + y
        """);
    JsonNode run = JSON.readTree(CommandRun.symtrace("run", p.toString(), "--format", "json")
        .out());
    assertEquals(6, run.path("error").path("line").asInt(), run.toString());
  }
}
