package symtrace.tracer.run.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import symtrace.tracer.lang.ConformanceFiles;
import symtrace.tracer.run.ProgramRunner;
import symtrace.tracer.run.TraceGuards;
import symtrace.tracer.tensor.TensorValue;
import symtrace.tracer.tensor.data.InputSpec;
import symtrace.tracer.trace.Trace;
import symtrace.tracer.trace.TracingMode;

/**
 * The fixes {@code guards --check} shows are right: tracing again at a suggested example input
 * gives guards the rejected input passes (and the current example, when the fix says so); a
 * size said to stay dynamic is a symbol in that trace; a claim that the new guards accept every
 * input the current ones accept holds on sampled inputs. When nothing verifies, the report says
 * so plainly.
 */
class CheckFixesTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private record Checked(ProgramRunner runner, ProgramRunner.Inputs example, Trace trace,
      ProgramRunner.Inputs input, CheckReport report) {}

  private static Checked check(String program, String traceSpec, String spec) {
    Path file = ConformanceFiles.root().resolve("programs").resolve(program + ".py");
    ProgramRunner runner = ProgramRunner.load(file);
    ProgramRunner.Inputs example = runner.inputs(traceSpec);
    Trace trace = runner.trace(example, TracingMode.SYMBOLIC);
    ProgramRunner.Inputs input = runner.inputs(spec);
    return new Checked(runner, example, trace, input,
        CheckReport.of(runner, example, trace, input, true));
  }

  private static List<String> failing(ProgramRunner runner, String traceSpec,
      ProgramRunner.Inputs input) {
    Trace t = runner.trace(runner.inputs(traceSpec), TracingMode.SYMBOLIC);
    return TraceGuards.of(t).failing(input.names(), input.values());
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("symtrace.tracer.run.explain.RejectedInputLocationsTest#rejected")
  void everyShownFixHoldsWhenTracedAgain(String program, String traceSpec, String spec) {
    Checked c = check(program, traceSpec, spec);
    if (c.report().failing().isEmpty()) {
      assertNull(c.report().fixes());
      return;
    }
    for (CheckFixes.Fix f : c.report().fixes().fixes()) {
      if (f.exampleInput() == null) {
        // a torch._check edit: verified by its own trace, which the fix records
        assertEquals("torch_check", f.kind(), f.toString());
        assertTrue(f.verified().get(0).startsWith("traced again with it"), f.toString());
        continue;
      }
      List<String> still = failing(c.runner(), f.exampleInput(), c.input());
      assertEquals(f.complete(), still.isEmpty(), f + " leaves " + still);
      if (f.verified().stream().anyMatch(v -> v.startsWith("they accept the current example"))) {
        assertEquals(List.of(), failing(c.runner(), f.exampleInput(), c.example()), f.text());
      }
      if (f.kind().equals("dynamic")) {
        assertTrue(f.verified().get(0).matches("traced again at .*: L\\['\\w+'\\]\\.size\\(\\)"
            + "\\[\\d\\] is the symbol s\\d+ with range \\[2, int_oo\\]"), f.verified().get(0));
      }
      if (f.verified().contains("Z3 proves they accept every input the current guards accept")) {
        acceptsEverythingTheOldAccepts(c, f.exampleInput());
      }
    }
  }

  private static void assertNull(Object o) {
    assertEquals(null, o);
  }

  /**
   * Samples inputs near the example (sizes equal in the example are often kept equal, so the
   * current guards accept some of them): every one the current guards accept, the new accept.
   */
  private static void acceptsEverythingTheOldAccepts(Checked c, String newSpec) {
    TraceGuards before = TraceGuards.of(c.trace());
    TraceGuards after = TraceGuards.of(c.runner().trace(c.runner().inputs(newSpec),
        TracingMode.SYMBOLIC));
    Random random = new Random(7);
    int accepted = 0;
    for (int i = 0; i < 300; i++) {
      ProgramRunner.Inputs sample = c.runner().inputs(sample(c.example().spec(), random));
      if (before.failing(sample.names(), sample.values()).isEmpty()) {
        accepted++;
        assertEquals(List.of(), after.failing(sample.names(), sample.values()), sample.spec());
      }
    }
    assertTrue(accepted > 10, "too few sampled inputs pass the current guards: " + accepted);
  }

  private static String sample(String spec, Random random) {
    var specs = new java.util.LinkedHashMap<>(InputSpec.parseAssignments(spec));
    java.util.Map<Long, Long> tied = new java.util.HashMap<>();
    specs.replaceAll((name, s) -> {
      if (!(s instanceof InputSpec.TensorInput t)) {
        return s;
      }
      List<Long> shape = new ArrayList<>();
      for (long d : t.shape()) {
        long fresh = d <= 1 ? d : 2 + random.nextInt(9);
        shape.add(d <= 1 || random.nextInt(10) >= 7 ? fresh : tied.computeIfAbsent(d,
            k -> fresh));
      }
      return new InputSpec.TensorInput(t.dtype(), shape, t.low(), t.high());
    });
    return InputSpec.toHeader(specs);
  }

  @Test
  void duckSizingIsFixedByAnExampleWithDistinctSizes() {
    Checked c = check("duck_sizing", "x=f32[5,3] y=f32[5,3]", "x=f32[5,3] y=f32[6,3]");
    String text = c.report().text();
    assertTrue(text.contains("what would change the outcome (each verified by tracing again):\n"
        + "  1. trace with x=f32[5,3] y=f32[6,3] (the checked input itself)\n"
        + "     - traced again at x=f32[5,3] y=f32[6,3]: its guards accept x=f32[5,3]"
        + " y=f32[6,3]\n"
        + "     - they accept the current example x=f32[5,3] y=f32[5,3] too\n"
        + "     - Z3 proves they accept every input the current guards accept\n"), text);
    ObjectNode json = JSON.objectNode();
    c.report().putJson(json);
    JsonNode fix = json.path("fixes").get(0);
    assertEquals("example_input", fix.path("kind").asText());
    assertEquals("x=f32[5,3] y=f32[6,3]", fix.path("example_input").asText());
    assertTrue(fix.path("complete").asBoolean());
    assertEquals("duck sizing", json.path("check_origins").get(0).path("kind").asText());
    assertEquals(10, json.path("check_origins").get(0).path("location").path("line").asInt());
  }

  @Test
  void noFixVerifiedIsSaidPlainly() {
    // y's size cannot broadcast against x's: no trace accepts what the program cannot run.
    Checked c = check("add_bcast", "x=f32[3,4] y=f32[4]", "x=f32[3,4] y=f32[5]");
    assertTrue(c.report().fixes().fixes().isEmpty());
    assertTrue(c.report().text().contains("\nno fix verified: no other example input, dynamic"
        + " dimension or torch._check that was tried makes the trace accept x=f32[3,4]"
        + " y=f32[5].\n"), c.report().text());
    ObjectNode json = JSON.objectNode();
    c.report().putJson(json);
    assertEquals(0, json.path("fixes").size());
    assertEquals("no fix verified", json.path("fix_notes").get(0).asText());
  }

  @Test
  void aSizeTheProgramPinsCannotStayDynamic() {
    Checked c = check("loop_range_size", "x=f32[4,3]", "x=f32[6,3]");
    String note = "the program specializes L['x'].size()[0] at loop_range_size.py:10 (for i in"
        + " range(x.shape[0]):) whatever the example: traced again at x=f32[6,3], it is pinned"
        + " to 6 there";
    assertTrue(c.report().fixes().notes().stream().anyMatch(n -> n.startsWith(note)),
        c.report().fixes().notes().toString());
    // Independently: the trace at 6 holds for 6 alone.
    Trace at6 = c.runner().trace(c.runner().inputs("x=f32[6,3]"), TracingMode.SYMBOLIC);
    assertTrue(TraceGuards.of(at6).produced().contains("L['x'].size()[0] == 6"));
  }

  @Test
  void aZeroOneSizeStaysDynamicWithAnExampleOfTwoOrMore() {
    Checked c = check("zero_one_dims", "x=f32[1,4] y=f32[5,4] e=f32[0,4]",
        "x=f32[5,4] y=f32[5,4] e=f32[2,4]");
    CheckFixes.Fix dynamic = c.report().fixes().fixes().stream()
        .filter(f -> f.kind().equals("dynamic")).findFirst().orElseThrow();
    assertEquals("keep L['x'].size()[0] dynamic: trace with an example size of at least 2 there,"
        + " e.g. x=f32[5,4] y=f32[5,4] e=f32[0,4]", dynamic.text());
    assertFalse(dynamic.complete(), "e is still 0 in that example");
    Trace t = c.runner().trace(c.runner().inputs(dynamic.exampleInput()), TracingMode.SYMBOLIC);
    TensorValue x = (TensorValue) t.tracedInputs().get(0);
    assertFalse(x.symSize(0).isConstant());
  }

  @Test
  void anInputOfAnotherRankIsExplainedNotAnError() {
    Checked c = check("branch_on_size", "x=f32[6,3]", "x=f32[3]");
    assertEquals(4, c.report().failing().size());
    FailureOrigin first = c.report().origins().get(0);
    assertEquals("rank", first.kind());
    assertEquals("L['x'] has 1 dimension(s) in the checked input and 2 in the example: a trace"
        + " holds for the example's number of dimensions only.", first.why());
    assertEquals("trace with x=f32[3] (the checked input itself)",
        c.report().fixes().fixes().get(0).text());
  }
}
