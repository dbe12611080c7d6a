package symtrace.tracer.run.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import symtrace.tracer.lang.ConformanceFiles;
import symtrace.tracer.run.GuardReport;
import symtrace.tracer.run.ProgramRunner;
import symtrace.tracer.trace.Trace;
import symtrace.tracer.trace.TracingMode;

/** The HTML page's content: what it links, highlights, draws and escapes. */
class HtmlGuardReportTest {
  /** A rendered page with the report it shows. */
  private record Page(String html, JsonNode json, Trace trace) {}

  private static Page render(ProgramRunner runner, String specs) {
    ProgramRunner.Inputs inputs = runner.inputs(specs);
    Trace trace = runner.trace(inputs, TracingMode.SYMBOLIC);
    GuardReport report = GuardReport.of(runner.file(), inputs.spec(), trace, true);
    return new Page(HtmlGuardReport.render(report, trace, runner.program().source()),
        report.toJson(), trace);
  }

  private static Page conformance(String name) {
    Path file = ConformanceFiles.root().resolve("programs").resolve(name + ".py");
    ProgramRunner runner = ProgramRunner.load(file);
    return render(runner, runner.traceHeader());
  }

  private static int count(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void everyGuardLinksToItsHighlightedLine() {
    Page p = conformance("scalar_int_input");
    JsonNode guards = p.json().path("guards");
    assertEquals(guards.size(), count(p.html(), "<li class=\"guard"));
    int implied = 0;
    for (int i = 0; i < guards.size(); i++) {
      JsonNode g = guards.get(i);
      int line = g.path("location").path("line").asInt();
      String id = "g" + (i + 1);
      assertTrue(p.html().contains("id=\"" + id + "\" data-reason=\""
          + g.path("reason").asText() + "\" data-line=\"" + line + "\""), id);
      // The guard's line is highlighted, lists the guard, and has a mark linking back.
      Matcher line10 = Pattern.compile("<span class=\"line guarded[^\"]*\" id=\"L" + line
          + "\" data-guards=\"([^\"]*)\"").matcher(p.html());
      assertTrue(line10.find(), "line " + line + " is not highlighted");
      assertTrue(line10.group(1).matches("(.* )?" + id + "( .*)?"), line10.group(1));
      assertTrue(p.html().contains("href=\"#" + id + "\""), id);
      implied += g.path("redundant").asBoolean() ? 1 : 0;
    }
    assertEquals(implied, count(p.html(), "<li class=\"guard implied\""));
    assertTrue(p.html().contains("hide the " + implied + " implied guards"), p.html());
    // Line 9 (y = x * n) makes no guard and is not highlighted.
    assertTrue(p.html().contains("<span class=\"line\" id=\"L9\">"), p.html());
  }

  @Test
  void anImpliedGuardNamesTheGuardsThatImplyIt() {
    Page p = conformance("scalar_int_input");
    // Guard 3, L['n'] != 0, is implied by guard 4 (the divisibility guard).
    JsonNode g3 = p.json().path("guards").get(2);
    assertEquals("Ne(s30, 0)", g3.path("expr").asText());
    assertEquals("Eq(Mod(s75*s96, s30), 0)", g3.path("implied_by").get(0).asText());
    Matcher m = Pattern.compile("id=\"g3\".*?</li>", Pattern.DOTALL).matcher(p.html());
    assertTrue(m.find());
    assertTrue(m.group().contains("implied by <a href=\"#g4\">guard 4</a>"), m.group());
    // Guard 1, L['n'] != (-1), is implied by guard 2, L['n'] >= 0.
    Matcher g1 = Pattern.compile("id=\"g1\".*?</li>", Pattern.DOTALL).matcher(p.html());
    assertTrue(g1.find());
    assertTrue(g1.group().contains("<a href=\"#g2\">guard 2</a>"), g1.group());
  }

  @Test
  void symbolsSpecializationsAndInputEqualitiesAreListed() {
    Page p = conformance("duck_sizing");
    for (JsonNode s : p.json().path("symbols")) {
      assertTrue(p.html().contains("<tr id=\"sym-" + s.path("name").asText() + "\"><td><code>"
          + s.path("name").asText() + "</code></td><td><code>"
          + Html.escape(s.path("source").asText()) + "</code></td><td>"
          + s.path("hint").asText() + "</td>"), s.toString());
    }
    // y's sizes are x's: duck sizing, both as a specialization and as an input equality.
    assertTrue(p.html().contains("<code>L[&#39;y&#39;].size()[0]</code> is <code>"), p.html());
    assertTrue(p.html().contains("<li><code>L[&#39;y&#39;].size()[0] == L[&#39;x&#39;]"
        + ".size()[0]</code> <span class=\"why\">equal sizes at trace time share a symbol"),
        p.html());
  }

  @Test
  void theGraphIsDrawnWithOneBoxPerNodeAndOneCurvePerEdge() {
    Page p = conformance("branch_on_size");
    int nodes = p.trace().module().graph().size();
    int edges = 0;
    for (var n : p.trace().module().graph()) {
      edges += n.inputs().size();
    }
    assertEquals(nodes, count(p.html(), "<g class=\"node "));
    assertEquals(edges, count(p.html(), "<path class=\"edge\""));
    // The multiplication made at line 11 links to that line.
    assertTrue(p.html().matches("(?s).*<a href=\"#L11\"><g class=\"node call\" data-node=\"mul\""
        + " data-line=\"11\">.*"), p.html());
  }

  @Test
  void programTextIsEscapedAndThePageLoadsNothing() {
    String source = "# trace: x=f32[6,3]\nimport torch\n\n\ndef f(x):\n"
        + "    # </pre><script>alert('&')</script>\n"
        + "    if x.shape[0] > 4:\n        return x * 2\n    return x\n";
    Page p = render(ProgramRunner.parse("a<b>&.py", source), "x=f32[6,3]");
    assertFalse(p.html().contains("<script>alert"), p.html());
    assertTrue(p.html().contains("# &lt;/pre&gt;&lt;script&gt;alert(&#39;&amp;&#39;)"
        + "&lt;/script&gt;"), p.html());
    assertTrue(p.html().contains("<title>Guards of a&lt;b&gt;&amp;.py</title>"), p.html());
    assertTrue(p.html().contains("if x.shape[0] &gt; 4:"), p.html());
    assertEquals(1, count(p.html(), "<script>"));
    assertEquals(1, count(p.html(), "<style>"));
    for (String network : new String[] {"http:", "https:", "<link", " src=", "@import",
        "url(http"}) {
      assertFalse(p.html().contains(network), network);
    }
  }

  @Test
  void escapeReplacesTheFiveSpecialCharacters() {
    assertEquals("a&lt;b&gt;&amp;&quot;&#39;c", Html.escape("a<b>&\"'c"));
    assertEquals("plain", Html.escape("plain"));
    assertEquals("L__x__.size", Html.token("L['x'].size"));
  }
}
