package symtrace.tracer.ops;

import symtrace.tracer.lang.ConformanceFiles;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Optional;
import symtrace.tracer.tensor.data.OutputComparison;
import symtrace.tracer.tensor.data.OutputValues;

/**
 * PyTorch's eager outputs from the shared conformance suite ({@code
 * expected/<program>.json}, {@code evals[i].eager.output}), found from the system property
 * {@code symtrace.conformance} or as {@code shared/conformance} beside an ancestor of the
 * working directory; kernels' results are compared with them under the suite's tolerances.
 */
final class ConformanceOutputs {
  private ConformanceOutputs() {}

  /** Asserts that {@code actual} (a tensor, or several as a tuple) is PyTorch's output. */
  static void assertEager(String program, int eval, Object... actual) {
    JsonNode expected = expected(program).path("evals").get(eval).path("eager").path("output");
    Object value = actual.length == 1 ? actual[0] : new OutputValues.Tuple(Arrays.asList(actual));
    Optional<String> diff = OutputComparison.difference(expected, OutputValues.of(value));
    diff.ifPresent(d -> fail(program + " eval " + eval + ": " + d));
  }

  /** Asserts that {@code actual} is item {@code item} of PyTorch's tuple output. */
  static void assertEagerItem(String program, int eval, int item, Object actual) {
    JsonNode expected = expected(program).path("evals").get(eval).path("eager").path("output")
        .path("items").get(item);
    Optional<String> diff = OutputComparison.difference(expected, OutputValues.of(actual));
    diff.ifPresent(d -> fail(program + " eval " + eval + " item " + item + ": " + d));
  }

  /** The eval input spec text of a program, e.g. {@code x=f32[4,6] y=f32[4,6]}. */
  static String spec(String program, int eval) {
    return expected(program).path("evals").get(eval).path("spec").asText();
  }

  private static JsonNode expected(String program) {
    return ConformanceFiles.expected(program);
  }
}
