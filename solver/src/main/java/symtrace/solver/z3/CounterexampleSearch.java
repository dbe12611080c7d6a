package symtrace.solver.z3;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.IntExpr;
import com.microsoft.z3.IntNum;
import com.microsoft.z3.Model;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import symtrace.solver.Assignments;
import symtrace.symbolic.expr.Sym;

/**
 * The lexicographically smallest model of the solver's current (satisfiable) assertions, over
 * the given integer symbols in order, each value as small as possible in the order {@code 0, 1,
 * -1, 2, -2, ...} ({@link Assignments#compareValues}) once the earlier ones are fixed.
 *
 * <p>For each symbol: a binary search for the smallest {@code k} with {@code |x| <= k}
 * satisfiable, between 0 and the current model's {@code |x|}; then {@code x = k} if satisfiable,
 * else {@code x = -k}; the value is then asserted (in the caller's scope) for the next symbols.
 * Satisfiability of {@code |x| <= k} is monotone in {@code k}, so without an {@code UNKNOWN}
 * answer the result is the true minimum, independent of which models Z3 returned. On an {@code
 * UNKNOWN} the search stops and keeps the last model's values for the remaining symbols (still a
 * model, though not the smallest). Cost: about {@code 2 + log2|v|} checks per symbol.
 *
 * <p>The caller has checked the assertions satisfiable just before, so a model is available, and
 * owns the {@code push}/{@code pop} scope the fixing equalities go into.
 */
final class CounterexampleSearch {
  /** Runs one satisfiability check under assumptions (counting it). */
  interface Checker {
    Status check(BoolExpr[] assumptions);
  }

  private final Context ctx;
  private final Solver solver;
  private final Z3Translator translator;
  private final Checker checker;

  CounterexampleSearch(Context ctx, Solver solver, Z3Translator translator, Checker checker) {
    this.ctx = ctx;
    this.solver = solver;
    this.translator = translator;
    this.checker = checker;
  }

  /** The smallest assignment of {@code symbols} (all integer), or null if a value exceeds a long. */
  Map<Sym, Long> smallest(List<Sym> symbols, BoolExpr[] assumptions) {
    Model model = solver.getModel();
    boolean exact = true;
    Map<Sym, Long> out = new LinkedHashMap<>();
    for (Sym s : symbols) {
      IntExpr x = (IntExpr) translator.symbol(s);
      BigInteger value = valueOf(model, x);
      if (exact) {
        BigInteger lo = BigInteger.ZERO;
        BigInteger hi = value.abs();
        while (exact && lo.compareTo(hi) < 0) {
          BigInteger mid = lo.add(hi).shiftRight(1);
          IntNum m = ctx.mkInt(mid.toString());
          Status st = checkWith(ctx.mkAnd(ctx.mkLe(x, m), ctx.mkGe(x, ctx.mkInt(mid.negate().toString()))), assumptions);
          if (st == Status.SATISFIABLE) {
            hi = mid;
            model = lastModel;
          } else if (st == Status.UNSATISFIABLE) {
            lo = mid.add(BigInteger.ONE);
          } else {
            exact = false;
          }
        }
        if (exact && hi.signum() > 0) {
          Status st = checkWith(ctx.mkEq(x, ctx.mkInt(hi.toString())), assumptions);
          if (st == Status.SATISFIABLE) {
            value = hi;
            model = lastModel;
          } else if (st == Status.UNSATISFIABLE) {
            value = hi.negate(); // |x| <= hi holds in the current model, and x != hi
          } else {
            exact = false;
            value = valueOf(model, x);
          }
        } else if (exact) {
          value = BigInteger.ZERO;
        } else {
          value = valueOf(model, x);
        }
      }
      if (value.bitLength() >= 64) {
        return null;
      }
      Z3Solvers.add(solver, ctx.mkEq(x, ctx.mkInt(value.toString())));
      out.put(s, value.longValue());
    }
    return out;
  }

  private Model lastModel;

  private Status checkWith(BoolExpr constraint, BoolExpr[] assumptions) {
    solver.push();
    try {
      Z3Solvers.add(solver, constraint);
      Status st = checker.check(assumptions);
      lastModel = st == Status.SATISFIABLE ? solver.getModel() : null;
      return st;
    } finally {
      solver.pop();
    }
  }

  private static BigInteger valueOf(Model model, IntExpr x) {
    return ((IntNum) model.eval(x, true)).getBigInteger();
  }
}
