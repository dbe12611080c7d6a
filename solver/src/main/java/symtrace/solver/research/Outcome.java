package symtrace.solver.research;

import symtrace.solver.decompose.Decompositions;
import symtrace.symbolic.expr.Expr;

/**
 * What one strategy did on one problem: its answer (a term, or none), an error if it failed,
 * its time, and the independent check of the answer.
 *
 * @param problem the problem
 * @param strategy the strategy's name
 * @param term the answer, or null for "not found"
 * @param error the strategy's failure (an exception's message), or null
 * @param nanos the time of the strategy's call, in nanoseconds
 * @param check the independent check of {@code term}, or null when there is no term
 */
public record Outcome(Problem problem, String strategy, Expr term, String error, long nanos,
    AnswerCheck.Result check) {
  public boolean found() {
    return term != null;
  }

  public boolean correct() {
    return check != null && check.verdict() == AnswerCheck.Verdict.CORRECT;
  }

  public boolean wrong() {
    return check != null && check.verdict() == AnswerCheck.Verdict.WRONG;
  }

  public boolean unconfirmed() {
    return check != null && check.verdict() == AnswerCheck.Verdict.UNCONFIRMED;
  }

  /** The answer's cost in the cost model, computed here (not taken from the strategy). */
  public int cost() {
    return term == null ? Integer.MAX_VALUE : Decompositions.cost(term, problem.tracked());
  }

  /** A correct answer no costlier than the best known one (it chose the cheapest producers). */
  public boolean best() {
    return correct() && problem.truth().solvable() && cost() <= problem.truth().cost();
  }

  public double micros() {
    return nanos / 1000.0;
  }
}
