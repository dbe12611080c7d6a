package symtrace.tracer.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import symtrace.symbolic.SymtraceException;
import symtrace.tracer.tensor.data.OutputComparison;

/**
 * The conformance suite ({@code symtrace check DIR}): every {@code DIR/programs/*.py} judged
 * against {@code DIR/expected/<name>.json} by the rules of the suite's README: expected failures
 * fail as data-dependent with PyTorch's text and the program line; otherwise the trace succeeds,
 * every eval input's output equals PyTorch's eager output (run on the trace when its guards
 * accept the input, on a new trace otherwise), and no input PyTorch's guards accept is rejected.
 * With parity, also the printed code and produce_guards against current PyTorch's.
 */
public final class ConformanceCheck {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DATA_DEPENDENT_TEXT = "Could not guard on data-dependent expression";

  /** The verdict of one program. */
  public record Verdict(String name, String failure, Boolean codeParity, Boolean guardParity,
      String codeDifference, String guardDifference) {
    public boolean passed() {
      return failure == null;
    }

    /** {@code PASS name} or {@code FAIL name: reason}. */
    public String line() {
      return passed() ? "PASS " + name : "FAIL " + name + ": " + failure;
    }
  }

  private ConformanceCheck() {}

  /** The programs of a suite directory, in name order. */
  public static List<Path> programs(Path dir) {
    Path programs = dir.resolve("programs");
    if (!Files.isDirectory(programs)) {
      throw new SymtraceException(dir + " is not a conformance suite: it has no programs/"
          + " directory");
    }
    try (Stream<Path> files = Files.list(programs)) {
      return files.filter(p -> p.toString().endsWith(".py")).sorted().toList();
    } catch (IOException e) {
      throw new SymtraceException("cannot list " + programs + ": " + e.getMessage());
    }
  }

  /** Judges one program. */
  public static Verdict check(Path dir, Path program, boolean parity) {
    String name = program.getFileName().toString().replaceFirst("\\.py$", "");
    JsonNode expected;
    try {
      expected = JSON.readTree(dir.resolve("expected").resolve(name + ".json").toFile());
    } catch (IOException e) {
      return new Verdict(name, "no expected file: " + e.getMessage(), null, null, null, null);
    }
    try {
      return judge(name, program, expected, parity);
    } catch (SymtraceException e) {
      return new Verdict(name, oneLine(e.getMessage()), parity ? false : null,
          parity ? false : null, null, null);
    } catch (RuntimeException e) {
      return new Verdict(name, "internal error: " + e, parity ? false : null,
          parity ? false : null, null, null);
    }
  }

  private static Verdict judge(String name, Path program, JsonNode expected, boolean parity) {
    ProgramRunner runner = ProgramRunner.load(program);
    String traceSpec = expected.path("trace").asText(runner.traceHeader());
    List<String> evalSpecs = new ArrayList<>();
    for (JsonNode e : expected.path("evals")) {
      evalSpecs.add(e.path("spec").asText());
    }
    EvalRun.Result run = EvalRun.run(runner, traceSpec, evalSpecs);
    String expect = expected.path("expect").isTextual() ? expected.path("expect").asText() : null;
    if (expect != null && expect.startsWith("error data-dependent")) {
      if (run.ok()) {
        return new Verdict(name, "traced, but PyTorch fails with a data-dependent error", null,
            null, null, null);
      }
      EvalRun.TraceFailure f = run.failure();
      if (!f.kind().equals("data-dependent") || !f.message().startsWith(DATA_DEPENDENT_TEXT)) {
        return new Verdict(name, "expected a data-dependent error, got: " + oneLine(f.message()),
            null, null, null, null);
      }
      if (f.line() == null) {
        return new Verdict(name, "the data-dependent error names no program line", null, null,
            null, null);
      }
      return new Verdict(name, null, null, null, null, null);
    }
    if (!run.ok()) {
      return new Verdict(name, "tracing failed: " + oneLine(run.failure().message()),
          parity ? false : null, parity ? false : null, null, null);
    }
    String failure = null;
    JsonNode evals = expected.path("evals");
    for (int i = 0; i < run.evals().size() && failure == null; i++) {
      EvalRun.Eval got = run.evals().get(i);
      JsonNode want = evals.get(i);
      if (got.error() != null) {
        failure = "eval " + got.spec() + ": " + oneLine(got.error());
        break;
      }
      Optional<String> diff = OutputComparison.difference(want.path("eager").path("output"),
          got.output());
      if (diff.isPresent()) {
        failure = "eval " + got.spec() + (got.retraced() ? " (retraced)" : "") + ": "
            + diff.get();
      } else if (want.path("verdict").asText().equals("accept") && !got.guardsHold()) {
        failure = "eval " + got.spec() + " is accepted by PyTorch's guards but rejected by "
            + got.failedGuards();
      }
    }
    Boolean codeParity = null;
    Boolean guardParity = null;
    String codeDiff = null;
    String guardDiff = null;
    if (parity) {
      JsonNode pt2 = expected.path("pt2").path("modes").path("symbolic");
      SymbolRenaming ours = new SymbolRenaming();
      SymbolRenaming theirs = new SymbolRenaming();
      String code = ours.apply(run.trace().module().code());
      String want = theirs.apply(pt2.path("code").asText());
      codeParity = code.equals(want);
      if (!codeParity) {
        codeDiff = firstDifference(want, code);
      }
      List<String> wantGuards = new ArrayList<>();
      pt2.path("produce_guards").forEach(g -> wantGuards.add(g.asText()));
      List<String> produced = TraceGuards.of(run.trace()).produced();
      guardParity = wantGuards.equals(produced);
      if (!guardParity) {
        guardDiff = "expected " + wantGuards + ", got " + produced;
      }
    }
    return new Verdict(name, failure, codeParity, guardParity, codeDiff, guardDiff);
  }

  /** The first line where two texts differ, both versions. */
  static String firstDifference(String want, String got) {
    String[] a = want.split("\n", -1);
    String[] b = got.split("\n", -1);
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String x = i < a.length ? a[i] : "<end>";
      String y = i < b.length ? b[i] : "<end>";
      if (!x.equals(y)) {
        return "line " + (i + 1) + ": expected `" + x.strip() + "`, got `" + y.strip() + "`";
      }
    }
    return "identical";
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
