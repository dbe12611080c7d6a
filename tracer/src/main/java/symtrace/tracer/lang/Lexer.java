package symtrace.tracer.lang;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import symtrace.tracer.lang.Token.Kind;

/**
 * Splits a program into tokens with Python's rules, including its indentation rules.
 *
 * <h2>Indentation</h2>
 *
 * As in CPython's tokenizer: at the start of each logical line outside brackets, the indentation
 * is measured twice, with tabs to the next multiple of 8 and with tabs as one column. The first
 * measure is compared with a stack of open indentation levels: deeper pushes a level and emits
 * {@code INDENT}, shallower pops levels emitting one {@code DEDENT} each and must land on an open
 * level ({@code unindent does not match any outer indentation level}). When the two measures
 * disagree on the comparison, the indentation depends on the tab size and is rejected ({@code
 * inconsistent use of tabs and spaces in indentation}).
 *
 * <p>Blank lines and lines holding only a comment produce no tokens. Inside {@code ()}, {@code
 * []} and {@code {}} line breaks and indentation are ignored; a backslash at the end of a line
 * joins it with the next. At the end of the file the last logical line gets its {@code
 * NEWLINE}, every open level its {@code DEDENT}, then {@code END}; those tokens are placed at
 * the end of the last line, so every token's span lies within the file.
 *
 * <h2>Literals</h2>
 *
 * Integers in decimal, {@code 0x}, {@code 0o} and {@code 0b} form and floats ({@code 1.},
 * {@code .5}, {@code 1e-5}), all with {@code _} separators between digits; strings in single or
 * double quotes, triple-quoted, with the prefixes {@code r} and {@code u} and Python's escapes.
 * Complex numbers, f-strings and bytes literals are valid Python outside the subset and raise
 * {@link UnsupportedConstructError}; everything else malformed raises {@link ParseError}.
 *
 * <p>A lexer is used once; {@link #tokenize(String, String)} is the entry point. Cost is linear
 * in the length of the source.
 */
final class Lexer {
  /** CPython's {@code MAXINDENT}. */
  static final int MAX_INDENT_LEVELS = 100;

  /** CPython's {@code MAXLEVEL}: deeper bracket nesting is rejected, bounding parser recursion. */
  static final int MAX_BRACKET_DEPTH = 200;

  private static final int TAB_SIZE = 8;

  /** Python 3's reserved words ({@code keyword.kwlist}). */
  static final Set<String> KEYWORDS = Set.of(
      "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
      "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
      "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
      "try", "while", "with", "yield");

  /** Operators and delimiters, longest first so that the first match is the longest. */
  private static final String[] OPERATORS = {
    "**=", "//=", ">>=", "<<=", "...",
    "->", ":=", "**", "//", "==", "!=", "<=", ">=", "<<", ">>", "+=", "-=", "*=", "/=", "%=",
    "@=", "&=", "|=", "^=",
    "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}",
    ",", ":", ".", ";", "="
  };

  /** Keywords that may follow a number without a space (deprecated in Python, still valid). */
  private static final Set<String> KEYWORDS_AFTER_NUMBER =
      Set.of("and", "else", "for", "if", "in", "is", "not", "or");

  private static final Set<String> STRING_PREFIXES =
      Set.of("r", "u", "f", "b", "br", "rb", "fr", "rf");

  private final String file;
  private final String src;
  private final int n;
  private final List<Token> tokens = new ArrayList<>();
  /** Open indentation levels as {tab-size-8 column, tab-size-1 column}; the bottom is {0, 0}. */
  private final Deque<int[]> indents = new ArrayDeque<>();
  private final Deque<Token> brackets = new ArrayDeque<>();
  private int pos;
  private int line = 1;
  private int lineStart;
  private int previousLineStart;
  /** Set when the file ended inside brackets: the error reported is {@code '(' was never closed}. */
  private boolean unclosed;

  private Lexer(String file, String source) {
    this.file = file;
    this.src = source.replace("\r\n", "\n").replace('\r', '\n');
    this.n = src.length();
    if (n > 0 && src.charAt(0) == '\uFEFF') {
      pos = 1;
      lineStart = 1;
    }
    indents.push(new int[] {0, 0});
  }

  /**
   * Returns the tokens of {@code source}, ending with {@code END}.
   *
   * @param file the file name used in spans
   * @throws ParseError if the text is not made of Python tokens or is badly indented
   * @throws UnsupportedConstructError for complex numbers, f-strings and bytes literals
   */
  static List<Token> tokenize(String file, String source) {
    Lexer lexer = new Lexer(file, source);
    lexer.run();
    return lexer.tokens;
  }

  /**
   * Returns a stream over the tokens of {@code source} that throws the lexical error, if any,
   * only when the parser reads past the last good token.
   */
  static TokenStream stream(String file, String source) {
    Lexer lexer = new Lexer(file, source);
    try {
      lexer.run();
      return new TokenStream(lexer.tokens, null, false);
    } catch (ProgramError e) {
      return new TokenStream(lexer.tokens, e, lexer.unclosed);
    }
  }

  private void run() {
    boolean atLineStart = true;
    while (true) {
      if (atLineStart) {
        atLineStart = false;
        if (!startLogicalLine()) {
          if (pos >= n) {
            break;
          }
          newline();
          atLineStart = true;
          continue;
        }
      }
      skipWhitespace();
      if (pos >= n) {
        break;
      }
      char c = src.charAt(pos);
      if (c == '#') {
        skipComment();
      } else if (c == '\n') {
        if (brackets.isEmpty()) {
          addNewline(spanAt(pos));
        }
        newline();
        atLineStart = brackets.isEmpty();
      } else if (c == '\\') {
        continuation();
      } else if (isIdentifierStart(c)) {
        identifierOrString();
      } else if (isDigit(c) || (c == '.' && pos + 1 < n && isDigit(src.charAt(pos + 1)))) {
        number();
      } else if (c == '\'' || c == '"') {
        string(pos, "");
      } else {
        operator();
      }
    }
    finish();
  }

  /**
   * Measures the indentation of a new line and emits INDENT or DEDENTs.
   *
   * @return false if the line is blank or holds only a comment (the position is then at its
   *     line break or at the end of the file), true if it starts a logical line
   */
  private boolean startLogicalLine() {
    int col = 0;
    int alt = 0;
    for (; pos < n; pos++) {
      char c = src.charAt(pos);
      if (c == ' ') {
        col++;
        alt++;
      } else if (c == '\t') {
        col = (col / TAB_SIZE + 1) * TAB_SIZE;
        alt++;
      } else if (c == '\f') {
        col = 0;
        alt = 0;
      } else {
        break;
      }
    }
    if (pos < n && src.charAt(pos) == '#') {
      skipComment();
    }
    if (pos >= n || src.charAt(pos) == '\n') {
      return false;
    }
    indent(col, alt, spanAt(pos));
    return true;
  }

  private void indent(int col, int alt, Span span) {
    int[] top = indents.peek();
    if (col == top[0]) {
      if (alt != top[1]) {
        throw tabError(span);
      }
    } else if (col > top[0]) {
      if (alt <= top[1]) {
        throw tabError(span);
      }
      if (indents.size() > MAX_INDENT_LEVELS) {
        throw new ParseError(span, "too many levels of indentation");
      }
      indents.push(new int[] {col, alt});
      tokens.add(new Token(Kind.INDENT, "", null, span));
    } else {
      while (indents.size() > 1 && col < indents.peek()[0]) {
        indents.pop();
        tokens.add(new Token(Kind.DEDENT, "", null, span));
      }
      if (col != indents.peek()[0]) {
        throw new ParseError(span, "unindent does not match any outer indentation level");
      }
      if (alt != indents.peek()[1]) {
        throw tabError(span);
      }
    }
  }

  private static ParseError tabError(Span span) {
    return new ParseError(span, "inconsistent use of tabs and spaces in indentation");
  }

  private void skipWhitespace() {
    while (pos < n) {
      char c = src.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\f') {
        return;
      }
      pos++;
    }
  }

  private void skipComment() {
    while (pos < n && src.charAt(pos) != '\n') {
      pos++;
    }
  }

  /** Consumes the line break at {@code pos}. */
  private void newline() {
    pos++;
    line++;
    previousLineStart = lineStart;
    lineStart = pos;
  }

  private void continuation() {
    Span span = spanAt(pos);
    if (pos + 1 >= n) {
      throw new ParseError(span, "unexpected end of file after line continuation character");
    }
    if (src.charAt(pos + 1) != '\n') {
      throw new ParseError(span, "unexpected character after line continuation character");
    }
    pos++;
    newline();
  }

  private void addNewline(Span span) {
    if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() != Kind.NEWLINE) {
      tokens.add(new Token(Kind.NEWLINE, "\n", null, span));
    }
  }

  private void finish() {
    if (!brackets.isEmpty()) {
      Token open = brackets.peek();
      unclosed = true;
      throw new ParseError(open.span(), "'" + open.text() + "' was never closed");
    }
    Span end = endOfFile();
    addNewline(end);
    while (indents.size() > 1) {
      indents.pop();
      tokens.add(new Token(Kind.DEDENT, "", null, end));
    }
    tokens.add(new Token(Kind.END, "", null, end));
  }

  /** The position just after the last character of the last line. */
  private Span endOfFile() {
    if (pos == lineStart && line > 1) {
      // The file ends with a line break: stay on the line it ends.
      return new Span(file, line - 1, lineStart - previousLineStart);
    }
    return spanAt(pos);
  }

  private Span spanAt(int offset) {
    return new Span(file, line, offset - lineStart + 1);
  }

  private void identifierOrString() {
    int start = pos;
    while (pos < n && isIdentifierPart(src.charAt(pos))) {
      pos++;
    }
    String word = src.substring(start, pos);
    if (pos < n && (src.charAt(pos) == '\'' || src.charAt(pos) == '"')
        && STRING_PREFIXES.contains(word.toLowerCase(Locale.ROOT))) {
      string(start, word.toLowerCase(Locale.ROOT));
      return;
    }
    Kind kind = KEYWORDS.contains(word) ? Kind.KEYWORD : Kind.NAME;
    tokens.add(new Token(kind, word, null, spanAt(start)));
  }

  private void operator() {
    Span span = spanAt(pos);
    for (String op : OPERATORS) {
      if (src.startsWith(op, pos)) {
        pos += op.length();
        Token token = new Token(Kind.OP, op, null, span);
        bracket(token);
        tokens.add(token);
        return;
      }
    }
    int cp = src.codePointAt(pos);
    throw new ParseError(span, String.format(
        "invalid character '%s' (U+%04X)", new String(Character.toChars(cp)), cp));
  }

  private void bracket(Token token) {
    String t = token.text();
    if (t.equals("(") || t.equals("[") || t.equals("{")) {
      if (brackets.size() >= MAX_BRACKET_DEPTH) {
        throw new ParseError(token.span(), "too many nested parentheses");
      }
      brackets.push(token);
    } else if (t.equals(")") || t.equals("]") || t.equals("}")) {
      if (brackets.isEmpty()) {
        throw new ParseError(token.span(), "unmatched '" + t + "'");
      }
      Token open = brackets.pop();
      String expected = open.text().equals("(") ? ")" : open.text().equals("[") ? "]" : "}";
      if (!expected.equals(t)) {
        String where = open.span().line() == token.span().line()
            ? ""
            : " on line " + open.span().line();
        throw new ParseError(token.span(), "closing parenthesis '" + t
            + "' does not match opening parenthesis '" + open.text() + "'" + where);
      }
    }
  }

  // ---- numbers ----

  private void number() {
    int start = pos;
    Span span = spanAt(start);
    char c = src.charAt(pos);
    if (c == '0' && pos + 1 < n && "xXoObB".indexOf(src.charAt(pos + 1)) >= 0) {
      char kind = Character.toLowerCase(src.charAt(pos + 1));
      int radix = kind == 'x' ? 16 : kind == 'o' ? 8 : 2;
      String name = kind == 'x' ? "hexadecimal" : kind == 'o' ? "octal" : "binary";
      pos += 2;
      if (pos + 1 < n && src.charAt(pos) == '_' && isDigit(src.charAt(pos + 1), radix)) {
        pos++; // 0x_ff: a separator may follow the prefix
      }
      String digits = digits(radix);
      if (digits.isEmpty() || (pos < n && isIdentifierPart(src.charAt(pos)))) {
        throw new ParseError(span, "invalid " + name + " literal");
      }
      tokens.add(new Token(Kind.INT, src.substring(start, pos), new BigInteger(digits, radix),
          span));
      return;
    }
    String whole = digits(10);
    boolean isFloat = false;
    if (pos < n && src.charAt(pos) == '.') {
      pos++;
      isFloat = true;
      digits(10);
    }
    if (pos < n && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
      int sign = pos + 1 < n && (src.charAt(pos + 1) == '+' || src.charAt(pos + 1) == '-') ? 1 : 0;
      if (pos + 1 + sign < n && isDigit(src.charAt(pos + 1 + sign))) {
        pos += 1 + sign;
        digits(10);
        isFloat = true;
      }
    }
    if (pos < n && (src.charAt(pos) == 'j' || src.charAt(pos) == 'J')) {
      throw new UnsupportedConstructError(span, "complex", "complex numbers are not supported");
    }
    if (pos < n && isIdentifierPart(src.charAt(pos)) && !keywordFollows()) {
      throw new ParseError(span, "invalid decimal literal");
    }
    String text = src.substring(start, pos);
    String clean = text.replace("_", "");
    if (isFloat) {
      tokens.add(new Token(Kind.FLOAT, text, Double.parseDouble(clean), span));
      return;
    }
    if (whole.length() > 1 && whole.charAt(0) == '0' && !whole.chars().allMatch(d -> d == '0')) {
      throw new ParseError(span, "leading zeros in decimal integer literals are not permitted;"
          + " use an 0o prefix for octal integers");
    }
    tokens.add(new Token(Kind.INT, text, new BigInteger(clean), span));
  }

  /**
   * Returns whether a keyword that CPython lets touch a number ({@code 1if x else 2}) starts at
   * {@code pos}.
   */
  private boolean keywordFollows() {
    int end = pos;
    while (end < n && isIdentifierPart(src.charAt(end))) {
      end++;
    }
    return KEYWORDS_AFTER_NUMBER.contains(src.substring(pos, end));
  }

  /** Consumes digits of {@code radix} with single {@code _} separators; returns the digits. */
  private String digits(int radix) {
    StringBuilder digits = new StringBuilder();
    while (pos < n) {
      char c = src.charAt(pos);
      if (isDigit(c, radix)) {
        digits.append(c);
        pos++;
      } else if (c == '_' && digits.length() > 0 && pos + 1 < n
          && isDigit(src.charAt(pos + 1), radix)) {
        pos++;
      } else {
        break;
      }
    }
    return digits.toString();
  }

  // ---- strings ----

  /** Reads a string literal whose prefix (lower case) starts at {@code start}; pos is at the quote. */
  private void string(int start, String prefix) {
    Span span = spanAt(start);
    if (prefix.contains("f")) {
      throw new UnsupportedConstructError(span, "f-string", "f-strings are not supported");
    }
    if (prefix.contains("b")) {
      throw new UnsupportedConstructError(span, "bytes", "bytes literals are not supported");
    }
    boolean raw = prefix.contains("r");
    char quote = src.charAt(pos);
    String closing = String.valueOf(quote).repeat(3);
    boolean triple = src.startsWith(closing, pos);
    pos += triple ? 3 : 1;
    StringBuilder value = new StringBuilder();
    while (true) {
      if (pos >= n || (!triple && src.charAt(pos) == '\n')) {
        throw new ParseError(span, (triple ? "unterminated triple-quoted string literal"
            : "unterminated string literal") + " (detected at line " + line + ")");
      }
      char c = src.charAt(pos);
      if (c == quote && (!triple || src.startsWith(closing, pos))) {
        pos += triple ? 3 : 1;
        break;
      }
      if (c == '\n') {
        value.append('\n');
        newline();
      } else if (c == '\\' && pos + 1 < n) {
        escape(value, raw);
      } else {
        value.append(c);
        pos++;
      }
    }
    tokens.add(new Token(Kind.STRING, src.substring(start, pos), value.toString(), span));
  }

  /** Decodes the escape sequence at {@code pos} (a backslash with a character after it). */
  private void escape(StringBuilder value, boolean raw) {
    Span span = spanAt(pos);
    char d = src.charAt(pos + 1);
    if (d == '\n') {
      pos++;
      if (raw) {
        value.append("\\\n");
      }
      newline();
      return;
    }
    pos += 2;
    if (raw) {
      value.append('\\').append(d);
      return;
    }
    switch (d) {
      case '\\': case '\'': case '"':
        value.append(d);
        return;
      case 'a':
        value.append('\u0007');
        return;
      case 'b':
        value.append('\b');
        return;
      case 'f':
        value.append('\f');
        return;
      case 'n':
        value.append('\n');
        return;
      case 'r':
        value.append('\r');
        return;
      case 't':
        value.append('\t');
        return;
      case 'v':
        value.append('\u000B');
        return;
      case 'x':
        value.appendCodePoint(hexEscape(2, span, "truncated \\xXX escape"));
        return;
      case 'u':
        value.appendCodePoint(hexEscape(4, span, "truncated \\uXXXX escape"));
        return;
      case 'U':
        value.appendCodePoint(hexEscape(8, span, "truncated \\UXXXXXXXX escape"));
        return;
      case 'N':
        value.appendCodePoint(namedEscape(span));
        return;
      default:
        if (d >= '0' && d <= '7') {
          int code = d - '0';
          for (int i = 0; i < 2 && pos < n && src.charAt(pos) >= '0' && src.charAt(pos) <= '7';
              i++) {
            code = code * 8 + (src.charAt(pos++) - '0');
          }
          value.append((char) code);
        } else {
          // Python keeps an unknown escape as written (with a warning).
          value.append('\\').append(d);
        }
    }
  }

  private int hexEscape(int count, Span span, String problem) {
    if (pos + count > n) {
      throw new ParseError(span, problem);
    }
    int code = 0;
    for (int i = 0; i < count; i++) {
      int digit = Character.digit(src.charAt(pos + i), 16);
      if (digit < 0 || src.charAt(pos + i) > 127) {
        throw new ParseError(span, problem);
      }
      code = code * 16 + digit;
      if (code > Character.MAX_CODE_POINT) {
        throw new ParseError(span, "illegal Unicode character in escape");
      }
    }
    pos += count;
    return code;
  }

  private int namedEscape(Span span) {
    int close = src.indexOf('}', pos);
    int lineEnd = src.indexOf('\n', pos);
    if (pos >= n || src.charAt(pos) != '{' || close < 0 || (lineEnd >= 0 && close > lineEnd)) {
      throw new ParseError(span, "malformed \\N character escape");
    }
    String name = src.substring(pos + 1, close);
    pos = close + 1;
    try {
      return Character.codePointOf(name);
    } catch (IllegalArgumentException e) {
      throw new ParseError(span, "unknown Unicode character name '" + name + "'");
    }
  }

  // ---- character classes ----

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isDigit(char c, int radix) {
    return c < 128 && Character.digit(c, radix) >= 0;
  }

  private static boolean isIdentifierStart(char c) {
    return c == '_' || (c < 128 ? Character.isLetter(c) : Character.isUnicodeIdentifierStart(c));
  }

  private static boolean isIdentifierPart(char c) {
    if (c < 128) {
      return c == '_' || Character.isLetterOrDigit(c);
    }
    return Character.isUnicodeIdentifierPart(c) && !Character.isIdentifierIgnorable(c);
  }
}
