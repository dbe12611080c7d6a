package symtrace.tracer.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import symtrace.symbolic.algebra.SymjaAlgebra;
import symtrace.symbolic.algebra.SymjaEngine;
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.parse.ExprParser;
import symtrace.symbolic.simplify.SizeSimplifier;
import symtrace.symbolic.SymtraceException;

/**
 * {@code symtrace simplify EXPR... [--assume FACT]...}: each expression simplified under the
 * facts, one per line, in sympy's text. Symbols named {@code s<N>} are sizes in {@code [2,
 * int_oo]}; every other name is an integer.
 */
@Command(
    name = "simplify",
    mixinStandardHelpOptions = true,
    description = {
      "Simplify expressions as a shape environment would.",
      "",
      "Prints each expression simplified, in sympy's text. Symbols s<N> are sizes",
      "in [2, int_oo]; other names (u0, n, ...) are integers."
    })
public final class SimplifyCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "EXPR",
      description = "An expression, e.g. 'FloorDiv(2*s0 + 4, 2)' or 's0 + s1 >= 2'.")
  private List<String> expressions = new ArrayList<>();

  @Option(names = "--assume", paramLabel = "FACT",
      description = "A fact that holds, e.g. 's0 >= 4' or 'Eq(s1, 2*s0)' (repeatable).")
  private List<String> facts = new ArrayList<>();

  @Override
  public Integer call() {
    List<Expr> parsedFacts = new ArrayList<>();
    for (String f : facts) {
      parsedFacts.add(parse("--assume " + quoted(f), f));
    }
    List<Expr> parsed = new ArrayList<>();
    for (String e : expressions) {
      parsed.add(parse(quoted(e), e));
    }
    Set<Sym> sizes = new LinkedHashSet<>();
    for (Expr e : parsed) {
      collectSizes(e, sizes);
    }
    for (Expr f : parsedFacts) {
      collectSizes(f, sizes);
    }
    SizeSimplifier simplifier = new SizeSimplifier(sizes);
    for (Expr f : parsedFacts) {
      simplifier.assume(f);
    }
    List<Expr> facts = new ArrayList<>(parsedFacts);
    for (Sym s : sizes) {
      facts.add(Exprs.ge(s, Exprs.TWO));
    }
    PrintWriter out = spec.commandLine().getOut();
    SymjaEngine engine = null;
    try {
      for (Expr e : parsed) {
        Expr r = simplifier.simplify(e);
        if (needsAlgebra(r)) {
          // Symja loads only for what the construction rules and the ranges left undecided.
          if (engine == null) {
            engine = new SymjaEngine();
          }
          r = simplifier.simplify(new SymjaAlgebra(engine).simplify(r, facts));
        }
        out.println(r);
      }
    } finally {
      if (engine != null) {
        engine.close();
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** True when a division, modulus or lattice function is left, which Symja may resolve. */
  private static boolean needsAlgebra(Expr e) {
    if (e instanceof Apply a) {
      switch (a.fn()) {
        case FLOOR_DIV:
        case CLEAN_DIV:
        case MOD:
        case PYTHON_MOD:
        case MAX:
        case MIN:
        case ABS:
          return true;
        default:
          break;
      }
    }
    for (Expr x : e.args()) {
      if (needsAlgebra(x)) {
        return true;
      }
    }
    return false;
  }

  private static String quoted(String text) {
    return "'" + text + "'";
  }

  private static Expr parse(String where, String text) {
    try {
      return ExprParser.parse(text);
    } catch (SymtraceException e) {
      throw new SymtraceException(where + ", " + e.getMessage()
          + " (expressions use sympy's syntax, e.g. 'FloorDiv(s0, 2)', 'Mod(s0, 4)', 's0 >= 2')");
    }
  }

  private static void collectSizes(Expr e, Set<Sym> sizes) {
    for (Sym s : e.freeSymbols()) {
      if (s.isPositiveSymbol()) {
        sizes.add(s);
      }
    }
  }
}
