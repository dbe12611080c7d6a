package symtrace.tracer.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import symtrace.symbolic.env.Guard;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.tracer.run.ProgramRunner;
import symtrace.tracer.trace.MakeFx;
import symtrace.tracer.trace.Trace;
import symtrace.tracer.trace.TracingMode;

/**
 * A memoized layout computation replays exactly what running it again would do: every
 * conformance and stress program traces to the same graph (names of removed nodes included, as
 * they decide the names of later ones), the same guards and the same facts with and without
 * memoization, or fails the same way.
 */
class MemoizationParityTest {
  static Stream<Arguments> programsAndModes() {
    return ConformanceFiles.allPrograms().stream()
        .flatMap(file -> Stream.of(Arguments.of(file, TracingMode.SYMBOLIC),
            Arguments.of(file, TracingMode.FAKE)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("programsAndModes")
  void memoizedTraceIsTheTraceThatRunsEverything(Path file, TracingMode mode) {
    ProgramRunner runner = ProgramRunner.load(file);
    ProgramRunner.Inputs inputs = runner.inputs(runner.traceHeader());
    String memoized = outcome(() -> runner.trace(inputs, MakeFx.of(mode)));
    String plain = outcome(() -> runner.trace(inputs, MakeFx.of(mode).withoutMemoization()));
    assertEquals(plain, memoized);
  }

  /**
   * Layouts asked about again by tensors whose sizes are other nodes, not yet named (another
   * input's, a view's), so a replay must force their size nodes where the computation would.
   */
  static Stream<String> layoutPrograms() {
    return Stream.of(
        """
        # trace: x=f32[3,4] z=f32[3,4]
        def f(x, z):
            a = x.t().reshape(-1)
            b = z.t().reshape(-1)
            return a, b, z.size(0) * x.size(1) + z.size(1)
        """,
        """
        # trace: x=f32[2,3,4] z=f32[2,3,4]
        def f(x, z):
            a = x.transpose(0, 2).reshape(4, -1)
            b = z.transpose(0, 2).reshape(4, -1)
            c = z.transpose(1, 2).reshape(-1)
            return a + b.sum(), c, z.size(2) - 1
        """,
        """
        # trace: x=f32[5,6] z=f32[6,5]
        def f(x, z):
            y = x.t()
            out = []
            for i in range(3):
                out.append(y.reshape(-1) + z.reshape(-1))
                y = (y * 2).t().t()
            return out[0] + out[2], x.size(0) + z.size(0)
        """);
  }

  @ParameterizedTest
  @MethodSource("layoutPrograms")
  void memoizedLayoutsForceTheSizesTheComputationWould(String source) {
    ProgramRunner runner = ProgramRunner.parse("layouts.py", source);
    ProgramRunner.Inputs inputs = runner.inputs(runner.traceHeader());
    String memoized = outcome(() -> runner.trace(inputs, MakeFx.of(TracingMode.SYMBOLIC)));
    String plain = outcome(() -> runner.trace(inputs,
        MakeFx.of(TracingMode.SYMBOLIC).withoutMemoization()));
    assertEquals(plain, memoized);
  }

  /** Everything a trace shows: the code, every node's name, the guards and facts; or the error. */
  private static String outcome(java.util.function.Supplier<Trace> trace) {
    Trace t;
    try {
      t = trace.get();
    } catch (RuntimeException e) {
      return "error: " + e.getMessage();
    }
    StringBuilder b = new StringBuilder(t.module().printReadable());
    List<String> names = new ArrayList<>();
    t.module().graph().forEach(n -> names.add(n.name()));
    b.append("\nnodes: ").append(names);
    ShapeEnv env = t.shapeEnv();
    if (env != null) {
      for (Guard g : env.guards()) {
        b.append("\nguard: ").append(g.expr());
      }
      b.append("\nreplacements: ").append(env.replacements());
      b.append("\nranges: ").append(env.ranges());
      b.append("\nruntime asserts: ").append(env.deferredRuntimeAsserts());
    }
    return b.toString();
  }
}
