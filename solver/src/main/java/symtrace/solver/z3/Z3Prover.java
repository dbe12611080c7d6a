package symtrace.solver.z3;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Params;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import com.microsoft.z3.Z3Exception;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import symtrace.solver.Assignments;
import symtrace.solver.Classification;
import symtrace.solver.Prover;
import symtrace.solver.ProverSettings;
import symtrace.solver.SymbolDomain;
import symtrace.solver.Verdict;
import symtrace.solver.Verdict.Outcome;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.eval.Evaluator;
import symtrace.symbolic.eval.PyMath;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Sym;

/**
 * The Z3 prover: one long-lived Z3 context and solver, serving one owner (a shape environment, a
 * command) for its whole life.
 *
 * <p><b>Question.</b> Do the facts imply the goal, for every assignment of the symbols in their
 * {@link SymbolDomain}? Answer: a {@link Verdict}. Soundness as {@link Prover} states it; the
 * translation is exact ({@link Z3Translator}).
 *
 * <p><b>Procedure.</b> Each distinct fact is translated once and asserted as {@code lit => (fact
 * is defined and true)} with a fresh literal {@code lit}; a query enables its facts by passing
 * their literals as assumptions, so different fact lists share one solver. The goal {@code g} is
 * checked in a {@code push}/{@code pop} scope: {@code facts and defined(g) and not g} unsatisfiable
 * means no assignment makes it false, then {@code facts and not defined(g)} unsatisfiable means
 * none makes it raise: {@code PROVED}. A model of the first is minimized ({@link
 * CounterexampleSearch}) and checked by {@link Evaluator} before it is reported as {@code
 * REFUTED}. Each symbol's domain ({@link SymbolDomain}) is asserted once, unconditionally, when
 * the symbol first appears.
 *
 * <p><b>Budget.</b> Every satisfiability check runs under Z3's {@code rlimit} ({@link
 * ProverSettings#rlimit()}), a count of solver steps, so the answers do not depend on the
 * machine's speed: a check that exhausts it is {@code UNKNOWN}.
 *
 * <p><b>State and caches.</b> Fact lists are numbered: a list equal to the last one (or one of the
 * last {@value #FACT_SETS} distinct lists) keeps its number. Answers are cached by (number of the
 * fact list, goal, kind of query), at most {@value #CACHE_SIZE} of them, least recently used
 * dropped first. Nothing else changes the answers, so the cache needs no other invalidation.
 *
 * <p><b>Cost.</b> A warm query is one or two checks (tens of microseconds for linear facts); a
 * refutation adds about {@code 2 + log2|v|} checks per symbol of value {@code v} to minimize.
 * Creating a prover starts a Z3 context (about 1 to 2 ms, plus 0.3 to 0.9 s the first time in a
 * JVM, when the native library loads) and costs about 16 MB of native memory until {@link
 * #close()}.
 *
 * <p><b>Threads.</b> All methods are synchronized: one context is never used by two threads at
 * once (Z3 contexts are not thread-safe). Independent provers run in parallel safely.
 *
 * <p>Obtain one with {@link #create()} or {@link #create(ProverSettings)}; close it when its owner
 * is done (a {@link Cleaner} closes a prover that becomes unreachable unclosed, as a backstop
 * only: native memory does not prompt the garbage collector).
 */
public final class Z3Prover implements Prover {
  static final int CACHE_SIZE = 4096;
  static final int FACT_SETS = 64;

  private static final Cleaner CLEANER = Cleaner.create();

  private enum Query {
    PROVE,
    PROVE_NEGATION,
    ENTAILS,
    ENTAILS_NEGATION
  }

  private record Key(long factsVersion, Expr goal, Query query) {}

  /** A registered fact: its literal, or why it has none (it is not assumed). */
  private record Fact(Expr expr, BoolExpr literal, String untranslated) {}

  /** A numbered list of facts: its literals, and the facts that could not be translated. */
  private record FactSet(long version, List<Expr> facts, BoolExpr[] literals, List<Fact> enabled,
      List<Fact> untranslated, Set<Sym> symbols) {}

  private final ProverSettings settings;
  private final Context ctx;
  private final Solver solver;
  private final Z3Translator translator;
  private final Cleaner.Cleanable cleanable;
  private final Map<Expr, Fact> registered = new HashMap<>();
  private final Map<List<Expr>, FactSet> factSets = lru(FACT_SETS);
  private final Map<Key, Object> answers = lru(CACHE_SIZE);
  private FactSet lastFacts;
  private long versions;
  private long checks;
  private boolean closed;

  private Z3Prover(ProverSettings settings) {
    this.settings = settings;
    this.ctx = new Context();
    try {
      this.solver = ctx.mkSolver();
      Params p = ctx.mkParams();
      p.add("rlimit", (int) settings.rlimit());
      solver.setParameters(p);
      this.translator = new Z3Translator(ctx);
    } catch (RuntimeException | Error e) {
      ctx.close();
      throw e;
    }
    this.cleanable = CLEANER.register(this, new ContextCloser(ctx));
  }

  /** A prover with {@link ProverSettings#defaults()}. */
  public static Z3Prover create() {
    return new Z3Prover(ProverSettings.defaults());
  }

  public static Z3Prover create(ProverSettings settings) {
    return new Z3Prover(settings);
  }

  /**
   * A prover that closes with {@code env} ({@link ShapeEnv#onClose}); queries after the
   * environment closes throw {@link IllegalStateException}. Throws that at once if {@code env}
   * is already closed (then no Z3 context is created).
   */
  public static Z3Prover attach(ShapeEnv env, ProverSettings settings) {
    if (env.isClosed()) {
      throw new IllegalStateException("the shape environment is closed");
    }
    Z3Prover p = new Z3Prover(settings);
    env.onClose(p);
    return p;
  }

  /** {@link #attach(ShapeEnv, ProverSettings)} with {@link ProverSettings#defaults()}. */
  public static Z3Prover attach(ShapeEnv env) {
    return attach(env, ProverSettings.defaults());
  }

  public ProverSettings settings() {
    return settings;
  }

  // ---------------------------------------------------------------------------------------
  // Prover

  @Override
  public synchronized Verdict prove(List<Expr> facts, Expr goal) {
    return (Verdict) answer(facts, goal, Query.PROVE);
  }

  @Override
  public synchronized Outcome entails(List<Expr> facts, Expr goal) {
    return (Outcome) answer(facts, goal, Query.ENTAILS);
  }

  /** Whether the facts imply the negation of {@code condition} (Python's {@code not}). */
  synchronized Outcome entailsNegation(List<Expr> facts, Expr condition) {
    return (Outcome) answer(facts, condition, Query.ENTAILS_NEGATION);
  }

  @Override
  public synchronized Classification classify(List<Expr> facts, Expr condition) {
    Verdict whenNotTrue = (Verdict) answer(facts, condition, Query.PROVE);
    if (whenNotTrue.isProved()) {
      return Classification.of(Classification.Kind.TRUE);
    }
    Verdict whenNotFalse = (Verdict) answer(facts, condition, Query.PROVE_NEGATION);
    if (whenNotFalse.isProved()) {
      return Classification.of(Classification.Kind.FALSE);
    }
    if (whenNotTrue.isRefuted() && whenNotFalse.isRefuted()) {
      return Classification.either(whenNotFalse.counterexample(), whenNotTrue.counterexample());
    }
    return Classification.unknown(whenNotTrue.isUnknown() ? whenNotTrue.reason() : whenNotFalse.reason());
  }

  @Override
  public synchronized Optional<List<Expr>> support(List<Expr> facts, Expr goal) {
    if (answer(facts, goal, Query.ENTAILS) != Outcome.PROVED) {
      return Optional.empty();
    }
    FactSet fs = register(facts);
    List<BoolExpr> obligations = obligations(translator.translate(goal), false);
    List<Fact> candidate = new ArrayList<>();
    Set<BoolExpr> core = new LinkedHashSet<>();
    for (BoolExpr o : obligations) {
      BoolExpr[] c = coreUnder(o, fs.literals());
      if (c == null) {
        return Optional.of(exprs(fs.enabled())); // proved before, not now: keep every fact
      }
      core.addAll(List.of(c));
    }
    for (Fact f : fs.enabled()) {
      if (core.contains(f.literal())) {
        candidate.add(f);
      }
    }
    // Deletion: drop each fact the others still prove the goal without (the result is minimal).
    for (int i = 0; i < candidate.size(); ) {
      List<Fact> trial = new ArrayList<>(candidate);
      trial.remove(i);
      if (allUnsat(obligations, literals(trial))) {
        candidate = trial;
      } else {
        i++;
      }
    }
    return Optional.of(exprs(candidate));
  }

  /** Closes the Z3 context. Idempotent; the prover is unusable afterwards. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      answers.clear();
      factSets.clear();
      registered.clear();
      lastFacts = null;
      cleanable.clean();
    }
  }

  public synchronized boolean isClosed() {
    return closed;
  }

  /** The number of distinct facts registered so far (each stays asserted under its literal). */
  synchronized int registeredFacts() {
    return registered.size();
  }

  /** The number of satisfiability checks run so far (for tests and measurements). */
  synchronized long checkCount() {
    return checks;
  }

  // ---------------------------------------------------------------------------------------
  // Queries

  private Object answer(List<Expr> facts, Expr goal, Query query) {
    if (closed) {
      throw new IllegalStateException("the prover is closed");
    }
    FactSet fs = register(facts);
    Key key = new Key(fs.version(), goal, query);
    Object cached = answers.get(key);
    if (cached != null) {
      return cached;
    }
    Object result;
    try {
      result = compute(fs, goal, query);
    } catch (Z3Exception e) {
      String reason = "Z3 failed: " + e.getMessage();
      result = query == Query.PROVE || query == Query.PROVE_NEGATION ? Verdict.unknown(reason) : Outcome.UNKNOWN;
    }
    answers.put(key, result);
    return result;
  }

  private Object compute(FactSet fs, Expr goal, Query query) {
    boolean negated = query == Query.PROVE_NEGATION || query == Query.ENTAILS_NEGATION;
    boolean full = query == Query.PROVE || query == Query.PROVE_NEGATION;
    Term g;
    try {
      g = translator.translate(goal);
    } catch (UntranslatableException u) {
      return full ? Verdict.unknown(u.describe()) : Outcome.UNKNOWN;
    }
    registerSymbols(goal);
    List<BoolExpr> obligations = obligations(g, negated);
    // 1. Can the goal be false (true, when negated) where the facts hold?
    solver.push();
    try {
      Z3Solvers.add(solver, obligations.get(0));
      Status st = check(fs.literals());
      if (st == Status.SATISFIABLE) {
        return full ? refutation(fs, goal, negated) : Outcome.REFUTED;
      }
      if (st == Status.UNKNOWN) {
        return full ? Verdict.unknown(unknownReason()) : Outcome.UNKNOWN;
      }
    } finally {
      solver.pop();
    }
    if (obligations.size() == 1) {
      return full ? Verdict.proved() : Outcome.PROVED;
    }
    // 2. Can evaluating it raise (a zero divisor, a float that is not finite)?
    solver.push();
    try {
      Z3Solvers.add(solver, obligations.get(1));
      Status st = check(fs.literals());
      if (st == Status.UNSATISFIABLE) {
        return full ? Verdict.proved() : Outcome.PROVED;
      }
      if (st == Status.UNKNOWN || !full) {
        return full ? Verdict.unknown(unknownReason()) : st == Status.UNKNOWN ? Outcome.UNKNOWN : Outcome.REFUTED;
      }
      return undefinedGoal(fs, goal);
    } finally {
      solver.pop();
    }
  }

  /** What must be unsatisfiable for a proof: the goal false (or true, negated) and defined; undefined. */
  private List<BoolExpr> obligations(Term g, boolean negated) {
    BoolExpr violated = negated ? translator.holds(g) : translator.fails(g);
    if (g.defined().isTrue()) {
      return List.of(violated);
    }
    return List.of(violated, ctx.mkNot(g.defined()));
  }

  /** Inside the scope of a satisfiable violation: the smallest counterexample, checked. */
  private Verdict refutation(FactSet fs, Expr goal, boolean negated) {
    List<Sym> symbols = symbolsOf(fs, goal);
    for (Sym s : symbols) {
      if (!s.isIntegerSymbol()) {
        return Verdict.unknown("the goal is false at an assignment of the float symbol " + s.name()
            + ", and counterexamples are integer assignments");
      }
    }
    Map<Sym, Long> cex = search().smallest(symbols, fs.literals());
    if (cex == null) {
      return Verdict.unknown("the goal is false somewhere, but the counterexample's values do not fit in a long");
    }
    String problem = Checks.violation(fs.facts(), goal, negated, cex);
    if (problem != null) {
      return Verdict.unknown(problem);
    }
    return Verdict.refuted(cex);
  }

  /** Inside the scope of a satisfiable "goal undefined": the reason, with the smallest such point. */
  private Verdict undefinedGoal(FactSet fs, Expr goal) {
    List<Sym> symbols = symbolsOf(fs, goal);
    Map<Sym, Long> at = symbols.stream().allMatch(Sym::isIntegerSymbol)
        ? search().smallest(symbols, fs.literals())
        : null;
    return Verdict.unknown("evaluating the goal raises an error (a zero divisor or a conversion of nan or an"
        + " infinity)" + (at == null || at.isEmpty() ? "" : " at " + Assignments.format(at)));
  }

  private CounterexampleSearch search() {
    return new CounterexampleSearch(ctx, solver, translator, this::check);
  }

  private List<Sym> symbolsOf(FactSet fs, Expr goal) {
    TreeSet<Sym> all = new TreeSet<>(Assignments.symbolOrder());
    all.addAll(fs.symbols());
    all.addAll(goal.freeSymbols());
    return new ArrayList<>(all);
  }

  // ---------------------------------------------------------------------------------------
  // Facts

  private FactSet register(List<Expr> facts) {
    FactSet last = lastFacts;
    if (last != null && (facts == last.facts() || facts.equals(last.facts()))) {
      return last;
    }
    FactSet known = factSets.get(facts);
    if (known != null) {
      lastFacts = known;
      return known;
    }
    List<Fact> enabled = new ArrayList<>();
    List<Fact> untranslated = new ArrayList<>();
    Set<Fact> seen = new LinkedHashSet<>();
    Set<Sym> symbols = new LinkedHashSet<>();
    for (Expr f : facts) {
      Fact fact = registered.computeIfAbsent(f, this::translateFact);
      if (!seen.add(fact)) {
        continue;
      }
      (fact.literal() != null ? enabled : untranslated).add(fact);
      symbols.addAll(f.freeSymbols());
      registerSymbols(f);
    }
    FactSet fs = new FactSet(++versions, List.copyOf(facts), literals(enabled), List.copyOf(enabled),
        List.copyOf(untranslated), Set.copyOf(symbols));
    factSets.put(fs.facts(), fs);
    lastFacts = fs;
    return fs;
  }

  private Fact translateFact(Expr f) {
    Term t;
    try {
      t = translator.translate(f);
    } catch (UntranslatableException u) {
      return new Fact(f, null, u.describe());
    }
    BoolExpr literal = ctx.mkBoolConst("fact!" + registered.size());
    Z3Solvers.add(solver, ctx.mkImplies(literal, translator.holds(t)));
    return new Fact(f, literal, null);
  }

  /** Gives every symbol of {@code e} a constant, and asserts the domains of new ones. */
  private void registerSymbols(Expr e) {
    for (Sym s : e.freeSymbols()) {
      try {
        translator.symbol(s);
      } catch (UntranslatableException ignored) {
        // a symbol of neither type: only an untranslatable fact mentions it
      }
    }
    for (Sym s : translator.takeFreshSymbols()) {
      BoolExpr d = Domains.of(settings.domain(), s, translator);
      if (!d.isTrue()) {
        Z3Solvers.add(solver, d);
      }
    }
  }

  private static BoolExpr[] literals(List<Fact> facts) {
    BoolExpr[] out = new BoolExpr[facts.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = facts.get(i).literal();
    }
    return out;
  }

  private static List<Expr> exprs(List<Fact> facts) {
    List<Expr> out = new ArrayList<>(facts.size());
    for (Fact f : facts) {
      out.add(f.expr());
    }
    return List.copyOf(out);
  }

  // ---------------------------------------------------------------------------------------
  // Checks

  private Status check(BoolExpr[] assumptions) {
    checks++;
    return solver.check(assumptions);
  }

  /** The unsat core (a subset of {@code assumptions}) of {@code formula}, or null if not unsat. */
  private BoolExpr[] coreUnder(BoolExpr formula, BoolExpr[] assumptions) {
    solver.push();
    try {
      Z3Solvers.add(solver, formula);
      return check(assumptions) == Status.UNSATISFIABLE ? solver.getUnsatCore() : null;
    } finally {
      solver.pop();
    }
  }

  private Status checkUnder(BoolExpr formula, BoolExpr[] assumptions) {
    solver.push();
    try {
      Z3Solvers.add(solver, formula);
      return check(assumptions);
    } finally {
      solver.pop();
    }
  }

  private boolean allUnsat(List<BoolExpr> formulas, BoolExpr[] assumptions) {
    for (BoolExpr f : formulas) {
      if (checkUnder(f, assumptions) != Status.UNSATISFIABLE) {
        return false;
      }
    }
    return true;
  }

  private String unknownReason() {
    String r = solver.getReasonUnknown();
    if (r == null || r.isBlank() || r.contains("cancel") || r.contains("resource") || r.contains("rlimit")) {
      return "the solver's budget ran out (rlimit " + settings.rlimit() + " per check)";
    }
    return "the solver gave up: " + r;
  }

  private static <K, V> Map<K, V> lru(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }

  /** Closes a context; holds no reference to the prover, so the prover can become unreachable. */
  private static final class ContextCloser implements Runnable {
    private final Context ctx;

    ContextCloser(Context ctx) {
      this.ctx = ctx;
    }

    @Override
    public void run() {
      ctx.close();
    }
  }

  /** Evaluation of facts and goals at concrete points, for checking counterexamples. */
  static final class Checks {
    private Checks() {}

    /**
     * Returns null when {@code at} satisfies every fact and makes the goal false (true when
     * negated), else what went wrong.
     */
    static String violation(List<Expr> facts, Expr goal, boolean negated, Map<Sym, Long> at) {
      for (Expr f : facts) {
        Boolean holds = truth(f, at);
        if (holds == null || !holds) {
          return "the solver's counterexample " + Assignments.format(at) + " does not satisfy the fact "
              + f + (holds == null ? " (evaluating it fails)" : "")
              + "; an untranslatable fact is not assumed";
        }
      }
      Boolean g = truth(goal, at);
      if (g == null || g != negated) {
        return "the solver's counterexample " + Assignments.format(at) + " does not check by evaluation";
      }
      return null;
    }

    /** Python's {@code bool(e)} at {@code at}, or null when evaluating raises. */
    static Boolean truth(Expr e, Map<Sym, Long> at) {
      try {
        Object v = Evaluator.evaluate(e, at);
        if (v instanceof Boolean b) {
          return b;
        }
        return PyMath.toDouble(v) != 0.0;
      } catch (RuntimeException ex) {
        return null;
      }
    }
  }
}
