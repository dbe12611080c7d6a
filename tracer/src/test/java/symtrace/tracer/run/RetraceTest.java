package symtrace.tracer.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import symtrace.symbolic.SymtraceException;
import symtrace.tracer.lang.ConformanceFiles;
import symtrace.tracer.trace.Trace;
import symtrace.tracer.trace.TracingMode;

/**
 * Printed graphs are programs: the code of a symbolic trace ({@code def forward(self, x_1, ...)}),
 * traced again with the same inputs given to its parameters, prints the same code. The second
 * trace's placeholders are named from the first's ({@code x_1} becomes {@code x_1_1}, as FX
 * names them), so placeholder names are mapped back; and node numbers are compared in order of
 * appearance per name base, since the first trace spent numbers on nodes it later removed
 * ({@code mul_8} where the printed program's own trace has only {@code mul_4}).
 */
class RetraceTest {
  static Stream<Path> programs() {
    return ConformanceFiles.programs().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programs")
  void printedCodeTracesToItself(Path program) {
    ProgramRunner runner = ProgramRunner.load(program);
    ProgramRunner.Inputs inputs = runner.inputs(runner.traceHeader());
    Trace first;
    try {
      first = runner.trace(inputs, TracingMode.SYMBOLIC);
    } catch (SymtraceException expectedFailure) {
      return; // the three programs PyTorch cannot trace either
    }
    String code = first.module().code();
    if (code.contains("_tensor_constant")) {
      return; // constants are module attributes, not parameters
    }
    ProgramRunner printed = ProgramRunner.parse("forward.py", code);
    List<String> names = new ArrayList<>();
    for (String n : inputs.names()) {
      names.add(n + "_1");
    }
    Trace second = printed.trace(new ProgramRunner.Inputs(inputs.spec(), names,
        inputs.values()), TracingMode.SYMBOLIC);
    String again = second.module().code();
    for (String n : names) {
      again = again.replaceAll("\\b" + n + "_1\\b", n);
    }
    assertEquals(renumbered(code), renumbered(again));
  }

  private static final java.util.regex.Pattern ASSIGNED =
      java.util.regex.Pattern.compile("(?m)^    ([A-Za-z_][A-Za-z0-9_]*) = ");

  /** Node names renumbered per base ({@code mul_8} to {@code mul_1}) in order of definition. */
  static String renumbered(String code) {
    java.util.Map<String, String> names = new java.util.HashMap<>();
    java.util.Map<String, Integer> counts = new java.util.HashMap<>();
    java.util.regex.Matcher m = ASSIGNED.matcher(code);
    while (m.find()) {
      String name = m.group(1);
      if (names.containsKey(name)) {
        continue;
      }
      String base = name.replaceFirst("_\\d+$", "");
      int n = counts.merge(base, 1, Integer::sum);
      names.put(name, "%" + base + "#" + n);
    }
    java.util.regex.Matcher id = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*")
        .matcher(code);
    StringBuilder out = new StringBuilder();
    while (id.find()) {
      // After a dot an identifier is an attribute (torch.ops.aten.mul.Tensor), not a node.
      boolean attribute = id.start() > 0 && code.charAt(id.start() - 1) == '.';
      id.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(
          attribute ? id.group() : names.getOrDefault(id.group(), id.group())));
    }
    id.appendTail(out);
    return out.toString();
  }
}
