package symtrace.solver.z3;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import symtrace.solver.ProverSettings;
import symtrace.solver.SymbolDomain;
import symtrace.solver.Verdict;
import symtrace.symbolic.env.Rewrite;
import symtrace.symbolic.env.RewriteValidator;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.env.TranslationValidationError;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Sym;

/**
 * Translation validation with Z3: proves that each rewrite a shape environment performs holds
 * under the facts it relied on.
 *
 * <p><b>Question.</b> For a {@link Rewrite} {@code before => after} with basis {@code B} and
 * premise {@code P}: at every assignment satisfying the environment's facts of {@code B} (those
 * sharing symbols with the rewrite) and {@code P}, within the symbols' assumptions ({@link
 * SymbolDomain#ASSUMPTIONS}), are {@code before} and {@code after} equal (numbers) or equivalent
 * (booleans)? {@code PROVED}: accepted. {@code REFUTED}: {@link TranslationValidationError} with
 * the rule, the expressions and the smallest counterexample (checked by exact evaluation, so
 * never a false alarm). {@code UNKNOWN} (the budget ran out, an expression has no exact
 * translation, a side may raise): accepted and counted ({@link #unknown()}), with its reason.
 *
 * <p><b>State.</b> Validation queries are independent of each other, so validators share one
 * {@link Z3Prover} per thread (a Z3 context costs about 16 MB; a prover per environment would
 * make a test suite of unclosed environments cost gigabytes). The shared prover is created at the
 * first query, replaced by a fresh one once it holds {@value #RECYCLE_AFTER_FACTS} facts, and
 * closed when the last open validator of its thread closes. Counters are per validator.
 *
 * <p><b>Lifecycle.</b> {@link #install(ShapeEnv)} or the {@link Factory} (found by {@link
 * java.util.ServiceLoader} when {@link symtrace.symbolic.env.ShapeEnvSettings#translationValidation()}
 * is on) registers the validator with {@link ShapeEnv#onClose}.
 *
 * <p><b>Cost.</b> One proof per rewrite, typically 0.05 to 1 ms warm: a debugging option.
 */
public final class Z3RewriteValidator implements RewriteValidator, AutoCloseable {
  static final int RECYCLE_AFTER_FACTS = 10_000;
  private static final int MAX_REASONS = 20;
  private static final ThreadLocal<SharedProver> SHARED = ThreadLocal.withInitial(SharedProver::new);

  private final SharedProver shared;
  private final EnvFacts[] facts = new EnvFacts[2 * EnvFacts.Scope.values().length];
  private final Map<String, Long> byRule = new LinkedHashMap<>();
  private final List<String> unknownReasons = new ArrayList<>();
  private long proved;
  private long unknown;
  private boolean closed;

  private Z3RewriteValidator() {
    this.shared = SHARED.get();
    shared.retain();
  }

  /** Makes a new validator {@code env}'s, closed with it, and returns it. */
  public static Z3RewriteValidator install(ShapeEnv env) {
    Z3RewriteValidator v = new Z3RewriteValidator();
    try {
      env.onClose(v);
      env.setRewriteValidator(v);
    } catch (RuntimeException e) {
      v.close();
      throw e;
    }
    return v;
  }

  /** The factory {@link java.util.ServiceLoader} finds (listed in {@code META-INF/services}). */
  public static final class Factory implements RewriteValidator.Factory {
    @Override
    public RewriteValidator create(ShapeEnv env) {
      Z3RewriteValidator v = new Z3RewriteValidator();
      env.onClose(v);
      return v;
    }
  }

  @Override
  public synchronized void validate(ShapeEnv env, Rewrite rewrite) {
    if (closed) {
      throw new IllegalStateException("the rewrite validator is closed");
    }
    byRule.merge(rewrite.rule(), 1L, Long::sum);
    Expr goal = goal(rewrite.before(), rewrite.after());
    if (goal == BoolLit.TRUE) {
      proved++;
      return;
    }
    Set<Sym> symbols = new HashSet<>(goal.freeSymbols());
    symbols.addAll(rewrite.premise().freeSymbols());
    List<Expr> assumed = new ArrayList<>();
    if (rewrite.basis() != Rewrite.Basis.NONE) {
      assumed.addAll(facts(env, rewrite).relevantTo(symbols));
    }
    if (rewrite.premise() != BoolLit.TRUE) {
      assumed.add(rewrite.premise());
    }
    Verdict v = shared.prove(assumed, goal);
    switch (v.outcome()) {
      case PROVED:
        proved++;
        break;
      case REFUTED:
        throw new TranslationValidationError(rewrite, v.counterexample());
      default:
        unknown++;
        if (unknownReasons.size() < MAX_REASONS) {
          unknownReasons.add(rewrite + ": " + v.reason());
        }
        break;
    }
  }

  /** {@code before == after}, or for booleans {@code before <=> after}. */
  private static Expr goal(Expr before, Expr after) {
    if (!before.isBoolean()) {
      return Exprs.eq(before, after);
    }
    if (after == BoolLit.TRUE) {
      return before;
    }
    if (after == BoolLit.FALSE) {
      return Exprs.not(before);
    }
    return Exprs.or(Exprs.and(before, after), Exprs.and(Exprs.not(before), Exprs.not(after)));
  }

  private EnvFacts facts(ShapeEnv env, Rewrite r) {
    EnvFacts.Scope scope = r.basis() == Rewrite.Basis.ALL ? EnvFacts.Scope.ALL : EnvFacts.Scope.RANGES_AND_REPLACEMENTS;
    int slot = scope.ordinal() * 2 + (r.sizeOblivious() ? 1 : 0);
    EnvFacts f = facts[slot];
    if (f == null || f.version() != env.version()) {
      f = EnvFacts.of(env, r.sizeOblivious(), scope);
      facts[slot] = f;
    }
    return f;
  }

  /** How many rewrites were checked, by rule, in the order the rules first appeared. */
  public synchronized Map<String, Long> checkedByRule() {
    return Map.copyOf(byRule);
  }

  /** How many rewrites were checked in all. */
  public synchronized long checked() {
    return proved + unknown;
  }

  /** How many were proved. */
  public synchronized long proved() {
    return proved;
  }

  /** How many could be neither proved nor refuted (accepted). */
  public synchronized long unknown() {
    return unknown;
  }

  /** The first {@value #MAX_REASONS} unknown rewrites with the solver's reason. */
  public synchronized List<String> unknownReasons() {
    return List.copyOf(unknownReasons);
  }

  /** The shared prover, or null before the first query of the thread's validators (for tests). */
  Z3Prover sharedProver() {
    return shared.current();
  }

  /** Releases this validator's share of its thread's prover. Idempotent. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      java.util.Arrays.fill(facts, null);
      shared.release();
    }
  }

  /** The prover the validators of one thread share, and how many open validators use it. */
  private static final class SharedProver {
    private static final ProverSettings SETTINGS = ProverSettings.defaults().withDomain(SymbolDomain.ASSUMPTIONS);
    private Z3Prover prover;
    private int users;

    synchronized Z3Prover current() {
      return prover;
    }

    synchronized void retain() {
      users++;
    }

    synchronized void release() {
      users--;
      if (users == 0 && prover != null) {
        prover.close();
        prover = null;
      }
    }

    synchronized Verdict prove(List<Expr> facts, Expr goal) {
      if (prover != null && prover.registeredFacts() > RECYCLE_AFTER_FACTS) {
        prover.close();
        prover = null;
      }
      if (prover == null) {
        prover = Z3Prover.create(SETTINGS);
      }
      return prover.prove(facts, goal);
    }
  }
}
