package symtrace.tracer.lang;

import java.util.Objects;

/**
 * The program is valid Python but uses a construct outside the traceable subset of {@code
 * spec/program-language.md}: a {@code while} loop, a {@code lambda}, a class, a comprehension,
 * {@code *args}, and so on.
 *
 * <p>The error names the construct twice: {@link #construct()} is a short stable key for
 * programs (for example {@code "while"}, {@code "lambda"}, {@code "comprehension"}, {@code
 * "*args"}), and the message says it in words, {@code f.py:3:5: while loops are not supported}.
 * The span is the construct's first token.
 */
public final class UnsupportedConstructError extends ProgramError {
  private static final long serialVersionUID = 1L;
  private final String construct;

  /**
   * Creates the error.
   *
   * @param construct the short key of the construct, such as {@code "while"}
   * @param problem the message without the location, such as {@code while loops are not
   *     supported}
   */
  public UnsupportedConstructError(Span span, String construct, String problem) {
    super(span, problem);
    this.construct = Objects.requireNonNull(construct, "construct");
  }

  /** The short key of the rejected construct, such as {@code "while"} or {@code "*args"}. */
  public String construct() {
    return construct;
  }
}
