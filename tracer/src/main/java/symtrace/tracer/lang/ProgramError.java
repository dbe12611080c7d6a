package symtrace.tracer.lang;

import java.util.Objects;
import symtrace.symbolic.SymtraceException;

/**
 * An error located in a program's source: what is wrong, and the {@link Span} where it is.
 *
 * <p>{@link #getMessage()} is one line, {@code file:line:col: what is wrong}, which is what the
 * command line prints. {@link #render(String)} adds the offending source line and a caret under
 * the column:
 *
 * <pre>
 * f.py:3:5: while loops are not supported
 *     while n &gt; 0:
 *     ^
 * </pre>
 *
 * <p>Subclasses name the kind of problem: {@link ParseError} for text that is not Python (or is
 * malformed), {@link UnsupportedConstructError} for valid Python outside the traceable subset.
 */
public abstract class ProgramError extends SymtraceException {
  private static final long serialVersionUID = 1L;
  private final Span span;
  private final String problem;

  /**
   * Creates an error at {@code span}.
   *
   * @param problem what is wrong, a phrase without the location and without a final period
   */
  protected ProgramError(Span span, String problem) {
    super(Objects.requireNonNull(span, "span") + ": " + Objects.requireNonNull(problem, "problem"));
    this.span = span;
    this.problem = problem;
  }

  /** Where the problem is. */
  public Span span() {
    return span;
  }

  /** What is wrong, without the location: the message after {@code file:line:col: }. */
  public String problem() {
    return problem;
  }

  /**
   * Returns the message, then the source line of the span and a caret under its column.
   *
   * <p>Tabs before the column are kept in the caret line so that the caret lines up with the
   * source in a terminal. When {@code source} has no such line (it is not the text the span
   * refers to), the message alone is returned.
   *
   * @param source the text of the program the span refers to
   */
  public String render(String source) {
    String line = sourceLine(source, span.line());
    if (line == null) {
      return getMessage();
    }
    StringBuilder caret = new StringBuilder();
    for (int i = 0; i < span.column() - 1; i++) {
      caret.append(i < line.length() && line.charAt(i) == '\t' ? '\t' : ' ');
    }
    caret.append('^');
    return getMessage() + "\n" + line.stripTrailing() + "\n" + caret;
  }

  /** Returns line {@code number} (1-based) of {@code source}, or null if there is none. */
  static String sourceLine(String source, int number) {
    if (source == null) {
      return null;
    }
    int start = 0;
    for (int n = 1; n < number; n++) {
      int next = nextLineStart(source, start);
      if (next < 0) {
        return null;
      }
      start = next;
    }
    if (start > source.length() || (start == source.length() && number > 1)) {
      return null;
    }
    int end = start;
    while (end < source.length() && source.charAt(end) != '\n' && source.charAt(end) != '\r') {
      end++;
    }
    return source.substring(start, end);
  }

  /** Returns the offset after the line break that ends the line at {@code start}, or -1. */
  private static int nextLineStart(String source, int start) {
    for (int i = start; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\n') {
        return i + 1;
      }
      if (c == '\r') {
        return i + 1 < source.length() && source.charAt(i + 1) == '\n' ? i + 2 : i + 1;
      }
    }
    return -1;
  }
}
