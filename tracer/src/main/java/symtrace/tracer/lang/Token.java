package symtrace.tracer.lang;

/**
 * One token of a program, as {@link Lexer} produces it.
 *
 * @param kind what the token is
 * @param text the token's source text ({@code ""} for {@code NEWLINE} at end of file, {@code
 *     INDENT}, {@code DEDENT} and {@code END})
 * @param value the decoded literal: a {@link java.math.BigInteger} for {@code INT}, a {@link
 *     Double} for {@code FLOAT}, a {@link String} for {@code STRING}; null otherwise
 * @param span where the token starts
 */
record Token(Token.Kind kind, String text, Object value, Span span) {
  /** Token kinds, following Python's {@code tokenize} module. */
  enum Kind {
    /** An identifier that is not a keyword. */
    NAME,
    /** One of Python's reserved words ({@code def}, {@code if}, {@code True}, ...). */
    KEYWORD,
    /** An integer literal. */
    INT,
    /** A floating-point literal. */
    FLOAT,
    /** A string literal, with its escapes decoded. */
    STRING,
    /** An operator or delimiter. */
    OP,
    /** The end of a logical line. */
    NEWLINE,
    /** The start of a more indented block. */
    INDENT,
    /** The end of an indented block. */
    DEDENT,
    /** The end of the file. */
    END
  }

  /** Returns whether this is the operator, delimiter or keyword {@code symbol}. */
  boolean is(String symbol) {
    return (kind == Kind.OP || kind == Kind.KEYWORD) && text.equals(symbol);
  }

  /** Describes the token for an error message: {@code 'x'}, {@code end of line}, ... */
  String describe() {
    switch (kind) {
      case NEWLINE:
        return "end of line";
      case INDENT:
        return "an indented line";
      case DEDENT:
        return "the end of the indented block";
      case END:
        return "end of file";
      case STRING:
        return "a string";
      default:
        return "'" + text + "'";
    }
  }
}
