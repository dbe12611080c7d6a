package symtrace.tracer.lang;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Broken variants of a program for fuzz tests: a token or a line deleted, duplicated or swapped
 * with another, chosen by a seeded {@link Random}.
 */
public final class ProgramMutations {
  /** A rough Python tokenizer: names, numbers, short strings, operators, line breaks, blanks. */
  private static final Pattern TOKEN = Pattern.compile(
      "[A-Za-z_]\\w*|\\d[\\w.]*|\"[^\"\\n]*\"|'[^'\\n]*'|\\*\\*|//|==|!=|<=|>=|\\n|[ \\t]+|[^\\s\\w]");

  private ProgramMutations() {}

  /** One random edit of {@code source}. */
  public static String mutate(String source, Random random) {

    int kind = random.nextInt(6);
    if (kind < 3) {
      List<String> tokens = new ArrayList<>();
      Matcher m = TOKEN.matcher(source);
      while (m.find()) {
        tokens.add(m.group());
      }
      List<Integer> significant = new ArrayList<>();
      for (int i = 0; i < tokens.size(); i++) {
        if (!tokens.get(i).isBlank()) {
          significant.add(i);
        }
      }
      int j = significant.get(random.nextInt(significant.size()));
      if (kind == 0) {
        tokens.remove(j);
      } else if (kind == 1) {
        tokens.add(j, tokens.get(j));
      } else {
        int k = significant.get(random.nextInt(significant.size()));
        String t = tokens.get(j);
        tokens.set(j, tokens.get(k));
        tokens.set(k, t);
      }
      return String.join("", tokens);
    }
    List<String> lines = new ArrayList<>(Arrays.asList(source.split("\n", -1)));
    int j = random.nextInt(lines.size());
    if (kind == 3) {
      lines.remove(j);
    } else if (kind == 4) {
      lines.add(j, lines.get(j));
    } else {
      int k = random.nextInt(lines.size());
      String t = lines.get(j);
      lines.set(j, lines.get(k));
      lines.set(k, t);
    }
    return String.join("\n", lines);
  }
}
