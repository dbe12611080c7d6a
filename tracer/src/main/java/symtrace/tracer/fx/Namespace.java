package symtrace.tracer.fx;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FX's {@code _Namespace}: unique Python identifiers for nodes. A candidate is cleaned of
 * illegal characters; a taken name gets the next free numeric suffix of its base ({@code sum},
 * {@code sum_1}, ...), and Python keywords and builtins are avoided.
 */
final class Namespace {
  private static final Pattern ILLEGAL = Pattern.compile("[^0-9a-zA-Z_]+");
  private static final Pattern SUFFIX = Pattern.compile("(.*)_(\\d+)$");
  private static final Set<String> RESERVED = Set.of(
      "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
      "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
      "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
      "try", "while", "with", "yield", "self", "torch", "operator", "math", "inf", "nan",
      "int", "float", "bool", "list", "tuple", "dict", "str", "len", "range", "sum", "max",
      "min", "abs", "print", "type", "object", "slice", "getattr", "sym_size", "device",
      "fx_pytree", "pytree");

  private final Set<String> used = new HashSet<>();
  private final Map<String, Integer> baseCount = new HashMap<>();

  String create(String candidate) {
    String c = ILLEGAL.matcher(candidate).replaceAll("_");
    if (c.isEmpty()) {
      c = "_unnamed";
    }
    if (Character.isDigit(c.charAt(0))) {
      c = "_" + c;
    }
    Matcher m = SUFFIX.matcher(c);
    String base;
    int num;
    if (m.matches()) {
      base = m.group(1);
      num = Integer.parseInt(m.group(2));
      c = base + "_" + num;
    } else {
      base = c;
      num = 0;
    }
    if (num == 0) {
      num = baseCount.getOrDefault(base, 0);
    }
    while (used.contains(c) || RESERVED.contains(c)) {
      num++;
      c = base + "_" + num;
    }
    used.add(c);
    baseCount.put(base, num);
    return c;
  }

  /** Frees nothing: FX keeps an erased node's name taken, so later names do not reuse it. */
  boolean isUsed(String name) {
    return used.contains(name);
  }
}
