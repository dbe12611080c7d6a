package symtrace.symbolic.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.parse.ExprParser;

/**
 * Every guard text that current PyTorch printed for the conformance programs (136 strings,
 * {@code pytorch-guard-texts.tsv}) is read, rebuilt through the smart constructors and printed
 * again: the text must come back character for character. This checks canonical order,
 * coefficient handling and parenthesization against sympy itself.
 */
class PyTorchGuardTextTest {
  @Test
  void reprintsEveryRecordedGuardIdentically() throws IOException {
    List<String> mismatches = new ArrayList<>();
    int checked = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        getClass().getResourceAsStream("/pytorch-guard-texts.tsv"), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] cols = line.split("\t", 2);
        Set<String> ints = cols[0].isEmpty() ? Set.of() : Set.of(cols[0].split(","));
        String text = cols[1];
        Expr e = ExprParser.parse(text, name -> ints.contains(name) ? Sym.integer(name) : Sym.size(name));
        checked++;
        if (!SympyPrinter.print(e).equals(text)) {
          mismatches.add(text + "  printed as  " + SympyPrinter.print(e));
        }
      }
    }
    assertTrue(checked >= 130, "fixture too small: " + checked);
    assertEquals(List.of(), mismatches);
  }
}
