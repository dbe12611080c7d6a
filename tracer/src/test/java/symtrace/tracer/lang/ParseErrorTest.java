package symtrace.tracer.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import symtrace.symbolic.SymtraceException;

/** Exact messages and positions of rejected programs. In the tables, {@code ⏎} is a line break. */
class ParseErrorTest {
  private static ProgramError error(String source) {
    return assertThrows(ProgramError.class,
        () -> Parser.parse("f.py", source.replace("⏎", "\n").replace("⇥", "\t")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      def f(x):⏎    while x > 0:⏎        x = x - 1      | while          | f.py:2:5: while loops are not supported
      def f(x):⏎    g = lambda t: t * 2                   | lambda         | f.py:2:9: lambda is not supported
      class M:⏎    pass                                   | class          | f.py:1:1: class definitions are not supported
      def f(x):⏎    with torch.no_grad():⏎        pass    | with           | f.py:2:5: with statements are not supported
      def f(x):⏎    try:⏎        pass⏎    except E:⏎        pass | try | f.py:2:5: try statements are not supported
      def f(x):⏎    global y                              | global         | f.py:2:5: global statements are not supported
      def f(x):⏎    nonlocal y                            | nonlocal       | f.py:2:5: nonlocal statements are not supported
      def f(xs):⏎    return [t * 2 for t in xs]           | comprehension  | f.py:2:12: comprehensions are not supported
      def f(xs):⏎    return sum(t for t in xs)            | comprehension  | f.py:2:16: comprehensions are not supported
      def f(xs):⏎    return {k: 1 for k in xs}            | comprehension  | f.py:2:12: comprehensions are not supported
      def f(*args):⏎    pass                              | *args          | f.py:1:7: *args are not supported
      def f(x, **kw):⏎    pass                            | **kwargs       | f.py:1:10: **kwargs are not supported
      def f(xs):⏎    return torch.cat(*xs)                | *args          | f.py:2:22: *args are not supported
      def f(x):⏎    return g(**x)                         | **kwargs       | f.py:2:14: **kwargs are not supported
      def f(x, *, y):⏎    pass                            | keyword-only parameters | f.py:1:10: keyword-only parameters are not supported
      @torch.jit.script⏎def f(x):⏎    pass              | decorator      | f.py:1:1: decorators are not supported
      def f(x):⏎    del x                                 | del            | f.py:2:5: del statements are not supported
      def f(x):⏎    raise ValueError('no')                | raise          | f.py:2:5: raise statements are not supported
      def f(x):⏎    for i in x:⏎        break             | break          | f.py:3:9: break statements are not supported
      def f(x):⏎    for i in x:⏎        continue          | continue       | f.py:3:9: continue statements are not supported
      def f(x):⏎    return {'a': x}                       | dict           | f.py:2:12: dict literals are not supported
      def f(x):⏎    return {x}                            | set            | f.py:2:12: set literals are not supported
      def f(x):⏎    return f'{x}'                         | f-string       | f.py:2:12: f-strings are not supported
      def f(x):⏎    return b'x'                           | bytes          | f.py:2:12: bytes literals are not supported
      def f(x):⏎    return x * 2j                         | complex        | f.py:2:16: complex numbers are not supported
      def f(x):⏎    return x & x                          | bitwise operator | f.py:2:14: bitwise operator '&' is not supported; use torch.logical_and
      def f(x):⏎    return ~x                             | bitwise operator | f.py:2:12: bitwise operator '~' is not supported; use torch.logical_not
      `def f(x):⏎    x |= 1`                              | augmented assignment | `f.py:2:7: augmented assignment '|=' is not supported`
      def f(x):⏎    if x is None:⏎        pass            | is             | f.py:2:10: 'is' comparisons are not supported
      def f(x):⏎    if 1 in x:⏎        pass               | in             | f.py:2:10: the 'in' operator is not supported
      def f(x):⏎    if 1 not in x:⏎        pass           | not in         | f.py:2:10: the 'not in' operator is not supported
      def f(x):⏎    self.y = x                            | attribute assignment | f.py:2:5: assignment to attributes is not supported
      def f(x):⏎    y: int = 3                            | annotated assignment | f.py:2:5: annotated assignments are not supported
      def f(x: str):⏎    pass                             | parameter annotation | f.py:1:10: parameter annotations other than int, float, bool and torch.Tensor are not supported
      def f(x):⏎    for i in x:⏎        pass⏎    else:⏎        pass | for-else | f.py:4:5: else clauses on for loops are not supported
      def f(x):⏎    if (n := 3):⏎        pass             | walrus         | f.py:2:11: assignment expressions (:=) are not supported
      def f(x):⏎    yield x                               | yield          | f.py:2:5: yield is not supported
      async def f(x):⏎    pass                            | async          | f.py:1:1: async statements are not supported
      from torch import *                                 | star import    | f.py:1:19: 'from ... import *' is not supported
      """)
  void namesTheUnsupportedConstruct(String source, String construct, String message) {
    UnsupportedConstructError e = assertThrows(UnsupportedConstructError.class,
        () -> Parser.parse("f.py", source.replace("⏎", "\n")));
    assertEquals(message, e.getMessage());
    assertEquals(construct, e.construct());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      def f(x)⏎    return x                        | f.py:1:9: expected ':', found end of line
      def f(x):⏎return x                           | f.py:2:1: expected an indented block after function definition on line 1
      def f(x):⏎    if x:⏎    return x             | f.py:3:5: expected an indented block after 'if' statement on line 2
      def f(x):⏎    for i in x:⏎    pass           | f.py:3:5: expected an indented block after 'for' statement on line 2
      def f(x):⏎    y = x⏎      return y           | f.py:3:7: unexpected indent
      def f(x):⏎        y = x⏎    return y         | f.py:3:5: unindent does not match any outer indentation level
      if x:⏎⇥pass⏎        pass                     | f.py:3:9: inconsistent use of tabs and spaces in indentation
      if x:⏎        pass⏎⇥pass                     | f.py:3:2: inconsistent use of tabs and spaces in indentation
      def f(x):⏎    return (x + 1                  | f.py:2:12: '(' was never closed
      def f(x):⏎    return g(x,⏎    y = 1          | f.py:2:13: '(' was never closed
      def f(x):⏎    return x + 1)                  | f.py:2:17: unmatched ')'
      def f(x):⏎    return [x + 1)                 | f.py:2:18: closing parenthesis ')' does not match opening parenthesis '['
      def f(x):⏎    return [x,⏎        1)          | f.py:3:10: closing parenthesis ')' does not match opening parenthesis '[' on line 2
      def f(x):⏎    return "abc                    | f.py:2:12: unterminated string literal (detected at line 2)
      def f(x):⏎    return '''abc⏎    pass         | f.py:2:12: unterminated triple-quoted string literal (detected at line 3)
      def f(x):⏎    return x $ 1                   | f.py:2:14: invalid character '$' (U+0024)
      def f(x):⏎    return x \\ 1                  | f.py:2:14: unexpected character after line continuation character
      x = 1 + \\                                   | f.py:1:9: unexpected end of file after line continuation character
      def f(x):⏎    return 012                     | f.py:2:12: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers
      def f(x):⏎    return 1__0                    | f.py:2:12: invalid decimal literal
      def f(x):⏎    return 1abc                    | f.py:2:12: invalid decimal literal
      def f(x):⏎    return 0x                      | f.py:2:12: invalid hexadecimal literal
      def f(x):⏎    return 0o8                     | f.py:2:12: invalid octal literal
      def f(x):⏎    return '\\x4'                  | f.py:2:13: truncated \\xXX escape
      def f(x):⏎    return g(a=1, a=2)             | f.py:2:19: keyword argument repeated: a
      def f(x):⏎    return g(a=1, 2)               | f.py:2:19: positional argument follows keyword argument
      def f(x, x):⏎    pass                        | f.py:1:10: duplicate argument 'x' in function definition
      def f(x=1, y):⏎    pass                      | f.py:1:12: non-default argument follows default argument
      def f(x):⏎    g() = 1                        | f.py:2:5: cannot assign to function call
      def f(x):⏎    x + 1 = 2                      | f.py:2:5: cannot assign to expression
      def f(x):⏎    a, 1 = x                       | f.py:2:8: cannot assign to literal
      def f(x):⏎    None = x                       | f.py:2:5: cannot assign to None
      def f(x):⏎    for g() in x:⏎        pass     | f.py:2:9: cannot assign to function call
      def f(x):⏎    (a, b) += 1                    | f.py:2:5: 'tuple' is an illegal expression for augmented assignment
      return 1                                     | f.py:1:1: 'return' outside function
      def f(x):⏎    return x if x                  | f.py:2:18: expected 'else' after 'if' expression, found end of line
      def f(x):⏎    return x +                     | f.py:2:15: expected an expression, found end of line
      def f(x):⏎    return x[]                     | f.py:2:14: expected an index, found ']'
      def f(x):⏎    x = = 1                        | f.py:2:9: expected an expression, found '='
      def f(x):⏎    return g(x y)                  | f.py:2:16: expected ',' or ')', found 'y'
      def f(x):⏎    return x y                     | f.py:2:14: expected end of line, found 'y'
      def f(x):⏎    else:⏎        pass             | f.py:2:5: expected a statement, found 'else'
      def f(x):⏎    return x.if                    | f.py:2:14: expected an attribute name, found 'if'
      def f(x):⏎    for i range(3):⏎        pass   | f.py:2:11: expected 'in', found 'range'
      def (x):⏎    pass                            | f.py:1:5: expected a function name, found '('
      import                                       | f.py:1:7: expected a module name, found end of line
      # trace: x=f32[3]⏎# trace: x=f32[4]          | f.py:2:10: duplicate '# trace:' header line (the first is on line 1)
      # expect:⏎def f(x):⏎    pass                 | f.py:1:10: empty '# expect:' header line
      """)
  void reportsMalformedProgramsAtTheirPosition(String source, String message) {
    ProgramError e = error(source);
    assertEquals(ParseError.class, e.getClass(), e.getMessage());
    assertEquals(message, e.getMessage());
  }

  @Test
  void spanAndProblemAreSeparate() {
    ProgramError e = error("def f(x):⏎    while x:⏎        pass");
    assertEquals(Span.of("f.py", 2, 5), e.span());
    assertEquals("while loops are not supported", e.problem());
  }

  @Test
  void isASymtraceException() {
    SymtraceException e = error("def f(x):⏎    return (x");
    assertEquals("f.py:2:12: '(' was never closed", e.getMessage());
  }

  @Test
  void renderShowsTheLineAndACaret() {
    String source = "def f(x):\n    while x > 0:\n        x = x - 1\n";
    ProgramError e = assertThrows(ProgramError.class, () -> Parser.parse("f.py", source));

    assertEquals("f.py:2:5: while loops are not supported\n"
        + "    while x > 0:\n"
        + "    ^", e.render(source));
  }

  @Test
  void renderKeepsTabsSoTheCaretLinesUp() {
    String source = "if x:\n\ty = a $ b\n";
    ProgramError e = assertThrows(ProgramError.class, () -> Parser.parse("t.py", source));

    assertEquals("t.py:2:8: invalid character '$' (U+0024)\n\ty = a $ b\n\t      ^",
        e.render(source));
  }

  @Test
  void renderPointsPastTheEndOfTheLine() {
    String source = "def f(x)\n    pass\n";
    ProgramError e = assertThrows(ProgramError.class, () -> Parser.parse("f.py", source));

    assertEquals("f.py:1:9: expected ':', found end of line\ndef f(x)\n        ^",
        e.render(source));
  }

  @Test
  void renderWithoutTheSourceLineIsTheMessage() {
    ProgramError e = new ParseError(Span.of("f.py", 9, 1), "bad");
    assertEquals("f.py:9:1: bad", e.render("one line\n"));
  }

  @Test
  void theFirstErrorInTheFileWins() {
    // The parser's error on line 2 comes before the lexer's on line 3.
    ProgramError e = error("def f(x):⏎    return x y⏎    s = 'unterminated");
    assertEquals("f.py:2:14: expected end of line, found 'y'", e.getMessage());
  }

  @Test
  void deepNestingIsAnErrorNotAStackOverflow() {
    ProgramError parens = error("x = " + "(".repeat(5000) + "1" + ")".repeat(5000));
    assertEquals("f.py:1:205: too many nested parentheses", parens.getMessage());

    ProgramError unary = error("x = " + "-".repeat(5000) + "1");
    assertEquals("f.py:1:1004: expression is nested too deeply", unary.getMessage());

    ProgramError indent = error(nestedIfs(120));
    assertEquals("f.py:102:405: too many levels of indentation", indent.getMessage());
  }

  private static String nestedIfs(int depth) {
    StringBuilder s = new StringBuilder("def f(x):\n");
    for (int i = 1; i <= depth; i++) {
      s.append("    ".repeat(i)).append("if x:\n");
    }
    return s.append("    ".repeat(depth + 1)).append("pass\n").toString();
  }

  @Test
  void spanRejectsPositionsBeforeTheStart() {
    assertThrows(IllegalArgumentException.class, () -> Span.of("f.py", 0, 1));
    assertThrows(IllegalArgumentException.class, () -> Span.of("f.py", 1, 0));
    assertEquals("a.py:3:5", Span.of("a.py", 3, 5).toString());
  }
}
