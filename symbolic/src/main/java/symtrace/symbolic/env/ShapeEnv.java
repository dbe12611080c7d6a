package symtrace.symbolic.env;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import symtrace.symbolic.eval.Evaluator;
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.FloatLit;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.Infinity;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Num;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.range.Bounds;
import symtrace.symbolic.range.ValueRange;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymFloat;
import symtrace.symbolic.value.SymInt;
import symtrace.symbolic.value.SymNode;

/**
 * The shape environment: where dynamic shapes are decided (PyTorch's {@code ShapeEnv}, {@code
 * torch/fx/experimental/symbolic_shapes.py}).
 *
 * <p>It allocates symbols for input sizes (duck sizing, 0/1 specialization, {@link DimDynamic}
 * policies), keeps their hints (example values) and value ranges, and answers every comparison
 * the traced program makes: statically when its facts decide it (through the {@link
 * StaticDecider}), else by recording a {@link Guard} with its provenance. Equalities become
 * replacements ({@code s0 == 2*s1} replaces {@code s0}), bounds refine ranges, divisibility
 * facts turn {@code FloorDiv} into {@code CleanDiv}. Unbacked symbols (values read from tensor
 * data) have no hint; a guard on them is a {@link DataDependentError}, a {@code torch._check} on
 * them a deferred {@link RuntimeAssert}.
 *
 * <p>One environment belongs to one trace and one thread. Every change that can alter a static
 * answer bumps {@link #version()}, which keys the caches.
 *
 * <p><b>Lifecycle.</b> What serves an environment and holds resources (the solver module's Z3
 * decider and provers own native memory) registers with {@link #onClose}; {@link #close()}
 * closes those resources, the last registered first. Closing is idempotent. A closed environment
 * keeps its record (guards, replacements, ranges, runtime asserts, specializations stay
 * readable), but whatever would decide, simplify or add symbols ({@code evaluateExpr}, {@code
 * maybeEvaluateStatic}, {@code simplify}, {@code deferRuntimeAssert}, the {@code create*}
 * methods) throws {@link IllegalStateException}: its decider may be gone, so an answer could
 * silently differ. Produce guards before closing.
 */
public final class ShapeEnv implements AutoCloseable {
  private final ShapeEnvSettings settings;
  private final SymbolNames names;

  final Map<Sym, Object> varToVal = new HashMap<>();
  final Map<Sym, ValueRange> varToRange = new LinkedHashMap<>();
  final Map<Sym, Provenance[]> rangeProvenance = new HashMap<>();
  final Map<Sym, List<Source>> varToSources = new LinkedHashMap<>();
  final Map<String, Sym> sourceToVar = new HashMap<>();
  private final Map<Long, Sym> valToVar = new HashMap<>();
  final Map<Sym, Expr> replacements = new LinkedHashMap<>();
  /** {@link #replace} memoized: every SymInt read asks; emptied when a replacement is added. */
  private final Map<Expr, Expr> replaced = new HashMap<>();
  /** Counts the replacements added, so that values can keep their replaced expression. */
  private long replacementGeneration;
  final Map<Sym, Provenance> replacementProvenance = new HashMap<>();
  final Set<Expr> divisible = new LinkedHashSet<>();
  final Set<Sym> sizeLike = new LinkedHashSet<>();
  private final Axioms axioms = new Axioms();
  private final List<Guard> guards = new ArrayList<>();
  private final Map<Sym, List<RuntimeAssert>> deferredRuntimeAsserts = new LinkedHashMap<>();
  private final List<RuntimeAssert> backedRuntimeAsserts = new ArrayList<>();
  private final List<Sym> unbacked = new ArrayList<>();
  private final List<Sym> pendingFreshUnbacked = new ArrayList<>();
  private final List<Specialization> specializations = new ArrayList<>();
  private final Set<Sym> floatSymbols = new HashSet<>();
  private final Map<Expr, Expr> staticCache = new HashMap<>();
  private int unbackedIntCounter;
  private int unbackedFloatCounter;
  private int suppressDepth;
  private int nodeNumbers;
  private boolean frozen;
  private long version;
  private StaticDecider decider = new PyTorchDecider();
  private SourceLocation currentLocation;
  private final Resources resources = new Resources();
  private final RewriteChecks checks;

  public ShapeEnv() {
    this(ShapeEnvSettings.defaults());
  }

  public ShapeEnv(ShapeEnvSettings settings) {
    this.settings = settings;
    this.names = new SymbolNames(settings.sequentialSymbolNames());
    this.checks = new RewriteChecks(this, settings.translationValidation());
  }

  public ShapeEnvSettings settings() {
    return settings;
  }

  // ---------------------------------------------------------------------------------------
  // Symbols

  /**
   * PyTorch's {@code create_symbol} for a size: a fresh or duck-sized symbol, or the value itself
   * (0/1 specialization, {@code STATIC}). The result is a {@link Sym} or an {@link IntLit}.
   */
  public Expr createSymbol(long hint, Source source, DimDynamic dynamic) {
    return createIntSymbol(hint, source, dynamic, true);
  }

  /**
   * A symbol for a plain {@code int} input (PyTorch's {@code positive=None}): an integer of any
   * sign with range {@code [-int_oo, int_oo]}; 0 and 1 are specialized as for sizes.
   */
  public Expr createUnspecifiedSymbol(long hint, Source source) {
    return createIntSymbol(hint, source, DimDynamic.DUCK, false);
  }

  private Expr createIntSymbol(long hint, Source source, DimDynamic dynamic, boolean positive) {
    checkOpen();
    if (dynamic == DimDynamic.STATIC) {
      return IntLit.of(hint);
    }
    if (dynamic == DimDynamic.SIZE_LIKE_UNBACKED || dynamic == DimDynamic.OBLIVIOUS_SIZE) {
      Sym u = newUnbackedInt();
      constrainRangeForSize(u);
      varToSources.computeIfAbsent(u, k -> new ArrayList<>()).add(source);
      return u;
    }
    if (settings.specializeZeroOne() && (hint == 0 || hint == 1)) {
      return IntLit.of(hint);
    }
    if (dynamic == DimDynamic.DUCK && settings.duckShape() && valToVar.containsKey(hint)) {
      Sym s = valToVar.get(hint);
      varToSources.computeIfAbsent(s, k -> new ArrayList<>()).add(source);
      sourceToVar.putIfAbsent(source.name(), s);
      return s;
    }
    String name = names.nextSize(source.name());
    Sym s = positive ? Sym.size(name) : Sym.integer(name);
    varToVal.put(s, hint);
    ValueRange range;
    if (positive) {
      range = settings.specializeZeroOne() ? ValueRange.of(IntLit.of(2), Infinity.INT_OO)
          : ValueRange.of(IntLit.of(0), Infinity.INT_OO);
    } else {
      range = ValueRange.unknownInt();
    }
    if (!range.contains(IntLit.of(hint))) {
      throw new ConstraintViolationError(hint + " not in range [" + range.lower() + ", " + range.upper() + "]");
    }
    varToRange.put(s, range);
    rangeProvenance.put(s, new Provenance[] {Provenance.of("default"), Provenance.of("default")});
    List<Source> sources = new ArrayList<>();
    sources.add(source);
    varToSources.put(s, sources);
    sourceToVar.put(source.name(), s);
    if (dynamic == DimDynamic.DUCK && positive) {
      valToVar.put(hint, s);
    }
    bumpVersion();
    return s;
  }

  /** A backed float symbol ({@code zf<N>}) for a float input, range {@code [-oo, oo]}. */
  public Sym createFloatSymbol(double hint, Source source) {
    checkOpen();
    Sym s = Sym.real("zf" + floatSymbols.size());
    floatSymbols.add(s);
    varToVal.put(s, hint);
    varToRange.put(s, ValueRange.unknown());
    rangeProvenance.put(s, new Provenance[] {Provenance.of("default"), Provenance.of("default")});
    varToSources.computeIfAbsent(s, k -> new ArrayList<>()).add(source);
    sourceToVar.put(source.name(), s);
    return s;
  }

  /** Wraps a symbol or number as a SymInt with its hint (PyTorch's {@code create_symintnode}). */
  public SymInt createSymIntNode(Expr expr, Long hint) {
    if (expr instanceof IntLit i) {
      return SymInt.of(i.longValue());
    }
    return new SymInt(new SymNode(expr, this, SymNode.Type.INT, hint));
  }

  /** Wraps a float symbol as a SymFloat with its hint. */
  public SymFloat createSymFloatNode(Expr expr, Double hint) {
    if (expr instanceof Num n && !n.isInfinite()) {
      return SymFloat.of(n.toDouble());
    }
    return new SymFloat(new SymNode(expr, this, SymNode.Type.FLOAT, hint));
  }

  /** A SymInt for a size (PyTorch's {@code create_symbol} plus {@code create_symintnode}). */
  public SymInt createSymInt(long hint, Source source, DimDynamic dynamic) {
    Expr e = createSymbol(hint, source, dynamic);
    return createSymIntNode(e, e instanceof Sym s && isUnbacked(s) ? null : hint);
  }

  /** A SymInt for a plain {@code int} input. */
  public SymInt createUnspecifiedSymInt(long hint, Source source) {
    return createSymIntNode(createUnspecifiedSymbol(hint, source), hint);
  }

  private Sym newUnbackedInt() {
    checkOpen();
    Sym u = Sym.integer("u" + unbackedIntCounter++);
    varToRange.put(u, ValueRange.unknownInt());
    rangeProvenance.put(u, new Provenance[] {Provenance.of("default"), Provenance.of("default")});
    unbacked.add(u);
    pendingFreshUnbacked.add(u);
    bumpVersion();
    return u;
  }

  /** A fresh unbacked integer ({@code u0, u1, ...}) with range {@code [-int_oo, int_oo]}, no hint. */
  public SymInt createUnbackedSymInt() {
    return new SymInt(new SymNode(newUnbackedInt(), this, SymNode.Type.INT, null));
  }

  /** A fresh unbacked float ({@code zuf0, ...}). */
  public SymFloat createUnbackedSymFloat() {
    checkOpen();
    Sym z = Sym.real("zuf" + unbackedFloatCounter++);
    varToRange.put(z, ValueRange.unknown());
    rangeProvenance.put(z, new Provenance[] {Provenance.of("default"), Provenance.of("default")});
    unbacked.add(z);
    pendingFreshUnbacked.add(z);
    floatSymbols.add(z);
    bumpVersion();
    return new SymFloat(new SymNode(z, this, SymNode.Type.FLOAT, null));
  }

  /** A fresh unbacked boolean: {@code Eq(u<N>, 1)} with {@code u<N>} in {@code [0, 1]}. */
  public SymBool createUnbackedSymBool() {
    Sym u = newUnbackedInt();
    varToRange.put(u, ValueRange.of(0, 1));
    return new SymBool(new SymNode(Exprs.eq(u, Exprs.ONE), this, SymNode.Type.BOOL, null));
  }

  /** Returns true for a symbol without a hint (from tensor data). */
  public boolean isUnbacked(Sym s) {
    return unbacked.contains(s);
  }

  /** Returns the symbols created since the last call, and forgets them (the tracer binds them). */
  public List<Sym> takePendingFreshUnbackedSymbols() {
    List<Sym> out = List.copyOf(pendingFreshUnbacked);
    pendingFreshUnbacked.clear();
    return out;
  }

  /** PyTorch's {@code _constrain_range_for_size}: size-like, range at least {@code [0, int_oo]}. */
  public void constrainRangeForSize(Sym s) {
    checkOpen();
    sizeLike.add(s);
    updateRange(s, ValueRange.of(IntLit.of(0), Infinity.INT_OO), Provenance.of("constrain_range_for_size"));
  }

  /**
   * PyTorch's {@code constrain_range(a, min, max)}: narrows a symbol's range; a hint outside it is
   * the error {@code Invalid value 5 for range [6:9]}.
   */
  public void constrainRange(Sym s, long min, long max) {
    checkOpen();
    Object hint = varToVal.get(s);
    if (hint instanceof Long h && (h < min || h > max)) {
      throw new ConstraintViolationError("Invalid value " + h + " for range [" + min + ":" + max + "]");
    }
    updateRange(s, ValueRange.of(min, max), Provenance.of("constrain_range"));
  }

  // ---------------------------------------------------------------------------------------
  // Tensors

  /** The symbolic sizes, strides and storage offset of a tensor. */
  public record TensorSymbols(List<SymInt> sizes, List<SymInt> strides, SymInt storageOffset) {}

  /**
   * PyTorch's {@code create_symbolic_sizes_strides_storage_offset} with every size {@code
   * dynamic} and every stride inferred: a contiguous {@code (s0, s1)} gets strides {@code (s1,
   * 1)}; the storage offset gets its own symbol unless every size is static (0 is specialized).
   */
  public TensorSymbols createTensorSymbols(long[] sizes, long[] strides, long storageOffset,
      Source base, DimDynamic dynamic) {
    int n = sizes.length;
    Expr[] sizeExprs = new Expr[n];
    boolean allStatic = true;
    for (int i = 0; i < n; i++) {
      sizeExprs[i] = createSymbol(sizes[i], Source.size(base, i), dynamic);
      allStatic &= sizeExprs[i] instanceof IntLit;
    }
    Expr[] strideExprs = StrideInference.infer(this, base, sizes, strides, sizeExprs, allStatic);
    Expr offset = createSymbol(storageOffset, Source.storageOffset(base),
        allStatic ? DimDynamic.STATIC : DimDynamic.DUCK);
    List<SymInt> symSizes = new ArrayList<>();
    List<SymInt> symStrides = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      symSizes.add(createSymIntNode(sizeExprs[i], sizes[i]));
      symStrides.add(createSymIntNode(strideExprs[i], strides[i]));
    }
    return new TensorSymbols(symSizes, symStrides, createSymIntNode(offset, storageOffset));
  }

  // ---------------------------------------------------------------------------------------
  // Queries

  /**
   * How many replacements have been added: {@link #replace} of an expression gives the same
   * answer for as long as this number stays the same.
   */
  public long replacementGeneration() {
    return replacementGeneration;
  }

  /** Current replacements applied to every free symbol (PyTorch's {@code replace}). */
  public Expr replace(Expr e) {
    if (replacements.isEmpty()) {
      return e;
    }
    Expr known = replaced.get(e);
    if (known != null) {
      return known;
    }
    Expr r = replaceUncached(e);
    replaced.put(e, r);
    return r;
  }

  private Expr replaceUncached(Expr e) {
    Map<Sym, Expr> subst = new HashMap<>();
    for (Sym s : e.freeSymbols()) {
      Expr r = find(s);
      if (r != s) {
        subst.put(s, r);
      }
    }
    return subst.isEmpty() ? e
        : rewrote("replacements", e, Exprs.expand(e.subs(subst)), Rewrite.Basis.RANGES_AND_REPLACEMENTS, false);
  }

  /** Union-find over replacements, with path compression. */
  Expr find(Sym s) {
    Expr r = replacements.get(s);
    if (r == null) {
      return s;
    }
    Map<Sym, Expr> subst = new HashMap<>();
    for (Sym t : r.freeSymbols()) {
      Expr rt = find(t);
      if (rt != t) {
        subst.put(t, rt);
      }
    }
    if (!subst.isEmpty()) {
      r = Exprs.expand(r.subs(subst));
      replacements.put(s, r);
    }
    return r;
  }

  /** PyTorch's {@code simplify}: expand, replace, drop trivial Max, divisibility to CleanDiv. */
  public Expr simplify(Expr e) {
    return simplify(e, false);
  }

  public Expr simplify(Expr e, boolean sizeOblivious) {
    checkOpen();
    return Simplification.simplify(this, e, sizeOblivious);
  }

  /**
   * Returns the value of {@code e} when the environment knows it without a guard, else null
   * (PyTorch's {@code _maybe_evaluate_static}).
   */
  public Expr maybeEvaluateStatic(Expr e) {
    return maybeEvaluateStatic(e, false);
  }

  public Expr maybeEvaluateStatic(Expr e, boolean sizeOblivious) {
    checkOpen();
    Expr key = sizeOblivious ? Exprs.apply(Fn.IDENTITY, e) : e;
    if (staticCache.containsKey(key)) {
      return staticCache.get(key);
    }
    Expr simplified = canonicalize(simplify(e, sizeOblivious), sizeOblivious);
    Expr substituted = rewrote("axioms", simplified, Simplification.substituteAxioms(simplified, currentAxioms()),
        Rewrite.Basis.ALL, sizeOblivious);
    Expr r = substituted.isConstant() ? substituted : decider.decide(this, substituted, sizeOblivious);
    if (r != null && !(r instanceof Num || r instanceof BoolLit)) {
      r = null;
    }
    if (r != null && checks.isOn()) {
      rewrote("static_evaluation:" + decider.getClass().getSimpleName(), substituted, r, Rewrite.Basis.ALL,
          sizeOblivious);
    }
    staticCache.put(key, r);
    return r;
  }

  private Map<Expr, BoolLit> currentAxioms() {
    return axioms.current(version, !divisible.isEmpty() || !replacements.isEmpty(),
        key -> canonicalize(simplify(key), false));
  }

  /** The static answer ignoring recorded facts (PyTorch's {@code axioms=()}): ranges and replacements only. */
  Expr maybeEvaluateStaticWithoutAxioms(Expr e, boolean sizeOblivious) {
    checkOpen();
    Expr simplified = canonicalize(simplify(e, sizeOblivious), sizeOblivious);
    if (simplified.isConstant()) {
      return simplified instanceof Num || simplified instanceof BoolLit ? simplified : null;
    }
    Expr r = decider.decideFromRanges(this, simplified, sizeOblivious);
    if (!(r instanceof Num || r instanceof BoolLit)) {
      return null;
    }
    if (checks.isOn()) {
      rewrote("static_evaluation_from_ranges:" + decider.getClass().getSimpleName(), simplified, r,
          Rewrite.Basis.RANGES_AND_REPLACEMENTS, sizeOblivious);
    }
    return r;
  }

  /** The hint of an expression: its value at the backed symbols' example values, or null. */
  public Object sizeHint(Expr e) {
    Expr r = replace(e);
    for (Sym s : r.freeSymbols()) {
      if (!varToVal.containsKey(s)) {
        return null;
      }
    }
    return Evaluator.evaluate(r, varToVal);
  }

  public StaticDecider decider() {
    return decider;
  }

  /** Replaces the static decider (the solver module's is stronger than PyTorch's). */
  public void setDecider(StaticDecider decider) {
    checkOpen();
    this.decider = decider;
    bumpVersion();
  }

  /** The value range of a symbol, or null for a symbol this environment does not know. */
  public ValueRange range(Sym s) {
    return varToRange.get(s);
  }

  /** The ranges of all symbols, for {@link Bounds#bound}. */
  public Map<Sym, ValueRange> ranges() {
    return Collections.unmodifiableMap(varToRange);
  }

  /** The bound of an expression over the current ranges (PyTorch's {@code bound_sympy}). */
  public ValueRange bound(Expr e) {
    return Bounds.bound(e, varToRange);
  }

  // ---------------------------------------------------------------------------------------
  // Guards

  /**
   * Returns the concrete value of {@code e} and, unless it is statically known, records a guard
   * that it has that value (PyTorch's {@code evaluate_expr}). A boolean guard is {@code e} or
   * {@code Not(e)}; a number gives {@code Eq(e, value)}.
   *
   * @param hint the value at the example inputs, or null to compute it
   * @param fallback the answer for an undecidable data-dependent condition ({@code guard_or_true}
   *     / {@code guard_or_false}), or null to raise {@link DataDependentError}
   */
  public Expr evaluateExpr(Expr e, Object hint, Provenance provenance, boolean sizeOblivious, BoolLit fallback) {
    checkOpen();
    if (e instanceof BoolLit || e instanceof Num) {
      return e;
    }
    Expr known = maybeEvaluateStatic(e, sizeOblivious);
    if (known != null) {
      return known;
    }
    Provenance where = locate(provenance);
    Object concrete = hint != null ? hint : sizeHint(e);
    if (concrete == null) {
      if (fallback != null) {
        return fallback;
      }
      Expr simplified = simplify(e);
      Map<Sym, Expr> hints = new HashMap<>();
      for (Sym s : simplified.freeSymbols()) {
        if (varToVal.get(s) != null) {
          hints.put(s, toExpr(varToVal.get(s)));
        }
      }
      Expr hinted = simplified.subs(hints);
      throw new DataDependentError(simplified, hinted, sizeLikeSymbolsOf(simplified),
          !simplified.isBoolean(), where);
    }
    Expr value = toExpr(concrete);
    Expr guard;
    if (value instanceof BoolLit b) {
      guard = b.value() ? e : Exprs.not(e);
    } else {
      guard = Exprs.eq(e, value);
    }
    recordGuard(guard, where, sizeOblivious);
    return value;
  }

  /** Shorthand: {@link #evaluateExpr} with a computed hint and no fallback. */
  public Expr evaluateExpr(Expr e, Provenance provenance) {
    return evaluateExpr(e, null, provenance, false, null);
  }

  private void recordGuard(Expr guard, Provenance provenance, boolean sizeOblivious) {
    if (guard instanceof BoolLit || suppressDepth > 0 || frozen) {
      return;
    }
    learn(guard, provenance);
    guards.add(new Guard(guard, provenance, sizeOblivious));
    addAxioms(simplify(guard));
    bumpVersion();
  }

  /** What a new guard or assert teaches (ranges, replacements, divisibility); {@code fact} is their premise. */
  private void learn(Expr fact, Provenance provenance) {
    checks.learning(fact, () -> Unification.guardRel(this, fact, provenance));
  }

  void addAxioms(Expr fact) {
    if (fact instanceof Apply a && a.fn() == Fn.AND) {
      for (Expr x : a.args()) {
        addAxioms(x);
      }
      return;
    }
    Map<Expr, BoolLit> implied = BooleanForms.implications(fact);
    checks.implications(fact, implied);
    axioms.putAll(implied);
    bumpVersion();
  }

  static Expr toExpr(Object value) {
    if (value instanceof Boolean b) {
      return BoolLit.of(b);
    }
    if (value instanceof Double d) {
      return FloatLit.of(d);
    }
    if (value instanceof Long l) {
      return IntLit.of(l);
    }
    if (value instanceof java.math.BigInteger b) {
      return IntLit.of(b);
    }
    throw new IllegalArgumentException("not a hint value: " + value);
  }

  private List<Sym> sizeLikeSymbolsOf(Expr e) {
    List<Sym> out = new ArrayList<>();
    for (Sym s : e.freeSymbols()) {
      if (sizeLike.contains(s)) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * PyTorch's {@code guard_or_defer_runtime_assert}: a statically known fact needs nothing; a
   * fact over backed symbols becomes a guard; a fact over unbacked symbols is deferred as a
   * runtime assert, stored under its highest-numbered unbacked symbol, and refines ranges and
   * replacements. Returns true (the fact is assumed from now on) or throws for a known-false fact.
   */
  public boolean deferRuntimeAssert(Expr fact, String message, Provenance provenance) {
    checkOpen();
    Expr known = maybeEvaluateStatic(fact);
    if (known == BoolLit.TRUE) {
      return true;
    }
    Provenance where = locate(provenance);
    if (known == BoolLit.FALSE) {
      throw new symtrace.symbolic.SymtraceException("Runtime assertion failed for expression "
          + simplify(fact) + (message == null || message.isBlank() ? "" : ": " + message.strip())
          + (where.location() != null ? " (at " + where.location() + ")" : ""));
    }
    Expr simplified = simplify(fact);
    List<Sym> unbackedFree = new ArrayList<>();
    for (Sym s : simplified.freeSymbols()) {
      if (isUnbacked(s)) {
        unbackedFree.add(s);
      }
    }
    if (unbackedFree.isEmpty() && !settings.preferDeferredRuntimeAssertsOverGuards()) {
      evaluateExpr(fact, null, where, false, null);
      return true;
    }
    if (suppressDepth > 0) {
      return true;
    }
    Expr canonical = canonicalize(simplified, false);
    learn(simplified, where);
    Sym key = null;
    for (Sym s : unbackedFree) {
      if (key == null || unbackedIndex(s) > unbackedIndex(key)) {
        key = s;
      }
    }
    RuntimeAssert ra = new RuntimeAssert(canonical, message, where);
    if (key == null) {
      backedRuntimeAsserts.add(ra);
    } else {
      deferredRuntimeAsserts.computeIfAbsent(key, k -> new ArrayList<>()).add(ra);
    }
    addAxioms(canonical);
    bumpVersion();
    return true;
  }

  private static int unbackedIndex(Sym s) {
    String digits = s.name().replaceAll("[^0-9]", "");
    return digits.isEmpty() ? -1 : Integer.parseInt(digits);
  }

  /** A new number for a value node of this environment (its hash; see SymNode). */
  public int nextNodeNumber() {
    return nodeNumbers++;
  }

  /** True when a guard evaluated now would be recorded (not suppressed, not frozen). */
  public boolean recordsGuards() {
    return suppressDepth == 0 && !frozen;
  }

  /** Runs {@code body} without recording guards (PyTorch's {@code suppress_guards}). */
  public AutoCloseable suppressGuards() {
    suppressDepth++;
    return () -> suppressDepth--;
  }

  /** From now on, new guards are ignored (PyTorch's {@code freeze}). */
  public void freeze() {
    frozen = true;
  }

  /**
   * Sets the program location that guards recorded from now on are attributed to, when the
   * caller gives none; returns a handle that restores the previous one.
   */
  public AutoCloseable at(SourceLocation location) {
    SourceLocation previous = currentLocation;
    currentLocation = location;
    return () -> currentLocation = previous;
  }

  private Provenance locate(Provenance p) {
    Provenance base = p == null ? Provenance.unknown() : p;
    if (base.location() == null && currentLocation != null) {
      return base.at(currentLocation);
    }
    return base;
  }

  // ---------------------------------------------------------------------------------------
  // Ranges and replacements (used by Unification)

  void updateRange(Sym s, ValueRange range, Provenance why) {
    ValueRange old = varToRange.get(s);
    ValueRange next = old == null ? range : old.intersect(range);
    if (sizeLike.contains(s) && next.upper() instanceof IntLit up && up.longValue() < 2
        && old != null && !(old.upper() instanceof IntLit)) {
      return; // PyTorch never shrinks a size-like upper bound below 2
    }
    if (next.equals(old)) {
      return;
    }
    checks.derived("range_refinement", () -> RewriteChecks.rangeFact(s, next));
    Provenance[] p = rangeProvenance.computeIfAbsent(s, k -> new Provenance[2]);
    if (old == null || !next.lower().equals(old.lower())) {
      p[0] = why;
    }
    if (old == null || !next.upper().equals(old.upper())) {
      p[1] = why;
    }
    varToRange.put(s, next);
    bumpVersion();
  }

  void setReplacement(Sym s, Expr target, String reason, Provenance provenance) {
    checks.derived("replacement:" + reason, () -> Exprs.eq(s, target));
    replacements.put(s, target);
    replaced.clear();
    replacementGeneration++;
    replacementProvenance.putIfAbsent(s, provenance);
    specializations.add(new Specialization(s, List.copyOf(varToSources.getOrDefault(s, List.of())),
        target, reason, provenance));
    bumpVersion();
  }

  void addDivisible(Expr mod) {
    if (!divisible.contains(mod)) {
      checks.derived("divisibility", () -> Exprs.eq(mod, Exprs.ZERO));
    }
    if (divisible.add(mod)) {
      bumpVersion();
    }
  }

  void bumpVersion() {
    version++;
    staticCache.clear();
  }

  // ---------------------------------------------------------------------------------------
  // Translation validation

  /**
   * Makes {@code v} check every rewrite from now on (null: none); {@link
   * ShapeEnvSettings#translationValidation()} installs one at construction.
   */
  public void setRewriteValidator(RewriteValidator v) {
    checkOpen();
    checks.setValidator(v);
  }

  /** The validator that checks this environment's rewrites, or null when validation is off. */
  public RewriteValidator rewriteValidator() {
    return checks.validator();
  }

  /** Reports that {@code rule} rewrote {@code before} to {@code after} (when they differ); returns {@code after}. */
  Expr rewrote(String rule, Expr before, Expr after, Rewrite.Basis basis, boolean sizeOblivious) {
    return checks.rewrote(rule, before, after, basis, sizeOblivious);
  }

  /** PyTorch's canonical boolean form of {@code e}, reported as a rewrite. */
  private Expr canonicalize(Expr e, boolean sizeOblivious) {
    return rewrote("canonicalize", e, BooleanForms.canonicalize(e), Rewrite.Basis.NONE, sizeOblivious);
  }

  // ---------------------------------------------------------------------------------------
  // Lifecycle

  /**
   * Registers a resource to be closed when this environment closes (resources close in the
   * reverse order of registration). Throws {@link IllegalStateException} when the environment is
   * already closed: the caller still owns the resource then.
   */
  public void onClose(AutoCloseable resource) {
    resources.add(resource);
  }

  /**
   * Closes every registered resource, the last registered first; idempotent. Each resource is
   * closed even when an earlier one fails; the first failure is then thrown with the others
   * suppressed (a checked exception wrapped in an {@link IllegalStateException}).
   */
  @Override
  public void close() {
    resources.close();
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return resources.isClosed();
  }

  private void checkOpen() {
    resources.checkOpen();
  }

  // ---------------------------------------------------------------------------------------
  // Read-only views

  /** Increases whenever a fact changes; caches keyed by it stay correct. */
  public long version() {
    return version;
  }

  public List<Guard> guards() {
    return Collections.unmodifiableList(guards);
  }

  /** Deferred runtime asserts by the unbacked symbol they wait for. */
  public Map<Sym, List<RuntimeAssert>> deferredRuntimeAsserts() {
    return Collections.unmodifiableMap(deferredRuntimeAsserts);
  }

  /** Deferred asserts over backed symbols only (with prefer-deferred-asserts; PyTorch's key {@code None}). */
  public List<RuntimeAssert> backedRuntimeAsserts() {
    return Collections.unmodifiableList(backedRuntimeAsserts);
  }

  public Map<Sym, Expr> replacements() {
    return Collections.unmodifiableMap(replacements);
  }

  public Set<Expr> divisible() {
    return Collections.unmodifiableSet(divisible);
  }

  public List<Specialization> specializations() {
    return Collections.unmodifiableList(specializations);
  }

  /** The example value of a backed symbol. */
  public Object hint(Sym s) {
    return varToVal.get(s);
  }

  /** The sources of a symbol, first (the one guards print) first. */
  public List<Source> sources(Sym s) {
    return Collections.unmodifiableList(varToSources.getOrDefault(s, List.of()));
  }

  /** Every symbol with a source, in creation order. */
  public Set<Sym> symbolsWithSources() {
    return Collections.unmodifiableSet(varToSources.keySet());
  }

  /** Where each bound of a symbol's range came from: [lower, upper]. */
  public Provenance[] rangeProvenance(Sym s) {
    Provenance[] p = rangeProvenance.get(s);
    return p == null ? new Provenance[] {Provenance.unknown(), Provenance.unknown()} : p.clone();
  }

  public Provenance replacementProvenance(Sym s) {
    return replacementProvenance.get(s);
  }

  public boolean isSizeLike(Sym s) {
    return sizeLike.contains(s);
  }

  boolean isFloatSymbol(Sym s) {
    return floatSymbols.contains(s);
  }

  public List<Sym> unbackedSymbols() {
    return Collections.unmodifiableList(unbacked);
  }
}
