package symtrace.solver.z3;

import java.lang.ref.WeakReference;
import java.util.List;
import symtrace.solver.ProverSettings;
import symtrace.solver.SymbolDomain;
import symtrace.solver.Verdict.Outcome;
import symtrace.symbolic.env.PyTorchDecider;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.env.StaticDecider;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;

/**
 * A {@link StaticDecider} that asks Z3 what PyTorch's algorithm leaves open, so a shape
 * environment records fewer guards.
 *
 * <p><b>Question.</b> Is the (simplified) condition true, or false, at every assignment that
 * satisfies the environment's facts? The facts are every symbol's range, every replacement
 * {@code s == e}, every known divisibility {@code Mod(a, b) == 0}, every recorded guard and every
 * runtime assert; with {@code sizeOblivious}, also {@code s >= 2} for each size-like symbol (the
 * meaning PyTorch gives size-oblivious queries). {@link #decideFromRanges} (asked by {@code
 * produce_guards}) uses the ranges and replacements only, so no guard is dropped on the strength
 * of itself. The symbols' assumptions are assumed too
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
  private final EnvFacts[] facts = new EnvFacts[2 * EnvFacts.Scope.values().length];
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
    return decide(env, expr, sizeOblivious, EnvFacts.Scope.ALL);
  }

  /** As {@link #decide}, from the ranges and replacements only (no guard decides itself). */
  @Override
  public synchronized Expr decideFromRanges(ShapeEnv env, Expr expr, boolean sizeOblivious) {
    return decide(env, expr, sizeOblivious, EnvFacts.Scope.RANGES_AND_REPLACEMENTS);
  }

  private Expr decide(ShapeEnv env, Expr expr, boolean sizeOblivious, EnvFacts.Scope scope) {
    Expr known = pytorch.decide(env, expr, sizeOblivious);
    if (known != null || closed || !expr.isBoolean() || expr instanceof BoolLit) {
      return known;
    }
    bind(env);
    List<Expr> relevant = facts(env, sizeOblivious, scope).relevantTo(expr);
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
    java.util.Arrays.fill(facts, null);
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

  private EnvFacts facts(ShapeEnv env, boolean sizeOblivious, EnvFacts.Scope scope) {
    int slot = scope.ordinal() * 2 + (sizeOblivious ? 1 : 0);
    EnvFacts f = facts[slot];
    if (f == null || f.version() != env.version()) {
      f = EnvFacts.of(env, sizeOblivious, scope);
      facts[slot] = f;
    }
    return f;
  }
}
