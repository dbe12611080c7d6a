package symtrace.solver.z3;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import symtrace.solver.ProverSettings;
import symtrace.solver.SymbolDomain;
import symtrace.solver.Verdict.Outcome;
import symtrace.symbolic.env.Guard;
import symtrace.symbolic.env.PyTorchDecider;
import symtrace.symbolic.env.RuntimeAssert;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.env.StaticDecider;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Infinity;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Num;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.range.ValueRange;

/**
 * A {@link StaticDecider} that asks Z3 what PyTorch's algorithm leaves open, so a shape
 * environment records fewer guards.
 *
 * <p><b>Question.</b> Is the (simplified) condition true, or false, at every assignment that
 * satisfies the environment's facts? The facts are every symbol's range, every replacement
 * {@code s == e}, every known divisibility {@code Mod(a, b) == 0}, every recorded guard and every
 * runtime assert; with {@code sizeOblivious}, also {@code s >= 2} for each size-like symbol (the
 * meaning PyTorch gives size-oblivious queries). The symbols' assumptions are assumed too
 * ({@link SymbolDomain#ASSUMPTIONS}), as the expression rules already do.
 *
 * <p><b>Procedure.</b> {@link PyTorchDecider} first: its answers are kept (parity with PyTorch's
 * guards), and it is cheap. For a boolean it leaves open: only the facts that share symbols with
 * the condition, transitively, are used (the others cannot matter); if they are contradictory the
 * answer is "don't know" (never a vacuous proof); otherwise {@code True} if the facts entail the
 * condition, {@code False} if they entail its negation, else "don't know". Non-boolean
 * expressions are left to PyTorch's algorithm.
 *
 * <p><b>Soundness.</b> As {@link StaticDecider} requires: an answer holds for every assignment
 * consistent with the environment (the prover's proofs are exact; an untranslatable fact is not
 * assumed, an untranslatable condition is not decided).
 *
 * <p><b>State.</b> One long-lived {@link Z3Prover}, created at the first question PyTorch's
 * algorithm cannot answer (so Z3 loads only then), with its answers cached by the fact list's
 * number and the condition; the facts are gathered once per {@link ShapeEnv#version()}. A decider
 * serves one environment (a second one is an error).
 *
 * <p><b>Lifecycle.</b> {@link #install(ShapeEnv)} sets it as the environment's decider and
 * registers it with {@link ShapeEnv#onClose}, so closing the environment closes the decider and
 * frees its Z3 context ({@code try (ShapeEnv env = ...) { Z3Decider.install(env); ... }}). It may
 * also be closed earlier on its own; it then answers as PyTorch's algorithm only. If the
 * environment and the decider become unreachable unclosed, the prover's cleaner releases the
 * native memory eventually.
 */
public final class Z3Decider implements StaticDecider, AutoCloseable {
  private final ProverSettings settings;
  private final PyTorchDecider pytorch = new PyTorchDecider();
  private WeakReference<ShapeEnv> owner;
  private Z3Prover prover;
  private EnvFacts facts;
  private long solverQuestions;
  private long solverAnswers;
  private boolean closed;

  /** A decider with the default budget. */
  public Z3Decider() {
    this(ProverSettings.defaults());
  }

  /** A decider with {@code settings}' budget (its domain is always the symbols' assumptions). */
  public Z3Decider(ProverSettings settings) {
    this.settings = settings.withDomain(SymbolDomain.ASSUMPTIONS);
  }

  /**
   * Makes a new decider {@code env}'s decider, registered to close with the environment, and
   * returns it. Throws {@link IllegalStateException} if {@code env} is closed.
   */
  public static Z3Decider install(ShapeEnv env) {
    return install(env, ProverSettings.defaults());
  }

  public static Z3Decider install(ShapeEnv env, ProverSettings settings) {
    Z3Decider d = new Z3Decider(settings);
    d.bind(env);
    env.onClose(d);
    env.setDecider(d);
    return d;
  }

  @Override
  public synchronized Expr decide(ShapeEnv env, Expr expr, boolean sizeOblivious) {
    Expr known = pytorch.decide(env, expr, sizeOblivious);
    if (known != null || closed || !expr.isBoolean() || expr instanceof BoolLit) {
      return known;
    }
    bind(env);
    List<Expr> relevant = facts(env, sizeOblivious).relevantTo(expr);
    Z3Prover p = prover();
    solverQuestions++;
    try {
      if (p.entails(relevant, BoolLit.FALSE) != Outcome.REFUTED) {
        return null; // contradictory (or undecided) facts prove anything: decide nothing
      }
      if (p.entails(relevant, expr) == Outcome.PROVED) {
        solverAnswers++;
        return BoolLit.TRUE;
      }
      if (p.entailsNegation(relevant, expr) == Outcome.PROVED) {
        solverAnswers++;
        return BoolLit.FALSE;
      }
    } catch (RuntimeException e) {
      // A solver failure must not break a trace: the caller records a guard instead.
      return null;
    }
    return null;
  }

  /** How many conditions PyTorch's algorithm left open and Z3 was asked about. */
  public synchronized long solverQuestions() {
    return solverQuestions;
  }

  /** How many of those Z3 decided (each is a guard not recorded). */
  public synchronized long solverAnswers() {
    return solverAnswers;
  }

  /** Whether the decider is closed (by itself or with its environment). */
  public synchronized boolean isClosed() {
    return closed;
  }

  /** The prover, or null before the first question Z3 was asked and after closing (for tests). */
  synchronized Z3Prover startedProver() {
    return prover;
  }

  /** Releases the prover; afterwards the decider answers as PyTorch's algorithm. Idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    if (prover != null) {
      prover.close();
      prover = null;
    }
    facts = null;
  }

  private void bind(ShapeEnv env) {
    ShapeEnv current = owner == null ? null : owner.get();
    if (current == null) {
      owner = new WeakReference<>(env);
    } else if (current != env) {
      throw new IllegalStateException("a Z3Decider serves one shape environment; install one per environment");
    }
  }

  private Z3Prover prover() {
    if (prover == null) {
      prover = Z3Prover.create(settings);
    }
    return prover;
  }

  private EnvFacts facts(ShapeEnv env, boolean sizeOblivious) {
    EnvFacts f = facts;
    if (f == null || f.version != env.version() || f.sizeOblivious != sizeOblivious) {
      f = new EnvFacts(env.version(), sizeOblivious, gather(env, sizeOblivious));
      facts = f;
    }
    return f;
  }

  /** Every fact the environment knows, in a fixed order. */
  private static List<Expr> gather(ShapeEnv env, boolean sizeOblivious) {
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
    List<Expr> kept = new ArrayList<>();
    for (Expr f : out) {
      if (f != BoolLit.TRUE && !f.isConstant()) {
        kept.add(f);
      }
    }
    return kept;
  }

  /**
   * The facts of one environment version, grouped into components of symbols connected by a
   * common fact, so a question sees only the facts that can matter to it.
   */
  private static final class EnvFacts {
    final long version;
    final boolean sizeOblivious;
    private final List<Expr> all;
    private final Map<Sym, Sym> parent = new HashMap<>();
    private final Map<Set<Sym>, List<Expr>> byRoots = new HashMap<>();

    EnvFacts(long version, boolean sizeOblivious, List<Expr> all) {
      this.version = version;
      this.sizeOblivious = sizeOblivious;
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

    /** The facts in the components of {@code e}'s symbols, in their original order (one list per set). */
    List<Expr> relevantTo(Expr e) {
      Set<Sym> roots = new TreeSet<>(symtrace.solver.Assignments.symbolOrder());
      for (Sym s : e.freeSymbols()) {
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
}
