package symtrace.tracer.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import symtrace.tracer.lang.Token.Kind;

class LexerTest {
  /** The tokens of {@code source} as {@code KIND:text@line:col}, space separated. */
  private static String tokens(String source) {
    return Lexer.tokenize("t.py", source).stream()
        .map(t -> (t.kind() == Kind.NAME || t.kind() == Kind.OP || t.kind() == Kind.KEYWORD
                ? t.text()
                : t.kind().name())
            + "@" + t.span().line() + ":" + t.span().column())
        .collect(Collectors.joining(" "));
  }

  private static Token single(String source) {
    List<Token> ts = Lexer.tokenize("t.py", source);
    assertEquals(Kind.NEWLINE, ts.get(1).kind(), ts.toString());
    return ts.get(0);
  }

  @Test
  void indentationGivesIndentAndDedent() {
    assertEquals("def@1:1 f@1:5 (@1:6 )@1:7 :@1:8 NEWLINE@1:9 INDENT@2:5 if@2:5 x@2:8 :@2:9"
            + " NEWLINE@2:10 INDENT@3:9 pass@3:9 NEWLINE@3:13 DEDENT@4:5 return@4:5 NEWLINE@4:11"
            + " DEDENT@4:11 END@4:11",
        tokens("def f():\n    if x:\n        pass\n    return\n"));
  }

  @Test
  void blankLinesAndCommentsMakeNoTokens() {
    assertEquals("x@1:1 NEWLINE@1:13 INDENT@4:3 y@4:3 NEWLINE@4:4 DEDENT@4:4 END@4:4",
        tokens("x  # comment\n\n      # indented comment\n  y"));
  }

  @Test
  void whitespaceOnlyLastLineIsBlank() {
    assertEquals("return@1:1 x@1:8 NEWLINE@1:9 END@2:5", tokens("return x\n    "));
  }

  @Test
  void bracketsJoinLinesAndIgnoreIndentation() {
    assertEquals("f@1:1 (@1:2 a@1:3 ,@1:4 b@3:2 )@3:3 NEWLINE@3:4 END@3:4",
        tokens("f(a,\n        \n b)\n"));
  }

  @Test
  void backslashJoinsLines() {
    assertEquals("x@1:1 =@1:3 INT@1:5 +@1:7 INT@2:9 NEWLINE@2:10 END@2:10",
        tokens("x = 1 + \\\n        2\n"));
  }

  @Test
  void tabsAdvanceToTheNextMultipleOfEight() {
    // A tab and eight spaces are the same level when used consistently.
    assertEquals("if@1:1 x@1:4 :@1:5 NEWLINE@1:6 INDENT@2:2 pass@2:2 NEWLINE@2:6 DEDENT@2:6 END@2:6",
        tokens("if x:\n\tpass\n"));
  }

  @Test
  void windowsLineEndingsAndByteOrderMark() {
    assertEquals("x@1:1 NEWLINE@1:2 y@2:1 NEWLINE@2:2 END@2:2", tokens("\uFEFFx\r\ny\r\n"));
  }

  @Test
  void operatorsTakeTheLongestMatch() {
    assertEquals("a@1:1 **=@1:3 b@1:7 //@1:9 c@1:12 ...@1:14 ->@1:18 !=@1:21 NEWLINE@1:23"
            + " END@1:23",
        tokens("a **= b // c ... -> !="));
  }

  @Test
  void keywordsAreNotNames() {
    Token t = single("None");
    assertEquals(Kind.KEYWORD, t.kind());
    assertEquals(Kind.NAME, single("match").kind());
    assertEquals(Kind.NAME, single("nonzero").kind());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "0, 0", "00, 0", "7, 7", "1_000, 1000", "0x1F, 31", "0X_ff, 255", "0o17, 15", "0b1_01, 5",
    "9223372036854775808, 9223372036854775808"
  })
  void integerLiterals(String text, String value) {
    Token t = single(text);
    assertEquals(Kind.INT, t.kind());
    assertEquals(new BigInteger(value), t.value());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "1.5, 1.5", "1e-5, 1.0E-5", "1E+3, 1000.0", ".5, 0.5", "1., 1.0", "1_0.2_5, 10.25",
    "2.5e-3, 0.0025", "1e999, Infinity"
  })
  void floatLiterals(String text, double value) {
    Token t = single(text);
    assertEquals(Kind.FLOAT, t.kind());
    assertEquals(value, (Double) t.value());
  }

  @Test
  void numberMayTouchAKeyword() {
    assertEquals("INT@1:1 if@1:2 x@1:5 else@1:7 INT@1:12 NEWLINE@1:13 END@1:13",
        tokens("1if x else 2"));
  }

  @Test
  void stringLiterals() {
    assertEquals("abc", single("'abc'").value());
    assertEquals("it's", single("\"it's\"").value());
    assertEquals("it's", single("'it\\'s'").value());
    assertEquals("a\tb\n", single("'a\\tb\\n'").value());
    assertEquals("A\u00e9A\u0007\0", single("'\\x41\\u00e9\\101\\a\\0'").value());
    assertEquals("\u2022", single("\"\\N{BULLET}\"").value());
    assertEquals("unknown \\q", single("'unknown \\q'").value());
    assertEquals("u", single("U'u'").value());
  }

  @Test
  void rawStringsKeepBackslashes() {
    assertEquals("\\n\\'", single("r'\\n\\''").value());
    assertEquals("bij,bjk->bik", single("R\"bij,bjk->bik\"").value());
  }

  @Test
  void tripleQuotedStringSpansLines() {
    List<Token> ts = Lexer.tokenize("t.py", "x = \"\"\"a\n'b'\n\"\"\" + y\n");
    assertEquals("a\n'b'\n", ts.get(2).value());
    assertEquals(Span.of("t.py", 1, 5), ts.get(2).span());
    assertEquals(Span.of("t.py", 3, 7), ts.get(4).span());
  }

  @Test
  void backslashNewlineInsideAString() {
    assertEquals("ab", single("'a\\\nb'").value());
  }

  @Test
  void tokenizeThrowsTheFirstProblem() {
    ParseError e = assertThrows(ParseError.class, () -> Lexer.tokenize("t.py", "x = 'a\ny = 1"));
    assertEquals("t.py:1:5: unterminated string literal (detected at line 1)", e.getMessage());
  }
}
