package symtrace.tracer.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
    assertSameTraceBothWays(source);
  }

  /**
   * Random chains of layout-changing operations (transposes, permutes, reshapes merging or
   * flattening dimensions, unsqueezes, elementwise ops, matmuls, sums), run four times over two
   * inputs (of one shape in half the programs) so that later runs repeat earlier layouts, over
   * random shapes with size-1 and repeated dimensions (fixed seed).
   */
  static Stream<String> randomLayoutPrograms() {
    java.util.Random random = new java.util.Random(20261203);
    List<String> programs = new ArrayList<>();
    for (int p = 0; p < 40; p++) {
      int rank = 2 + random.nextInt(2);
      StringBuilder x = new StringBuilder();
      StringBuilder y = new StringBuilder();
      boolean sameShape = random.nextBoolean();
      for (int d = 0; d < rank; d++) {
        int size = 1 + random.nextInt(4);
        x.append(d == 0 ? "" : ",").append(size);
        y.append(d == 0 ? "" : ",").append(sameShape ? size : 1 + random.nextInt(4));
      }
      StringBuilder body = new StringBuilder();
      int r = rank;
      for (int step = 0; step < 6; step++) {
        String op;
        switch (random.nextInt(8)) {
          case 0 -> op = r >= 2 ? "t.transpose(0, " + (r - 1) + ")" : "t.unsqueeze(0)";
          case 1 -> {
            op = "t.reshape(-1)";
            r = 1;
          }
          case 2 -> {
            if (r >= 2) {
              StringBuilder sizes = new StringBuilder("t.size(0) * t.size(1)");
              for (int k = 2; k < r; k++) {
                sizes.append(", t.size(").append(k).append(")");
              }
              op = "t.reshape(" + sizes + ")";
              r--;
            } else {
              op = "t * 2";
            }
          }
          case 3 -> {
            if (r < 4) {
              op = "t.unsqueeze(" + random.nextInt(r + 1) + ")";
              r++;
            } else {
              op = "t.contiguous()";
            }
          }
          case 4 -> op = "t * 2 + 1";
          case 5 -> op = r >= 2 ? "t @ t.transpose(-1, -2)" : "t.reshape(1, -1)";
          case 6 -> {
            if (r >= 2) {
              op = "t.sum(0)";
              r--;
            } else {
              op = "t.contiguous()";
            }
          }
          default -> op = r == 3 ? "t.permute(2, 0, 1)" : "t.contiguous()";
        }
        if (op.equals("t.reshape(1, -1)")) {
          r = 2;
        }
        body.append("        t = ").append(op).append("\n");
      }
      programs.add("# trace: x=f32[" + x + "] y=f32[" + y + "]\n"
          + "def f(x, y):\n"
          + "    out = []\n"
          + "    for t in [x, y, x + 1, y * 3]:\n"
          + body
          + "        out.append(t)\n"
          + "    return out[0], out[1], out[2], out[3]\n");
    }
    return programs.stream();
  }

  @ParameterizedTest
  @MethodSource("randomLayoutPrograms")
  void randomLayoutChainsTraceTheSameMemoizedOrNot(String source) {
    assertSameTraceBothWays(source);
  }

  /** A program that traces (symbolically) to the same outcome with and without the memo. */
  private static void assertSameTraceBothWays(String source) {
    ProgramRunner runner = ProgramRunner.parse("layouts.py", source);
    ProgramRunner.Inputs inputs = runner.inputs(runner.traceHeader());
    String memoized = outcome(() -> runner.trace(inputs, MakeFx.of(TracingMode.SYMBOLIC)));
    String plain = outcome(() -> runner.trace(inputs,
        MakeFx.of(TracingMode.SYMBOLIC).withoutMemoization()));
    assertFalse(plain.startsWith("error"), plain);
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
