package symtrace.tracer.run.explain;

import symtrace.tracer.lang.AstPrinter;
import symtrace.tracer.lang.Expr;
import symtrace.tracer.lang.Parser;
import symtrace.tracer.lang.Program;
import symtrace.tracer.lang.ProgramError;

/**
 * The program text of an expression: an AST node knows only where it starts, so the text is the
 * shortest stretch of its line from there that parses to the same expression.
 */
final class SourceText {
  private SourceText() {}

  /** The text and its 0-based start and end columns on its line. */
  record Found(String text, int start, int end) {}

  /** The expression's text on its line, or null when it spans lines. */
  static Found of(Program program, Expr e) {
    String line = program.sourceLine(e.span().line());
    int start = e.span().column() - 1;
    if (start >= line.length()) {
      return null;
    }
    String want = AstPrinter.print(e, false);
    for (int end = start + 1; end <= line.length(); end++) {
      String text = line.substring(start, end);
      try {
        if (AstPrinter.print(Parser.parseExpression(program.file(), text), false).equals(want)) {
          return new Found(text, start, end);
        }
      } catch (ProgramError notYet) {
        // a prefix that is not an expression yet: read one more character
      }
    }
    return null;
  }
}
