package symtrace.tracer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code symtrace decompose}: the examples of the solver issue. */
class DecomposeCommandTest {
  private static final String NL = System.lineSeparator();

  @Test
  void rebuildsARegroupedProduct() {
    CommandRun run = CommandRun.symtrace("decompose", "s1*s2*s3", "--have", "A=s1*s2", "--have",
        "B=s3");
    assertEquals(0, run.status(), run.err());
    assertEquals("A*B verified (by expansion, strategy solver)" + NL, run.out());
  }

  @Test
  void naiveCannotSeeIt() {
    CommandRun run = CommandRun.symtrace("decompose", "s1*s2*s3", "--have", "A=s1*s2", "--have",
        "B=s3",
        "--strategy", "naive");
    assertEquals(0, run.status(), run.err());
    assertEquals("not found (strategy naive)" + NL, run.out());
  }

  @Test
  void factorsThroughATrackedSum() {
    CommandRun run = CommandRun.symtrace("decompose", "s0*s1 + s1", "--have", "A=s0 + 1",
        "--have", "B=s1");
    assertEquals("A*B verified (by expansion, strategy solver)" + NL, run.out());
  }

  @Test
  void namesTheMissingSymbols() {
    CommandRun run = CommandRun.symtrace("decompose", "s0*s2", "--have", "A=s0");
    assertEquals("not found: no tracked value provides s2 (strategy solver)" + NL, run.out());
  }

  @Test
  void malformedHaveIsAUserError() {
    CommandRun run = CommandRun.symtrace("decompose", "s0", "--have", "s0");
    assertEquals(1, run.status());
    assertTrue(run.err().contains("expected NAME=EXPR"), run.err());
  }

  @Test
  void theBenchmarksVariantsAreStrategiesToo() {
    CommandRun algebra = CommandRun.symtrace("decompose", "s0", "--have", "A=s0*s1", "--have",
        "B=s1",
        "--strategy", "algebra");
    assertEquals("(A//B) verified (by expansion, strategy algebra)" + NL, algebra.out());
    CommandRun unknown = CommandRun.symtrace("decompose", "s0", "--have", "A=s0", "--strategy",
        "magic");
    assertEquals(1, unknown.status());
    assertTrue(unknown.err().contains("unknown strategy 'magic'"), unknown.err());
  }
}
