package symtrace.tracer.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import symtrace.symbolic.SymtraceException;
import symtrace.tracer.lang.ConformanceFiles;
import symtrace.tracer.trace.Trace;
import symtrace.tracer.trace.TracingMode;

/**
 * The compiled guard predicate agrees with the Python-form guards: on every eval input of the
 * conformance programs, and on inputs of random sizes (fixed seed) built from each eval spec.
 */
class CompiledGuardsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> programs() {
    return ConformanceFiles.programs().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programs")
  void compiledGuardsAgreeWithThePythonForm(Path program) throws IOException {
    ProgramRunner runner = ProgramRunner.load(program);
    Trace trace;
    try {
      trace = runner.trace(runner.inputs(runner.traceHeader()), TracingMode.SYMBOLIC);
    } catch (SymtraceException expectedFailure) {
      return;
    }
    TraceGuards guards = TraceGuards.of(trace);
    CompiledGuards compiled = CompiledGuards.of(guards);
    assertTrue(compiled.compiledCount() * 2 >= compiled.size(),
        compiled.compiledCount() + " of " + compiled.size() + " lines compiled");
    String name = program.getFileName().toString().replace(".py", "");
    JsonNode expected = JSON.readTree(ConformanceFiles.root().resolve("expected")
        .resolve(name + ".json").toFile());
    Random random = new Random(name.hashCode());
    for (JsonNode e : expected.path("evals")) {
      String spec = e.path("spec").asText();
      check(runner, guards, compiled, spec);
      // the same spec with each size replaced by a random one from 0 to 9
      StringBuilder mutated = new StringBuilder();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[([0-9,]*)\\]").matcher(spec);
      while (m.find()) {
        StringBuilder sizes = new StringBuilder();
        for (String part : m.group(1).split(",")) {
          if (!part.isEmpty()) {
            sizes.append(sizes.length() == 0 ? "" : ",").append(random.nextInt(10));
          }
        }
        m.appendReplacement(mutated, "[" + sizes + "]");
      }
      m.appendTail(mutated);
      check(runner, guards, compiled, mutated.toString());
    }
  }

  private static void check(ProgramRunner runner, TraceGuards guards, CompiledGuards compiled,
      String spec) {
    ProgramRunner.Inputs in = runner.inputs(spec);
    java.util.List<String> python = guards.failing(in.names(), in.values());
    python.removeIf(line -> !guards.produced().contains(line)); // bool pins are not lines
    assertEquals(python, compiled.failing(in.names(), in.values()), spec);
  }
}
