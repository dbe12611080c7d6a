package symtrace.tracer.lang;

import java.util.Objects;
import symtrace.tracer.lang.Token.Kind;

/**
 * Parses program files and expressions of the program language into the AST of {@link Stmt}
 * and {@link Expr}.
 *
 * <p>The language is the traceable subset of Python described in {@code
 * spec/program-language.md}: every accepted file is valid Python with the same meaning, and
 * every valid Python construct outside the subset is rejected with an {@link
 * UnsupportedConstructError} naming it. Text that is not valid Python raises a {@link
 * ParseError}. Both carry the {@link Span} of the first problem in the file; nothing else is
 * thrown for any input (deep nesting is bounded, not a stack overflow).
 *
 * <p>The code symtrace prints for a traced graph, and PyTorch's {@code gm.code}, are programs in
 * this language: {@code def forward(self, x_1):}, statements joined with {@code ;}, {@code a = b
 * = None}, {@code torch.ops.aten.add.Tensor(x_1, y_1, alpha = 2)}, {@code getitem[0]}.
 *
 * <p>The class is stateless; parsing takes time linear in the length of the source.
 */
public final class Parser {
  private Parser() {}

  /**
   * Parses a program file: its header comments and its statements.
   *
   * @param file the file name used in spans and messages, such as {@code branch_on_size.py}
   * @param source the file's text
   * @throws ParseError if the text is not valid Python, or the header is malformed
   * @throws UnsupportedConstructError if it uses Python outside the subset
   */
  public static Program parse(String file, String source) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(source, "source");
    ProgramHeader header = ProgramHeader.parse(file, source);
    TokenStream in = TokenStream.of(file, source);
    try {
      return new Program(file, header, new StatementParser(in).file(), source);
    } catch (ProgramError e) {
      throw in.preferUnclosedBracket(e);
    }
  }

  /**
   * Parses one expression, such as {@code x.shape[0] + 1} or {@code a, b}: what may follow
   * {@code return}, on a single logical line.
   *
   * @param file the name used in spans
   * @throws ParseError if the text is not one valid expression
   * @throws UnsupportedConstructError if it uses Python outside the subset
   */
  public static Expr parseExpression(String file, String source) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(source, "source");
    TokenStream in = TokenStream.of(file, source);
    if (in.at(Kind.INDENT)) {
      in.next(); // Leading indentation is not a block here.
    }
    try {
      Expr e = new ExpressionParser(in).testList();
      while (in.at(Kind.NEWLINE) || in.at(Kind.DEDENT)) {
        in.next();
      }
      if (!in.at(Kind.END)) {
        throw in.expected("end of the expression");
      }
      return e;
    } catch (ProgramError e) {
      throw in.preferUnclosedBracket(e);
    }
  }
}
