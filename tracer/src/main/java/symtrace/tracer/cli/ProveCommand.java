package symtrace.tracer.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import symtrace.solver.ProverSettings;
import symtrace.solver.Verdict;
import symtrace.solver.z3.Z3Prover;
import symtrace.symbolic.SymtraceException;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.parse.ExprParser;

/**
 * {@code symtrace prove GOAL [--assume FACT]... [--rlimit N]}: whether the facts imply the goal,
 * as one line on standard output: {@code PROVED}, {@code REFUTED: s0=6, s1=2} (the smallest
 * counterexample) or {@code UNKNOWN: <reason>}. Each is a result, so the exit status is 0; a
 * malformed expression is a user error (1), a bad option a usage error (2).
 *
 * <p>Z3 is loaded only here, when the command runs: other commands start without it.
 */
@Command(
    name = "prove",
    mixinStandardHelpOptions = true,
    description = {
      "Prove that the facts imply the goal, or refute it with a counterexample.",
      "Symbols s<N> are sizes in [2, int_oo]; u<N> and other names are integers.",
      "",
      "Prints one line:",
      "  PROVED               the goal holds wherever the facts do",
      "  REFUTED: s0=6, s1=2  the facts hold and the goal is false there: the",
      "                       smallest such values (symbols by name, each value",
      "                       smallest in the order 0, 1, -1, 2, -2, ...)",
      "  UNKNOWN: <reason>    neither could be shown: the solver's budget ran",
      "                       out, the goal has no exact translation (e.g. a",
      "                       transcendental function or a symbolic exponent),",
      "                       or evaluating it can raise an error",
      "A fact without an exact translation is not assumed. The exit status is 0",
      "for all three, 1 for a malformed expression, 2 for wrong usage.",
      "",
    })
public final class ProveCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "GOAL",
      description = "The condition to prove, e.g. 's0 <= 6' or 'Eq(Mod(s0*s1, s1), 0)'.")
  private String goal;

  @Option(names = "--assume", paramLabel = "FACT",
      description = "A fact that holds, e.g. 's0*s1 == 12' (repeatable).")
  private List<String> facts = new ArrayList<>();

  @Option(names = "--rlimit", paramLabel = "N",
      description = "The solver's resource limit per check, in solver steps (deterministic, unlike"
          + " a timeout); default ${DEFAULT-VALUE}.")
  private long rlimit = ProverSettings.DEFAULT_RLIMIT;

  @Override
  public Integer call() {
    if (rlimit <= 0 || rlimit > Integer.MAX_VALUE) {
      throw new ParameterException(spec.commandLine(),
          "--rlimit must be between 1 and " + Integer.MAX_VALUE + ", not " + rlimit);
    }
    List<Expr> parsedFacts = new ArrayList<>();
    for (String f : facts) {
      parsedFacts.add(condition("--assume " + quoted(f), f));
    }
    Expr parsedGoal = condition(quoted(goal), goal);
    PrintWriter out = spec.commandLine().getOut();
    try (Z3Prover prover = Z3Prover.create(ProverSettings.defaults().withRlimit(rlimit))) {
      Verdict v = prover.prove(parsedFacts, parsedGoal);
      out.println(v);
      out.flush();
      if (v.isProved() && !parsedFacts.isEmpty()
          && prover.entails(parsedFacts, BoolLit.FALSE) == Verdict.Outcome.PROVED) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("symtrace: warning: the facts contradict each other, so every goal is proved");
        err.flush();
      }
    }
    return ExitCodes.OK;
  }

  private static String quoted(String text) {
    return "'" + text + "'";
  }

  /** Parses a goal or fact; it must be a condition (a comparison or a boolean). */
  private static Expr condition(String where, String text) {
    Expr e;
    try {
      e = ExprParser.parse(text);
    } catch (SymtraceException ex) {
      throw new SymtraceException(where + ", " + ex.getMessage()
          + " (expressions use sympy's syntax, e.g. 'FloorDiv(s0, 2)', 'Mod(s0, 4)', 's0 >= 2')");
    }
    if (!e.isBoolean()) {
      throw new SymtraceException(where + " is not a condition: write a comparison or a boolean,"
          + " e.g. 's0 <= 6' or 'Eq(s0*s1, 12)'");
    }
    return e;
  }
}
