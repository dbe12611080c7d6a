package symtrace.solver.research;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import symtrace.solver.ProverSettings;
import symtrace.solver.decompose.Tracked;
import symtrace.solver.z3.Z3Prover;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Sym;

/**
 * Re-checks an answer independently of the strategy that gave it (and of its verifier): a term
 * is correct when it reads only tracked names, agrees with the target at random points that
 * satisfy the facts, and Z3 proves it equal to the target under the facts.
 *
 * <p><b>Evaluation.</b> At each of {@value #POINTS} points (fixed seed; {@link SamplePoints}),
 * plus the two points of the problem's {@link Witness} when it is impossible, the tracked
 * expressions are evaluated first and the term is evaluated at their values, with no symbolic
 * substitution; a term that differs or raises where the target does not is wrong.
 *
 * <p><b>Proof.</b> Z3 (its own prover, never a strategy's) proves {@code Eq(target, term')},
 * {@code term'} being the term with each name replaced by its expression, without the facts
 * (then it holds under them too) or else under them; if that is unknown, {@code Eq(target,
 * term)} with each name defined by a fact {@code Eq(name, expression)}. A refutation is wrong;
 * a proof with agreeing points is correct; an unknown with agreeing points is {@link
 * Verdict#UNCONFIRMED}, counted apart.
 */
public final class AnswerCheck implements AutoCloseable {
  static final int POINTS = 24;
  private static final long SEED = 0xc4ec4L;

  /** The verdict on one answer. */
  public enum Verdict {
    CORRECT,
    WRONG,
    /** It agrees at every point, but Z3 could not decide it within its budget. */
    UNCONFIRMED
  }

  /** A verdict and, unless correct, why. */
  public record Result(Verdict verdict, String reason) {
    static Result correct() {
      return new Result(Verdict.CORRECT, "");
    }

    static Result wrong(String reason) {
      return new Result(Verdict.WRONG, reason);
    }
  }

  /** Ten times the default budget: the check may take longer than a strategy should. */
  private final Z3Prover prover = Z3Prover.create(ProverSettings.defaults().withRlimit(2_000_000));
  private final Map<String, List<Map<Sym, Object>>> pointsByProblem = new HashMap<>();

  /** Checks {@code term} as an answer to {@code p}. */
  public Result check(Problem p, Expr term) {
    Map<Sym, Expr> definitions = new HashMap<>();
    for (Tracked t : p.tracked()) {
      definitions.put(Sym.integer(t.name()), t.expr());
    }
    for (Sym s : term.freeSymbols()) {
      if (!definitions.containsKey(s)) {
        return Result.wrong("reads " + s + ", which is not a tracked name");
      }
    }
    Result byPoints = evaluate(p, term);
    if (byPoints != null) {
      return byPoints;
    }
    Expr goal = Exprs.eq(p.target(), term.subs(definitions));
    // An identity proved without the facts holds under them; many nonlinear guards slow Z3.
    if (prover.entails(List.of(), goal) == symtrace.solver.Verdict.Outcome.PROVED) {
      return Result.correct();
    }
    symtrace.solver.Verdict v = prover.prove(p.facts(), goal);
    if (v.isUnknown()) {
      List<Expr> withDefinitions = new ArrayList<>(p.facts());
      definitions.forEach((name, e) -> withDefinitions.add(Exprs.eq(name, e)));
      v = prover.prove(withDefinitions, Exprs.eq(p.target(), term));
    }
    if (v.isRefuted()) {
      return Result.wrong("Z3 refutes it at " + v.counterexample());
    }
    return v.isProved() ? Result.correct() : new Result(Verdict.UNCONFIRMED, v.reason());
  }

  /** Null when the term agrees at every point, else why it is wrong. */
  private Result evaluate(Problem p, Expr term) {
    for (Map<Sym, Object> point : points(p)) {
      Object want = SamplePoints.value(p.target(), point);
      if (want == null) {
        continue; // the target itself raises here
      }
      Map<Sym, Object> names = new HashMap<>();
      boolean defined = true;
      for (Tracked t : p.tracked()) {
        Object v = SamplePoints.value(t.expr(), point);
        if (v == null) {
          defined = false; // a tracked value that raises is no value of the graph
          break;
        }
        names.put(Sym.integer(t.name()), v);
      }
      if (!defined) {
        continue;
      }
      Object got = SamplePoints.value(term, names);
      if (got == null) {
        return Result.wrong("raises at " + point + ", where the target is " + want);
      }
      if (!sameValue(want, got)) {
        return Result.wrong("is " + got + " at " + point + ", where the target is " + want);
      }
    }
    return null;
  }

  private List<Map<Sym, Object>> points(Problem p) {
    return pointsByProblem.computeIfAbsent(p.id(), id -> {
      List<Map<Sym, Object>> out = new ArrayList<>(SamplePoints.sample(
          SamplePoints.symbols(p), p.facts(), POINTS, POINTS * 100, SEED));
      if (!p.truth().solvable()) {
        Optional<Witness> w = Witness.find(p);
        w.ifPresent(x -> {
          out.add(x.first());
          out.add(x.second());
        });
      }
      return out;
    });
  }

  /** Equal as numbers: an int and an integral float are the same value. */
  private static boolean sameValue(Object a, Object b) {
    if (a.equals(b)) {
      return true;
    }
    if (a instanceof Number x && b instanceof Number y) {
      return new java.math.BigDecimal(x.toString())
          .compareTo(new java.math.BigDecimal(y.toString())) == 0;
    }
    return false;
  }

  @Override
  public void close() {
    prover.close();
  }
}
