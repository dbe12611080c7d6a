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
import symtrace.solver.decompose.Decomposition;
import symtrace.solver.decompose.Tracked;
import symtrace.solver.research.Strategies;
import symtrace.symbolic.SymtraceException;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.parse.ExprParser;

/**
 * {@code symtrace decompose TARGET --have NAME=EXPR... [--assume FACT]... [--strategy NAME]}: a
 * term over the names that equals the target, verified, or "not found" with the symbols that no
 * tracked value provides. The strategies are those of {@code decompose-bench} ({@link
 * Strategies}).
 */
@Command(
    name = "decompose",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuild a symbolic value from tracked values.",
      "",
      "Prints a term over the tracked values' names that equals the target, verified,",
      "or 'not found' with the symbols that no tracked value provides. Output:",
      "'A*B verified (by expansion, strategy solver)' or 'not found: ...'."
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

  @Option(names = "--strategy", paramLabel = "NAME", defaultValue = "solver",
      description = "naive: PyTorch's syntactic walk; solver: algebra and search (default);"
          + " or a variant of the benchmark: algebra, search, groebner.")
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
      if (tracked.stream().anyMatch(t -> t.name().equals(name))) {
        throw new SymtraceException("--have '" + h + "': the name " + name + " is given twice;"
            + " give each tracked value its own name");
      }
      tracked.add(new Tracked(name, parse("--have " + name, h.substring(eq + 1)), Tracked.Producer.INTERMEDIATE,
          position++));
    }
    List<Expr> assumed = new ArrayList<>();
    for (String f : facts) {
      assumed.add(parse("--assume", f));
    }
    List<Strategies.Entry> chosen = Strategies.parse(strategy);
    if (chosen.size() != 1) {
      throw new SymtraceException("--strategy '" + strategy + "': give one strategy");
    }
    Decomposition d;
    // Expansion verifies polynomial identities; Z3 (loaded only then) proves the rest.
    try (Strategies.Instance decomposer = chosen.get(0).create()) {
      d = decomposer.decompose(goal, tracked, assumed);
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

  private static Expr parse(String what, String text) {
    try {
      return ExprParser.parse(text);
    } catch (SymtraceException e) {
      throw new SymtraceException(what + " '" + text + "', " + e.getMessage());
    }
  }
}
