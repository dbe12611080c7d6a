package symtrace.solver.decompose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import symtrace.symbolic.algebra.SymjaAlgebra;
import symtrace.symbolic.algebra.SymjaEngine;
import symtrace.symbolic.expr.Add;
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Num;
import symtrace.symbolic.expr.Pow;
import symtrace.symbolic.expr.Sym;

/**
 * The solver strategy: find a term over the tracked values equal to the target where the
 * syntactic walk cannot, because simplification regrouped the target ({@code s1*s2*s3} from
 * {@code s1*s2} and {@code s3}) or a tracked value is a sum ({@code s0*s1 + s1} from {@code s0 +
 * 1} and {@code s1}).
 *
 * <ol>
 *   <li>An exact match, then a term over tracked atoms found by the syntactic walk.
 *   <li>Elimination: a lexicographic Gröbner basis of {@code {name - expr, ..., T - target}}
 *       with the sizes' symbols first; a basis element free of them and linear in {@code T} with
 *       coefficient ±1 gives {@code T} as a polynomial in the names. Function applications
 *       ({@code FloorDiv(s0, 2)}) are opaque atoms, consistently named on both sides; when both
 *       {@code x // d} and {@code x % d} are atoms, the division algorithm {@code x = d*(x // d)
 *       + x % d} joins the ideal, so {@code s0} is found from {@code A = s0 // 2}, {@code B = s0
 *       % 2} as {@code 2*A + B}.
 *   <li>A bounded search ({@link CandidateSearch}): affine forms of the names and of division
 *       identities, sums of two, products of up to three, with small integer coefficients,
 *       filtered by their values at sample points.
 * </ol>
 *
 * <p>Candidates that rest on the semantics of {@code FloorDiv} or {@code Mod} need a verifier
 * that knows them ({@code Verifier.expansion().orElse(Verifier.prover(p))}, as {@code symtrace
 * decompose} uses); the default verifier, expansion, rejects them.
 *
 * <p>Every candidate is verified ({@link Verifier}) before it is returned; among verified
 * candidates the cheapest by the cost model wins. Owns a Symja engine: close it.
 */
public final class SolverDecomposer implements Decomposer, AutoCloseable {
  private final Verifier verifier;
  private SymjaEngine engine;
  private SymjaAlgebra algebra;

  public SolverDecomposer() {
    this(Verifier.expansion());
  }

  public SolverDecomposer(Verifier verifier) {
    this.verifier = verifier;
  }

  @Override
  public String name() {
    return "solver";
  }

  @Override
  public Decomposition decompose(Expr target, List<Tracked> tracked, List<Expr> facts) {
    Map<Sym, Expr> definitions = Decompositions.definitions(tracked);
    List<Expr> direct = new ArrayList<>();
    for (Tracked t : tracked) {
      if (t.expr() == target) {
        direct.add(Decompositions.nameSymbol(t));
      }
    }
    Decomposition naive = new NaiveDecomposer().decompose(target, tracked, facts);
    if (naive.isFound()) {
      direct.add(naive.term());
    }
    Decomposition best = cheapestVerified(direct, target, tracked, definitions, facts);
    if (best != null) {
      return best;
    }
    List<Tracked> relevant = relevant(target, tracked);
    List<Sym> missing = Decompositions.missingSymbols(target, relevant);
    if (!missing.isEmpty() && !target.isConstant()) {
      return Decomposition.notFound(target, name(), missing);
    }
    // Each stage's candidates are verified before the next, costlier, stage is tried.
    best = cheapestVerified(elimination(target, relevant).stream().toList(), target, tracked, definitions, facts);
    if (best == null) {
      best = cheapestVerified(CandidateSearch.find(target, relevant, facts), target, tracked, definitions, facts);
    }
    return best != null ? best : Decomposition.notFound(target, name(), List.of());
  }

  private Decomposition cheapestVerified(List<Expr> candidates, Expr target, List<Tracked> tracked,
      Map<Sym, Expr> definitions, List<Expr> facts) {
    Decomposition best = null;
    for (Expr c : candidates) {
      String how = verifier.verify(target, c, definitions, facts);
      if (how == null) {
        continue;
      }
      int cost = Decompositions.cost(c, tracked);
      if (best == null || cost < best.cost()) {
        best = Decomposition.found(target, c, name(), how, cost);
      }
    }
    return best;
  }

  /**
   * Tracked values connected to the target by shared symbols, directly or through other tracked
   * values ({@code s1} for {@code s0 // s1}): the others cannot help and slow Gröbner.
   */
  private static List<Tracked> relevant(Expr target, List<Tracked> tracked) {
    java.util.Set<Sym> reached = new java.util.HashSet<>(target.freeSymbols());
    java.util.Set<Tracked> in = new java.util.LinkedHashSet<>();
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Tracked t : tracked) {
        if (!in.contains(t) && !java.util.Collections.disjoint(t.expr().freeSymbols(), reached)) {
          in.add(t);
          reached.addAll(t.expr().freeSymbols());
          grew = true;
        }
      }
    }
    List<Tracked> out = new ArrayList<>();
    for (Tracked t : tracked) {
      if (in.contains(t)) {
        out.add(t);
      }
    }
    return out;
  }

  private Optional<Expr> elimination(Expr target, List<Tracked> tracked) {
    if (tracked.isEmpty() || tracked.size() > 8) {
      return Optional.empty();
    }
    Atoms atoms = new Atoms();
    Expr t = Sym.integer("_target");
    List<Expr> polys = new ArrayList<>();
    List<Sym> names = new ArrayList<>();
    for (Tracked v : tracked) {
      Sym n = Decompositions.nameSymbol(v);
      names.add(n);
      polys.add(Exprs.sub(n, atoms.polynomial(v.expr())));
    }
    polys.add(Exprs.sub(t, atoms.polynomial(target)));
    polys.addAll(atoms.divisionRelations());
    List<Sym> order = new ArrayList<>(atoms.variables());
    order.add((Sym) t);
    order.addAll(names);
    Optional<List<Expr>> basis = algebra().groebnerBasis(polys, order);
    if (basis.isEmpty()) {
      return Optional.empty();
    }
    for (Expr g : basis.get()) {
      boolean freeOfVariables = true;
      for (Sym s : g.freeSymbols()) {
        freeOfVariables &= !atoms.variables().contains(s);
      }
      if (!freeOfVariables || !g.freeSymbols().contains(t)) {
        continue;
      }
      Expr coefficient = linearCoefficient(Exprs.expand(g), t);
      if (coefficient == Exprs.ONE || coefficient == Exprs.MINUS_ONE) {
        // g = c*T + rest = 0  =>  T = -rest/c
        Expr rest = Exprs.expand(Exprs.sub(g, Exprs.mul(coefficient, t)));
        Expr solution = Exprs.expand(Exprs.mul(Exprs.neg(rest), coefficient));
        if (!solution.freeSymbols().contains(t) && integral(solution)) {
          return Optional.of(solution);
        }
      }
    }
    return Optional.empty();
  }

  /** The coefficient of {@code t} when {@code g} is linear in it with a numeric coefficient, else null. */
  private static Expr linearCoefficient(Expr g, Expr t) {
    Expr coefficient = null;
    for (Expr term : g instanceof Add a ? a.args() : List.of(g)) {
      if (!term.freeSymbols().contains(t)) {
        continue;
      }
      Expr rest = Exprs.withoutCoefficient(term);
      if (rest != t || coefficient != null) {
        return null;
      }
      coefficient = Exprs.coefficient(term);
    }
    return coefficient;
  }

  private static boolean integral(Expr e) {
    for (Expr term : e instanceof Add a ? a.args() : List.of(e)) {
      if (!(Exprs.coefficient(term) instanceof IntLit)) {
        return false;
      }
    }
    return true;
  }

  private SymjaAlgebra algebra() {
    if (algebra == null) {
      engine = new SymjaEngine();
      algebra = new SymjaAlgebra(engine, java.time.Duration.ofMillis(500));
    }
    return algebra;
  }

  @Override
  public void close() {
    if (engine != null) {
      engine.close();
      engine = null;
      algebra = null;
    }
  }

  /**
   * Names function applications as opaque variables, so that expressions become polynomials in
   * symbols and atoms; the same application gets the same atom everywhere.
   */
  private static final class Atoms {
    private final Map<Expr, Sym> atoms = new LinkedHashMap<>();
    private final java.util.Set<Sym> variables = new java.util.LinkedHashSet<>();

    Expr polynomial(Expr e) {
      switch (e.kind()) {
        case SYMBOL:
          variables.add((Sym) e);
          return e;
        case ADD:
        case MUL:
          {
            List<Expr> args = new ArrayList<>();
            for (Expr a : e.args()) {
              args.add(polynomial(a));
            }
            return e.kind() == Expr.Kind.ADD ? Exprs.add(args) : Exprs.mul(args);
          }
        case POW:
          {
            Pow p = (Pow) e;
            if (p.exponent() instanceof IntLit n && n.signum() > 0) {
              return Exprs.pow(polynomial(p.base()), n);
            }
            return atom(e);
          }
        default:
          return e instanceof Num ? e : atom(e);
      }
    }

    private Sym atom(Expr e) {
      Sym a = atoms.computeIfAbsent(e, k -> Sym.integer("_atom" + atoms.size()));
      variables.add(a);
      return a;
    }

    java.util.Set<Sym> variables() {
      return variables;
    }

    /**
     * {@code x - d*q - r = 0} for each pair of atoms {@code q = x // d} and {@code r = x % d}
     * (Python's division algorithm, for {@code d != 0}, where both are defined).
     */
    List<Expr> divisionRelations() {
      List<Expr> out = new ArrayList<>();
      for (Map.Entry<Expr, Sym> q : new ArrayList<>(atoms.entrySet())) {
        if (!(q.getKey() instanceof Apply div) || div.fn() != Fn.FLOOR_DIV) {
          continue;
        }
        for (Map.Entry<Expr, Sym> r : new ArrayList<>(atoms.entrySet())) {
          if (r.getKey() instanceof Apply mod && (mod.fn() == Fn.MOD || mod.fn() == Fn.PYTHON_MOD)
              && mod.arg(0) == div.arg(0) && mod.arg(1) == div.arg(1)) {
            Expr x = polynomial(div.arg(0));
            Expr d = polynomial(div.arg(1));
            out.add(Exprs.sub(x, Exprs.add(Exprs.mul(d, q.getValue()), r.getValue())));
          }
        }
      }
      return out;
    }
  }
}
