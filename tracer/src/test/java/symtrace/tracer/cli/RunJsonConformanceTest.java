package symtrace.tracer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import symtrace.tracer.lang.ConformanceFiles;
import symtrace.tracer.tensor.data.OutputComparison;

/**
 * {@code symtrace run PROGRAM --format json} follows {@code cli.md} for every conformance
 * program: the fields, an output per eval input equal to PyTorch's eager one, and for the
 * expected failures {@code "ok": false} with a data-dependent error and its line.
 */
class RunJsonConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> programs() {
    return ConformanceFiles.programs().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programs")
  void runJsonFollowsTheContract(Path program) throws IOException {
    String name = program.getFileName().toString().replace(".py", "");
    JsonNode expected = JSON.readTree(ConformanceFiles.root().resolve("expected")
        .resolve(name + ".json").toFile());
    CommandRun r = CommandRun.symtrace("run", program.toString(), "--format", "json");
    JsonNode json = JSON.readTree(r.out());
    assertEquals(program.getFileName().toString(), json.path("program").asText());
    assertTrue(json.path("trace").isTextual());
    if (expected.path("expect").isTextual()) {
      assertEquals(false, json.path("ok").asBoolean(true), r.out());
      assertEquals("data-dependent", json.path("error").path("kind").asText(), r.out());
      assertTrue(json.path("error").path("line").asInt() > 0, r.out());
      return;
    }
    assertEquals(0, r.status(), r.err());
    assertTrue(json.path("ok").asBoolean(), r.out());
    assertTrue(json.path("guards").isArray());
    JsonNode evals = json.path("evals");
    assertEquals(expected.path("evals").size(), evals.size());
    for (int i = 0; i < evals.size(); i++) {
      JsonNode e = evals.get(i);
      assertEquals(expected.path("evals").get(i).path("spec").asText(), e.path("spec").asText());
      assertTrue(e.path("guards_hold").isBoolean() && e.path("retraced").isBoolean()
          && e.path("failed_guards").isArray(), e.toString());
      assertEquals(e.path("guards_hold").asBoolean(), e.path("failed_guards").isEmpty());
      assertEquals(!e.path("guards_hold").asBoolean(), e.path("retraced").asBoolean());
      assertEquals(java.util.Optional.empty(), OutputComparison.difference(
          expected.path("evals").get(i).path("eager").path("output"), e.path("output")),
          e.path("spec").asText());
    }
  }
}
