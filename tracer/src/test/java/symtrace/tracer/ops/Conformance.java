package symtrace.tracer.ops;

import symtrace.tracer.lang.ConformanceFiles;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorValue;
import symtrace.tracer.tensor.data.InputData;
import symtrace.tracer.tensor.data.InputSpec;
import symtrace.tracer.tensor.data.OutputComparison;
import symtrace.tracer.tensor.data.OutputValues;

/**
 * The recorded PyTorch results of the shared conformance programs: eval inputs built by the
 * data formulas, the eager outputs, and current PyTorch's guards. Found from the system property
 * {@code symtrace.conformance} or as {@code shared/conformance} beside an ancestor directory.
 */
final class Conformance {

  private final JsonNode expected;

  private Conformance(JsonNode expected) {
    this.expected = expected;
  }

  static Conformance of(String program) {
    return new Conformance(ConformanceFiles.expected(program));
  }

  int evalCount() {
    return expected.get("evals").size();
  }

  /** The real inputs of eval {@code i}, by parameter name, built by the data formulas. */
  Map<String, Tensor> inputs(int i) {
    Map<String, InputSpec> specs =
        InputSpec.parseAssignments(expected.get("evals").get(i).get("spec").asText());
    Map<String, Tensor> out = new LinkedHashMap<>();
    int k = 0;
    for (Map.Entry<String, InputSpec> e : specs.entrySet()) {
      out.put(e.getKey(), (Tensor) InputData.value(e.getValue(), k++));
    }
    return out;
  }

  /** Item {@code item} of the eager output of eval {@code i} (the output itself if single). */
  JsonNode output(int i, int item) {
    JsonNode out = expected.get("evals").get(i).get("eager").get("output");
    return out.has("items") ? out.get("items").get(item) : out;
  }

  /** Symbolic inputs shaped as the program's {@code # trace:} header, in parameter order. */
  Map<String, TensorValue> traceInputs(OpHarness h) {
    Map<String, TensorValue> out = new LinkedHashMap<>();
    InputSpec.parseAssignments(expected.get("trace").asText()).forEach((name, spec) -> {
      InputSpec.TensorInput t = (InputSpec.TensorInput) spec;
      out.put(name, h.input(t.dtype(), t.sizes()));
    });
    return out;
  }

  /**
   * The aten overloads of current PyTorch's graph ({@code pt2.modes.symbolic.code}) in order,
   * as {@code sum.dim_IntList}, without the size queries.
   */
  List<String> graphCalls() {
    String code = expected.get("pt2").get("modes").get("symbolic").get("code").asText();
    Matcher m = Pattern.compile("torch\\.ops\\.aten\\.(\\w+)\\.(\\w+)\\(").matcher(code);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      if (!m.group(1).startsWith("sym_")) {
        out.add(m.group(1) + "." + m.group(2));
      }
    }
    return out;
  }

  /** Current PyTorch's guards of the symbolic trace, in sympy's text. */
  List<String> guards() {
    List<String> out = new ArrayList<>();
    expected.get("pt2").get("modes").get("symbolic").get("shape_env").get("guards")
        .forEach(g -> out.add(g.asText()));
    return out;
  }

  /** Fails unless {@code actual} is PyTorch's eager output item within the suite's tolerance. */
  void assertOutput(int eval, int item, Tensor actual) {
    OutputComparison.difference(output(eval, item), OutputValues.of(actual)).ifPresent(d ->
        fail("eval " + eval + " item " + item + ": " + d));
  }
}
