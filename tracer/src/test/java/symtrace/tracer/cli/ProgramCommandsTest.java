package symtrace.tracer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import symtrace.tracer.lang.ConformanceFiles;

/** The program commands end to end: trace, guards, run, bench and check, and their errors. */
class ProgramCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String program(String name) {
    return ConformanceFiles.root().resolve("programs").resolve(name + ".py").toString();
  }

  @Test
  void traceSelectsTheFormat() {
    CommandRun code = CommandRun.symtrace("trace", program("branch_on_size"));
    assertEquals(0, code.status(), code.err());
    assertTrue(code.out().startsWith("\n\n\ndef forward(self, x_1):\n"), code.out());
    CommandRun readable = CommandRun.symtrace("trace", program("branch_on_size"), "--format",
        "readable");
    assertTrue(readable.out().contains("def forward(self, x_1: \"f32[s75, s96]\"):"),
        readable.out());
    CommandRun json = CommandRun.symtrace("trace", program("branch_on_size"), "--format", "json");
    assertEquals(0, json.status(), json.err());
    assertTrue(json.out().contains("aten.sum.dim_IntList"), json.out());
    CommandRun dot = CommandRun.symtrace("trace", program("branch_on_size"), "--format", "dot");
    assertTrue(dot.out().startsWith("digraph"), dot.out());
    CommandRun bad = CommandRun.symtrace("trace", program("branch_on_size"), "--format", "svg");
    assertEquals(ExitCodes.USAGE, bad.status());
  }

  @Test
  void guardsLocateTheBranchGuard() throws IOException {
    CommandRun text = CommandRun.symtrace("guards", program("branch_on_size"));
    assertEquals(0, text.status(), text.err());
    assertTrue(text.out().contains("L['x'].size()[0] > 4"), text.out());
    assertTrue(text.out().contains("branch_on_size.py:10:8  if x.shape[0] > 4:"), text.out());
    JsonNode json = JSON.readTree(CommandRun.symtrace("guards", program("branch_on_size"),
        "--format", "json").out());
    JsonNode g = json.path("guards").get(0);
    assertEquals("L['x'].size()[0] > 4", g.path("python").asText());
    assertEquals(10, g.path("location").path("line").asInt());
    assertEquals("if x.shape[0] > 4:", g.path("location").path("code").asText());
    assertEquals("branch", g.path("reason").asText());
    assertEquals("[5, int_oo]", json.path("symbols").get(0).path("range").asText());
    assertEquals("5 <= L['x'].size()[0]", json.path("show_guards").get(0).asText());
  }

  @Test
  void guardsCheckSaysWhichGuardAnInputFails() {
    CommandRun r = CommandRun.symtrace("guards", program("branch_on_size"), "--check",
        "x=f32[3,3]");
    assertTrue(r.out().contains("x=f32[3,3] fails 1 guard(s):\n  5 <= L['x'].size()[0]"),
        r.out());
    // The range bound is traced back to the branch that set it.
    assertTrue(r.out().contains("the first, explained: 5 <= L['x'].size()[0]:\n"
        + "  branch_on_size.py:10:8 (if x.shape[0] > 4:): the lower bound was set by branch\n"
        + "  L['x'].size()[0] is 3, outside the range [5, int_oo] the trace allows."), r.out());
    CommandRun duck = CommandRun.symtrace("guards", program("add_bcast"), "--check",
        "x=f32[3,4] y=f32[5]");
    // The equality is placed where the shared size was first used, by both inputs.
    assertTrue(duck.out().contains("L['y'].size()[0] == L['x'].size()[1]:\n"
        + "  add_bcast.py:10:5 (z = x + y * 2): aten.add.Tensor, the first operation on both"
        + " sizes\n  duck sizing: both were 4 at trace time"), duck.out());
    // The program cannot run that input at all, so no fix verifies, and the report says so.
    assertTrue(duck.out().contains("no fix verified"), duck.out());
    assertTrue(duck.out().contains("the program itself fails on x=f32[3,4] y=f32[5]: tracing at"
        + " it stops with add_bcast.py:10:9: RuntimeError: The size of tensor a"), duck.out());
  }

  @Test
  void minimizeKeepsTheGuardsTheOthersDoNotImply() throws IOException {
    CommandRun r = CommandRun.symtrace("guards", program("scalar_int_input"), "--minimize");
    assertEquals(0, r.status(), r.err());
    JsonNode json = JSON.readTree(CommandRun.symtrace("guards", program("scalar_int_input"),
        "--format", "json").out());
    java.util.List<String> kept = new java.util.ArrayList<>();
    java.util.List<String> dropped = new java.util.ArrayList<>();
    for (JsonNode g : json.path("guards")) {
      // A redundant guard names the guards that imply it (none: the sizes alone imply it).
      (g.path("redundant").asBoolean() ? dropped : kept).add(g.path("python").asText());
      assertTrue(g.path("implied_by").isArray(), g.toString());
    }
    // Ne(n, -1) follows from n >= 0, and Ne(n, 0) from the divisibility guard (n % 0 is
    // undefined): the kept guards are exactly the minimized set, in the recorded order.
    assertTrue(dropped.contains("L['n'] != (-1)") && dropped.contains("L['n'] != 0"), dropped
        .toString());
    assertTrue(kept.contains("L['n'] >= 0"), kept.toString());
    java.util.List<String> minimized = new java.util.ArrayList<>();
    json.path("minimized").forEach(g -> minimized.add(g.asText()));
    assertEquals(kept, minimized);
    StringBuilder text = new StringBuilder("irredundant guards (" + kept.size() + "):\n");
    kept.forEach(g -> text.append("  ").append(g).append('\n'));
    text.append("dropped (").append(dropped.size()).append("):\n");
    assertTrue(r.out().startsWith(text.toString()), r.out());
    // each dropped guard, in order, with the kept guards that imply it
    java.util.List<String> droppedLines = r.out().substring(text.length()).lines().toList();
    assertEquals(dropped.size(), droppedLines.size(), r.out());
    for (int i = 0; i < dropped.size(); i++) {
      assertTrue(droppedLines.get(i).startsWith("  " + dropped.get(i) + "  (implied by "),
          droppedLines.get(i));
    }
    assertTrue(r.out().contains("  L['n'] != 0  (implied by [Eq(Mod(s75*s96, s30), 0)])"),
        r.out());
  }

  @Test
  void whyShowsEverythingThatConstrainsASource() {
    CommandRun r = CommandRun.symtrace("guards", program("branch_on_size"), "--why",
        "L['x'].size()[0]");
    assertEquals("L['x'].size()[0] is s75\n  hint 6\n  range [5, int_oo]\n"
        + "    lower bound: branch at branch_on_size.py:10:8 (if x.shape[0] > 4:)\n"
        + "    upper bound: none\n  guards on it:\n"
        + "    L['x'].size()[0] > 4  (branch_on_size.py:10:8)\n", r.out());
    CommandRun duck = CommandRun.symtrace("guards", program("add_bcast"), "--why",
        "L['y'].size()[0]");
    assertTrue(duck.out().startsWith("L['y'].size()[0] is s96, shared with L['x'].size()[1]"
        + " (duck sizing: equal at trace time)"), duck.out());
    CommandRun none = CommandRun.symtrace("guards", program("add_bcast"), "--why",
        "L['z'].size()[0]");
    assertEquals(ExitCodes.USER_ERROR, none.status());
    assertTrue(none.err().contains("no symbol has the source L['z'].size()[0]"), none.err());
  }

  @Test
  void smt2ExportIsAScriptZ3Reads() {
    CommandRun r = CommandRun.symtrace("guards", program("branch_on_size"), "--format", "smt2");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("; L['x'].size()[0] > 4\n"), r.out());
    assertTrue(r.out().contains("(assert (> s75 4))"), r.out());
    try (com.microsoft.z3.Context ctx = new com.microsoft.z3.Context()) {
      com.microsoft.z3.Solver solver = ctx.mkSolver();
      solver.add(ctx.parseSMTLIB2String(r.out(), null, null, null, null));
      solver.add(ctx.mkEq(ctx.mkIntConst("s75"), ctx.mkInt(3)));
      assertEquals(com.microsoft.z3.Status.UNSATISFIABLE, solver.check());
    }
  }

  @Test
  void runFollowsTheCliContract() throws IOException {
    CommandRun r = CommandRun.symtrace("run", program("branch_on_size"), "--eval", "x=f32[9,3]",
        "--eval", "x=f32[3,3]", "--format", "json");
    assertEquals(0, r.status(), r.err());
    JsonNode json = JSON.readTree(r.out());
    assertEquals("branch_on_size.py", json.path("program").asText());
    assertEquals("x=f32[6,3]", json.path("trace").asText());
    assertTrue(json.path("ok").asBoolean());
    JsonNode accepted = json.path("evals").get(0);
    assertEquals("x=f32[9,3]", accepted.path("spec").asText());
    assertTrue(accepted.path("guards_hold").asBoolean());
    assertFalse(accepted.path("retraced").asBoolean());
    assertEquals("[11.0,8.5,6.0]", accepted.path("output").path("values").toString());
    JsonNode rejected = json.path("evals").get(1);
    assertFalse(rejected.path("guards_hold").asBoolean());
    assertEquals("[\"5 <= L['x'].size()[0]\"]", rejected.path("failed_guards").toString());
    assertTrue(rejected.path("retraced").asBoolean());
    assertEquals("[0.0,10.5,4.0]", rejected.path("output").path("values").toString());
  }

  @Test
  void aDataDependentTraceReportsItsLine() throws IOException {
    CommandRun r = CommandRun.symtrace("run", program("if_tensor_value"), "--format", "json");
    JsonNode json = JSON.readTree(r.out());
    assertFalse(json.path("ok").asBoolean());
    assertEquals("data-dependent", json.path("error").path("kind").asText());
    assertTrue(json.path("error").path("message").asText()
        .startsWith("Could not guard on data-dependent expression"), r.out());
    assertTrue(json.path("error").path("line").asInt() > 0, r.out());
    CommandRun trace = CommandRun.symtrace("trace", program("if_tensor_value"));
    assertEquals(ExitCodes.USER_ERROR, trace.status());
    assertTrue(trace.err().startsWith("symtrace: error: if_tensor_value.py:"), trace.err());
    assertTrue(trace.err().contains("it depends on the data: u0 = 1 makes it true, u0 = 0"
        + " makes it false"), trace.err());
    // The verified torch._check that lets tracing finish follows.
    assertTrue(trace.err().contains("to let tracing finish, add one of these checks"),
        trace.err());
    assertTrue(trace.err().contains("       cond = (x.sum() > 0).item()\n"
        + "       torch._check(cond)\n       if cond:"), trace.err());
    assertFalse(trace.errHasStackTrace(), trace.err());
  }

  @Test
  void benchPrintsTheMedianAndCostPerNode() {
    CommandRun r = CommandRun.symtrace("bench", program("branch_on_size"), "--warmup", "1",
        "--runs", "3");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().matches("median [0-9.]+ ms \\(min [0-9.]+, max [0-9.]+\\) over 3 runs,"
        + " 4 nodes, [0-9.]+ us/node\\n"), r.out());
  }

  @Test
  void programErrorsShowTheLineAndACaret(@TempDir Path dir) throws IOException {
    Path p = dir.resolve("bad.py");
    Files.writeString(p, "def f(x):\n    while x:\n        pass\n");
    CommandRun r = CommandRun.symtrace("trace", p.toString(), "--input", "x=f32[2]");
    assertEquals(ExitCodes.USER_ERROR, r.status());
    assertTrue(r.err().startsWith("symtrace: error: bad.py:2:5: "), r.err());
    assertTrue(r.err().contains("\n    while x:\n    ^"), r.err());
    Path q = dir.resolve("noinput.py");
    Files.writeString(q, "def f(x):\n    return x\n");
    CommandRun none = CommandRun.symtrace("trace", q.toString());
    assertEquals(ExitCodes.USER_ERROR, none.status());
    assertTrue(none.err().contains("no inputs to trace with"), none.err());
    CommandRun wrong = CommandRun.symtrace("trace", q.toString(), "--input", "y=f32[2]");
    assertTrue(wrong.err().contains("input 'y' is not a parameter of f(x)"), wrong.err());
    assertFalse(wrong.errHasStackTrace());
  }

  @Test
  void checkJudgesASuiteDirectory(@TempDir Path dir) throws IOException {
    Path suite = ConformanceFiles.root();
    Files.createDirectories(dir.resolve("programs"));
    Files.createDirectories(dir.resolve("expected"));
    for (String name : new String[] {"branch_on_size", "if_tensor_value"}) {
      Files.copy(suite.resolve("programs").resolve(name + ".py"),
          dir.resolve("programs").resolve(name + ".py"));
      Files.copy(suite.resolve("expected").resolve(name + ".json"),
          dir.resolve("expected").resolve(name + ".json"));
    }
    CommandRun r = CommandRun.symtrace("check", dir.toString(), "--parity");
    assertEquals(0, r.status(), r.out() + r.err());
    assertEquals("PASS branch_on_size\nPASS if_tensor_value\nparity: code 2/2, guards 2/2\n"
        + "2 passed, 0 failed\n", r.out());
    // A wrong expected output fails the program and the command.
    Path expected = dir.resolve("expected").resolve("branch_on_size.json");
    Files.writeString(expected, Files.readString(expected).replace("11.0", "12.0"));
    CommandRun failed = CommandRun.symtrace("check", dir.toString());
    assertEquals(ExitCodes.CHECK_FAILED, failed.status());
    assertTrue(failed.out().startsWith("FAIL branch_on_size: eval x=f32[9,3]: "), failed.out());
    assertTrue(failed.out().endsWith("1 passed, 1 failed\n"), failed.out());
  }
}
