package symtrace.tracer.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import symtrace.symbolic.env.DataDependentError;
import symtrace.tracer.fx.Node;
import symtrace.tracer.run.ProgramRunner;
import symtrace.tracer.trace.Trace;
import symtrace.tracer.trace.TracingMode;

/**
 * make_fx in real and fake mode does what current PyTorch's does on every conformance program,
 * the stress programs included ({@code pt2.modes.real} and {@code pt2.modes.fake}): it fails
 * where PyTorch fails, with the same kind of error at the same line, and otherwise records the
 * same operators, counted by target. Both modes differ from symbolic tracing: sizes are numbers
 * (a full slice is the tensor itself, size arithmetic makes no nodes), composites run ATen's C++
 * kernels rather than their Python decompositions, and only fake mode has unbacked symbols for
 * {@code item()} and {@code nonzero}.
 */
class ModeParityTest {
  static Stream<Arguments> programsAndModes() {
    return ConformanceFiles.allPrograms().stream()
        .flatMap(file -> Stream.of(Arguments.of(file, TracingMode.REAL),
            Arguments.of(file, TracingMode.FAKE)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("programsAndModes")
  void tracesAsPyTorch(Path file, TracingMode mode) {
    JsonNode json = expected(file);
    JsonNode expected = json.path("pt2").path("modes").path(mode.name().toLowerCase());
    assertFalse(expected.isMissingNode(), "no pt2.modes entry for " + mode);
    ProgramRunner runner = ProgramRunner.load(file);
    ProgramRunner.Inputs inputs = runner.inputs(json.path("trace").asText(runner.traceHeader()));

    if (!expected.path("ok").asBoolean()) {
      RuntimeException error = failure(() -> runner.trace(inputs, mode));
      assertSameError(expected, error);
      return;
    }
    Trace trace = runner.trace(inputs, mode);
    assertEquals(expected.path("num_call_function").asInt(),
        trace.module().graph().callCount(), "num_call_function\n" + trace.module().code());
    assertEquals(expectedCounts(expected), opCounts(trace), "op_counts");
  }

  /**
   * The error PyTorch raised: real mode's RuntimeError from the proxy mode for a data-dependent
   * operator (the message exactly), or the shape environment's data-dependent guard error (its
   * first sentence, the condition included), in both cases at the program line PyTorch names.
   */
  private static void assertSameError(JsonNode expected, RuntimeException error) {
    String message = expected.path("message").asText();
    int line = expected.path("program_line").asInt();
    switch (expected.path("error_type").asText()) {
      case "RuntimeError" -> {
        ExecutionError e = assertInstanceOf(ExecutionError.class, error, error::toString);
        assertEquals("RuntimeError", e.pythonType());
        assertEquals(message, e.detail());
        assertEquals(line, e.span().line(), "line");
      }
      case "GuardOnDataDependentSymNode" -> {
        DataDependentError e = assertInstanceOf(DataDependentError.class, error,
            error::toString);
        String first = message.substring(0, message.indexOf(')', message.indexOf("(unhinted"))
            + 1);
        assertTrue(e.getMessage().startsWith(first), e.getMessage());
        assertTrue(e.getMessage().contains(":" + line + ":"), e.getMessage());
      }
      default -> fail("unexpected error type " + expected.path("error_type"));
    }
  }

  private static RuntimeException failure(Runnable run) {
    try {
      run.run();
    } catch (RuntimeException e) {
      return e;
    }
    return fail("traced, but PyTorch fails");
  }

  private static Map<String, Integer> opCounts(Trace trace) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Node n : trace.module().graph()) {
      if (n.isCall()) {
        counts.merge(n.op().qualifiedName(), 1, Integer::sum);
      }
    }
    return counts;
  }

  private static Map<String, Integer> expectedCounts(JsonNode expected) {
    Map<String, Integer> counts = new TreeMap<>();
    expected.path("op_counts").fields()
        .forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
    return counts;
  }

  /** {@code expected/<name>.json} beside the programs, {@code stress/expected/} for stress. */
  private static JsonNode expected(Path program) {
    String name = program.getFileName().toString().replaceFirst("\\.py$", "");
    Path dir = program.getParent();
    Path expected = dir.getFileName().toString().equals("programs")
        ? dir.resolveSibling("expected") : dir.resolve("expected");
    try {
      return new ObjectMapper().readTree(expected.resolve(name + ".json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
