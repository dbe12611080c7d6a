package symtrace.tracer.lang;

import java.util.Objects;

/**
 * A position in a program file: the file name as given to the parser and a 1-based line and
 * column.
 *
 * <p>Lines and columns start counting at 1. A column counts characters (UTF-16 code units), so
 * a tab is one column, as in Python's own {@code col_offset + 1} for ASCII text. Every AST node
 * carries the span of its first character, which is where Python's {@code ast} module puts a
 * node: a binary operation starts at its left operand (or the parenthesis around it), a call at
 * its callee, an {@code elif} branch at the {@code elif} keyword.
 */
public record Span(String file, int line, int column) {
  /**
   * Validates the position.
   *
   * @throws IllegalArgumentException if {@code line} or {@code column} is below 1
   */
  public Span {
    Objects.requireNonNull(file, "file");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column start at 1: " + line + ":" + column);
    }
  }

  /** Returns the span at {@code line} and {@code column} of {@code file}. */
  public static Span of(String file, int line, int column) {
    return new Span(file, line, column);
  }

  /** Returns {@code file:line:column}, the prefix of every error message. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
