package symtrace.tracer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** {@code symtrace simplify}: the examples of the command's contract, run in process. */
class SimplifyCommandTest {
  @ParameterizedTest(name = "{0} => {1}")
  @CsvSource(delimiter = '|', value = {
    "FloorDiv(2*s0 + 4, 2)      | s0 + 2",
    "Mod(4*s0 + 6, 2)           | 0",
    "Max(s0, 1)                 | s0",
    "(s0 + 1)*(s0 - 1) - s0**2  | -1",
    "Eq(s0, 1)                  | False",
    "s0 + s1 >= 2               | True",
    "Max(1, s0 - 1)             | s0 - 1",
    "s0*s1 + s1*s0              | 2*s0*s1",
    "(s0*s1 + s1)//s1           | s0 + 1",
    "u0 + 1 > u0                | True",
    "Eq(u0, 1)                  | Eq(u0, 1)",
    "FloorDiv(s0*s1 + s0, s1 + 1) | s0",
    "FloorDiv(s0, 2)            | (s0//2)",
  })
  void simplifiesAsTheContractSays(String expression, String expected) {
    CommandRun run = CommandRun.symtrace("simplify", expression);
    assertEquals(0, run.status(), run.err());
    assertEquals(expected + System.lineSeparator(), run.out());
  }

  @Test
  void printsOneLinePerExpression() {
    CommandRun run = CommandRun.symtrace("simplify", "s0 // 1", "s1 - s1");
    assertEquals("s0" + System.lineSeparator() + "0" + System.lineSeparator(), run.out());
  }

  @Test
  void usesAssumptions() {
    CommandRun run = CommandRun.symtrace("simplify", "s0 <= 6", "Max(s0, 5)", "--assume", "s0 <= 5");
    assertEquals(0, run.status(), run.err());
    assertEquals("True" + System.lineSeparator() + "5" + System.lineSeparator(), run.out());
    run = CommandRun.symtrace("simplify", "s0*s1", "--assume", "Eq(s1, 2*s0)");
    assertEquals("2*s0**2" + System.lineSeparator(), run.out());
  }

  @Test
  void aFactAboutACompoundExpressionGivesItsValue() {
    // as a ShapeEnv's divisibility facts do: Mod(s0, 2) is 0 wherever it appears
    CommandRun run = CommandRun.symtrace("simplify", "Mod(s0, 2)", "Mod(s0, 2) + s1",
        "Mod(s0, 4)", "--assume", "Eq(Mod(s0, 2), 0)");
    assertEquals(0, run.status(), run.err());
    assertEquals(String.join(System.lineSeparator(), "0", "s1", "Mod(s0, 4)", ""), run.out());
  }

  @Test
  void malformedExpressionNamesTheColumnOnOneLine() {
    CommandRun run = CommandRun.symtrace("simplify", "FloorDiv(s0,");
    assertEquals(1, run.status());
    assertTrue(run.err().contains("column 13"), run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
    assertFalse(run.err().contains("\tat "), run.err());
  }

  @Test
  void unknownFunctionIsAUserError() {
    CommandRun run = CommandRun.symtrace("simplify", "Frobnicate(s0)");
    assertEquals(1, run.status());
    assertTrue(run.err().contains("unknown function 'Frobnicate'"), run.err());
  }
}
