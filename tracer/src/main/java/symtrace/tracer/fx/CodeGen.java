package symtrace.tracer.fx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import symtrace.tracer.ops.OpOverload;

/**
 * FX's {@code CodeGen._gen_python_code} for symtrace's graphs: the {@code forward} function a
 * graph prints as ({@code gm.code}), and in verbose form with type annotations and stack-trace
 * comments ({@code print_readable}).
 *
 * <p>Names are given in a fresh namespace seeded with FX's globals, so a node keeps its name
 * unless it would shadow a global. A value is freed ({@code x = None}) on the line of its last
 * use, found by walking the nodes backwards, and a node nothing uses is freed on its own line.
 */
final class CodeGen {
  /** FX's {@code magic_methods}: operator functions printed as Python operators. */
  private static final Map<String, String> MAGIC = Map.ofEntries(
      Map.entry("eq", "{} == {}"), Map.entry("ne", "{} != {}"), Map.entry("lt", "{} < {}"),
      Map.entry("gt", "{} > {}"), Map.entry("le", "{} <= {}"), Map.entry("ge", "{} >= {}"),
      Map.entry("pos", "+{}"), Map.entry("neg", "-{}"), Map.entry("invert", "~{}"),
      Map.entry("add", "{} + {}"), Map.entry("sub", "{} - {}"), Map.entry("mul", "{} * {}"),
      Map.entry("floordiv", "{} // {}"), Map.entry("truediv", "{} / {}"),
      Map.entry("div", "{} / {}"), Map.entry("mod", "{} % {}"), Map.entry("pow", "{} ** {}"),
      Map.entry("lshift", "{} << {}"), Map.entry("rshift", "{} >> {}"),
      Map.entry("and_", "{} & {}"), Map.entry("or_", "{} | {}"), Map.entry("xor", "{} ^ {}"),
      Map.entry("getitem", "{}[{}]"), Map.entry("matmul", "{} @ {}"));

  /** The globals FX registers before any name is given, in its order. */
  private static final List<String> CUSTOM_BUILTINS =
      List.of("inf", "nan", "NoneType", "torch", "device", "fx_pytree", "pytree");

  private static final String NO_STACK_TRACE = "No stacktrace found for following nodes";
  private static final Pattern FRAME = Pattern.compile("^File \"(.+)\", line (\\d+), in (.+)$");

  private final Graph graph;
  private final boolean verbose;
  private final Namespace namespace = new Namespace();
  private final List<String> freeVars = new ArrayList<>();
  private final StringBuilder body = new StringBuilder();
  private final Map<Node, List<Node>> lastUsesByUser = new HashMap<>();
  private String previousSummary;

  private CodeGen(Graph graph, boolean verbose) {
    this.graph = graph;
    this.verbose = verbose;
    for (String name : CUSTOM_BUILTINS) {
      namespace.create(name, new Namespace.Global(name));
    }
  }

  /** {@code gm.code}: three blank lines, {@code def forward(self, ...):} and the body. */
  static String code(Graph graph) {
    return new CodeGen(graph, false).generate();
  }

  /**
   * {@code gm.print_readable()}: the verbose code as a {@code torch.nn.Module} class named
   * {@code className}, ending with the return line (FX's indentation after it is dropped).
   */
  static String readable(Graph graph, String className) {
    String src = stripLeadingNewlines(new CodeGen(graph, true).generate());
    String module = addIndent("class " + className + "(torch.nn.Module):\n" + src, 4);
    return module.stripTrailing() + "\n";
  }

  private String generate() {
    List<Node> nodes = graph.nodes();
    Map<Node, Node> lastUse = new HashMap<>();
    for (int i = nodes.size() - 1; i >= 0; i--) {
      Node user = nodes.get(i);
      for (Node input : user.inputs()) {
        if (lastUse.putIfAbsent(input, user) == null) {
          lastUsesByUser.computeIfAbsent(user, k -> new ArrayList<>()).add(input);
        }
      }
    }
    for (Node n : nodes) {
      if (verbose) {
        appendStackTraceSummary(n);
      }
      emit(n);
      freeUnusedValues(n);
    }
    if (nodes.isEmpty()) {
      body.append("pass\n");
    }
    List<String> params = new ArrayList<>();
    params.add("self");
    params.addAll(freeVars);
    String prologue = "def forward(" + String.join(", ", params) + "):";
    StringBuilder code = new StringBuilder();
    String[] lines = stripLeadingNewlines(body.toString()).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      code.append(i == 0 ? "" : "\n").append("    ").append(lines[i]);
    }
    return "\n\n\n" + prologue + "\n" + code;
  }

  private String name(Node n) {
    return namespace.create(n.name(), n);
  }

  private String repr(Object v) {
    return PyRepr.of(v, this::name);
  }

  private void emit(Node n) {
    String annotation = "";
    if (verbose) {
      ValueType type = ValueType.of(n.val());
      if (type != null) {
        annotation = ": \"" + type.annotation() + "\"";
      }
    }
    switch (n.kind()) {
      case PLACEHOLDER -> {
        String target = (String) n.target();
        freeVars.add(target + annotation);
        String raw = target.replace("*", "");
        String name = name(n);
        if (!raw.equals(name)) {
          body.append(name).append(" = ").append(raw).append('\n');
        }
      }
      case CALL_FUNCTION -> {
        OpOverload op = n.op();
        String magic = op.namespace().equals("operator") ? MAGIC.get(op.name()) : null;
        if (magic != null) {
          String self = name(n);
          body.append(self).append(annotation).append(" = ").append(format(magic, n.args()));
        } else {
          String function = global(op);
          String self = name(n);
          body.append(self).append(annotation).append(" = ").append(function).append('(')
              .append(formatArgs(n.args(), n.kwargs())).append(')');
        }
      }
      case GET_ATTR -> body.append(name(n)).append(annotation).append(" = ")
          .append(formatTarget("self", (String) n.target()));
      case OUTPUT -> body.append("return ").append(repr(n.args().get(0)));
    }
  }

  /**
   * How the code refers to an operator: torch's own by their qualified name, others (such as
   * {@code operator.abs}) through a global named after it ({@code _operator_abs}).
   */
  private String global(OpOverload op) {
    return switch (op.namespace()) {
      case "operator" -> namespace.create("_operator." + op.name(), op);
      case "math" -> namespace.create(op.pythonTarget(), op);
      default -> op.pythonTarget();
    };
  }

  private String format(String pattern, List<Object> args) {
    StringBuilder b = new StringBuilder();
    int arg = 0;
    for (int i = 0; i < pattern.length(); i++) {
      if (pattern.startsWith("{}", i)) {
        b.append(repr(args.get(arg++)));
        i++;
      } else {
        b.append(pattern.charAt(i));
      }
    }
    return b.toString();
  }

  private String formatArgs(List<Object> args, Map<String, Object> kwargs) {
    List<String> parts = new ArrayList<>();
    for (Object a : args) {
      parts.add(repr(a));
    }
    kwargs.forEach((k, v) -> parts.add(k + " = " + repr(v)));
    return String.join(", ", parts);
  }

  /** {@code self.a.b}, with {@code getattr(self, "0")} for parts that are not identifiers. */
  private static String formatTarget(String base, String target) {
    String r = base;
    for (String part : target.split("\\.", -1)) {
      r = isIdentifier(part) ? r + "." + part : "getattr(" + r + ", \"" + part + "\")";
    }
    return r;
  }

  private static boolean isIdentifier(String s) {
    if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
      return false;
    }
    return s.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
  }

  /** FX's {@code delete_unused_values}: ends the node's line, freeing what it used last. */
  private void freeUnusedValues(Node user) {
    if (user.kind() == Node.Kind.PLACEHOLDER) {
      return;
    }
    if (user.kind() == Node.Kind.OUTPUT) {
      body.append('\n');
      return;
    }
    List<Node> toFree = new ArrayList<>(lastUsesByUser.getOrDefault(user, List.of()));
    if (user.isUnused()) {
      // Kept by dead-code elimination for its side effect: free its value at once.
      toFree.add(user);
    }
    if (toFree.isEmpty()) {
      body.append('\n');
      return;
    }
    body.append(";  ");
    for (Node n : toFree) {
      body.append(name(n)).append(" = ");
    }
    body.append("None\n");
  }

  /** A comment naming the source line of the nodes that follow, when it changes. */
  private void appendStackTraceSummary(Node n) {
    if (n.kind() == Node.Kind.PLACEHOLDER || n.kind() == Node.Kind.OUTPUT) {
      return;
    }
    String summary = "\n# " + stackTraceSummary(n.meta().get("stack_trace")) + "\n";
    if (!summary.equals(previousSummary)) {
      previousSummary = summary;
      body.append(summary);
    }
  }

  /**
   * FX's {@code _parse_stack_trace}: the innermost {@code File "f", line n, in fn} frame and
   * the code line after it, as {@code File: f:n in fn, code: ...}.
   */
  private static String stackTraceSummary(Object stackTrace) {
    if (!(stackTrace instanceof String trace)) {
      return NO_STACK_TRACE;
    }
    String[] lines = trace.strip().split("\n", -1);
    for (int i = lines.length - 2; i >= 0; i--) {
      Matcher m = FRAME.matcher(lines[i].strip());
      if (m.matches()) {
        return "File: " + m.group(1) + ":" + m.group(2) + " in " + m.group(3) + ", code: "
            + lines[i + 1].strip();
      }
    }
    return NO_STACK_TRACE;
  }

  private static String stripLeadingNewlines(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == '\n') {
      i++;
    }
    return s.substring(i);
  }

  /** torch's {@code _addindent}: every line but the first indented. */
  private static String addIndent(String s, int spaces) {
    String[] lines = s.split("\n", -1);
    if (lines.length == 1) {
      return s;
    }
    StringBuilder b = new StringBuilder(lines[0]);
    String pad = " ".repeat(spaces);
    for (int i = 1; i < lines.length; i++) {
      b.append('\n').append(pad).append(lines[i]);
    }
    return b.toString();
  }
}
