package symtrace.symbolic.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.parse.ExprParser;

/**
 * PyTorch's Python guard form: the expressions of recorded guards (in sympy text, from the
 * conformance suite) printed with the symbols replaced by their sources must equal the strings
 * current PyTorch's {@code produce_guards} returned for the same programs.
 */
class PythonPrinterTest {
  private static final Map<String, String> SOURCES = Map.of(
      "s75", "L['x'].size()[0]",
      "s96", "L['x'].size()[1]",
      "s57", "L['y'].size()[0]",
      "s7", "L['x'].size()[2]",
      "s92", "L['x'].size()[3]",
      "s30", "L['n']",
      "s24", "L['w'].size()[0]",
      "s0", "L['a'].size()[0]",
      "s1", "L['b'].size()[0]",
      "s2", "L['a'].size()[1]");

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("Ne(-s57 + 2*s96 + ((s75//2)) + (Mod(s75, 3)), 1)",
            "(((-1)*L['y'].size()[0]) + 2*L['x'].size()[1] + (L['x'].size()[0] // 2) + (L['x'].size()[0] % 3)) != 1"),
        Arguments.of("Eq(Mod(((s75*s96)//4), 2), 0)",
            "(((L['x'].size()[0]*L['x'].size()[1]) // 4) % 2) == 0"),
        Arguments.of("Ne(s96 - 1, 1)", "((-1) + L['x'].size()[1]) != 1"),
        Arguments.of("Ne(s75 - 2, 1)", "((-2) + L['x'].size()[0]) != 1"),
        Arguments.of("Ne(((s96 + 1)//2), 1)", "((1 + L['x'].size()[1]) // 2) != 1"),
        Arguments.of("Ne(((s75 + s96)//3), 1)", "((L['x'].size()[0] + L['x'].size()[1]) // 3) != 1"),
        Arguments.of("Eq(Mod(s75*s96, 4), 0)", "((L['x'].size()[0]*L['x'].size()[1]) % 4) == 0"),
        Arguments.of("Ne(((s75*s96)//4), s75)",
            "((L['x'].size()[0]*L['x'].size()[1]) // 4) != L['x'].size()[0]"),
        Arguments.of("Eq(Mod(s75, 2), 0)", "(L['x'].size()[0] % 2) == 0"),
        Arguments.of("Ne(s75 - ((s75//2)), 1)", "(L['x'].size()[0] + (-1)*(L['x'].size()[0] // 2)) != 1"),
        Arguments.of("((s75//2)) <= s75", "(L['x'].size()[0] // 2) <= L['x'].size()[0]"),
        Arguments.of("Ne(s75**2 - s96, 1)",
            "(L['x'].size()[0]*L['x'].size()[0] + ((-1)*L['x'].size()[1])) != 1"),
        Arguments.of("Eq(s75*s96, 4*(((s75*s96)//4)))",
            "(L['x'].size()[0]*L['x'].size()[1]) == (4*((L['x'].size()[0]*L['x'].size()[1]) // 4))"),
        Arguments.of("Eq(s7*s75*s96, 4*s75*s96*((s7//4)))",
            "(L['x'].size()[2]*L['x'].size()[0]*L['x'].size()[1]) == (4*L['x'].size()[0]*L['x'].size()[1]*(L['x'].size()[2] // 4))"),
        Arguments.of("Ne(s30*s75, 1)", "(L['n']*L['x'].size()[0]) != 1"),
        Arguments.of("s30*s75*s96 >= 2", "L['n']*L['x'].size()[0]*L['x'].size()[1] >= 2"),
        Arguments.of("(((s7 - s96)//4)) + 1 >= 1",
            "1 + ((L['x'].size()[2] + ((-1)*L['x'].size()[1])) // 4) >= 1"),
        Arguments.of("s7 - s96 + 1 > 0", "1 + L['x'].size()[2] + ((-1)*L['x'].size()[1]) > 0"),
        Arguments.of("Eq(s0, 2*s1)", "L['a'].size()[0] == (2*L['b'].size()[0])"),
        Arguments.of("2*s1*s2 > 20", "2*L['b'].size()[0]*L['a'].size()[1] > 20"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("cases")
  void printsAsPyTorchGuard(String sympyText, String expected) {
    Expr e = ExprParser.parse(sympyText,
        name -> name.equals("s30") ? Sym.integer(name) : Sym.size(name));
    assertEquals(expected, PythonPrinter.print(e, s -> SOURCES.get(s.name())));
  }
}
