package symtrace.tracer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code symtrace prove}: the contract's examples, run in process, and Z3's lazy loading. */
class ProveCommandTest {
  private static final String NL = System.lineSeparator();

  @Test
  void provesTheAcceptanceExample() {
    CommandRun run = CommandRun.symtrace("prove", "s0 <= 6", "--assume", "s0*s1 == 12");
    assertEquals(0, run.status(), run.err());
    assertEquals("PROVED" + NL, run.out());
    assertEquals("", run.err());
  }

  @Test
  void refutesWithTheSmallestCounterexample() {
    CommandRun run = CommandRun.symtrace("prove", "s0 <= 5", "--assume", "s0*s1 == 12");
    assertEquals(0, run.status(), run.err());
    assertEquals("REFUTED: s0=6, s1=2" + NL, run.out());
  }

  @ParameterizedTest(name = "{0} under {1} => {2}")
  @CsvSource(delimiter = '|', value = {
    "FloorDiv(s0, 2)*2 <= s0   |                 | PROVED",
    "Mod(s0*s1 + s1, s1) == 0  |                 | PROVED",
    "u0 < 3                    | u0*u0 < 9       | PROVED",
    "u0 >= 0                   |                 | REFUTED: u0=-1",
    "Eq(s0, s1)                | s0 >= s1        | REFUTED: s0=3, s1=2",
  })
  void answersTheExamples(String goal, String fact, String expected) {
    CommandRun run = fact == null
        ? CommandRun.symtrace("prove", goal)
        : CommandRun.symtrace("prove", goal, "--assume", fact);
    assertEquals(0, run.status(), run.err());
    assertEquals(expected + NL, run.out());
  }

  @Test
  void unknownWithTheReasonIsAResult() {
    CommandRun run = CommandRun.symtrace("prove", "s2**3 + s3**3 != s4**3", "--rlimit", "2000");
    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().startsWith("UNKNOWN: the solver's budget ran out (rlimit 2000"), run.out());
    run = CommandRun.symtrace("prove", "OpaqueUnaryFn_exp(ToFloat(s0)) > 1.0");
    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().startsWith("UNKNOWN: cannot translate exactly: OpaqueUnaryFn_exp"), run.out());
  }

  @Test
  void warnsWhenTheFactsContradictEachOther() {
    CommandRun run = CommandRun.symtrace("prove", "s0 > 100", "--assume", "s0 < 5", "--assume", "s0 > 7");
    assertEquals(0, run.status());
    assertEquals("PROVED" + NL, run.out());
    assertTrue(run.err().contains("warning: the facts contradict each other"), run.err());
  }

  @Test
  void malformedExpressionIsAUserErrorOnOneLine() {
    CommandRun run = CommandRun.symtrace("prove", "s0 <=", "--assume", "s0 > 1");
    assertEquals(1, run.status());
    assertTrue(run.err().startsWith("symtrace: error: 's0 <=', column"), run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertFalse(run.errHasStackTrace(), run.err());
    run = CommandRun.symtrace("prove", "s0 > 1", "--assume", "FloorDiv(s0,");
    assertEquals(1, run.status());
    assertTrue(run.err().contains("--assume 'FloorDiv(s0,'"), run.err());
  }

  @Test
  void aGoalMustBeACondition() {
    CommandRun run = CommandRun.symtrace("prove", "s0 + 1");
    assertEquals(1, run.status());
    assertTrue(run.err().contains("'s0 + 1' is not a condition"), run.err());
  }

  @Test
  void badUsageIsStatusTwo() {
    assertEquals(2, CommandRun.symtrace("prove").status());
    assertEquals(2, CommandRun.symtrace("prove", "s0 > 1", "--rlimit", "0").status());
    assertEquals(2, CommandRun.symtrace("prove", "s0 > 1", "--rlimit", "many").status());
  }

  @Test
  void helpDocumentsTheOutput() {
    CommandRun run = CommandRun.symtrace("prove", "--help");
    assertEquals(0, run.status());
    assertTrue(run.out().contains("REFUTED: s0=6, s1=2"), run.out());
    assertTrue(run.out().contains("UNKNOWN: <reason>"), run.out());
    assertTrue(run.out().contains("--rlimit"), run.out());
    assertTrue(CommandRun.symtrace("--help").out().lines().anyMatch(l -> l.strip().startsWith("prove ")));
  }

  @Test
  void z3LoadsOnlyWhenAProofNeedsIt() throws Exception {
    // A fresh JVM: after 'simplify' the Z3 library is not mapped; after 'prove' it is.
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LazyProbe.class.getName())
        .redirectErrorStream(true)
        .start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe did not finish");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out);
    assertEquals(List.of("after simplify: z3 loaded=false", "after prove: z3 loaded=true"),
        out.lines().filter(l -> l.startsWith("after ")).toList(), out);
  }

  /** Run in a child JVM by {@link #z3LoadsOnlyWhenAProofNeedsIt}. */
  static final class LazyProbe {
    private LazyProbe() {}

    public static void main(String[] args) throws IOException {
      CommandRun.symtrace("--help");
      CommandRun.symtrace("simplify", "FloorDiv(2*s0 + 4, 2)");
      System.out.println("after simplify: z3 loaded=" + z3Mapped());
      CommandRun run = CommandRun.symtrace("prove", "s0 <= 6", "--assume", "s0*s1 == 12");
      System.out.println("after prove: z3 loaded=" + (z3Mapped() && run.out().startsWith("PROVED")));
    }

    private static boolean z3Mapped() throws IOException {
      return Files.readAllLines(Path.of("/proc/self/maps")).stream().anyMatch(l -> l.contains("libz3"));
    }
  }
}
