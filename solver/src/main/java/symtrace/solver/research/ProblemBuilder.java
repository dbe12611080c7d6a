package symtrace.solver.research;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import symtrace.solver.decompose.Decompositions;
import symtrace.solver.decompose.Tracked;
import symtrace.solver.decompose.Tracked.Producer;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Sym;

/**
 * Builds one generated problem: draws symbols, tracks values under FX-style node names, adds
 * facts, and states the ground truth from the construction (the solution the family built the
 * target from, and its cost in the strategies' cost model).
 */
final class ProblemBuilder {
  final Random rnd;
  private final String id;
  private final Category category;
  private final String kind;
  private final String origin;
  private final List<Tracked> tracked = new ArrayList<>();
  private final List<Expr> facts = new ArrayList<>();
  private final Set<String> names = new HashSet<>();
  private final Set<Sym> used = new LinkedHashSet<>();
  private final Set<Integer> positions = new HashSet<>();
  private String note = "";
  private int nextPosition;

  ProblemBuilder(Random rnd, String id, Category category, String kind, String origin) {
    this.rnd = rnd;
    this.id = id;
    this.category = category;
    this.kind = kind;
    this.origin = origin;
  }

  /** A size symbol {@code s<N>} not drawn before in this problem (PyTorch numbers them 0 to 99). */
  Sym symbol() {
    while (true) {
      Sym s = Sym.size("s" + rnd.nextInt(100));
      if (used.add(s)) {
        return s;
      }
    }
  }

  List<Sym> symbols(int n) {
    List<Sym> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(symbol());
    }
    return out;
  }

  int between(int low, int high) {
    return low + rnd.nextInt(high - low + 1);
  }

  @SafeVarargs
  final <T> T pick(T... choices) {
    return choices[rnd.nextInt(choices.length)];
  }

  boolean chance(double p) {
    return rnd.nextDouble() < p;
  }

  /** Tracks {@code e} at the next position; returns the name as a symbol of terms. */
  Sym track(String base, Expr e, Producer producer) {
    return track(base, e, producer, nextPosition);
  }

  /** Tracks {@code e} at a free position in {@code [low, high]} (the next free one after). */
  Sym track(String base, Expr e, Producer producer, int low, int high) {
    int p = between(low, high);
    while (positions.contains(p)) {
      p++;
    }
    return track(base, e, producer, p);
  }

  /** Tracks {@code e} at a given position in the graph. */
  Sym track(String base, Expr e, Producer producer, int position) {
    String prefix = switch (producer) {
      case INPUT_SIZE -> "sym_size_int";
      case INTERMEDIATE -> base;
      case OTHER_GRAPH -> "fwd_" + base;
      case STASHED -> "stashed_" + base;
    };
    String name = prefix;
    for (int k = 1; !names.add(name); k++) {
      name = prefix + "_" + k;
    }
    tracked.add(new Tracked(name, e, producer, position));
    positions.add(position);
    nextPosition = Math.max(nextPosition, position + 1);
    while (positions.contains(nextPosition)) {
      nextPosition++;
    }
    return Sym.integer(name);
  }

  /** A producer of a size that crossed into this graph: mostly graph inputs. */
  Producer inputOrIntermediate() {
    return chance(0.7) ? Producer.INPUT_SIZE : Producer.INTERMEDIATE;
  }

  /** A producer other than a graph input. */
  Producer costly() {
    return pick(Producer.INTERMEDIATE, Producer.OTHER_GRAPH, Producer.STASHED);
  }

  ProblemBuilder fact(Expr f) {
    facts.add(f);
    return this;
  }

  ProblemBuilder note(String text) {
    note = text;
    return this;
  }

  /** The tracked values so far. */
  List<Tracked> tracked() {
    return tracked;
  }

  /** Drops the tracked values that mention {@code s} (they did not cross the break). */
  void untrack(Sym s) {
    tracked.removeIf(t -> t.expr().freeSymbols().contains(s));
  }

  Problem solvable(Expr target, Expr solution) {
    return best(target, List.of(solution));
  }

  /** Solvable with several known solutions: the cheapest is the ground truth. */
  Problem best(Expr target, List<Expr> solutions) {
    Expr cheapest = null;
    int cost = Integer.MAX_VALUE;
    for (Expr s : solutions) {
      int c = Decompositions.cost(s, tracked);
      if (c < cost) {
        cost = c;
        cheapest = s;
      }
    }
    return problem(target, GroundTruth.solvable(cheapest, cost));
  }

  Problem impossible(Expr target, String reason) {
    return problem(target, GroundTruth.impossible(reason));
  }

  private Problem problem(Expr target, GroundTruth truth) {
    return new Problem(id, category, kind, note, target, tracked, facts, truth, origin);
  }
}
