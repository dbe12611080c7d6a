package symtrace.tracer.ops;

import java.util.ArrayList;
import java.util.List;
import symtrace.tracer.tensor.DType;

/** A recursive-descent reader of aten's schema language (the subset symtrace's operators use). */
final class SchemaParser {
  private final String text;
  private int pos;

  SchemaParser(String text) {
    this.text = text;
  }

  Schema parse() {
    String qualified = identifier(true);
    int dot = qualified.indexOf('.');
    String name = dot < 0 ? qualified : qualified.substring(0, dot);
    String overload = dot < 0 ? "default" : qualified.substring(dot + 1);
    expect('(');
    List<Argument> args = new ArrayList<>();
    boolean kwargOnly = false;
    skipSpace();
    if (peek() != ')') {
      while (true) {
        skipSpace();
        if (peek() == '*') {
          pos++;
          kwargOnly = true;
        } else {
          args.add(argument(kwargOnly));
        }
        skipSpace();
        if (peek() == ',') {
          pos++;
          continue;
        }
        break;
      }
    }
    expect(')');
    skipSpace();
    expect('-');
    expect('>');
    skipSpace();
    List<ArgType> returns = new ArrayList<>();
    List<String> names = new ArrayList<>();
    if (peek() == '(') {
      pos++;
      skipSpace();
      while (peek() != ')') {
        returns.add(type());
        skipSpace();
        if (Character.isLetter(peek())) {
          names.add(identifier(false));
        } else {
          names.add(null);
        }
        skipSpace();
        if (peek() == ',') {
          pos++;
          skipSpace();
        }
      }
      pos++;
    } else {
      returns.add(type());
      names.add(null);
    }
    skipSpace();
    if (pos != text.length()) {
      throw error("trailing text");
    }
    return Schema.of(name, overload, args, returns, names, text);
  }

  private Argument argument(boolean kwargOnly) {
    ArgType type = type();
    skipSpace();
    String name = identifier(false);
    skipSpace();
    if (peek() == '=') {
      pos++;
      int start = pos;
      int depth = 0;
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c == '[' || c == '(') {
          depth++;
        } else if (c == ']' || c == ')') {
          if (depth == 0) {
            break;
          }
          depth--;
        } else if (c == ',' && depth == 0) {
          break;
        }
        pos++;
      }
      String def = text.substring(start, pos).trim();
      return new Argument(name, type, true, defaultValue(def, type), def, kwargOnly);
    }
    return new Argument(name, type, false, null, null, kwargOnly);
  }

  private ArgType type() {
    String base = identifier(false);
    ArgType.Kind kind = switch (base) {
      case "Tensor" -> ArgType.Kind.TENSOR;
      case "int" -> ArgType.Kind.INT;
      case "SymInt" -> ArgType.Kind.SYMINT;
      case "float" -> ArgType.Kind.FLOAT;
      case "bool" -> ArgType.Kind.BOOL;
      case "Scalar" -> ArgType.Kind.SCALAR;
      case "str" -> ArgType.Kind.STR;
      case "ScalarType" -> ArgType.Kind.SCALAR_TYPE;
      case "Layout" -> ArgType.Kind.LAYOUT;
      case "Device" -> ArgType.Kind.DEVICE;
      case "MemoryFormat" -> ArgType.Kind.MEMORY_FORMAT;
      case "Generator" -> ArgType.Kind.GENERATOR;
      case "Dimname" -> ArgType.Kind.DIMNAME;
      case "Any" -> ArgType.Kind.ANY;
      default -> throw error("unknown type " + base);
    };
    String alias = null;
    boolean mutable = false;
    if (peek() == '(') {
      pos++;
      int start = pos;
      while (peek() != ')') {
        pos++;
      }
      String annotation = text.substring(start, pos).trim();
      pos++;
      if (annotation.endsWith("!")) {
        mutable = true;
        annotation = annotation.substring(0, annotation.length() - 1);
      }
      int arrow = annotation.indexOf("->");
      alias = (arrow < 0 ? annotation : annotation.substring(0, arrow)).trim();
    }
    boolean elementOptional = false;
    if (peek() == '?' && pos + 1 < text.length() && text.charAt(pos + 1) == '[') {
      pos++;
      elementOptional = true;
    }
    boolean list = false;
    int length = 0;
    if (peek() == '[') {
      pos++;
      list = true;
      int start = pos;
      while (peek() != ']') {
        pos++;
      }
      String n = text.substring(start, pos);
      length = n.isEmpty() ? 0 : Integer.parseInt(n);
      pos++;
    }
    boolean optional = false;
    if (peek() == '?') {
      pos++;
      optional = true;
    }
    return new ArgType(kind, optional, list, length, alias, mutable, elementOptional);
  }

  private static Object defaultValue(String def, ArgType type) {
    switch (def) {
      case "None":
        return null;
      case "True":
        return Boolean.TRUE;
      case "False":
        return Boolean.FALSE;
      case "Mean":
        return 1L;
      case "Sum":
        return 2L;
      case "contiguous_format":
        return symtrace.tracer.tensor.MemoryFormat.CONTIGUOUS;
      case "preserve_format":
        return symtrace.tracer.tensor.MemoryFormat.PRESERVE;
      default:
        break;
    }
    if (def.startsWith("[")) {
      String inner = def.substring(1, def.length() - 1).trim();
      List<Object> items = new ArrayList<>();
      if (!inner.isEmpty()) {
        for (String part : inner.split(",")) {
          items.add(number(part.trim(), type.kind()));
        }
      }
      if (type.listLength() > 0 && items.size() == 1) {
        Object only = items.get(0);
        items.clear();
        for (int i = 0; i < type.listLength(); i++) {
          items.add(only);
        }
      }
      return List.copyOf(items);
    }
    if (def.startsWith("\"") || def.startsWith("'")) {
      return def.substring(1, def.length() - 1);
    }
    if (type.kind() == ArgType.Kind.SCALAR_TYPE) {
      return DType.fromPytorchName(def);
    }
    Object n = number(def, type.kind());
    if (type.list() && type.listLength() > 0) {
      List<Object> items = new ArrayList<>();
      for (int i = 0; i < type.listLength(); i++) {
        items.add(n);
      }
      return List.copyOf(items);
    }
    return n;
  }

  private static Object number(String s, ArgType.Kind kind) {
    boolean floaty = s.contains(".") || s.contains("e") || s.contains("E") || s.equals("inf")
        || s.equals("-inf");
    if (floaty || kind == ArgType.Kind.FLOAT) {
      if (s.equals("inf")) {
        return Double.POSITIVE_INFINITY;
      }
      if (s.equals("-inf")) {
        return Double.NEGATIVE_INFINITY;
      }
      return Double.parseDouble(s);
    }
    return Long.parseLong(s);
  }

  private String identifier(boolean dotted) {
    skipSpace();
    int start = pos;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (Character.isLetterOrDigit(c) || c == '_' || (dotted && c == '.')) {
        pos++;
      } else {
        break;
      }
    }
    if (start == pos) {
      throw error("expected a name");
    }
    return text.substring(start, pos);
  }

  private void expect(char c) {
    skipSpace();
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipSpace() {
    while (pos < text.length() && text.charAt(pos) == ' ') {
      pos++;
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("bad schema at " + pos + " (" + what + "): " + text);
  }
}
