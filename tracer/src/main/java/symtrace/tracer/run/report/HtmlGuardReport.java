package symtrace.tracer.run.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import symtrace.symbolic.env.ProducedGuard;
import symtrace.symbolic.env.TensorPropertySource;
import symtrace.tracer.run.GuardReport;
import symtrace.tracer.run.TraceGuards;
import symtrace.tracer.trace.Trace;

/**
 * The guard report as one self-contained HTML page ({@code symtrace guards --format html}).
 *
 * <p>The page shows the program with every line that made a guard highlighted and marked with
 * the guards' numbers; the symbols with their sources, hints and ranges; each guard in Python
 * and sympy form, linked to its line, with the operation that asked and, for a guard the others
 * imply, the guards that imply it; filters that hide the implied guards (the ones {@code
 * --minimize} drops) or the guards of an operation; the input equalities and specializations;
 * the runtime asserts; the FX graph as inline SVG ({@link GraphSvg}); and the {@code
 * produce_guards} list. Its style sheet and script are resources inlined into the page, so it
 * opens offline; every text from the trace is escaped.
 */
public final class HtmlGuardReport {
  /** The background of a program line that made a guard the others do not imply. */
  public static final String HIGHLIGHT = "#ffe08a";

  private final JsonNode json;
  private final Trace trace;
  private final String source;
  private final List<Guard> guards = new ArrayList<>();
  private final List<Assert> asserts = new ArrayList<>();

  /** A guard as the page shows it: its number (from 1) and its report entry. */
  private record Guard(int number, JsonNode entry, List<Integer> impliedBy) {
    String id() {
      return "g" + number;
    }

    boolean implied() {
      return entry.path("redundant").asBoolean(false);
    }

    int line() {
      return entry.path("location").path("line").asInt(0);
    }
  }

  /** A runtime assert: its number (from 1) and its report entry. */
  private record Assert(int number, JsonNode entry) {
    String id() {
      return "a" + number;
    }

    int line() {
      return entry.path("location").path("line").asInt(0);
    }
  }

  private HtmlGuardReport(JsonNode json, Trace trace, String source) {
    this.json = json;
    this.trace = trace;
    this.source = source;
    Map<String, Integer> firstKept = new LinkedHashMap<>();
    Map<String, Integer> first = new LinkedHashMap<>();
    int n = 1;
    for (JsonNode g : json.path("guards")) {
      String expr = g.path("expr").asText();
      first.putIfAbsent(expr, n);
      if (!g.path("redundant").asBoolean(false)) {
        firstKept.putIfAbsent(expr, n);
      }
      n++;
    }
    n = 1;
    for (JsonNode g : json.path("guards")) {
      List<Integer> by = new ArrayList<>();
      for (JsonNode e : g.path("implied_by")) {
        Integer k = firstKept.getOrDefault(e.asText(), first.get(e.asText()));
        if (k != null) {
          by.add(k);
        }
      }
      guards.add(new Guard(n++, g, by));
    }
    n = 1;
    for (JsonNode a : json.path("runtime_asserts")) {
      asserts.add(new Assert(n++, a));
    }
  }

  /**
   * The page for a trace's report.
   *
   * @param report the report, made with proofs so that implied guards are known
   * @param trace the trace the report is of (its graph is drawn)
   * @param programSource the program's text, shown with the guards' lines highlighted
   */
  public static String render(GuardReport report, Trace trace, String programSource) {
    return new HtmlGuardReport(report.toJson(), trace, programSource).page();
  }

  private String page() {
    String program = json.path("program").asText();
    StringBuilder b = new StringBuilder(32_768);
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Guards of ").append(Html.escape(program)).append("</title>\n<style>\n")
        .append(resource("report.css")).append("</style>\n</head>\n<body>\n");
    header(b, program);
    b.append("<main>\n<div class=\"columns\">\n<div class=\"column\">\n");
    programListing(b, program);
    symbols(b);
    inputs(b);
    b.append("</div>\n<div class=\"column\">\n");
    guardList(b);
    runtimeAsserts(b);
    b.append("</div>\n</div>\n");
    b.append("<section id=\"graph\">\n<h2>Graph</h2>\n<p class=\"note\">The traced FX graph;"
        + " a node made at a program line links to it.</p>\n<div class=\"graph-box\">\n")
        .append(GraphSvg.draw(trace.module())).append("\n</div>\n</section>\n");
    produceGuards(b);
    b.append("</main>\n<script>\n").append(resource("report.js")).append("</script>\n")
        .append("</body>\n</html>\n");
    return b.toString();
  }

  private void header(StringBuilder b, String program) {
    long kept = guards.stream().filter(g -> !g.implied()).count();
    b.append("<header>\n<h1>Guards of <code>").append(Html.escape(program))
        .append("</code></h1>\n<p class=\"traced\">traced at <code>")
        .append(Html.escape(json.path("trace").asText())).append("</code></p>\n")
        .append("<ul class=\"summary\">");
    chip(b, json.path("symbols").size(), "symbols", "#symbols");
    chip(b, guards.size(), "guards", "#guards");
    chip(b, (int) kept, "irredundant", "#guards");
    chip(b, asserts.size(), "runtime asserts", "#asserts");
    chip(b, json.path("produce_guards").size(), "produce_guards lines", "#produce");
    b.append("</ul>\n</header>\n");
  }

  private static void chip(StringBuilder b, int count, String what, String href) {
    b.append("<li><a href=\"").append(href).append("\"><b>").append(count).append("</b> ")
        .append(Html.escape(what)).append("</a></li>");
  }

  // ---------------------------------------------------------------------------------------
  // The program

  private void programListing(StringBuilder b, String program) {
    Map<Integer, List<Guard>> byLine = new TreeMap<>();
    for (Guard g : guards) {
      if (g.line() > 0 && program.equals(g.entry.path("location").path("file").asText())) {
        byLine.computeIfAbsent(g.line(), k -> new ArrayList<>()).add(g);
      }
    }
    Map<Integer, List<Assert>> assertsByLine = new TreeMap<>();
    for (Assert a : asserts) {
      if (a.line() > 0) {
        assertsByLine.computeIfAbsent(a.line(), k -> new ArrayList<>()).add(a);
      }
    }
    b.append("<section id=\"program\">\n<h2>Program</h2>\n<p class=\"legend\">")
        .append("<span class=\"swatch guarded\"></span> made a guard")
        .append(" <span class=\"swatch guarded only-implied\"></span> made only implied guards")
        .append(" <span class=\"swatch asserted\"></span> made a runtime assert</p>\n")
        .append("<pre class=\"source\">");
    String[] lines = source.split("\r?\n", -1);
    int count = lines.length;
    if (count > 0 && lines[count - 1].isEmpty()) {
      count--;
    }
    for (int i = 1; i <= count; i++) {
      List<Guard> here = byLine.getOrDefault(i, List.of());
      List<Assert> assertsHere = assertsByLine.getOrDefault(i, List.of());
      StringBuilder cls = new StringBuilder("line");
      if (!here.isEmpty()) {
        cls.append(" guarded");
        if (here.stream().allMatch(Guard::implied)) {
          cls.append(" only-implied");
        }
      }
      if (!assertsHere.isEmpty()) {
        cls.append(" asserted");
      }
      b.append("<span class=\"").append(cls).append("\" id=\"L").append(i).append('"');
      if (!here.isEmpty()) {
        b.append(" data-guards=\"").append(ids(here)).append('"');
      }
      b.append("><a class=\"ln\" href=\"#L").append(i).append("\">").append(i)
          .append("</a><span class=\"text\">").append(Html.escape(lines[i - 1]))
          .append("</span>");
      if (!here.isEmpty() || !assertsHere.isEmpty()) {
        b.append("<span class=\"marks\">");
        for (Guard g : here) {
          b.append("<a class=\"mark").append(g.implied() ? " implied" : "")
              .append("\" data-guard=\"").append(g.id()).append("\" href=\"#").append(g.id())
              .append("\" title=\"guard ").append(g.number).append("\">").append(g.number)
              .append("</a>");
        }
        for (Assert a : assertsHere) {
          b.append("<a class=\"mark assert\" href=\"#").append(a.id())
              .append("\" title=\"runtime assert ").append(a.number).append("\">")
              .append(a.id()).append("</a>");
        }
        b.append("</span>");
      }
      // No line break between lines: each is a block already, and a pre would show it.
      b.append("</span>");
    }
    b.append("</pre>\n</section>\n");
  }

  private static String ids(List<Guard> gs) {
    StringBuilder b = new StringBuilder();
    for (Guard g : gs) {
      b.append(b.length() == 0 ? "" : " ").append(g.id());
    }
    return b.toString();
  }

  // ---------------------------------------------------------------------------------------
  // Symbols and inputs

  private void symbols(StringBuilder b) {
    b.append("<section id=\"symbols\">\n<h2>Symbols</h2>\n");
    if (json.path("symbols").isEmpty()) {
      b.append("<p class=\"none\">No symbols: every size was static.</p>\n</section>\n");
      return;
    }
    b.append("<table>\n<thead><tr><th>symbol</th><th>source</th><th>hint</th><th>range</th>"
        + "<th>kind</th><th>guards on it</th></tr></thead>\n<tbody>\n");
    for (JsonNode s : json.path("symbols")) {
      String name = s.path("name").asText();
      b.append("<tr id=\"sym-").append(Html.token(name)).append("\"><td><code>")
          .append(Html.escape(name)).append("</code></td><td><code>")
          .append(Html.escape(s.path("source").isNull() ? "(no source)"
              : s.path("source").asText())).append("</code></td><td>")
          .append(Html.escape(s.path("hint").isNull() ? "none" : s.path("hint").asText()))
          .append("</td><td><code>").append(Html.escape(s.path("range").asText()))
          .append("</code></td><td>").append(Html.escape(s.path("kind").asText()))
          .append("</td><td class=\"refs\">");
      Pattern word = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name)
          + "(?![A-Za-z0-9_])");
      for (Guard g : guards) {
        if (word.matcher(g.entry.path("expr").asText()).find()) {
          b.append("<a href=\"#").append(g.id()).append("\">").append(g.number).append("</a> ");
        }
      }
      b.append("</td></tr>\n");
    }
    b.append("</tbody>\n</table>\n</section>\n");
  }

  private void inputs(StringBuilder b) {
    b.append("<section id=\"inputs\">\n<h2>Input equalities and specializations</h2>\n");
    List<String> equalities = new ArrayList<>();
    for (ProducedGuard p : TraceGuards.of(trace).guardSet().guards()) {
      if (p.kind() != ProducedGuard.Kind.INPUT) {
        continue;
      }
      String why = p.source() instanceof TensorPropertySource t && t.isSize()
          ? "equal sizes at trace time share a symbol (duck sizing)"
          : p.source() instanceof TensorPropertySource t
              && t.property() == TensorPropertySource.Property.STRIDE
              ? "the example input's layout" : "the example input's storage offset";
      equalities.add("<li><code>" + Html.escape(p.python()) + "</code> <span class=\"why\">"
          + Html.escape(why) + "</span></li>");
    }
    b.append("<h3>Input equalities</h3>\n<p class=\"note\">What produce_guards checks of each"
        + " input before any guard: an input must equal what its placeholder holds.</p>\n");
    list(b, equalities, "none");
    List<String> specs = new ArrayList<>();
    for (JsonNode sp : json.path("specializations")) {
      specs.add("<li>" + specialization(sp) + "</li>");
    }
    b.append("<h3>Specializations</h3>\n");
    list(b, specs, "none: no size was 0 or 1, no sizes shared a symbol, no symbol was replaced");
    b.append("</section>\n");
  }

  private String specialization(JsonNode sp) {
    List<String> sources = new ArrayList<>();
    sp.path("sources").forEach(s -> sources.add(s.asText()));
    String src = String.join(", ", sources);
    String symbol = sp.path("symbol").isNull() ? null : sp.path("symbol").asText();
    String value = sp.path("value").asText();
    String reason = sp.path("reason").asText();
    return switch (reason) {
      case "zero_one" -> "<code>" + Html.escape(src) + " = " + Html.escape(value)
          + "</code> <span class=\"why\">sizes 0 and 1 are never symbols: the trace holds only"
          + " for this value</span>";
      case "duck" -> "<code>" + Html.escape(src) + "</code> is <code>"
          + Html.escape(symbol) + "</code> <span class=\"why\">its size equalled another's at"
          + " trace time, so they share a symbol (duck sizing)</span>";
      default -> "<code>" + Html.escape(symbol == null ? "?" : symbol) + " = "
          + Html.escape(value) + "</code>" + (src.isEmpty() ? "" : " (<code>"
          + Html.escape(src) + "</code>)") + " <span class=\"why\">replaced: "
          + Html.escape(reason) + "</span>";
    };
  }

  private static void list(StringBuilder b, List<String> items, String none) {
    if (items.isEmpty()) {
      b.append("<p class=\"none\">").append(Html.escape(none)).append("</p>\n");
      return;
    }
    b.append("<ul class=\"plain\">\n");
    items.forEach(i -> b.append(i).append('\n'));
    b.append("</ul>\n");
  }

  // ---------------------------------------------------------------------------------------
  // Guards

  private void guardList(StringBuilder b) {
    b.append("<section id=\"guards\">\n<h2>Guards</h2>\n");
    if (guards.isEmpty()) {
      b.append("<p class=\"none\">No guards: the trace holds for every input that passes the"
          + " input equalities and ranges.</p>\n</section>\n");
      return;
    }
    long implied = guards.stream().filter(Guard::implied).count();
    Map<String, Integer> reasons = new LinkedHashMap<>();
    guards.forEach(g -> reasons.merge(reason(g.entry), 1, Integer::sum));
    b.append("<div class=\"filters\">\n<label><input type=\"checkbox\" id=\"hide-implied\">")
        .append(" hide the ").append(implied).append(" implied guard").append(implied == 1
            ? "" : "s").append(" (the ones <code>--minimize</code> drops)</label>\n")
        .append("<div class=\"reasons\"><span>operations:</span>");
    reasons.forEach((r, c) -> b.append(" <label><input type=\"checkbox\" class=\"reason\"")
        .append(" value=\"").append(Html.escape(r)).append("\" checked> <code>")
        .append(Html.escape(r)).append("</code> (").append(c).append(")</label>"));
    b.append("</div>\n<p class=\"shown\" id=\"shown\">").append(guards.size())
        .append(" guards</p>\n</div>\n<ol class=\"guards\">\n");
    for (Guard g : guards) {
      guard(b, g);
    }
    b.append("</ol>\n</section>\n");
  }

  private static String reason(JsonNode entry) {
    return entry.path("reason").asText("unknown");
  }

  private void guard(StringBuilder b, Guard g) {
    JsonNode e = g.entry;
    String expr = e.path("expr").asText();
    String python = e.path("python").isNull() ? null : e.path("python").asText();
    b.append("<li class=\"guard").append(g.implied() ? " implied" : "").append("\" id=\"")
        .append(g.id()).append("\" data-reason=\"").append(Html.escape(reason(e)))
        .append('"');
    if (g.line() > 0) {
      b.append(" data-line=\"").append(g.line()).append('"');
    }
    b.append(">\n<div class=\"head\"><span class=\"num\">").append(g.number)
        .append("</span><code class=\"py\">").append(Html.escape(python != null ? python : expr))
        .append("</code></div>\n<div class=\"detail\">");
    JsonNode loc = e.path("location");
    if (loc.isObject()) {
      b.append("<a class=\"loc\" href=\"#L").append(loc.path("line").asInt()).append("\">")
          .append(Html.escape(loc.path("file").asText() + ":" + loc.path("line").asInt() + ":"
              + loc.path("col").asInt())).append("</a> ");
    } else {
      b.append("<span class=\"loc none\">no program location</span> ");
    }
    b.append("<span class=\"reason\">").append(Html.escape(reason(e))).append("</span>");
    if (python != null) {
      b.append(" <code class=\"sympy\">").append(Html.escape(expr)).append("</code>");
    }
    b.append("</div>\n");
    if (g.implied()) {
      b.append("<div class=\"implied-by\">implied by ");
      if (g.impliedBy.isEmpty()) {
        b.append("the ranges alone (every size is at least 2)");
      } else {
        for (int i = 0; i < g.impliedBy.size(); i++) {
          int k = g.impliedBy.get(i);
          b.append(i == 0 ? "" : ", ").append("<a href=\"#g").append(k).append("\">guard ")
              .append(k).append("</a>");
        }
      }
      b.append("</div>\n");
    }
    b.append("</li>\n");
  }

  private void runtimeAsserts(StringBuilder b) {
    b.append("<section id=\"asserts\">\n<h2>Runtime asserts</h2>\n");
    if (asserts.isEmpty()) {
      b.append("<p class=\"none\">none: no condition on a data-dependent (unbacked)"
          + " symbol</p>\n</section>\n");
      return;
    }
    b.append("<ol class=\"asserts\">\n");
    for (Assert a : asserts) {
      JsonNode e = a.entry;
      b.append("<li id=\"").append(a.id()).append("\"><code>")
          .append(Html.escape(e.path("expr").asText())).append("</code> ");
      JsonNode loc = e.path("location");
      if (loc.isObject()) {
        b.append("<a class=\"loc\" href=\"#L").append(loc.path("line").asInt()).append("\">")
            .append(Html.escape(loc.path("file").asText() + ":" + loc.path("line").asInt()))
            .append("</a> ");
      }
      b.append("<span class=\"reason\">").append(Html.escape(reason(e))).append("</span>");
      String message = e.path("message").asText("");
      if (!message.isBlank() && !message.equals(reason(e))) {
        b.append(" <span class=\"why\">").append(Html.escape(message)).append("</span>");
      }
      b.append("</li>\n");
    }
    b.append("</ol>\n</section>\n");
  }

  private void produceGuards(StringBuilder b) {
    JsonNode lines = json.path("produce_guards");
    b.append("<section id=\"produce\">\n<details>\n<summary>produce_guards: the ")
        .append(lines.size()).append(" lines PyTorch's <code>ShapeEnv.produce_guards</code>")
        .append(" returns for this trace</summary>\n<ol class=\"produce\">\n");
    for (JsonNode l : lines) {
      b.append("<li><code>").append(Html.escape(l.asText())).append("</code></li>\n");
    }
    b.append("</ol>\n</details>\n</section>\n");
  }

  private static String resource(String name) {
    try (InputStream in = HtmlGuardReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + " of the HTML report");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
