package symtrace.tracer.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import symtrace.tracer.trace.Trace;
import symtrace.tracer.trace.TracingMode;

/**
 * A trace keeps no guard PyTorch's does not need: each program is traced once, then inputs for
 * which PyTorch's graph is equally valid must pass the trace's guards.
 */
class OverSpecializationTest {
  /** A program {@code import torch} plus {@code body}, traced once at {@code spec}. */
  private record Traced(ProgramRunner runner, TraceGuards guards) {
    static Traced of(String spec, String... body) {
      ProgramRunner runner = ProgramRunner.parse("p.py",
          "import torch\n" + String.join("\n", body));
      Trace t = runner.trace(runner.inputs(spec), TracingMode.SYMBOLIC);
      return new Traced(runner, TraceGuards.of(t));
    }

    List<String> failing(String spec) {
      ProgramRunner.Inputs in = runner.inputs(spec);
      return guards.failing(in.names(), in.values());
    }
  }

  @Test
  void intOfASymbolicFloatGuardsTheTruncatedIntNotTheFloat() {
    Traced t = Traced.of("x=f32[5]", "def f(x):",
        "    return torch.zeros(int(x.shape[0] / 2))");
    // SymFloat.__int__ truncates first: 4/2 and 5/2 both give 2, 6/2 gives 3.
    assertEquals(List.of(), t.failing("x=f32[4]"));
    assertEquals(List.of(), t.failing("x=f32[5]"));
    assertFalse(t.failing("x=f32[6]").isEmpty());
    assertTrue(t.guards().all().contains("(L['x'].size()[0] // 2) == 2"),
        t.guards().all().toString());
  }

  @Test
  void rollNeverReadsItsShifts() {
    Traced t = Traced.of("x=f32[8] n=int=3", "def f(x, n: int):",
        "    return torch.roll(x, n) + torch.roll(x, x.shape[0] // 2)");
    assertEquals(List.of(), t.failing("x=f32[10] n=int=5"));
    assertTrue(t.guards().all().stream().noneMatch(line -> line.contains("L['n']")),
        t.guards().all().toString());
  }

  @Test
  void aFloatInputStaysSymbolicThroughAbsAndMod() {
    Traced t = Traced.of("x=f32[3] a=float=1.25", "def f(x, a: float):",
        "    return x * (a % 0.75) + x * abs(a)");
    assertTrue(t.guards().all().stream().noneMatch(line -> line.contains("L['a'] ==")),
        t.guards().all().toString());
    assertEquals(List.of(), t.failing("x=f32[3] a=float=-3.5"));
    ProgramRunner.Inputs in = t.runner().inputs("x=f32[3] a=float=-1.25");
    Trace trace = t.runner().trace(t.runner().inputs("x=f32[3] a=float=1.25"),
        TracingMode.SYMBOLIC);
    Object graph = ProgramRunner.runGraph(trace.module(), in);
    // x = [-2.0, -0.25, 1.5]; -1.25 % 0.75 = 0.25 and abs(-1.25) = 1.25, so x * 1.5
    assertEquals("[-3.0,-0.375,2.25]",
        ProgramRunner.output(graph).path("values").toString());
  }
}
