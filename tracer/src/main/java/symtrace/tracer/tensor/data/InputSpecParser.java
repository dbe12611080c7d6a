package symtrace.tracer.tensor.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import symtrace.tracer.tensor.DType;

/**
 * A hand-written reader of input specs. Grammar (spaces are allowed inside brackets and
 * braces, nowhere else):
 *
 * <pre>
 * assignments := (NAME '=' spec)*            separated by whitespace
 * spec        := DTYPE '[' (SIZE (',' SIZE)*)? ']' ('{' INT '..' INT '}')?
 *              | 'int' '=' INT | 'float' '=' FLOAT | 'bool' '=' ('true' | 'false')
 * DTYPE       := 'f32' | 'f64' | 'i64' | 'i32' | 'bool' | 'b8'
 * </pre>
 *
 * Errors carry the 1-based column within the whole text.
 */
final class InputSpecParser {
  private static final Pattern FLOAT = Pattern.compile(
      "[+-]?(?:inf|nan|(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)");
  private static final Pattern INT = Pattern.compile("[+-]?\\d+");

  private final String text;
  private int pos;

  private InputSpecParser(String text) {
    this.text = text;
  }

  static InputSpec parseSpec(String text) {
    InputSpecParser p = new InputSpecParser(text);
    InputSpec spec = p.spec();
    if (p.pos < text.length()) {
      throw p.error("unexpected " + p.found() + " after the spec");
    }
    return spec;
  }

  static Map<String, InputSpec> parseAssignments(String text) {
    InputSpecParser p = new InputSpecParser(text);
    Map<String, InputSpec> out = new LinkedHashMap<>();
    p.skipWhitespace();
    while (p.pos < text.length()) {
      int nameStart = p.pos;
      String name = p.word();
      if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
        p.pos = nameStart;
        throw p.error("expected a parameter name, found " + p.found());
      }
      p.expect('=', "'=' after the parameter name");
      if (out.containsKey(name)) {
        p.pos = nameStart;
        throw p.error("parameter '" + name + "' is given twice");
      }
      out.put(name, p.spec());
      if (p.pos < text.length() && !Character.isWhitespace(text.charAt(p.pos))) {
        throw p.error("unexpected " + p.found() + " after the spec of '" + name + "'");
      }
      p.skipWhitespace();
    }
    return out;
  }

  private InputSpec spec() {
    int start = pos;
    String kind = word();
    if (pos < text.length() && text.charAt(pos) == '=') {
      switch (kind) {
        case "int":
          pos++;
          return new InputSpec.IntInput(integer("an int"));
        case "float":
          pos++;
          return new InputSpec.FloatInput(floating());
        case "bool":
          pos++;
          return new InputSpec.BoolInput(bool());
        default:
          break;
      }
    }
    DType dtype = kind.equals("bool") ? DType.BOOL : DType.fromShortName(kind);
    if (dtype == null) {
      pos = start;
      if (kind.isEmpty()) {
        throw error("expected a dtype (f32, f64, i64, i32, bool) or a scalar (int=, float=,"
            + " bool=), found " + found());
      }
      throw error("unknown dtype '" + kind + "' (expected f32, f64, i64, i32 or bool)");
    }
    expect('[', "'[' after the dtype");
    List<Long> shape = new ArrayList<>();
    skipSpaces();
    if (!peek(']')) {
      while (true) {
        skipSpaces();
        shape.add(size());
        skipSpaces();
        if (peek(',')) {
          pos++;
          continue;
        }
        break;
      }
    }
    expect(']', "',' or ']' in the shape");
    Long low = null;
    Long high = null;
    if (peek('{')) {
      if (!dtype.isInteger()) {
        throw error("a value range needs an integer dtype (i64 or i32), not "
            + (dtype == DType.BOOL ? "bool" : dtype.shortName()));
      }
      int rangeStart = pos;
      pos++;
      skipSpaces();
      low = integer("the lower bound of the range");
      skipSpaces();
      if (!text.startsWith("..", pos)) {
        throw error("expected '..' in the range, found " + found());
      }
      pos += 2;
      skipSpaces();
      high = integer("the upper bound of the range");
      skipSpaces();
      expect('}', "'}' after the range");
      if (low > high) {
        pos = rangeStart;
        throw error("empty value range " + low + ".." + high);
      }
    }
    return new InputSpec.TensorInput(dtype, shape, low, high);
  }

  private long size() {
    int start = pos;
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
    if (pos == start) {
      throw error("expected a size (a non-negative integer), found " + found());
    }
    try {
      return Long.parseLong(text.substring(start, pos));
    } catch (NumberFormatException e) {
      String digits = text.substring(start, pos);
      pos = start;
      throw error("size " + digits + " is too large");
    }
  }

  private long integer(String what) {
    Matcher m = INT.matcher(text).region(pos, text.length());
    if (!m.lookingAt()) {
      throw error("expected " + what + " (an integer), found " + found());
    }
    try {
      long v = Long.parseLong(m.group());
      pos = m.end();
      return v;
    } catch (NumberFormatException e) {
      throw error("integer " + m.group() + " is out of range");
    }
  }

  private double floating() {
    Matcher m = FLOAT.matcher(text).region(pos, text.length());
    if (!m.lookingAt()) {
      throw error("expected a float, found " + found());
    }
    pos = m.end();
    String s = m.group();
    String unsigned = s.replaceFirst("^[+-]", "");
    boolean negative = s.startsWith("-");
    if (unsigned.equals("inf")) {
      return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (unsigned.equals("nan")) {
      return Double.NaN;
    }
    return Double.parseDouble(s);
  }

  private boolean bool() {
    int start = pos;
    String w = word();
    switch (w) {
      case "true":
      case "True":
        return true;
      case "false":
      case "False":
        return false;
      default:
        pos = start;
        throw error("expected true or false, found " + found());
    }
  }

  /** Letters, digits and underscores from the current position. */
  private String word() {
    int start = pos;
    while (pos < text.length()
        && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private void expect(char c, String what) {
    if (!peek(c)) {
      throw error("expected " + what + ", found " + found());
    }
    pos++;
  }

  private void skipSpaces() {
    while (peek(' ')) {
      pos++;
    }
  }

  private void skipWhitespace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private String found() {
    if (pos >= text.length()) {
      return "the end";
    }
    return "'" + text.charAt(pos) + "'";
  }

  private InputSpecError error(String problem) {
    return new InputSpecError(text, pos + 1, problem);
  }
}
