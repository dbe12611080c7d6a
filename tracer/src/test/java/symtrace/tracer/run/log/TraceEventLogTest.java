package symtrace.tracer.run.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import symtrace.symbolic.env.DataDependentError;
import symtrace.tracer.lang.ConformanceFiles;
import symtrace.tracer.run.GuardReport;
import symtrace.tracer.run.ProgramRunner;
import symtrace.tracer.trace.MakeFx;
import symtrace.tracer.trace.Trace;
import symtrace.tracer.trace.TracingMode;

/**
 * The structured event log of conformance programs: every line an envelope, one event per
 * symbol, specialization, guard and runtime assert of the trace, in an order where nothing is
 * mentioned before it exists, each with the program's call stack.
 */
class TraceEventLogTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> ENVELOPE = Set.of("frame_id", "frame_compile_id", "attempt",
      "has_payload", "payload", "rank", "compiled_autograd_id", "stack");
  private static final Pattern SYMBOL = Pattern.compile("\\b[su]\\d+\\b");

  @TempDir Path dir;

  /** A logged trace: its events in order, as (key, metadata), and the trace's report. */
  private record Logged(List<String> keys, List<JsonNode> events, List<JsonNode> lines,
      JsonNode report) {
    List<JsonNode> of(String key) {
      List<JsonNode> out = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        if (keys.get(i).equals(key)) {
          out.add(events.get(i));
        }
      }
      return out;
    }
  }

  private Logged log(ProgramRunner runner, String specs) throws IOException {
    ProgramRunner.Inputs inputs = runner.inputs(specs);
    Path file = dir.resolve(runner.file() + ".jsonl");
    Trace trace = LoggedTrace.trace(runner, inputs, MakeFx.of(TracingMode.SYMBOLIC), file,
        StructuredLog.Format.JSONL);
    JsonNode report = GuardReport.of(runner.file(), inputs.spec(), trace, false).toJson();
    return read(file, report);
  }

  private static Logged read(Path file, JsonNode report) throws IOException {
    List<String> keys = new ArrayList<>();
    List<JsonNode> events = new ArrayList<>();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      JsonNode envelope = JSON.readTree(line);
      assertTrue(envelope.isObject(), line);
      List<String> eventKeys = new ArrayList<>();
      envelope.fieldNames().forEachRemaining(k -> {
        if (!ENVELOPE.contains(k)) {
          eventKeys.add(k);
        }
      });
      assertEquals(1, eventKeys.size(), "one event key per envelope: " + line);
      String key = eventKeys.get(0);
      if (!key.equals("str")) {
        assertEquals(0, envelope.path("frame_id").asInt(-1), line);
        assertEquals(0, envelope.path("frame_compile_id").asInt(-1), line);
        assertEquals(0, envelope.path("attempt").asInt(-1), line);
      }
      keys.add(key);
      events.add(envelope.get(key));
      lines.add(envelope);
    }
    return new Logged(keys, events, lines, report);
  }

  private static ProgramRunner conformance(String name) {
    return ProgramRunner.load(ConformanceFiles.root().resolve("programs").resolve(name + ".py"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"scalar_int_input", "duck_sizing", "zero_one_dims", "branch_on_size",
      "nonzero_masked_select", "view_reshape_neg1", "helper_calls"})
  void theEventsAreTheTracesSymbolsSpecializationsAndGuardsInOrder(String name)
      throws IOException {
    ProgramRunner runner = conformance(name);
    Logged l = log(runner, runner.traceHeader());
    JsonNode report = l.report();
    // One create_symbol per backed symbol, one create_unbacked_symbol per unbacked one.
    List<String> backed = new ArrayList<>();
    List<String> unbacked = new ArrayList<>();
    for (JsonNode s : report.path("symbols")) {
      (s.path("kind").asText().equals("unbacked") ? unbacked : backed)
          .add(s.path("name").asText());
    }
    assertEquals(backed, l.of("create_symbol").stream().map(e -> e.path("symbol").asText())
        .toList());
    assertEquals(unbacked, l.of("create_unbacked_symbol").stream()
        .map(e -> e.path("symbol").asText()).toList());
    for (JsonNode e : l.of("create_symbol")) {
      JsonNode s = symbol(report, e.path("symbol").asText());
      assertEquals(s.path("source").asText(), e.path("source").asText());
      assertEquals(s.path("hint").asText(), e.path("val").asText());
    }
    // guard_added: the report's guards in their order, then (prefix runtime_assert) its asserts.
    List<String> guards = texts(report.path("guards"), "expr");
    List<String> eval = new ArrayList<>();
    List<String> asserts = new ArrayList<>();
    for (JsonNode g : l.of("guard_added")) {
      (g.path("prefix").asText().equals("eval") ? eval : asserts).add(g.path("expr").asText());
    }
    assertEquals(guards, eval);
    assertEquals(new HashSet<>(texts(report.path("runtime_asserts"), "expr")),
        new HashSet<>(asserts));
    assertEquals(report.path("runtime_asserts").size(), asserts.size());
    assertEquals(eval.size() + asserts.size(), l.of("guard_added_fast").size());
    assertEquals(texts(report.path("guards"), "python").subList(0, guards.size()),
        l.of("guard_added").stream().filter(g -> g.path("prefix").asText().equals("eval"))
            .map(g -> g.path("python").asText()).toList());
    // The specializations are the report's: the same (sources, reason) pairs.
    assertEquals(specializations(report.path("specializations")),
        specializations(l.of("symbolic_shape_specialization")));
    assertEquals(1, l.of("artifact").size());
    assertEquals("make_fx_graph", l.of("artifact").get(0).path("name").asText());
    assertEquals("compilation_metrics", l.keys().get(l.keys().size() - 1));
    JsonNode metrics = l.of("compilation_metrics").get(0);
    assertEquals(guards.size(), metrics.path("shape_env_guard_count").asInt());
    assertEquals(report.path("produce_guards").size(), metrics.path("guard_count").asInt());
    assertTrue(metrics.path("fail_type").isNull());
    checkOrder(l);
  }

  /**
   * Symbols exist before an event mentions them, an expression's tree before the guard that
   * names it, an interned file name before a frame uses it; each guard's innermost frame is its
   * program line.
   */
  private static void checkOrder(Logged l) {
    Set<String> symbols = new HashSet<>();
    Set<Long> expressions = new HashSet<>();
    Set<Integer> strings = new HashSet<>();
    Map<Long, String> results = new HashMap<>();
    int guardIndex = 0;
    for (int i = 0; i < l.keys().size(); i++) {
      String key = l.keys().get(i);
      JsonNode e = l.events().get(i);
      for (JsonNode f : e.path("user_stack")) {
        assertTrue(strings.contains(f.path("filename").asInt()), "uninterned file: " + e);
      }
      switch (key) {
        case "str" -> strings.add(e.get(1).asInt());
        case "create_symbol", "create_unbacked_symbol" -> symbols.add(e.path("symbol").asText());
        case "expression_created" -> {
          for (String s : mentioned(e.path("result").asText())) {
            assertTrue(symbols.contains(s), s + " used before it was created: " + e);
          }
          for (JsonNode a : e.path("argument_ids")) {
            long id = a.asLong();
            assertTrue(!results.containsKey(id) || expressions.contains(id), e.toString());
          }
          expressions.add(e.path("result_id").asLong());
          results.put(e.path("result_id").asLong(), e.path("result").asText());
        }
        case "guard_added" -> {
          for (String s : mentioned(e.path("expr").asText())) {
            assertTrue(symbols.contains(s), s + " guarded before it was created: " + e);
          }
          long id = e.path("expr_node_id").asLong();
          assertTrue(expressions.contains(id), "guard before its expression tree: " + e);
          assertEquals(e.path("expr").asText(), results.get(id));
          if (e.path("prefix").asText().equals("eval")) {
            JsonNode location = l.report().path("guards").get(guardIndex++).path("location");
            JsonNode stack = e.path("user_stack");
            if (location.isObject()) {
              assertEquals(location.path("line").asInt(),
                  stack.get(stack.size() - 1).path("line").asInt(), e.toString());
              assertEquals(location.path("code").asText(),
                  stack.get(stack.size() - 1).path("loc").asText(), e.toString());
            }
          }
        }
        default -> { }
      }
    }
  }

  private static List<String> mentioned(String expr) {
    List<String> out = new ArrayList<>();
    Matcher m = SYMBOL.matcher(expr);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static JsonNode symbol(JsonNode report, String name) {
    for (JsonNode s : report.path("symbols")) {
      if (s.path("name").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no symbol " + name);
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asText()));
    return out;
  }

  private static Map<String, Integer> specializations(Iterable<JsonNode> specs) {
    Map<String, Integer> out = new HashMap<>();
    for (JsonNode s : specs) {
      out.merge(s.path("sources") + " " + s.path("reason").asText(), 1, Integer::sum);
    }
    return out;
  }

  @Test
  void aGuardInAHelperCarriesBothFrames() throws IOException {
    String source = "# trace: x=f32[12,3]\nimport torch\n\n\ndef half(t):\n"
        + "    if t.shape[0] > 4:\n        return t * 2\n    return t\n\n\n"
        + "def f(x):\n    return half(x[: x.shape[0] // 2])\n";
    Logged l = log(ProgramRunner.parse("helper.py", source), "x=f32[12,3]");
    List<JsonNode> guards = l.of("guard_added");
    List<JsonNode> branches = guards.stream()
        .filter(g -> g.path("reason").asText().equals("branch")).toList();
    assertEquals(1, branches.size(), guards.toString());
    JsonNode branch = branches.get(0);
    // The slice's guards come from f's line, before half runs: one frame.
    List<JsonNode> before = guards.subList(0, guards.indexOf(branch));
    assertTrue(before.stream().anyMatch(g -> g.path("reason").asText()
        .equals("aten.slice.Tensor")), before.toString());
    for (JsonNode g : before) {
      assertEquals(1, g.path("user_stack").size(), g.toString());
      assertEquals(12, g.path("user_stack").get(0).path("line").asInt());
    }
    // The branch in half carries f's frame, then half's.
    assertEquals("((s75//2)) > 4", branch.path("expr").asText());
    JsonNode stack = branch.path("user_stack");
    assertEquals(2, stack.size(), stack.toString());
    assertEquals(12, stack.get(0).path("line").asInt());
    assertEquals("f", stack.get(0).path("name").asText());
    assertEquals("return half(x[: x.shape[0] // 2])", stack.get(0).path("loc").asText());
    assertEquals(6, stack.get(1).path("line").asInt());
    assertEquals("half", stack.get(1).path("name").asText());
    assertEquals("if t.shape[0] > 4:", stack.get(1).path("loc").asText());
    assertEquals("{\"s75\":\"L['x'].size()[0]\"}", branch.path("symbol_to_sources").toString());
    assertEquals("{\"s75\":\"12\"}", branch.path("frame_locals").path("symbols").toString());
    // The input symbols were made before the program ran: no frames.
    assertEquals(0, l.of("create_symbol").get(0).path("user_stack").size());
  }

  @Test
  void runtimeAssertsAreGuardsWithTheirPrefix() throws IOException {
    String source = "# trace: x=f32[6,3] y=i64[3]\nimport torch\n\n\ndef f(x, y):\n"
        + "    n = y.sum().item()\n    torch._check(n >= 0)\n"
        + "    torch._check(n <= x.shape[0])\n    return x.new_zeros(n)\n";
    Logged l = log(ProgramRunner.parse("checks.py", source), "x=f32[6,3] y=i64[3]");
    JsonNode u0 = l.of("create_unbacked_symbol").get(0);
    assertEquals("u0", u0.path("symbol").asText());
    assertEquals(6, u0.path("user_stack").get(0).path("line").asInt());
    List<JsonNode> asserts = l.of("guard_added");
    assertEquals(List.of("0 <= u0", "u0 <= s75"), asserts.stream()
        .map(g -> g.path("expr").asText()).toList());
    for (JsonNode a : asserts) {
      assertEquals("runtime_assert", a.path("prefix").asText());
      assertEquals("torch._check", a.path("reason").asText());
    }
    assertEquals(8, asserts.get(1).path("user_stack").get(0).path("line").asInt());
    assertTrue(asserts.get(1).path("frame_locals").path("symbols").path("u0").isNull());
  }

  @Test
  void aFailedTraceEndsWithTheFailure() throws IOException {
    String source = "# trace: x=f32[6,3]\nimport torch\n\n\ndef f(x):\n"
        + "    n = x.sum().long().item()\n    if n > 2:\n        return x * 2\n    return x\n";
    ProgramRunner runner = ProgramRunner.parse("dde.py", source);
    Path file = dir.resolve("dde.jsonl");
    assertThrows(DataDependentError.class, () -> LoggedTrace.trace(runner,
        runner.inputs("x=f32[6,3]"), MakeFx.of(TracingMode.SYMBOLIC), file,
        StructuredLog.Format.JSONL));
    Logged l = read(file, null);
    assertEquals(List.of("create_symbol", "create_symbol", "str", "create_unbacked_symbol",
        "compilation_metrics"), l.keys());
    JsonNode metrics = l.events().get(l.events().size() - 1);
    assertEquals("DataDependentError", metrics.path("fail_type").asText());
    assertTrue(metrics.path("fail_reason").asText().contains("u0 > 2"), metrics.toString());
    assertEquals("dde.py", metrics.path("fail_user_frame_filename").asText());
    assertEquals(7, metrics.path("fail_user_frame_lineno").asInt());
  }

  @Test
  void theTlparseFormIsGlogPrefixedWithTabIndentedPayloads() throws Exception {
    ProgramRunner runner = conformance("branch_on_size");
    Path file = dir.resolve("branch_on_size.log");
    LoggedTrace.trace(runner, runner.inputs(runner.traceHeader()),
        MakeFx.of(TracingMode.SYMBOLIC), file, StructuredLog.Format.TLPARSE);
    // tlparse's own pattern for a record's prefix (src/lib.rs, re_glog).
    Pattern glog = Pattern.compile("(?<level>[VIWEC])(?<month>\\d{2})(?<day>\\d{2}) "
        + "(?<hour>\\d{2}):(?<minute>\\d{2}):(?<second>\\d{2}).(?<millisecond>\\d{6}) "
        + "(?<thread>\\d+)(?<pathname>[^:]+):(?<line>\\d+)\\] (?<payload>.)");
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    int records = 0;
    int payloads = 0;
    Iterator<String> it = lines.iterator();
    String line = it.hasNext() ? it.next() : null;
    while (line != null) {
      Matcher m = glog.matcher(line);
      assertTrue(m.lookingAt(), "no glog prefix: " + line);
      JsonNode envelope = JSON.readTree(line.substring(m.start("payload")));
      assertTrue(envelope.path("payload").isMissingNode(), "payload inline: " + line);
      records++;
      List<String> payload = new ArrayList<>();
      line = it.hasNext() ? it.next() : null;
      while (line != null && line.startsWith("\t")) {
        payload.add(line.substring(1));
        line = it.hasNext() ? it.next() : null;
      }
      if (envelope.has("has_payload")) {
        payloads++;
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
            .digest(String.join("\n", payload).getBytes(StandardCharsets.UTF_8)));
        assertEquals(envelope.path("has_payload").asText(), md5);
        assertTrue(payload.get(0).startsWith("class f(torch.nn.Module):"), payload.get(0));
      } else {
        assertTrue(payload.isEmpty(), "payload without has_payload: " + payload);
      }
    }
    assertEquals(1, payloads);
    assertTrue(records >= 6, "records: " + records);
  }
}
