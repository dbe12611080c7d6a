package symtrace.tracer.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renames the symbols of printed code or guards to a canonical form, {@code s<N>} and {@code
 * u<N>} numbered in order of first appearance, so two traces that differ only in symbol
 * numbering (PyTorch hashes source names into numbers) compare equal. Symbols are counted across
 * all the texts given to one renaming, so code and guards of one trace stay consistent.
 */
public final class SymbolRenaming {
  private static final Pattern SYMBOL = Pattern.compile("\\b([su])(\\d+)\\b");
  private final Map<String, String> names = new HashMap<>();
  private int backed;
  private int unbacked;

  public String apply(String text) {
    Matcher m = SYMBOL.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = names.computeIfAbsent(m.group(), k -> k.charAt(0) == 's'
          ? "s" + backed++ : "u" + unbacked++);
      m.appendReplacement(out, name);
    }
    m.appendTail(out);
    return out.toString();
  }

  public List<String> apply(List<String> texts) {
    return texts.stream().map(this::apply).toList();
  }
}
