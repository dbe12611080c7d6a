package symtrace.tracer.run;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import symtrace.solver.guards.Equivalence;
import symtrace.solver.guards.GuardEquivalence;
import symtrace.solver.z3.Z3Prover;
import symtrace.symbolic.SymtraceException;
import symtrace.tracer.lang.ConformanceFiles;
import symtrace.tracer.trace.Trace;
import symtrace.tracer.trace.TracingMode;

/**
 * For every conformance program, the irredundant guard set of {@code symtrace guards
 * --minimize} is equivalent to the full list under the facts that hold before any guard, as Z3
 * proves it independently of the minimizer; it is never different.
 */
class MinimizationEquivalenceTest {
  static Stream<Path> programs() {
    return ConformanceFiles.programs().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programs")
  void minimizedGuardsAreEquivalentToAll(Path program) {
    ProgramRunner runner = ProgramRunner.load(program);
    Trace trace;
    try {
      trace = runner.trace(runner.inputs(runner.traceHeader()), TracingMode.SYMBOLIC);
    } catch (SymtraceException expectedFailure) {
      return;
    }
    GuardReport report = GuardReport.of(program.getFileName().toString(),
        runner.traceHeader(), trace, true);
    assertTrue(report.minimizedExprs().size() <= report.guardExprs().size());
    try (Z3Prover prover = Z3Prover.create()) {
      Equivalence e = new GuardEquivalence(prover).compare(report.baseFacts(),
          report.guardExprs(), report.minimizedExprs());
      assertNotEquals(Equivalence.Kind.DIFFERENT, e.kind(), e.toString());
      assertTrue(e.isEquivalent() || report.guardExprs().size() > 20,
          "undecided for a small list: " + e);
    }
  }
}
