package symtrace.symbolic.expr;

import java.util.function.Function;

/** The symbols of {@link RandomExprs}, looked up by name when reparsing printed text. */
final class ExprParserSymbols {
  static final Function<String, Sym> BY_NAME = name -> {
    for (Sym s : RandomExprs.SYMBOLS) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown symbol " + name);
  };

  private ExprParserSymbols() {}
}
