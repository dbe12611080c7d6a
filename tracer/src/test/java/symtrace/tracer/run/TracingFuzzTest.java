package symtrace.tracer.run;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.SymtraceException;
import symtrace.tracer.lang.ConformanceFiles;
import symtrace.tracer.lang.ProgramError;
import symtrace.tracer.lang.ProgramMutations;
import symtrace.tracer.trace.TracingMode;

/**
 * Broken programs made from the conformance programs (tokens and lines deleted, duplicated,
 * swapped; fixed seed) go through the whole pipeline, parse and symbolic trace at the header's
 * inputs: each one traces, or fails with a user error (a program error with its position, a
 * data-dependent guard, a bad input); nothing else escapes and nothing hangs.
 */
class TracingFuzzTest {
  private static final long SEED = 20261202L;
  private static final int PROGRAMS = 200;

  @Test
  void mutatedProgramsTraceOrFailWithAUserError() {
    List<String> sources = new ArrayList<>();
    List<String> headers = new ArrayList<>();
    for (Path p : ConformanceFiles.programs()) {
      String s = ConformanceFiles.read(p);
      sources.add(s);
      headers.add(ProgramRunner.parse("h.py", s).traceHeader());
    }
    Random random = new Random(SEED);
    int[] outcomes = new int[3];
    assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
      for (int i = 0; i < PROGRAMS; i++) {
        int pick = random.nextInt(sources.size());
        String s = sources.get(pick);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
          s = ProgramMutations.mutate(s, random);
        }
        outcomes[run("m" + i + ".py", s, headers.get(pick))]++;
      }
    });
    assertTrue(outcomes[0] > 20 && outcomes[1] > 20,
        "traced " + outcomes[0] + ", program errors " + outcomes[1] + ", other user errors "
            + outcomes[2]);
  }

  /** 0 traced, 1 a positioned program error, 2 another user error. */
  private static int run(String name, String source, String header) {
    try {
      ProgramRunner runner = ProgramRunner.parse(name, source);
      String spec = runner.traceHeader() != null ? runner.traceHeader() : header;
      runner.trace(runner.inputs(spec), TracingMode.SYMBOLIC);
      return 0;
    } catch (ProgramError e) {
      assertTrue(e.getMessage().startsWith(name + ":"), e.getMessage());
      return 1;
    } catch (SymtraceException e) {
      return 2;
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError("unexpected " + e + " for:\n" + source, e);
    }
  }
}
