package symtrace.symbolic.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.eval.Evaluator;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymInt;

/**
 * Soundness of guards, as a property over random programs (fixed seed, so every run is the same).
 *
 * <p>A "program" creates 2 to 4 backed size symbols (hints in [2, 12], duck-sized or {@code
 * DYNAMIC}), then makes 5 to 15 comparisons of random integer expressions (add, sub, mul, floor
 * division and modulo by a positive constant, max, min) and branches on each with {@code
 * guardBool}. The guards of the trace are then produced for int placeholders ({@code L['a0']},
 * ...) or one-dimensional tensor placeholders ({@code L['t0']}, ...), and checked against 10,000
 * random inputs with values 0..40:
 *
 * <ol>
 *   <li>the example input (the hints) passes every produced guard;
 *   <li>every input that passes every produced guard gives each comparison of the program the
 *       outcome it had at trace time (the original expression, {@code rawExpr()}, evaluated on
 *       the input), and duck-sized inputs that shared a symbol at trace time are equal;
 *   <li>a comparison the environment decided without a guard holds (with its trace-time outcome)
 *       for every input that satisfies the initial ranges (sizes at least 2) and every guard
 *       recorded before the decision: the decision could only use those facts.
 * </ol>
 *
 * <p>Runs in about 5 s. {@code -Dsymtrace.soundness.seed=N -Dsymtrace.soundness.programs=M}
 * explore other programs. Known failure, shared with PyTorch (so not asserted elsewhere): {@code
 * try_solve} divides a relation by a factor that is non-negative but may be zero, e.g. the guard
 * {@code Eq(s26*Mod(s97, 5), 3*Mod(s97, 5))} at {@code s97 = 5, s26 = 12} refines {@code s26} to
 * {@code [3, 3]} and replaces it by 3, so the example input fails its own guards (seeds 2 and 7
 * with 800 programs find such programs).
 */
class GuardSoundnessPropertyTest {
  private static final long SEED = Long.getLong("symtrace.soundness.seed", 20240617L);
  private static final int PROGRAMS = Integer.getInteger("symtrace.soundness.programs", 160);
  private static final int SAMPLES = 10_000;
  private static final int MAX_VALUE = 40;
  private static final Provenance TEST = Provenance.of("test");

  /** One comparison of a program: its original expression, its outcome, whether it guarded. */
  private record Step(Expr raw, boolean outcome, boolean decidedStatically, int guardsBefore, String text) {}

  /** A traced random program. */
  private static final class Program {
    final int index;
    final ShapeEnv env = new ShapeEnv();
    final boolean tensors;
    final List<SymInt> inputs = new ArrayList<>();
    final List<Long> hints = new ArrayList<>();
    final List<Placeholder> placeholders = new ArrayList<>();
    final List<Source> sources = new ArrayList<>();
    final List<Sym> rawSymbols = new ArrayList<>();
    final List<Step> steps = new ArrayList<>();
    final StringBuilder log = new StringBuilder();

    Program(int index, boolean tensors) {
      this.index = index;
      this.tensors = tensors;
    }
  }

  @Test
  void producedGuardsAcceptOnlyInputsThatTakeTheTracedBranches() {
    Random rnd = new Random(SEED);
    List<String> failures = new ArrayList<>();
    int programsWithAccepted = 0;
    long totalAccepted = 0;
    int staticSteps = 0;
    int guardedSteps = 0;
    StringBuilder perProgram = new StringBuilder();
    for (int p = 0; p < PROGRAMS; p++) {
      Program prog;
      try {
        prog = trace(p, rnd);
      } catch (RuntimeException e) {
        failures.add("program " + p + ": tracing threw " + e);
        continue;
      }
      for (Step s : prog.steps) {
        if (s.decidedStatically) {
          staticSteps++;
        } else {
          guardedSteps++;
        }
      }
      long accepted = check(prog, new Random(SEED * 31 + p), failures);
      totalAccepted += accepted;
      if (accepted > 0) {
        programsWithAccepted++;
      }
      perProgram.append(accepted).append(p % 20 == 19 ? "\n" : " ");
    }
    System.out.printf("GuardSoundnessPropertyTest: %d programs, %d comparisons decided statically, %d guarded;"
        + " accepted random inputs per program (of %d):%n%s%n%d programs with at least one, %d in all%n",
        PROGRAMS, staticSteps, guardedSteps, SAMPLES, perProgram, programsWithAccepted, totalAccepted);
    if (!failures.isEmpty()) {
      fail(failures.size() + " soundness failures, first ones:\n"
          + String.join("\n\n", failures.subList(0, Math.min(8, failures.size()))));
    }
    assertTrue(programsWithAccepted >= PROGRAMS / 4,
        "too few programs accept any random input: " + programsWithAccepted + " of " + PROGRAMS);
    assertTrue(staticSteps > 0 && guardedSteps > 0, "both kinds of decisions are exercised");
  }

  // ---------------------------------------------------------------------------------------
  // Tracing

  private static Program trace(int index, Random rnd) {
    Program prog = new Program(index, rnd.nextInt(3) == 0);
    int n = 2 + rnd.nextInt(3);
    for (int i = 0; i < n; i++) {
      long hint = 2 + rnd.nextInt(11);
      DimDynamic dyn = rnd.nextInt(4) == 0 ? DimDynamic.DYNAMIC : DimDynamic.DUCK;
      SymInt s;
      if (prog.tensors) {
        ShapeEnv.TensorSymbols t = prog.env.createTensorSymbols(new long[] {hint}, new long[] {1}, 0,
            Source.constant("input" + i), dyn);
        s = t.sizes().get(0);
        prog.placeholders.add(GuardProducer.tensor(t));
        prog.sources.add(Source.local("t" + i));
      } else {
        s = prog.env.createSymInt(hint, Source.constant("__testing_only" + i), dyn);
        prog.placeholders.add(new Placeholder.Int(s));
        prog.sources.add(Source.local("a" + i));
      }
      prog.inputs.add(s);
      prog.hints.add(hint);
      prog.rawSymbols.add((Sym) s.node().rawExpr());
      prog.log.append("input ").append(i).append(": ").append(s).append(" = ").append(hint)
          .append(" (").append(dyn).append(")\n");
    }
    int steps = 5 + rnd.nextInt(11);
    for (int k = 0; k < steps; k++) {
      SymInt lhs = expression(prog, rnd, 3);
      SymInt rhs;
      int kind = rnd.nextInt(4);
      if (kind == 0) {
        rhs = expression(prog, rnd, 2);
      } else if (kind == 1) {
        rhs = SymInt.of(rnd.nextInt(15));
      } else if (kind == 2) {
        // a constant next to the left side's value: tight bounds, specializations
        rhs = SymInt.of(lhs.hint() + rnd.nextInt(3) - 1);
      } else {
        // another expression with the same value at the hints: equalities that hold, replacements
        rhs = expression(prog, rnd, 2);
        for (int tries = 0; tries < 20 && !rhs.hint().equals(lhs.hint()); tries++) {
          rhs = expression(prog, rnd, 2);
        }
      }
      SymBool cmp;
      String op;
      switch (rnd.nextInt(6)) {
        case 0 -> { cmp = lhs.eq(rhs); op = "=="; }
        case 1 -> { cmp = lhs.ne(rhs); op = "!="; }
        case 2 -> { cmp = lhs.lt(rhs); op = "<"; }
        case 3 -> { cmp = lhs.le(rhs); op = "<="; }
        case 4 -> { cmp = lhs.gt(rhs); op = ">"; }
        default -> { cmp = lhs.ge(rhs); op = ">="; }
      }
      Expr raw = cmp.node() == null ? BoolLit.of(cmp.hint()) : cmp.node().rawExpr();
      String text = "(" + lhs + ") " + op + " (" + rhs + ")";
      int before = prog.env.guards().size();
      boolean outcome;
      try {
        outcome = cmp.guardBool(TEST);
      } catch (RuntimeException e) {
        throw new IllegalStateException("program " + index + " step " + k + " " + text + " [raw " + raw
            + "]: guardBool threw\n" + prog.log, e);
      }
      boolean decidedStatically = prog.env.guards().size() == before;
      prog.steps.add(new Step(raw, outcome, decidedStatically, before, text));
      prog.log.append("step ").append(k).append(": ").append(text).append("  [raw ").append(raw).append("] -> ")
          .append(outcome).append(decidedStatically ? " (static)" : " (guard " + prog.env.guards()
              .get(prog.env.guards().size() - 1) + ")").append('\n');
    }
    return prog;
  }

  private static SymInt expression(Program prog, Random rnd, int depth) {
    if (depth == 0 || rnd.nextInt(3) == 0) {
      return rnd.nextInt(4) == 0 ? SymInt.of(rnd.nextInt(7)) : prog.inputs.get(rnd.nextInt(prog.inputs.size()));
    }
    SymInt a = expression(prog, rnd, depth - 1);
    switch (rnd.nextInt(7)) {
      case 0:
        return a.add(expression(prog, rnd, depth - 1));
      case 1:
        return a.sub(expression(prog, rnd, depth - 1));
      case 2:
        return a.mul(expression(prog, rnd, depth - 1));
      case 3:
        return a.floorDiv(1 + rnd.nextInt(4));
      case 4:
        return a.mod(1 + rnd.nextInt(5));
      case 5:
        return a.max(expression(prog, rnd, depth - 1));
      default:
        return a.min(expression(prog, rnd, depth - 1));
    }
  }

  // ---------------------------------------------------------------------------------------
  // Checking

  /** Checks the program's guards against random inputs; returns how many inputs they accept. */
  private static long check(Program prog, Random rnd, List<String> failures) {
    GuardSet guards;
    try {
      guards = new GuardProducer(prog.env).produce(prog.placeholders, prog.sources, false, false);
    } catch (RuntimeException e) {
      failures.add("program " + prog.index + ": produce threw " + e + "\n" + prog.log);
      return 0;
    }
    String context = "program " + prog.index + "\n" + prog.log + "produced guards: " + guards.python();
    int n = prog.inputs.size();
    // 1. the example input passes
    long[] hints = prog.hints.stream().mapToLong(Long::longValue).toArray();
    List<ProducedGuard> failingAtHints = guards.failing(values(prog, hints));
    if (!failingAtHints.isEmpty()) {
      failures.add(context + "\nthe example input " + prog.hints + " fails " + failingAtHints);
      return 0;
    }
    List<Expr> recorded = new ArrayList<>();
    for (Guard g : prog.env.guards()) {
      recorded.add(g.expr());
    }
    long accepted = 0;
    for (int t = 0; t < SAMPLES; t++) {
      long[] input = new long[n];
      for (int i = 0; i < n; i++) {
        input[i] = rnd.nextInt(MAX_VALUE + 1);
      }
      Map<Sym, Long> assignment = assignment(prog, input);
      boolean sharedEqual = true;
      for (int i = 0; i < n; i++) {
        sharedEqual &= assignment.get(prog.rawSymbols.get(i)) == input[i];
      }
      // 2. inputs the guards accept take the traced branches
      if (guards.failing(values(prog, input)).isEmpty()) {
        accepted++;
        if (!sharedEqual) {
          failures.add(context + "\naccepted input " + java.util.Arrays.toString(input)
              + " gives different values to inputs that share a symbol");
          return accepted;
        }
        for (Step s : prog.steps) {
          Object now = evaluate(s.raw, assignment);
          if (!Boolean.valueOf(s.outcome).equals(now)) {
            failures.add(context + "\naccepted input " + java.util.Arrays.toString(input) + " gives " + now
                + " for " + s.text + " [raw " + s.raw + "], traced " + s.outcome);
            return accepted;
          }
        }
      }
      // 3. static decisions hold wherever the facts known at the time hold
      if (!sharedEqual) {
        continue;
      }
      boolean inRange = true;
      for (long v : input) {
        inRange &= v >= 2;
      }
      if (!inRange) {
        continue;
      }
      int prefix = 0;
      while (prefix < recorded.size() && Boolean.TRUE.equals(evaluate(recorded.get(prefix), assignment))) {
        prefix++;
      }
      for (Step s : prog.steps) {
        if (s.decidedStatically && s.guardsBefore <= prefix) {
          Object now = evaluate(s.raw, assignment);
          if (!Boolean.valueOf(s.outcome).equals(now)) {
            failures.add(context + "\ninput " + java.util.Arrays.toString(input) + " satisfies the "
                + s.guardsBefore + " guards recorded before " + s.text + " [raw " + s.raw
                + "] was decided statically as " + s.outcome + ", but it is " + now + " there");
            return accepted;
          }
        }
      }
    }
    return accepted;
  }

  private static Object evaluate(Expr e, Map<Sym, Long> assignment) {
    try {
      return Evaluator.evaluate(e, assignment);
    } catch (RuntimeException ex) {
      return ex.toString();
    }
  }

  /** The values of the original symbols: each from the first input that holds it. */
  private static Map<Sym, Long> assignment(Program prog, long[] input) {
    Map<Sym, Long> out = new LinkedHashMap<>();
    for (int i = 0; i < input.length; i++) {
      out.putIfAbsent(prog.rawSymbols.get(i), input[i]);
    }
    return out;
  }

  /** The concrete value of each source for an input (tensors: contiguous, offset 0). */
  private static Function<Source, Object> values(Program prog, long[] input) {
    Map<String, Object> byName = new HashMap<>();
    for (int i = 0; i < input.length; i++) {
      Source src = prog.sources.get(i);
      if (prog.tensors) {
        byName.put(Source.size(src, 0).name(), input[i]);
        byName.put(Source.stride(src, 0).name(), 1L);
        byName.put(Source.storageOffset(src).name(), 0L);
      } else {
        byName.put(src.name(), input[i]);
      }
    }
    return s -> {
      Object v = byName.get(s.name());
      if (v == null) {
        throw new IllegalArgumentException("no value for " + s.name());
      }
      return v;
    };
  }

  @Test
  void theGeneratorIsDeterministic() {
    Program a = trace(7, new Random(99));
    Program b = trace(7, new Random(99));
    assertEquals(a.log.toString(), b.log.toString());
  }
}
