package symtrace.tracer.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import symtrace.tracer.fx.GraphModule;
import symtrace.tracer.run.ProgramRunner;
import symtrace.tracer.run.SymbolRenaming;
import symtrace.tracer.trace.TracingMode;

/**
 * The graphs of the conformance programs print exactly as current PyTorch's {@code make_fx}
 * (tracing mode symbolic) prints them: {@code gm.code} and {@code print_readable}, compared
 * after symbols are renumbered in order of appearance (PyTorch numbers them by hashing their
 * sources). The node names carry every SymInt operation and accessor PyTorch's trace made, kept
 * or removed, so these pin down where composites, indexing and meta functions do SymInt work.
 */
class PrintedCodeParityTest {
  /**
   * Programs whose graph differs from PyTorch's on purpose: {@code scalar_float_bool}'s float
   * parameter is a SymFloat in symtrace's graph, where PyTorch bakes its value in as a constant
   * (and its graph is wrong for another value, see the suite's README).
   */
  private static final Set<String> DIFFERENT = Set.of("scalar_float_bool");

  static Stream<String> programs() {
    return ConformanceFiles.programs().stream()
        .map(p -> p.getFileName().toString().replaceFirst("\\.py$", ""))
        .filter(name -> !DIFFERENT.contains(name))
        .filter(name -> symbolic(name).path("code").isTextual());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programs")
  void printsAsPyTorch(String name) {
    JsonNode expected = symbolic(name);
    ProgramRunner runner = ProgramRunner.load(program(name));
    String spec = json(name).path("trace").asText(runner.traceHeader());
    GraphModule module = runner.trace(runner.inputs(spec), TracingMode.SYMBOLIC).module();

    assertEquals(renamed(expected.path("code").asText()), renamed(module.code()), "gm.code");
    assertEquals(renamed(expected.path("readable").asText()), renamed(module.printReadable()),
        "print_readable");
  }

  private static String renamed(String text) {
    return new SymbolRenaming().apply(text);
  }

  private static Path program(String name) {
    return ConformanceFiles.root().resolve("programs").resolve(name + ".py");
  }

  private static JsonNode symbolic(String name) {
    return json(name).path("pt2").path("modes").path("symbolic");
  }

  private static JsonNode json(String name) {
    Path file = ConformanceFiles.root().resolve("expected").resolve(name + ".json");
    try {
      return new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
