package symtrace.solver.z3;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import symtrace.solver.Assignments;
import symtrace.symbolic.env.Guard;
import symtrace.symbolic.env.RuntimeAssert;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Infinity;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Num;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.range.ValueRange;

/**
 * The facts of one shape environment version, as relations, grouped into components of symbols
 * connected by a common fact, so that a question sees only the facts that can matter to it (the
 * others share no symbol with it, directly or through other facts).
 */
final class EnvFacts {
  /** Which of the environment's facts to take. */
  enum Scope {
    /** Ranges, replacements, divisibility, guards and runtime asserts. */
    ALL,
    /** Ranges and replacements only: what {@code produce_guards} prints besides the guards. */
    RANGES_AND_REPLACEMENTS
  }

  private final long version;
  private final List<Expr> all;
  private final Map<Sym, Sym> parent = new HashMap<>();
  private final Map<Set<Sym>, List<Expr>> byRoots = new HashMap<>();

  private EnvFacts(long version, List<Expr> all) {
    this.version = version;
    this.all = all;
    for (Expr f : all) {
      Sym first = null;
      for (Sym s : f.freeSymbols()) {
        if (first == null) {
          first = find(s);
        } else {
          union(first, s);
        }
      }
    }
  }

  /**
   * The facts of {@code env} now; with {@code sizeOblivious}, a size-like symbol's lower bound
   * is at least 2 (the meaning PyTorch gives size-oblivious queries).
   */
  static EnvFacts of(ShapeEnv env, boolean sizeOblivious, Scope scope) {
    return new EnvFacts(env.version(), gather(env, sizeOblivious, scope));
  }

  long version() {
    return version;
  }

  /** Every fact, in a fixed order. */
  List<Expr> all() {
    return all;
  }

  /** The facts in the components of {@code e}'s symbols, in their original order (one list per set). */
  List<Expr> relevantTo(Expr e) {
    return relevantTo(e.freeSymbols());
  }

  List<Expr> relevantTo(Set<Sym> symbols) {
    Set<Sym> roots = new TreeSet<>(Assignments.symbolOrder());
    for (Sym s : symbols) {
      roots.add(find(s));
    }
    return byRoots.computeIfAbsent(roots, rs -> {
      List<Expr> out = new ArrayList<>();
      for (Expr f : all) {
        Set<Sym> fs = f.freeSymbols();
        if (!fs.isEmpty() && rs.contains(find(fs.iterator().next()))) {
          out.add(f);
        }
      }
      return List.copyOf(out);
    });
  }

  private static List<Expr> gather(ShapeEnv env, boolean sizeOblivious, Scope scope) {
    List<Expr> out = new ArrayList<>();
    for (Map.Entry<Sym, ValueRange> e : env.ranges().entrySet()) {
      Sym s = e.getKey();
      ValueRange r = e.getValue();
      if (r.kind() == ValueRange.Kind.BOOL) {
        continue;
      }
      Expr lower = r.lower();
      Expr upper = r.upper();
      if (sizeOblivious && env.isSizeLike(s) && !(lower instanceof IntLit l && l.longValue() >= 2)) {
        lower = IntLit.of(2);
      }
      if (lower instanceof Num n && !(n instanceof Infinity)) {
        out.add(Exprs.ge(s, lower));
      }
      if (upper instanceof Num n && !(n instanceof Infinity)) {
        out.add(Exprs.le(s, upper));
      }
    }
    for (Map.Entry<Sym, Expr> e : env.replacements().entrySet()) {
      out.add(Exprs.eq(e.getKey(), e.getValue()));
    }
    if (scope == Scope.ALL) {
      for (Expr mod : env.divisible()) {
        out.add(Exprs.eq(mod, Exprs.ZERO));
      }
      for (Guard g : env.guards()) {
        out.add(g.expr());
      }
      for (RuntimeAssert ra : env.backedRuntimeAsserts()) {
        out.add(ra.expr());
      }
      for (List<RuntimeAssert> list : env.deferredRuntimeAsserts().values()) {
        for (RuntimeAssert ra : list) {
          out.add(ra.expr());
        }
      }
    }
    List<Expr> kept = new ArrayList<>();
    for (Expr f : out) {
      if (f != BoolLit.TRUE && !f.isConstant()) {
        kept.add(f);
      }
    }
    return kept;
  }

  private Sym find(Sym s) {
    Sym p = parent.get(s);
    if (p == null) {
      return s;
    }
    Sym root = find(p);
    if (root != p) {
      parent.put(s, root);
    }
    return root;
  }

  private void union(Sym a, Sym b) {
    Sym ra = find(a);
    Sym rb = find(b);
    if (ra != rb) {
      parent.put(rb, ra);
    }
  }
}
