package symtrace.solver.research;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import symtrace.solver.decompose.Decomposer;
import symtrace.solver.decompose.Decomposition;
import symtrace.solver.decompose.EGraphDecomposer;
import symtrace.solver.decompose.NaiveDecomposer;
import symtrace.solver.decompose.SolverDecomposer;
import symtrace.solver.decompose.SolverDecomposer.Stage;
import symtrace.solver.decompose.Tracked;
import symtrace.solver.decompose.Verifier;
import symtrace.symbolic.SymtraceException;
import symtrace.symbolic.expr.Expr;

/**
 * The strategies the benchmark knows, by name. Each {@link Entry} makes a fresh {@link
 * Instance} per run: the decomposer and what it owns (a Symja engine, a Z3 prover), closed after
 * the run. To add a strategy, implement {@link Decomposer} and add an entry to {@link #ALL}.
 */
public final class Strategies {
  /** A strategy: its name, a one-line description, and how to make an instance. */
  public record Entry(String name, String description, Function<Verifier, Decomposer> make) {
    /** A new instance whose solver proofs, if any, come from its own Z3 prover. */
    public Instance create() {
      LazyProver verifier = new LazyProver();
      return new Instance(make.apply(verifier), verifier);
    }
  }

  /** A decomposer and the resources it owns. */
  public static final class Instance implements Decomposer, AutoCloseable {
    private final Decomposer decomposer;
    private final LazyProver verifier;

    Instance(Decomposer decomposer, LazyProver verifier) {
      this.decomposer = decomposer;
      this.verifier = verifier;
    }

    /** Wraps a decomposer that owns nothing (or closes itself), as tests make them. */
    public static Instance of(Decomposer decomposer) {
      return new Instance(decomposer, new LazyProver());
    }

    @Override
    public String name() {
      return decomposer.name();
    }

    @Override
    public Decomposition decompose(Expr target, List<Tracked> tracked, List<Expr> facts) {
      return decomposer.decompose(target, tracked, facts);
    }

    @Override
    public void close() {
      try {
        if (decomposer instanceof AutoCloseable c) {
          c.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException("closing " + name() + ": " + e.getMessage(), e);
      } finally {
        verifier.close();
      }
    }
  }

  /** Every strategy, in the order reports list them. */
  public static final List<Entry> ALL = List.of(
      new Entry("naive",
          "PyTorch's _build_proxy_for_sym_expr: the syntactic walk, ported faithfully",
          v -> new NaiveDecomposer()),
      new Entry("solver",
          "every stage: walk, monomials, refutation, linear algebra, search, arguments, Gröbner",
          SolverDecomposer::new),
      new Entry("algebra", "the solver without the search: exact algebra only",
          v -> new SolverDecomposer(v, EnumSet.complementOf(EnumSet.of(Stage.SEARCH)), "algebra")),
      new Entry("search",
          "the solver without the algebra: the walk, the bounded search and rebuilt arguments",
          v -> new SolverDecomposer(v, EnumSet.of(Stage.REFUTATION, Stage.SEARCH, Stage.ARGUMENTS),
              "search")),
      new Entry("groebner",
          "the walk, Gröbner elimination and the search: the solver before its exact stages",
          v -> new SolverDecomposer(v, EnumSet.of(Stage.ELIMINATION, Stage.SEARCH), "groebner")),
      new Entry("egraph",
          "equality saturation: an e-graph under ring rules, the cheapest term extracted",
          EGraphDecomposer::new));

  private Strategies() {}

  public static List<String> names() {
    return ALL.stream().map(Entry::name).toList();
  }

  /** The entries named in {@code list} (comma-separated), in that order. */
  public static List<Entry> parse(String list) {
    List<Entry> out = new ArrayList<>();
    for (String name : list.split(",")) {
      String n = name.strip();
      Entry e = ALL.stream().filter(x -> x.name().equals(n)).findFirst().orElseThrow(
          () -> new SymtraceException("unknown strategy '" + n + "'; the strategies are "
              + String.join(", ", names())));
      if (out.contains(e)) {
        throw new SymtraceException("strategy '" + n + "' is listed twice");
      }
      out.add(e);
    }
    return out;
  }
}
