package symtrace.tracer.lang;

import java.util.List;
import symtrace.tracer.lang.Token.Kind;

/**
 * The parser's cursor over the tokens of one file.
 *
 * <p>The lexer's tokens are read up front, but a lexical error is reported only when the parser
 * reaches it: the tokens before a bad one are still delivered, and asking for a token past them
 * throws the lexer's error. So the error the user sees is always the first one in the file,
 * whether the tokenizer or the parser finds it.
 */
final class TokenStream {
  private final List<Token> tokens;
  private final ProgramError pending;
  private final boolean pendingIsUnclosedBracket;
  private int index;

  /**
   * Creates a stream over {@code tokens}; when {@code pending} is null the list ends with
   * {@code END}, otherwise reading past the list throws {@code pending}.
   *
   * @param pendingIsUnclosedBracket whether {@code pending} reports a bracket never closed
   */
  TokenStream(List<Token> tokens, ProgramError pending, boolean pendingIsUnclosedBracket) {
    this.tokens = tokens;
    this.pending = pending;
    this.pendingIsUnclosedBracket = pending != null && pendingIsUnclosedBracket;
  }

  /** Returns the stream of the tokens of {@code source}. */
  static TokenStream of(String file, String source) {
    return Lexer.stream(file, source);
  }

  /**
   * Returns the error to report for {@code error}, raised while parsing: the lexer's {@code
   * '(' was never closed} when that bracket opens at or before {@code error}, since everything
   * after an unclosed bracket is inside it and the bracket is the likelier mistake (CPython
   * makes the same choice); otherwise {@code error} itself.
   */
  ProgramError preferUnclosedBracket(ProgramError error) {
    if (!pendingIsUnclosedBracket || error == pending) {
      return error;
    }
    Span open = pending.span();
    Span at = error.span();
    boolean before = open.line() < at.line()
        || (open.line() == at.line() && open.column() <= at.column());
    return before ? pending : error;
  }

  /** Returns the next token without consuming it. */
  Token peek() {
    return peek(0);
  }

  /** Returns the token {@code ahead} positions after the next one, without consuming. */
  Token peek(int ahead) {
    int i = index + ahead;
    if (i < tokens.size()) {
      return tokens.get(i);
    }
    if (pending != null) {
      throw pending;
    }
    return tokens.get(tokens.size() - 1);
  }

  /** Consumes and returns the next token. */
  Token next() {
    Token t = peek();
    if (t.kind() != Kind.END) {
      index++;
    }
    return t;
  }

  /** Returns whether the next token is the operator, delimiter or keyword {@code symbol}. */
  boolean at(String symbol) {
    return peek().is(symbol);
  }

  /** Returns whether the next token is of {@code kind}. */
  boolean at(Kind kind) {
    return peek().kind() == kind;
  }

  /** Consumes the next token if it is {@code symbol}; returns whether it did. */
  boolean accept(String symbol) {
    if (at(symbol)) {
      next();
      return true;
    }
    return false;
  }

  /** Consumes {@code symbol} or throws {@code expected 'symbol', found ...}. */
  Token expect(String symbol) {
    if (!at(symbol)) {
      throw expected("'" + symbol + "'");
    }
    return next();
  }

  /** Consumes a name or throws {@code expected what, found ...}. */
  Token expectName(String what) {
    if (!at(Kind.NAME)) {
      throw expected(what);
    }
    return next();
  }

  /** Returns {@code expected what, found <next token>} at the next token. */
  ParseError expected(String what) {
    Token t = peek();
    return new ParseError(t.span(), "expected " + what + ", found " + t.describe());
  }
}
