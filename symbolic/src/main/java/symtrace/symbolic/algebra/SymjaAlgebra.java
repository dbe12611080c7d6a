package symtrace.symbolic.algebra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import symtrace.symbolic.SymtraceException;
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Num;
import symtrace.symbolic.expr.Pow;
import symtrace.symbolic.expr.Sym;

/**
 * Symja's algebra on symtrace expressions: simplify under assumptions, expand, factor, cancel,
 * solve and lexicographic Gröbner bases.
 *
 * <p><b>Soundness.</b> Symja works over the complex numbers, knows nothing of PyTorch's
 * functions and may answer with floats or forms that only hold generically. So a result is
 * never taken on trust: it is converted back and accepted only if {@link Equivalence} shows it
 * equal to the input (exactly by {@code expand(a - b) == 0}, else at 20 random points consistent
 * with the assumptions). Otherwise, and on a timeout or any Symja failure, the input comes back
 * unchanged. Expressions with infinities or {@code nan} are never sent to Symja, whose infinity
 * arithmetic differs from PyTorch's. Solutions of {@link #solve} are checked by substitution.
 *
 * <p><b>Assumptions.</b> Every symbol's own assumptions (integer, positive, ...) are passed to
 * Symja explicitly with the caller's facts; see {@link SymjaBridge#assumptions}.
 *
 * <p><b>Threads.</b> An instance uses one {@link SymjaEngine} and inherits its thread rule.
 */
public final class SymjaAlgebra {
  /** The time limit of one Symja call unless another is given. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private final SymjaEngine engine;
  private final Duration timeout;

  /** Uses {@code engine} with {@link #DEFAULT_TIMEOUT} per Symja call. */
  public SymjaAlgebra(SymjaEngine engine) {
    this(engine, DEFAULT_TIMEOUT);
  }

  /** Uses {@code engine}, stopping every Symja call after {@code timeout}. */
  public SymjaAlgebra(SymjaEngine engine, Duration timeout) {
    this.engine = Objects.requireNonNull(engine);
    this.timeout = Objects.requireNonNull(timeout);
  }

  public SymjaEngine engine() {
    return engine;
  }

  /** Simplifies {@code e} using only the symbols' own assumptions. */
  public Expr simplify(Expr e) {
    return simplify(e, List.of());
  }

  /**
   * Returns a simpler expression equal to {@code e} wherever {@code e} is defined and the {@code
   * facts} (relations such as {@code s0 >= 2}) and the symbols' assumptions hold, or {@code e}
   * itself. The result is never larger than {@code e} (in nodes).
   *
   * <p>Integer floor divisions are shown to Symja as {@code floor(a/b)}, which its simplifier
   * understands, and a {@code floor(n/d)} in the answer becomes {@code FloorDiv(n, d)} again.
   *
   * @throws IllegalArgumentException when a fact is not a boolean expression
   */
  public Expr simplify(Expr e, List<? extends Expr> facts) {
    for (Expr f : facts) {
      if (!f.isBoolean()) {
        throw new IllegalArgumentException("a fact must be a relation or a boolean: " + f);
      }
    }
    if (e.args().isEmpty() || !isFinite(e) || !facts.stream().allMatch(SymjaAlgebra::isFinite)
        || hasEqualityCondition(e)) {
      return e;
    }
    Expr candidate = attempt(() -> {
      Set<Sym> symbols = symbolsOf(e, facts);
      IExpr assumptions = engine.bridge().assumptions(symbols, facts);
      IExpr input = engine.bridge().toSymja(FloorForms.toFloor(e));
      return FloorForms.fromFloor(call(F.Simplify(input, assumptions)));
    });
    if (candidate == null || size(candidate) > size(e)) {
      return e;
    }
    return verified(e, candidate, facts);
  }

  /**
   * Equalities ({@code Eq}, {@code Ne}, and {@code Piecewise} conditions) hold on thin sets that
   * random points almost never hit, so the equality check could not catch a simplification that
   * is only generically right (Symja turns {@code Piecewise((u0, Eq(4, s0)), (-4, True))} into
   * {@code -4}). Such expressions are not simplified by Symja.
   */
  private static boolean hasEqualityCondition(Expr e) {
    if (e instanceof symtrace.symbolic.expr.Apply a) {
      symtrace.symbolic.expr.Fn fn = a.fn();
      if (fn == symtrace.symbolic.expr.Fn.EQ || fn == symtrace.symbolic.expr.Fn.NE
          || fn == symtrace.symbolic.expr.Fn.PIECEWISE) {
        return true;
      }
    }
    for (Expr x : e.args()) {
      if (hasEqualityCondition(x)) {
        return true;
      }
    }
    return false;
  }

  /** Distributes products and powers everywhere, function arguments included (ExpandAll). */
  public Expr expand(Expr e) {
    return transform(e, F::ExpandAll);
  }

  /** Factors polynomials over the rationals: {@code s0*s1 + s1 => s1*(s0 + 1)}. */
  public Expr factor(Expr e) {
    return transform(e, F::Factor);
  }

  /** Cancels common factors of numerator and denominator. */
  public Expr cancel(Expr e) {
    return transform(e, F::Cancel);
  }

  /**
   * Returns the solutions of {@code equation} for {@code var} that are rational: rational
   * numbers (integers only for an integer {@code var}, of the right sign for a positive or
   * nonnegative one), or rational functions of the other symbols. Each is checked by
   * substitution. {@code equation} is an {@code Eq} or an expression meant to equal 0.
   *
   * <p>An empty list means that no such solution was found, not that none exists (Symja may
   * have timed out or failed); {@code True} and {@code False} give an empty list.
   *
   * @throws IllegalArgumentException when {@code equation} is another boolean (an inequality)
   */
  public List<Expr> solve(Expr equation, Sym var) {
    Expr lhs;
    Expr rhs;
    if (equation instanceof Apply a && a.fn() == Fn.EQ) {
      lhs = a.arg(0);
      rhs = a.arg(1);
    } else if (equation instanceof BoolLit) {
      return List.of();
    } else if (equation.isBoolean()) {
      throw new IllegalArgumentException("solve needs an equation, not " + equation);
    } else {
      lhs = equation;
      rhs = Exprs.ZERO;
    }
    if (!equation.freeSymbols().contains(var) || !isFinite(equation)) {
      return List.of();
    }
    IExpr solutions = attempt(() -> {
      SymjaBridge b = engine.bridge();
      IExpr equal = F.Equal(b.toSymja(lhs), b.toSymja(rhs));
      return engine.evaluate(F.Solve(equal, b.symbol(var)), timeout);
    });
    if (solutions == null || !solutions.isList()) {
      return List.of();
    }
    Expr difference;
    try {
      difference = Exprs.sub(lhs, rhs);
    } catch (SymtraceException e) {
      return List.of();
    }
    Set<Expr> out = new LinkedHashSet<>();
    ISymbol dummy = engine.bridge().symbol(var);
    for (IExpr rules : (IAST) solutions) {
      if (!rules.isList()) {
        continue;
      }
      for (IExpr rule : (IAST) rules) {
        if (rule.isRuleAST() && rule.first() == dummy) {
          Expr value = attempt(() -> engine.bridge().fromSymja(rule.second()));
          if (value != null && acceptableSolution(var, value) && solves(difference, var, value)) {
            out.add(value);
          }
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * Returns a Gröbner basis of {@code polys} (expressions meant to equal 0, or {@code
   * Eq} relations) in the lexicographic order of {@code order}, most significant first; every
   * symbol of the polynomials should be listed. With the tracked names last, an element free of
   * the size symbols expresses a target through the names: for {@code {A - s1*s2, B - s3, T -
   * s1*s2*s3}} and order {@code s1, s2, s3, T, A, B} the basis contains {@code T - A*B}.
   *
   * <p>Empty when Symja failed or timed out. The elements are Symja's; callers that rely on a
   * derived identity verify it themselves.
   */
  public Optional<List<Expr>> groebnerBasis(List<? extends Expr> polys, List<Sym> order) {
    List<Expr> differences = new ArrayList<>(polys.size());
    for (Expr p : polys) {
      if (p instanceof Apply a && a.fn() == Fn.EQ) {
        differences.add(Exprs.sub(a.arg(0), a.arg(1)));
      } else if (p.isBoolean()) {
        throw new IllegalArgumentException("a Gröbner basis needs polynomials, not " + p);
      } else {
        differences.add(p);
      }
      if (!isFinite(p)) {
        return Optional.empty();
      }
    }
    List<Expr> basis = attempt(() -> {
      SymjaBridge b = engine.bridge();
      IASTAppendable ps = F.ListAlloc(differences.size());
      for (Expr p : differences) {
        ps.append(b.toSymja(p));
      }
      IASTAppendable vars = F.ListAlloc(order.size());
      for (Sym s : order) {
        vars.append(b.symbol(s));
      }
      IExpr gb = engine.evaluate(
          F.ternaryAST3(S.GroebnerBasis, ps, vars, F.Rule(S.MonomialOrder, S.Lexicographic)),
          timeout);
      if (!gb.isList()) {
        return null;
      }
      List<Expr> out = new ArrayList<>();
      for (IExpr x : (IAST) gb) {
        out.add(b.fromSymja(x));
      }
      return List.copyOf(out);
    });
    return Optional.ofNullable(basis);
  }

  // ---------------------------------------------------------------------------------------

  /** Runs one Symja function on {@code e} and keeps the result if it checks out as equal. */
  private Expr transform(Expr e, Function<IExpr, IExpr> operation) {
    if (e.args().isEmpty() || !isFinite(e) || hasEqualityCondition(e)) {
      return e;
    }
    Expr candidate = attempt(() -> call(operation.apply(engine.bridge().toSymja(e))));
    return candidate == null ? e : verified(e, candidate, List.of());
  }

  private Expr call(IExpr symjaCall) {
    return engine.bridge().fromSymja(engine.evaluate(symjaCall, timeout));
  }

  private static Expr verified(Expr input, Expr candidate, List<? extends Expr> facts) {
    return Equivalence.equal(input, candidate, facts) ? candidate : input;
  }

  /** A step of Symja work whose failure of any kind is an answer of "no result". */
  private interface SymjaStep<T> {
    T run();
  }

  /**
   * Runs {@code step} inside the engine. A broken thread rule or a closed engine is reported by
   * {@code withEngine} before the step starts; any failure inside the step is Symja's (argument
   * checks, recursion limits, a timeout, a form without counterpart) and means "no answer".
   */
  private <T> T attempt(SymjaStep<T> step) {
    return engine.withEngine(eng -> {
      try {
        return step.run();
      } catch (RuntimeException | StackOverflowError e) {
        return null;
      }
    });
  }

  private boolean acceptableSolution(Sym var, Expr value) {
    if (value.freeSymbols().contains(var) || !isRationalForm(value)) {
      return false;
    }
    if (value instanceof Num n) {
      if (var.isIntegerSymbol() && !(n instanceof IntLit)) {
        return false;
      }
      if (var.isPositiveSymbol() && n.signum() <= 0) {
        return false;
      }
      return !var.isNonNegativeSymbol() || n.signum() >= 0;
    }
    return true;
  }

  /** Integers, rationals and symbols combined by sums, products and integer powers. */
  private static boolean isRationalForm(Expr e) {
    switch (e.kind()) {
      case INTEGER:
      case RATIONAL:
      case SYMBOL:
        return true;
      case ADD:
      case MUL:
        return e.args().stream().allMatch(SymjaAlgebra::isRationalForm);
      case POW:
        return ((Pow) e).exponent() instanceof IntLit && isRationalForm(((Pow) e).base());
      default:
        return false;
    }
  }

  private static boolean solves(Expr difference, Sym var, Expr value) {
    try {
      return Exprs.expand(difference.subs(Map.of(var, value))) == Exprs.ZERO;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static Set<Sym> symbolsOf(Expr e, List<? extends Expr> facts) {
    Set<Sym> symbols = new LinkedHashSet<>(e.freeSymbols());
    for (Expr f : facts) {
      symbols.addAll(f.freeSymbols());
    }
    return symbols;
  }

  /** True when no infinity or nan occurs in {@code e}. */
  private static boolean isFinite(Expr e) {
    if (e instanceof Num n) {
      return !n.isInfinite();
    }
    for (Expr x : e.args()) {
      if (!isFinite(x)) {
        return false;
      }
    }
    return true;
  }

  /** The number of nodes, the measure "simpler" is judged by. */
  static int size(Expr e) {
    int n = 1;
    for (Expr x : e.args()) {
      n += size(x);
    }
    return n;
  }
}
