package symtrace.tracer.run.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.env.DataDependentError;
import symtrace.tracer.lang.ConformanceFiles;
import symtrace.tracer.run.ProgramRunner;
import symtrace.tracer.trace.Trace;
import symtrace.tracer.trace.TracingMode;

/**
 * The torch._check that lets a trace stopped by a data-dependent guard finish: the weakest
 * first, in the program's names, and each shown one really lets the program trace when it is
 * inserted (checked here by editing the program by hand and tracing it).
 */
class DataDependentFixesTest {
  private static final String NAMED = String.join("\n",
      "import torch",
      "",
      "",
      "def f(x):",
      "    n = x.nonzero().size(0)",
      "    if n > 3:",
      "        return x * 2",
      "    return x - 1",
      "");

  private static DataDependentFixes fixes(String file, String source, String spec) {
    ProgramRunner runner = ProgramRunner.parse(file, source);
    DataDependentError e = assertThrows(DataDependentError.class,
        () -> runner.trace(runner.inputs(spec), TracingMode.SYMBOLIC));
    return DataDependentFixes.suggest(runner, spec, e);
  }

  private static Trace trace(String file, String source, String spec) {
    ProgramRunner runner = ProgramRunner.parse(file, source);
    return runner.trace(runner.inputs(spec), TracingMode.SYMBOLIC);
  }

  @Test
  void aNamedValueGetsTheCheckAndItsNegation() {
    String text = fixes("nz.py", NAMED, "x=f32[5,4]").text();
    assertEquals("\nu0 is n (nz.py:6:8)"
        + "\nto let tracing finish, add one of these checks (verified: Z3 proves it decides"
        + " u0 > 3, and tracing again with it, and any further check listed, finishes):"
        + "\n  1. torch._check(n > 3) before nz.py:6 (if n > 3:)"
        + "\n     the example input's data satisfies it (n = 19)"
        + "\n  2. torch._check(n <= 3) before nz.py:6 (if n > 3:)"
        + "\n     the example input's data does not satisfy it (n = 19)", text);
    // Both edits really trace; the first records the check as a runtime assert.
    Trace withCheck = trace("nz.py", NAMED.replace("    if n > 3:",
        "    torch._check(n > 3)\n    if n > 3:"), "x=f32[5,4]");
    assertEquals(java.util.List.of("3 < u0"), withCheck.shapeEnv().deferredRuntimeAsserts()
        .values().stream().flatMap(java.util.List::stream).map(a -> a.expr().toString())
        .toList());
    trace("nz.py", NAMED.replace("    if n > 3:", "    torch._check(n <= 3)\n    if n > 3:"),
        "x=f32[5,4]");
  }

  @Test
  void aRangeFactIsTheWeakestAndFurtherStopsGetTheirOwnCheck() {
    String source = String.join("\n",
        "import torch",
        "",
        "",
        "def f(x, y):",
        "    n = y.item()",
        "    if n < 0:",
        "        n = 0",
        "    z = torch.zeros(n)",
        "    if n > 2:",
        "        return z + 1",
        "    return z",
        "");
    DataDependentFixes f = fixes("clamp.py", source, "x=f32[6] y=i64[1]{0..5}");
    String text = f.text();
    assertTrue(text.contains("\n  1. torch._check(n >= 0) before clamp.py:6 (if n < 0:)"
        + "\n     every size satisfies it"
        + "\n     and then torch._check(n > 2) before clamp.py:9 (if n > 2:), where tracing"
        + " stops next"), text);
    assertEquals(2, f.fixes().get(0).edits().size());
    trace("clamp.py", source.replace("    if n < 0:", "    torch._check(n >= 0)\n    if n < 0:")
        .replace("    if n > 2:", "    torch._check(n > 2)\n    if n > 2:"),
        "x=f32[6] y=i64[1]{0..5}");
  }

  @Test
  void aTensorConditionIsBoundToAVariableFirst() {
    Path file = ConformanceFiles.root().resolve("programs").resolve("if_tensor_value.py");
    String source = ConformanceFiles.read(file);
    String text = fixes("if_tensor_value.py", source, "x=f32[4,3]").text();
    assertTrue(text.contains("\n  1. at if_tensor_value.py:9, instead of `if x.sum() > 0:`:"
        + "\n       cond = (x.sum() > 0).item()"
        + "\n       torch._check(cond)"
        + "\n       if cond:"
        + "\n     the example input's data does not satisfy it (x.sum() > 0 is False)"), text);
    assertTrue(text.contains("\n  2. at if_tensor_value.py:9, instead of `if x.sum() > 0:`:"
        + "\n       cond = (x.sum() > 0).item()"
        + "\n       torch._check(torch.sym_not(cond))"
        + "\n       if cond:"
        + "\n     the example input's data satisfies it (x.sum() > 0 is False)"), text);
    trace("if_tensor_value.py", source.replace("    if x.sum() > 0:",
        "    cond = (x.sum() > 0).item()\n    torch._check(torch.sym_not(cond))\n    if cond:"),
        "x=f32[4,3]");
  }

  @Test
  void whenNoCheckCanBeWrittenItSaysSo() {
    String source = String.join("\n",
        "import torch",
        "",
        "",
        "def f(x):",
        "    if x.shape[0] > 100:",
        "        return x",
        "    elif x.nonzero().size(0) > 3:",
        "        return x * 2",
        "    return x - 1",
        "");
    DataDependentFixes f = fixes("elif.py", source, "x=f32[5,4]");
    assertTrue(f.fixes().isEmpty());
    assertTrue(f.text().endsWith("\nno torch._check verified to let tracing finish: it is asked"
        + " by an elif condition (elif.py:7:10), before which no statement can go."), f.text());
  }
}
