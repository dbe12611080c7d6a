package symtrace.symbolic.parse;

import symtrace.symbolic.SymtraceException;

/** A malformed expression: the message names the 1-based column and what was expected. */
public final class ExprParseException extends SymtraceException {
  private static final long serialVersionUID = 1L;
  private final int column;

  public ExprParseException(String text, int column, String problem) {
    super("column " + column + ": " + problem);
    this.column = column;
  }

  /** The 1-based column where the problem was found. */
  public int column() {
    return column;
  }
}
