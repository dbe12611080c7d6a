package symtrace.tracer.run.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import symtrace.symbolic.env.SourceLocation;
import symtrace.tracer.lang.ConformanceFiles;
import symtrace.tracer.run.ProgramRunner;
import symtrace.tracer.run.TraceGuards;
import symtrace.tracer.trace.Trace;
import symtrace.tracer.trace.TracingMode;

/**
 * For every conformance program and every eval input current PyTorch rejects, {@code guards
 * --check} names, for each guard line the input fails, a program location: a line of the
 * program with code on it. Duck-sized equalities say the size both had at trace time.
 */
class RejectedInputLocationsTest {
  static Stream<Arguments> rejected() {
    List<Arguments> out = new ArrayList<>();
    for (Path program : ConformanceFiles.programs()) {
      String name = program.getFileName().toString().replaceFirst("\\.py$", "");
      JsonNode expected = ConformanceFiles.expected(name);
      for (JsonNode e : expected.path("evals")) {
        if (e.path("verdict").asText().equals("reject")) {
          out.add(Arguments.of(name, expected.path("trace").asText(), e.path("spec").asText()));
        }
      }
    }
    return out.stream();
  }

  @Test
  void symtraceRejectsMostOfThem() {
    long rejectedHere = rejected().filter(a -> {
      Object[] args = a.get();
      ProgramRunner runner = ProgramRunner.load(ConformanceFiles.root().resolve("programs")
          .resolve(args[0] + ".py"));
      Trace trace = runner.trace(runner.inputs((String) args[1]), TracingMode.SYMBOLIC);
      ProgramRunner.Inputs input = runner.inputs((String) args[2]);
      return !TraceGuards.of(trace).failing(input.names(), input.values()).isEmpty();
    }).count();
    assertTrue(rejected().count() >= 25 && rejectedHere >= 25, "of " + rejected().count()
        + " inputs PyTorch rejects, symtrace rejects " + rejectedHere);
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("rejected")
  void everyFailingLineHasAProgramLocation(String name, String traceSpec, String spec) {
    Path file = ConformanceFiles.root().resolve("programs").resolve(name + ".py");
    ProgramRunner runner = ProgramRunner.load(file);
    ProgramRunner.Inputs example = runner.inputs(traceSpec);
    Trace trace = runner.trace(example, TracingMode.SYMBOLIC);
    ProgramRunner.Inputs input = runner.inputs(spec);
    CheckReport report = CheckReport.of(runner, example, trace, input, false);
    List<String> failing = TraceGuards.of(trace).failing(input.names(), input.values());
    // symtrace may accept an input PyTorch rejects (a more general trace); otherwise it names
    // the same lines the guards fail, each with where it comes from.
    assertEquals(failing, report.failing());
    assertEquals(failing.size(), report.origins().size());
    int lines = runner.program().source().split("\n", -1).length;
    for (FailureOrigin o : report.origins()) {
      SourceLocation l = o.location();
      assertEquals(name + ".py", l.file(), o.text());
      assertTrue(l.line() >= 1 && l.line() <= lines, o.text());
      assertFalse(l.code() == null || l.code().isBlank(), o.text());
      assertEquals(runner.program().sourceLine(l.line()), l.code(), o.text());
      assertTrue(report.text().contains(o.guard() + "    (" + o.kind() + ", " + l + ")"),
          report.text());
      if (o.kind().equals("duck sizing")) {
        assertTrue(o.why().matches("duck sizing: both were \\d+ at trace time.*"), o.why());
      }
      // What a statement recorded is placed there; what holds of the example input itself
      // (0/1 sizes, layout, a bool) is placed where the inputs are bound, the def line.
      boolean atDef = l.line() == runner.entryLocation().line();
      switch (o.kind()) {
        case "guard", "range", "specialization", "duck sizing" -> assertFalse(atDef, o.text());
        default -> assertTrue(atDef, o.text());
      }
    }
    if (!failing.isEmpty()) {
      assertTrue(report.text().contains("the first, explained: " + report.origins().get(0)
          .text()), report.text());
    }
  }
}
