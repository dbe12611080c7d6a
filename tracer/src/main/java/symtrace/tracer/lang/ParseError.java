package symtrace.tracer.lang;

/**
 * The program text is not valid Python, as CPython's tokenizer or parser would reject it: an
 * unexpected token, a missing colon, bad indentation, an unterminated string, an unclosed
 * bracket.
 *
 * <p>Messages follow CPython's where it has a clear one ({@code unexpected indent}, {@code
 * expected an indented block after 'if' statement on line 3}, {@code '(' was never closed}) and
 * otherwise say what was expected and what was found ({@code expected ':', found 'x'}).
 */
public final class ParseError extends ProgramError {
  private static final long serialVersionUID = 1L;

  /** Creates the error at {@code span}; {@code problem} is the message without the location. */
  public ParseError(Span span, String problem) {
    super(span, problem);
  }
}
