package symtrace.tracer.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import symtrace.tracer.dispatch.Dispatcher;
import symtrace.tracer.tensor.data.InputData;
import symtrace.tracer.tensor.data.InputSpec;
import symtrace.tracer.tensor.data.OutputComparison;
import symtrace.tracer.tensor.data.OutputValues;

/**
 * Every conformance program (and stress program) run eagerly (real tensors, the standard dispatcher, no hooks) on
 * each of its eval inputs gives PyTorch's recorded eager output, by the suite's comparison
 * rules. A program that needs an operator the registry does not have yet is skipped, naming
 * the operator.
 */
class EagerConformanceTest {
  /** Programs that cannot pass eagerly yet, with the reason. */
  static final Map<String, String> GAPS = Map.of();

  static Stream<Path> programs() {
    return ConformanceFiles.allPrograms().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programs")
  void givesPyTorchsEagerOutputs(Path file) {
    String name = file.getFileName().toString().replace(".py", "");
    assumeFalse(GAPS.containsKey(name), () -> name + ": " + GAPS.get(name));
    Program program = Parser.parse(name + ".py", ConformanceFiles.read(file));
    Stmt.Def entry = program.lastFunction().orElseThrow();
    Path expectedDir = file.getParent().getFileName().toString().equals("stress")
        ? file.resolveSibling("expected") : ConformanceFiles.root().resolve("expected");
    JsonNode expected = json(expectedDir.resolve(name + ".json"));
    int runs = 0;
    for (JsonNode eval : expected.get("evals")) {
      assertTrue(eval.path("eager").path("ok").asBoolean(), name + ": no eager output");
      String spec = eval.get("spec").asText();
      List<Object> inputs = InputData.values(InputSpec.parseAssignments(spec).values());
      Object out;
      try {
        out = new Interpreter(program, Dispatcher.standard(), ExecutionHooks.NONE)
            .call(entry, inputs);
      } catch (ExecutionError e) {
        assumeFalse(missingOperator(e), () -> name + ": " + e.getMessage());
        throw e;
      }
      JsonNode actual = OutputValues.of(output(out));
      assertEquals(Optional.empty(),
          OutputComparison.difference(eval.get("eager").get("output"), actual),
          name + " at " + spec);
      runs++;
    }
    assertTrue(runs >= 2, name + ": " + runs + " evals");
  }

  /** Whether the program failed only because an operator is not in the registry yet. */
  static boolean missingOperator(ExecutionError e) {
    return e.pythonType().equals("NotImplementedError")
        && (e.detail().contains("is not available in symtrace")
            || e.detail().contains("symtrace has no operator"));
  }

  /** A program result in the serializer's terms: tuples as {@code OutputValues.Tuple}. */
  static Object output(Object v) {
    if (v instanceof List<?> l) {
      List<Object> items = new ArrayList<>();
      l.forEach(item -> items.add(output(item)));
      return v instanceof PyTuple ? new OutputValues.Tuple(items) : items;
    }
    return v;
  }

  private static JsonNode json(Path file) {
    try {
      return new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
