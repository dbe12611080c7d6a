package symtrace.solver.decompose;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import symtrace.symbolic.algebra.SymjaAlgebra;
import symtrace.symbolic.algebra.SymjaEngine;
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Num;
import symtrace.symbolic.expr.Sym;

/**
 * The solver strategy: find a term over the tracked values equal to the target where the
 * syntactic walk cannot, because simplification regrouped the target ({@code s1*s2*s3} from
 * {@code s1*s2} and {@code s3}), a tracked value is a sum ({@code s0*s1 + s1} from {@code s0 +
 * 1} and {@code s1}), or the symbols reach the graph only inside other values ({@code s0} from
 * {@code s0*s1} and {@code s1}, or from {@code s0 // 4} and {@code s0 % 4}).
 *
 * <ol>
 *   <li>An exact match, then the syntactic walk, each reading the cheapest producer of every
 *       expression (not the first tracked, which is what loses provenance in PyTorch's walk),
 *       and {@link Stage#MONOMIAL}: a product of symbols from tracked products, multiplied and
 *       divided ({@link MonomialSolver}), as cheap to find and often cheaper to compute.
 *   <li>{@link Stage#REFUTATION}: two small assignments where the tracked values agree and the
 *       target does not prove that no term exists ({@link Refutation}): "not found" at once.
 *   <li>{@link Stage#LINEAR}: a linear combination of products of up to three tracked values,
 *       by Gaussian elimination ({@link LinearSolver}), with tracked quotients and remainders
 *       through the division algorithm.
 *   <li>{@link Stage#SEARCH}: affine forms of the names and of division identities, sums of two,
 *       products of up to three, filtered by their values at sample points ({@link
 *       CandidateSearch}).
 *   <li>{@link Stage#ARGUMENTS}: the target's function applications ({@code (s0*s1*s2)//4}) are
 *       rebuilt from their arguments, recursively, and the walk and the stages above run again
 *       with them as tracked values.
 *   <li>{@link Stage#ELIMINATION}: a Gröbner basis eliminating the symbols ({@link
 *       Elimination}), with the division algorithm and equality facts in the ideal: the most
 *       general stage and the costliest (milliseconds), so the last.
 * </ol>
 *
 * <p>The tracked values considered after the walk are those connected to the target by shared
 * symbols, directly or through each other, one per distinct expression (its cheapest producer).
 * Each stage's candidates (and their forms with a common factor taken out, {@link CommonFactor})
 * are verified ({@link Verifier}) cheapest first, and the first verified one is the answer,
 * before a later stage runs. Candidates that rest on the semantics of {@code
 * FloorDiv} or {@code Mod} need a verifier that knows them ({@code
 * Verifier.expansion().orElse(Verifier.prover(p))}, as {@code symtrace decompose} uses); the
 * default verifier, expansion, rejects them. Owns a Symja engine: close it.
 */
public final class SolverDecomposer implements Decomposer, AutoCloseable {
  /** The stages after the exact match and the walk, which always run first. */
  public enum Stage {
    REFUTATION,
    MONOMIAL,
    LINEAR,
    SEARCH,
    ARGUMENTS,
    ELIMINATION
  }

  private static final int MAX_DEPTH = 3;

  private final Verifier verifier;
  private final Set<Stage> stages;
  private final String name;
  private SymjaEngine engine;
  private SymjaAlgebra algebra;

  public SolverDecomposer() {
    this(Verifier.expansion());
  }

  public SolverDecomposer(Verifier verifier) {
    this(verifier, EnumSet.allOf(Stage.class), "solver");
  }

  /** A variant with only some stages, under its own name (the benchmark's ablations). */
  public SolverDecomposer(Verifier verifier, Set<Stage> stages, String name) {
    this.verifier = verifier;
    this.stages = stages.isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(stages);
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Decomposition decompose(Expr target, List<Tracked> tracked, List<Expr> facts) {
    return decompose(target, tracked, facts, 0);
  }

  private Decomposition decompose(Expr target, List<Tracked> tracked, List<Expr> facts, int depth) {
    List<Tracked> byCost = new ArrayList<>(tracked);
    byCost.sort(Comparator.comparingInt(Decompositions::readCost));
    Map<Sym, Expr> definitions = Decompositions.definitions(tracked);
    List<Expr> direct = new ArrayList<>();
    for (Tracked t : byCost) {
      if (t.expr() == target) {
        direct.add(Decompositions.nameSymbol(t));
      }
    }
    Decomposition walk = new NaiveDecomposer().decompose(target, byCost, facts);
    if (walk.isFound()) {
      direct.add(walk.term());
    }
    if (stages.contains(Stage.MONOMIAL)) {
      // Microseconds, and often cheaper than the walk's term (8*A*B against C*B for C = 8*s0).
      direct.addAll(MonomialSolver.find(target, distinct(byCost)));
    }
    Decomposition best = firstVerified(direct, Map.of(), target, tracked, definitions, facts);
    if (best != null) {
      return best;
    }
    List<Tracked> relevant = distinct(relevant(target, byCost));
    List<Sym> missing = Decompositions.missingSymbols(target, relevant);
    if (!missing.isEmpty() && !target.isConstant()) {
      return Decomposition.notFound(target, name, missing);
    }
    if (stages.contains(Stage.REFUTATION) && Refutation.refuted(target, tracked, facts)) {
      return Decomposition.notFound(target, name, List.of());
    }
    best = algebra(target, relevant, Map.of(), tracked, definitions, facts);
    if (best == null && stages.contains(Stage.ARGUMENTS) && depth < MAX_DEPTH) {
      best = throughArguments(target, tracked, relevant, definitions, facts, depth);
    }
    if (best == null) {
      best = elimination(target, relevant, Map.of(), tracked, definitions, facts);
    }
    return best != null ? best : Decomposition.notFound(target, name, List.of());
  }

  /**
   * The linear and search stages, in that order, over {@code values} (and the monomial stage,
   * when rebuilt applications are among them).
   */
  private Decomposition algebra(Expr target, List<Tracked> values, Map<Sym, Expr> rebuilt,
      List<Tracked> tracked, Map<Sym, Expr> definitions, List<Expr> facts) {
    Decomposition best = null;
    if (stages.contains(Stage.MONOMIAL) && !rebuilt.isEmpty()) {
      best = firstVerified(MonomialSolver.find(target, values), rebuilt, target, tracked,
          definitions, facts);
    }
    if (best == null && stages.contains(Stage.LINEAR)) {
      best = firstVerified(LinearSolver.find(target, values, facts), rebuilt, target, tracked,
          definitions, facts);
    }
    if (best == null && stages.contains(Stage.SEARCH)) {
      best = firstVerified(CandidateSearch.find(target, values, facts), rebuilt, target, tracked,
          definitions, facts);
    }
    return best;
  }

  /** The elimination stage, the costliest (a Gröbner basis in Symja), last. */
  private Decomposition elimination(Expr target, List<Tracked> values, Map<Sym, Expr> rebuilt,
      List<Tracked> tracked, Map<Sym, Expr> definitions, List<Expr> facts) {
    if (!stages.contains(Stage.ELIMINATION)) {
      return null;
    }
    return firstVerified(Elimination.find(target, values, facts, algebra()), rebuilt, target,
        tracked, definitions, facts);
  }

  /**
   * Rebuilds the target's function applications that no tracked value equals from their
   * arguments, then tries the walk and the algebra with them as tracked values ({@code
   * (s0*s1*s2)//4} from {@code s0*s1} and {@code s2} is {@code (A*B)//4}).
   */
  private Decomposition throughArguments(Expr target, List<Tracked> tracked, List<Tracked> relevant,
      Map<Sym, Expr> definitions, List<Expr> facts, int depth) {
    Set<Expr> have = new HashSet<>();
    for (Tracked t : tracked) {
      have.add(t.expr());
    }
    Set<String> names = new HashSet<>();
    tracked.forEach(t -> names.add(t.name()));
    Map<Sym, Expr> rebuilt = new LinkedHashMap<>();
    List<Tracked> extended = new ArrayList<>(relevant);
    for (Apply atom : applications(target, have)) {
      List<Expr> args = new ArrayList<>();
      for (Expr arg : atom.args()) {
        Expr term = arg instanceof Num ? arg : decompose(arg, tracked, facts, depth + 1).term();
        if (term == null) {
          break;
        }
        args.add(term);
      }
      if (args.size() == atom.arity()) {
        String n = "_rebuilt" + rebuilt.size();
        while (names.contains(n)) {
          n = "_" + n;
        }
        rebuilt.put(Sym.integer(n), Exprs.apply(atom.fn(), args));
        extended.add(new Tracked(n, atom, Tracked.Producer.INTERMEDIATE, 0));
      }
    }
    if (rebuilt.isEmpty()) {
      return null;
    }
    Decomposition walk = new NaiveDecomposer().decompose(target, extended, facts);
    Decomposition best = walk.isFound()
        ? firstVerified(List.of(walk.term()), rebuilt, target, tracked, definitions, facts)
        : null;
    if (best == null) {
      best = algebra(target, extended, rebuilt, tracked, definitions, facts);
    }
    return best != null ? best
        : elimination(target, extended, rebuilt, tracked, definitions, facts);
  }

  /** The outermost integer-valued function applications in {@code e} that no tracked value is. */
  private static List<Apply> applications(Expr e, Set<Expr> have) {
    List<Apply> out = new ArrayList<>();
    collect(e, have, out);
    return out;
  }

  private static void collect(Expr e, Set<Expr> have, List<Apply> out) {
    if (have.contains(e)) {
      return;
    }
    if (e instanceof Apply a && !a.isBoolean()) {
      if (!out.contains(a)) {
        out.add(a);
      }
      return;
    }
    for (Expr arg : e.args()) {
      collect(arg, have, out);
    }
  }

  /**
   * The first candidate, cheapest first, that verifies; {@code rebuilt} replaces the names of
   * rebuilt applications by their terms first.
   */
  private Decomposition firstVerified(List<Expr> candidates, Map<Sym, Expr> rebuilt, Expr target,
      List<Tracked> tracked, Map<Sym, Expr> definitions, List<Expr> facts) {
    Set<Expr> distinct = new LinkedHashSet<>();
    for (Expr c : candidates) {
      Expr term = rebuilt.isEmpty() ? c : c.subs(rebuilt);
      distinct.add(term);
      distinct.add(CommonFactor.of(term));
    }
    List<Expr> terms = new ArrayList<>(distinct);
    terms.sort(Comparator.comparingInt(c -> Decompositions.cost(c, tracked)));
    for (Expr c : terms) {
      String how = verifier.verify(target, c, definitions, facts);
      if (how != null) {
        return Decomposition.found(target, c, name, how, Decompositions.cost(c, tracked));
      }
    }
    return null;
  }

  /**
   * Tracked values connected to the target by shared symbols, directly or through other tracked
   * values ({@code s1} for {@code s0 // s1}): the others cannot help and slow Gröbner.
   */
  private static List<Tracked> relevant(Expr target, List<Tracked> tracked) {
    Set<Sym> reached = new HashSet<>(target.freeSymbols());
    Set<Tracked> in = new LinkedHashSet<>();
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Tracked t : tracked) {
        if (!in.contains(t) && !Collections.disjoint(t.expr().freeSymbols(), reached)) {
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

  /** One tracked value per expression: the first, which in cost order is the cheapest. */
  private static List<Tracked> distinct(List<Tracked> tracked) {
    Set<Expr> seen = new HashSet<>();
    List<Tracked> out = new ArrayList<>();
    for (Tracked t : tracked) {
      if (seen.add(t.expr())) {
        out.add(t);
      }
    }
    return out;
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
}
