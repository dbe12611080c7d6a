package symtrace.tracer.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import symtrace.solver.decompose.Decomposer;
import symtrace.solver.decompose.Decomposition;
import symtrace.solver.decompose.NaiveDecomposer;
import symtrace.solver.decompose.SolverDecomposer;
import symtrace.solver.decompose.Tracked;
import symtrace.solver.decompose.Verifier;
import symtrace.solver.z3.Z3Prover;
import symtrace.symbolic.SymtraceException;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.parse.ExprParser;

/**
 * {@code symtrace decompose TARGET --have NAME=EXPR... [--assume FACT]... [--strategy
 * naive|solver]}: a term over the names that equals the target, verified, or "not found" with the
 * symbols that no tracked value provides.
 */
@Command(
    name = "decompose",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuild a symbolic value from tracked values: print a term over their names that equals",
      "the target, verified, or 'not found' with the symbols no tracked value provides.",
      "Output: 'A*B verified (by expansion, strategy solver)' or 'not found: ...'."
    })
public final class DecomposeCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TARGET", description = "The expression to rebuild, e.g. 's1*s2*s3'.")
  private String target;

  @Option(names = "--have", paramLabel = "NAME=EXPR", required = true,
      description = "A tracked value, e.g. 'A=s1*s2' (repeatable).")
  private List<String> have = new ArrayList<>();

  @Option(names = "--assume", paramLabel = "FACT", description = "A fact that holds (repeatable).")
  private List<String> facts = new ArrayList<>();

  @Option(names = "--strategy", paramLabel = "naive|solver", defaultValue = "solver",
      description = "naive: PyTorch's syntactic walk; solver: algebra and search (default).")
  private String strategy;

  @Override
  public Integer call() {
    Expr goal = parse("the target", target);
    List<Tracked> tracked = new ArrayList<>();
    int position = 0;
    for (String h : have) {
      int eq = h.indexOf('=');
      if (eq <= 0 || eq == h.length() - 1 || !h.substring(0, eq).strip().matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new SymtraceException("--have '" + h + "': expected NAME=EXPR, e.g. A=s1*s2");
      }
      String name = h.substring(0, eq).strip();
      tracked.add(new Tracked(name, parse("--have " + name, h.substring(eq + 1)), Tracked.Producer.INTERMEDIATE,
          position++));
    }
    List<Expr> assumed = new ArrayList<>();
    for (String f : facts) {
      assumed.add(parse("--assume", f));
    }
    Decomposition d;
    switch (strategy) {
      case "naive":
        d = new NaiveDecomposer().decompose(goal, tracked, assumed);
        break;
      case "solver":
        // Expansion verifies polynomial identities; Z3 (loaded only then) proves the rest.
        try (LazyProver prover = new LazyProver();
            SolverDecomposer solver = new SolverDecomposer(
                Verifier.expansion().orElse((t, c, defs, f) -> Verifier.prover(prover.get()).verify(t, c, defs, f)))) {
          d = decompose(solver, goal, tracked, assumed);
        }
        break;
      default:
        throw new SymtraceException("--strategy '" + strategy + "': expected naive or solver");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (d.isFound()) {
      out.println(d.term() + " verified (by " + d.verifiedBy() + ", strategy " + d.strategy() + ")");
    } else if (d.missing().isEmpty()) {
      out.println("not found (strategy " + d.strategy() + ")");
    } else {
      out.println("not found: no tracked value provides "
          + String.join(", ", d.missing().stream().map(s -> s.name()).toList()) + " (strategy " + d.strategy() + ")");
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static Decomposition decompose(Decomposer decomposer, Expr goal, List<Tracked> tracked, List<Expr> facts) {
    return decomposer.decompose(goal, tracked, facts);
  }

  /** Creates the Z3 prover on first use, so polynomial answers never load Z3. */
  private static final class LazyProver implements AutoCloseable {
    private Z3Prover prover;

    Z3Prover get() {
      if (prover == null) {
        prover = Z3Prover.create();
      }
      return prover;
    }

    @Override
    public void close() {
      if (prover != null) {
        prover.close();
      }
    }
  }

  private static Expr parse(String what, String text) {
    try {
      return ExprParser.parse(text);
    } catch (SymtraceException e) {
      throw new SymtraceException(what + " '" + text + "', " + e.getMessage());
    }
  }
}
