package symtrace.tracer.run.report;

/**
 * Escaping for HTML and SVG text and attribute values. Every string that comes from a program,
 * an expression or an input goes through {@link #escape} before it reaches the page.
 */
final class Html {
  private Html() {}

  /** The text with {@code & < > " '} replaced by entities: safe as element text and attribute. */
  static String escape(Object value) {
    String s = String.valueOf(value);
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String entity = switch (c) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        default -> null;
      };
      if (entity == null) {
        if (b != null) {
          b.append(c);
        }
        continue;
      }
      if (b == null) {
        b = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      b.append(entity);
    }
    return b == null ? s : b.toString();
  }

  /** A token usable in an {@code id} or a class name: letters, digits, {@code - _ .} kept. */
  static String token(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' ? c : '_');
    }
    return b.toString();
  }
}
