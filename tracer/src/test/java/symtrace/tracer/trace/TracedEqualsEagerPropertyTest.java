package symtrace.tracer.trace;

import symtrace.tracer.lang.ConformanceFiles;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import symtrace.tracer.run.ProgramRunner;
import symtrace.tracer.run.ProgramRunner.Inputs;
import symtrace.tracer.run.TraceGuards;
import symtrace.tracer.tensor.data.OutputComparison;

/**
 * make_fx's defining property (PyTorch's {@code TestGenericProxyTensorSymbolic}: trace once,
 * rerun on fresh inputs, compare with eager): a graph traced symbolically at example inputs
 * computes what eager execution computes at any inputs its guards accept; inputs its guards
 * reject trace again to a graph that equals eager there and whose own guards accept them. Where
 * the guards accept inputs that eager execution rejects (index values out of range), the graph
 * raises the same error.
 *
 * <p>Programs are the conformance suite's plus a few of this test's own; new input shapes come
 * from a fixed seed, either keeping the example's equal sizes equal (which the guards mostly
 * accept) or changing sizes one at a time (which breaks duck sizing, 0/1 specialisation and
 * branch guards, so they mostly reject).
 */
class TracedEqualsEagerPropertyTest {
  private static final int CASES_PER_PROGRAM = 24;
  private static final Pattern SHAPE = Pattern.compile("\\[([0-9, ]*)\\]");
  private static final Pattern INT_INPUT = Pattern.compile("=int=(-?[0-9]+)");

  /** Programs that fill gaps of the conformance suite: SymInt arithmetic, loops, views. */
  private static final List<String[]> OWN_PROGRAMS = List.of(
      program("flatten_halves", "x=f32[6,4]", """
          def f(x):
              n = x.shape[0]
              m = x.shape[1]
              y = x.reshape(n * m)
              return y[: (n * m) // 2] * 2.0, y.view(m, n).sum(dim=1)
          """),
      program("split_by_size", "x=f32[8,3] y=f32[3]", """
          def f(x, y):
              a, b = torch.split(x, [2, x.shape[0] - 2], dim=0)
              return torch.cat([b, a * y], dim=0).softmax(dim=1)
          """),
      program("loop_sum_rows", "x=f32[5,4]", """
          def f(x):
              out = x[0]
              for i in range(1, x.shape[0]):
                  out = out * 0.5 + x[i]
              return out + x.shape[0] * x.shape[1]
          """),
      program("linear_norm", "x=f32[3,6] w=f32[4,6]", """
          def f(x, w):
              h = torch.nn.functional.linear(x, w)
              return torch.nn.functional.layer_norm(h, [h.shape[1]]) @ w
          """),
      program("size_branch_mod", "x=f32[6,2]", """
          def f(x):
              n = x.shape[0]
              if n % 2 == 0:
                  return x.reshape(n // 2, 2 * x.shape[1]).mean(dim=0)
              return x.sum(dim=0) - n
          """),
      program("index_and_transpose", "x=f32[4,5] idx=i64[3]{0..3}", """
          def f(x, idx):
              t = x.t()
              return t[:, idx] + t.shape[0], x[idx].amax(dim=1)
          """));

  private static String[] program(String name, String traceSpec, String body) {
    return new String[] {name, "# trace: " + traceSpec + "\nimport torch\n\n\n" + body};
  }

  @Test
  void tracedGraphsEqualEagerOnNewInputs() throws IOException {
    Random random = new Random(20240611L);
    List<ProgramRunner> runners = new ArrayList<>();
    try (Stream<Path> files = Files.list(conformance().resolve("programs"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".py")).sorted().toList()) {
        ProgramRunner r = ProgramRunner.load(p);
        if (r.expectation() == null) { // programs expected to fail tracing have no graph
          runners.add(r);
        }
      }
    }
    for (String[] own : OWN_PROGRAMS) {
      runners.add(ProgramRunner.parse(own[0] + ".py", own[1]));
    }
    assertTrue(runners.size() >= 30, "programs: " + runners.size());

    int accepted = 0;
    int rejected = 0;
    int invalid = 0;
    List<String> failures = new ArrayList<>();
    for (ProgramRunner runner : runners) {
      String example = runner.traceHeader();
      Trace trace = runner.trace(runner.inputs(example), TracingMode.SYMBOLIC);
      TraceGuards guards = TraceGuards.of(trace);
      int validBefore = accepted + rejected;
      for (int c = 0; c < CASES_PER_PROGRAM; c++) {
        String spec = c % 2 == 0 ? keepingEqualSizes(example, random) : changingOneSize(example, random);
        // Fresh inputs for every run: programs may mutate their inputs in place.
        Inputs in = runner.inputs(spec);
        Object eager;
        try {
          eager = runner.eager(runner.inputs(spec));
        } catch (RuntimeException e) {
          invalid++; // the program itself rejects these shapes (or these index values)
          if (guards.failing(in.names(), in.values()).isEmpty()) {
            sameError(runner.file() + " at " + spec, e, trace, in).ifPresent(failures::add);
          }
          continue;
        }
        List<String> failing = guards.failing(in.names(), in.values());
        Trace used = trace;
        if (failing.isEmpty()) {
          accepted++;
        } else {
          rejected++;
          try {
            used = runner.trace(runner.inputs(spec), TracingMode.SYMBOLIC);
          } catch (RuntimeException e) {
            failures.add(runner.file() + " at " + spec + ": retrace failed: " + e);
            continue;
          }
          List<String> own = TraceGuards.of(used).failing(in.names(), in.values());
          if (!own.isEmpty()) {
            failures.add(runner.file() + " at " + spec + ": its own trace's guards reject it: " + own);
          }
        }
        compare(runner.file() + " at " + spec + (failing.isEmpty() ? "" : " (retraced)"),
            eager, used, in).ifPresent(failures::add);
      }
      if (accepted + rejected == validBefore) {
        failures.add(runner.file() + ": no new input shape was valid for the program");
      }
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " mismatches:\n" + String.join("\n", failures));
    }
    int valid = accepted + rejected;
    System.out.printf("traced = eager: %d accepted, %d rejected and retraced, %d invalid inputs%n",
        accepted, rejected, invalid);
    assertTrue(valid >= runners.size() * CASES_PER_PROGRAM / 2,
        "valid cases " + valid + ", invalid " + invalid);
    assertTrue(accepted >= valid / 4, "accepted " + accepted + " of " + valid);
    assertTrue(rejected >= valid / 10, "rejected " + rejected + " of " + valid);
  }

  /**
   * Inputs the guards accept but eager execution rejects (an index out of range: data, not
   * shapes) must make the graph raise the same error; the program's error adds its location.
   */
  private static Optional<String> sameError(String what, RuntimeException eager, Trace trace, Inputs in) {
    try {
      ProgramRunner.runGraph(trace.module(), in);
    } catch (RuntimeException graph) {
      return eager.getMessage().endsWith(graph.getMessage()) ? Optional.empty()
          : Optional.of(what + ": eager raised " + eager.getMessage() + ", the graph " + graph.getMessage());
    }
    return Optional.of(what + ": eager raised " + eager.getMessage() + " but the graph ran");
  }

  private static Optional<String> compare(String what, Object eager, Trace trace, Inputs in) {
    Object graph;
    try {
      graph = ProgramRunner.runGraph(trace.module(), in); // inputs not used before
    } catch (RuntimeException e) {
      return Optional.of(what + ": graph failed: " + e);
    }
    JsonNode expected = ProgramRunner.output(eager);
    JsonNode actual = ProgramRunner.output(graph);
    return OutputComparison.difference(expected, actual).map(d -> what + ": " + d);
  }

  /** Every size replaced consistently: equal sizes of the example stay equal; 0 and 1 stay. */
  private static String keepingEqualSizes(String spec, Random random) {
    Map<Long, Long> mapping = new HashMap<>();
    return rewriteSizes(spec, v -> v <= 1 ? v : mapping.computeIfAbsent(v, k -> 2L + random.nextInt(9)));
  }

  /** One size (or int input) of the example changed, to any value from 0 to 10. */
  private static String changingOneSize(String spec, Random random) {
    int count = countSizes(spec);
    int which = random.nextInt(Math.max(count, 1));
    int[] position = {0};
    return rewriteSizes(spec, v -> position[0]++ == which ? random.nextInt(11) : v);
  }

  private static int countSizes(String spec) {
    int[] n = {0};
    rewriteSizes(spec, v -> {
      n[0]++;
      return v;
    });
    return n[0];
  }

  /** The spec with each tensor size and int input passed through {@code f}, in text order. */
  private static String rewriteSizes(String spec, java.util.function.LongUnaryOperator f) {
    TreeMap<Integer, int[]> spans = new TreeMap<>();
    Matcher shape = SHAPE.matcher(spec);
    while (shape.find()) {
      spans.put(shape.start(1), new int[] {shape.end(1), 0});
    }
    Matcher ints = INT_INPUT.matcher(spec);
    while (ints.find()) {
      spans.put(ints.start(1), new int[] {ints.end(1), 1});
    }
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (Map.Entry<Integer, int[]> span : spans.entrySet()) {
      out.append(spec, at, span.getKey());
      String text = spec.substring(span.getKey(), span.getValue()[0]);
      List<String> parts = new ArrayList<>();
      for (String dim : text.split(",")) {
        if (!dim.isBlank()) {
          parts.add(Long.toString(f.applyAsLong(Long.parseLong(dim.strip()))));
        }
      }
      out.append(String.join(",", parts));
      at = span.getValue()[0];
    }
    return out.append(spec.substring(at)).toString();
  }

  private static Path conformance() {
    return ConformanceFiles.root();
  }
}
