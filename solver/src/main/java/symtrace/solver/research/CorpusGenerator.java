package symtrace.solver.research;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import symtrace.solver.decompose.Tracked;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Sym;

/**
 * The generated part of the corpus: each family of each category makes its problems from a
 * fixed seed, so the same seed gives the same problems on every machine. The ground truth comes
 * from the construction: a family builds the target from tracked values, so it knows a solution
 * and its cost; an impossible problem is kept only with a {@link Witness}.
 *
 * <p>About a third of the problems get facts that do not matter to the solution (upper bounds,
 * orderings), as traced graphs have guards that do not matter to every size.
 */
public final class CorpusGenerator {
  /** The seed of the default corpus. */
  public static final long DEFAULT_SEED = 1;

  /** A family: its category, its kind (the problem ids' stem), how many and how to make one. */
  record Family(Category category, String kind, int count,
      Function<ProblemBuilder, Problem> make) {}

  static final List<Family> FAMILIES = List.of(
      new Family(Category.REGROUPED, "product", 25, RegroupedFamilies::product),
      new Family(Category.REGROUPED, "distributed", 20, RegroupedFamilies::distributed),
      new Family(Category.REGROUPED, "expanded-product", 20, RegroupedFamilies::expandedProduct),
      new Family(Category.REGROUPED, "flattened-sum", 20, RegroupedFamilies::flattenedSum),
      new Family(Category.REGROUPED, "power", 15, RegroupedFamilies::power),
      new Family(Category.REGROUPED, "inside-function", 25, RegroupedFamilies::insideFunction),
      new Family(Category.GRAPH_BREAK, "scaled", 20, GraphBreakFamilies::scaled),
      new Family(Category.GRAPH_BREAK, "exact-quotient", 20, GraphBreakFamilies::exactQuotient),
      new Family(Category.GRAPH_BREAK, "flattened-view", 15, GraphBreakFamilies::flattenedView),
      new Family(Category.GRAPH_BREAK, "division-pair", 25, GraphBreakFamilies::divisionPair),
      new Family(Category.GRAPH_BREAK, "compound-sizes", 25, GraphBreakFamilies::compoundSizes),
      new Family(Category.GRAPH_BREAK, "guarded", 15, GraphBreakFamilies::guarded),
      new Family(Category.PROVENANCE, "two-producers", 50, ProducerFamilies::twoProducers),
      new Family(Category.PROVENANCE, "compound-producers", 40,
          ProducerFamilies::compoundProducers),
      new Family(Category.AMBIGUOUS, "whole-or-parts", 30, ProducerFamilies::wholeOrParts),
      new Family(Category.AMBIGUOUS, "two-factorings", 25, ProducerFamilies::twoFactorings),
      new Family(Category.AMBIGUOUS, "scaled-or-parts", 20, ProducerFamilies::scaledOrParts),
      new Family(Category.AMBIGUOUS, "division-or-direct", 15, ProducerFamilies::divisionOrDirect),
      new Family(Category.IMPOSSIBLE, "absent", 50, ImpossibleFamilies::absent),
      new Family(Category.IMPOSSIBLE, "not-determined", 40, ImpossibleFamilies::notDetermined));

  private static final int ATTEMPTS = 50;

  private CorpusGenerator() {}

  /** The generated problems of {@code seed}, family by family. */
  public static List<Problem> generate(long seed) {
    List<Problem> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int f = 0; f < FAMILIES.size(); f++) {
      Family family = FAMILIES.get(f);
      int attempt = 0;
      for (int i = 0; i < family.count(); i++) {
        Problem p = null;
        while (p == null && attempt < family.count() * ATTEMPTS) {
          p = make(family, seed, f, i, attempt++, seen);
        }
        if (p == null) {
          throw new IllegalStateException("family " + family.kind()
              + " made too few distinct problems");
        }
        out.add(p);
      }
    }
    return out;
  }

  /** One problem, or null when it repeats an earlier one or its impossibility has no witness. */
  private static Problem make(Family family, long seed, int f, int i, int attempt,
      Set<String> seen) {
    Random rnd = new Random(mix(seed, f, attempt));
    String id = family.category().label() + "/" + family.kind() + "-"
        + String.format(Locale.ROOT, "%03d", i + 1);
    ProblemBuilder b = new ProblemBuilder(rnd, id, family.category(), family.kind(),
        "generator seed " + seed);
    Problem p = withNoise(family.make().apply(b), rnd);
    if (!seen.add(key(p))) {
      return null;
    }
    if (!p.truth().solvable() && Witness.find(p).isEmpty()) {
      return null;
    }
    return p;
  }

  /** The same problem with facts that do not matter to its answer, a third of the time. */
  private static Problem withNoise(Problem p, Random rnd) {
    List<Sym> symbols = new ArrayList<>(p.target().freeSymbols());
    for (Tracked t : p.tracked()) {
      for (Sym s : t.expr().freeSymbols()) {
        if (!symbols.contains(s)) {
          symbols.add(s);
        }
      }
    }
    if (symbols.isEmpty() || rnd.nextDouble() > 0.35) {
      return p;
    }
    symbols.sort(java.util.Comparator.comparing(Sym::name));
    List<Expr> facts = new ArrayList<>(p.facts());
    Sym s = symbols.get(rnd.nextInt(symbols.size()));
    facts.add(Exprs.le(s, IntLit.of(1L << (6 + rnd.nextInt(7)))));
    if (symbols.size() > 1 && rnd.nextDouble() < 0.3) {
      Sym t = symbols.get(rnd.nextInt(symbols.size()));
      if (t != s) {
        facts.add(rnd.nextBoolean() ? Exprs.ne(s, t) : Exprs.ge(Exprs.add(s, IntLit.of(64)), t));
      }
    }
    return new Problem(p.id(), p.category(), p.kind(), p.note(), p.target(), p.tracked(), facts,
        p.truth(), p.origin());
  }

  /** What makes two problems the same: target, tracked values and facts. */
  static String key(Problem p) {
    StringBuilder k = new StringBuilder(p.target().toString());
    for (Tracked t : p.tracked()) {
      k.append('|').append(t.expr()).append('@').append(t.producer()).append(t.position());
    }
    for (Expr f : p.facts()) {
      k.append('|').append(f);
    }
    return k.toString();
  }

  /** A well-spread seed for one attempt of one family (SplitMix64's finalizer). */
  private static long mix(long seed, int family, int attempt) {
    long z = seed * 0x9E3779B97F4A7C15L + family * 0xBF58476D1CE4E5B9L
        + attempt * 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
