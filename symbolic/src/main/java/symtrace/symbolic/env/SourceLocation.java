package symtrace.symbolic.env;

/**
 * A place in a program: file, 1-based line and column, and the text of that line. Guards and
 * runtime asserts carry the location of the code that caused them.
 */
public record SourceLocation(String file, int line, int column, String code) {
  /** Returns {@code file:line:column}. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
