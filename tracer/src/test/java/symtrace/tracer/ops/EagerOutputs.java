package symtrace.tracer.ops;

import symtrace.tracer.lang.ConformanceFiles;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorValue;
import symtrace.tracer.tensor.data.InputData;
import symtrace.tracer.tensor.data.InputSpec;
import symtrace.tracer.tensor.data.OutputComparison;
import symtrace.tracer.tensor.data.OutputValues;

/**
 * What PyTorch recorded for the shared conformance programs: the eager outputs of each eval
 * input (the ground truth of kernels) and the guards of its symbolic trace. The suite is found
 * from {@code -Dsymtrace.conformance=DIR} or as {@code shared/conformance} beside an ancestor of
 * the working directory.
 */
final class EagerOutputs {
  private static final Pattern SHAPE = Pattern.compile("\\[([0-9, ]*)\\]");

  private final JsonNode expected;

  private EagerOutputs(JsonNode expected) {
    this.expected = expected;
  }

  /** The expected file of one program. */
  static EagerOutputs of(String program) {
    return new EagerOutputs(ConformanceFiles.expected(program));
  }

  int evalCount() {
    return expected.path("evals").size();
  }

  /** The shape of input {@code name} in eval {@code i}, from its spec ({@code x=f32[8,6]}). */
  long[] shape(int i, String name) {
    for (String part : expected.path("evals").get(i).path("spec").asText().split(" ")) {
      if (part.startsWith(name + "=")) {
        Matcher m = SHAPE.matcher(part);
        if (!m.find()) {
          return fail("no shape in " + part);
        }
        String inner = m.group(1).trim();
        return inner.isEmpty() ? new long[0]
            : Arrays.stream(inner.split(",")).mapToLong(s -> Long.parseLong(s.trim())).toArray();
      }
    }
    return fail("no input " + name + " in eval " + i);
  }

  /** The eager output of eval {@code i}: item {@code k} of the returned tuple. */
  JsonNode item(int i, int k) {
    return expected.path("evals").get(i).path("eager").path("output").path("items").get(k);
  }

  /** The guards of PyTorch's symbolic trace, in sympy's text. */
  List<String> guards() {
    List<String> out = new ArrayList<>();
    expected.path("pt2").path("modes").path("symbolic").path("shape_env").path("guards")
        .forEach(g -> out.add(g.asText()));
    return out;
  }

  /**
   * PyTorch's guards with its symbols renamed: {@code names} maps each of PyTorch's symbols
   * ({@code s75}) to the one a test's inputs got.
   */
  List<String> guards(Map<String, String> names) {
    List<String> out = new ArrayList<>();
    for (String g : guards()) {
      Matcher m = Pattern.compile("\\bs[0-9]+\\b").matcher(g);
      StringBuilder b = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(b, names.getOrDefault(m.group(), m.group()));
      }
      m.appendTail(b);
      out.add(b.toString());
    }
    return out;
  }

  /** Asserts that an operator's real result equals PyTorch's eager output. */
  static void assertMatches(JsonNode expected, Object actual) {
    OutputComparison.difference(expected, OutputValues.of(actual))
        .ifPresent(d -> fail(d + "\nexpected " + expected + "\nactual " + OutputValues.of(actual)));
  }

  /** A real input filled by the data formula for parameter {@code k}. */
  static Tensor data(DType dtype, int k, long... sizes) {
    return OpTesting.data(dtype, k, sizes);
  }

  /** A real integer input with values in {@code lo..hi} ({@code i64[4]{0..5}}). */
  static Tensor ranged(DType dtype, int k, long lo, long hi, long... sizes) {
    List<Long> shape = new ArrayList<>();
    Arrays.stream(sizes).forEach(shape::add);
    return InputData.tensor(new InputSpec.TensorInput(dtype, shape, lo, hi), k);
  }

  /** The symbol name of a fake input's size, e.g. {@code s0}. */
  static String symbol(TensorValue t, int d) {
    return t.symSize(d).toString();
  }
}
