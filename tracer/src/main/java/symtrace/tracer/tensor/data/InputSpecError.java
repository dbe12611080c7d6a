package symtrace.tracer.tensor.data;

import symtrace.symbolic.SymtraceException;

/**
 * A malformed input specification ({@code f32[3,x]}), with the text and the 1-based column of
 * the first character that could not be read. The message reads {@code invalid input spec
 * 'f32[3,x]': column 7: expected a size (a non-negative integer), found 'x'}.
 */
public final class InputSpecError extends SymtraceException {
  private static final long serialVersionUID = 1L;

  private final String spec;
  private final int column;

  public InputSpecError(String spec, int column, String problem) {
    super("invalid input spec '" + spec + "': column " + column + ": " + problem);
    this.spec = spec;
    this.column = column;
  }

  /** The text that was parsed. */
  public String spec() {
    return spec;
  }

  /** The 1-based column of the problem within {@link #spec()}. */
  public int column() {
    return column;
  }
}
