package symtrace.symbolic.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing: Python's operators and precedences, sympy's names, and positioned errors. */
class ExprParserTest {
  @ParameterizedTest(name = "{0} => {1}")
  @CsvSource(delimiter = '|', value = {
    "s0 // 2              | (s0//2)",
    "s0 % 4               | Mod(s0, 4)",
    "u0 % 4               | PythonMod(u0, 4)",
    "-s0**2               | -s0**2",
    "2**3**2              | 512",
    "s0 < s1 < 5          | (s0 < s1) & (s1 < 5)",
    "not s0 > 2           | s0 <= 2",
    "s0 > 2 and s1 > 2    | (s0 > 2) & (s1 > 2)",
    "max(u0, 1)           | Max(1, u0)",
    "abs(u0)              | Abs(u0)",
    "s0 == 2*s1           | Eq(s0, 2*s1)",
    "s0 != 3              | Ne(s0, 3)",
    "1_000 + s0           | s0 + 1000",
    "1e3                  | 1000.00000000000",
    "-(s0 + 1)*s1         | -s1*(s0 + 1)",
    "3*(s0 + 1)*s1        | 3*s1*(s0 + 1)",
  })
  void parses(String text, String printed) {
    assertEquals(printed, ExprParser.parse(text).toString());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
    "FloorDiv(s0,     | 13 | expected an expression",
    "s0 +             | 5  | expected an expression",
    "(s0 + 1          | 8  | expected ')'",
    "s0 $ 2           | 4  | unexpected character '$'",
    "Frob(s0)         | 1  | unknown function 'Frob'",
    "FloorDiv(s0)     | 1  | FloorDiv takes 2 arguments",
    "s0 // 0          | 4  | division by zero",
    "s0 s1            | 4  | unexpected 's1'",
    "''               | 1  | expected an expression",
  })
  void reportsTheColumn(String text, int column, String problem) {
    ExprParseException e = assertThrows(ExprParseException.class, () -> ExprParser.parse(text));
    assertEquals(column, e.column(), e.getMessage());
    assertEquals(true, e.getMessage().contains(problem), e.getMessage());
  }
}
