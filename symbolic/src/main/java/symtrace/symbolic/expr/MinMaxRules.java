package symtrace.symbolic.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Construction-time rules of PyTorch's {@code Max} and {@code Min} ({@code MinMaxBase}):
 *
 * <ul>
 *   <li>{@code Max(oo, x) => oo}, {@code Max(-oo, x) => x} (and dually for Min);
 *   <li>nested same-kind calls are flattened, duplicates dropped, and all numbers collapse into
 *       the largest (smallest);
 *   <li>absorption: {@code Max(a, Min(a, b)) => a}, {@code Min(a, Max(a, b)) => a};
 *   <li>local zeros: {@code Max(0, x) => x} when x is non-negative, {@code Max(1, x) => x} when
 *       x is positive (Min returns the number);
 *   <li>arguments are sorted by sympy's sort key; a single argument is returned as it is.
 * </ul>
 */
final class MinMaxRules {
  private MinMaxRules() {}

  static Expr create(Fn fn, List<? extends Expr> original) {
    boolean isMax = fn == Fn.MAX;
    Infinity zero = isMax ? Infinity.OO : Infinity.NEG_OO;
    Infinity identity = isMax ? Infinity.NEG_OO : Infinity.OO;
    Set<Expr> args = new LinkedHashSet<>();
    for (Expr a : original) {
      if (a.isBoolean()) {
        throw new SymbolicArithmeticError("ValueError", "The argument '" + a + "' is not comparable.");
      }
      if (a == zero) {
        return zero;
      }
      if (a == identity) {
        continue;
      }
      if (a instanceof Apply ap && ap.fn() == fn) {
        args.addAll(ap.args());
      } else {
        args.add(a);
      }
    }
    if (!isUniqueSummations(original)) {
      absorb(fn, args);
      collapseNumbers(fn, args);
    }
    if (args.isEmpty()) {
      return identity;
    }
    if (args.size() == 1) {
      return args.iterator().next();
    }
    Expr[] sorted = args.toArray(new Expr[0]);
    Arrays.sort(sorted, ExprOrder.SORT_KEY);
    return Apply.create(fn, sorted);
  }

  /** Max(a, Min(a, b)) => a: an argument inside an opposite call makes that call redundant. */
  private static void absorb(Fn fn, Set<Expr> args) {
    Fn other = fn == Fn.MAX ? Fn.MIN : Fn.MAX;
    List<Expr> redundant = new ArrayList<>();
    for (Expr a : args) {
      if (a instanceof Apply ap && ap.fn() == other) {
        for (Expr inner : ap.args()) {
          if (args.contains(inner)) {
            redundant.add(a);
            break;
          }
        }
      }
    }
    redundant.forEach(args::remove);
  }

  /** PyTorch's {@code _find_localzeros}: fold the numbers, then the 0 and 1 rules. */
  private static void collapseNumbers(Fn fn, Set<Expr> args) {
    Num number = null;
    List<Expr> others = new ArrayList<>();
    for (Expr a : args) {
      if (a instanceof Num n) {
        if (number == null) {
          number = n;
        } else {
          int c = Nums.compare(n, number);
          if ((fn == Fn.MAX) ? c > 0 : c < 0) {
            number = n;
          }
        }
      } else {
        others.add(a);
      }
    }
    if (number == null) {
      return;
    }
    args.clear();
    if (others.isEmpty()) {
      args.add(number);
      return;
    }
    if (others.size() == 1) {
      Expr x = others.get(0);
      boolean zeroRule = !number.isInfinite() && number.signum() == 0
          && Facts.isNonNegative(x) == Boolean.TRUE;
      boolean oneRule = !number.isInfinite() && Nums.compare(number, Exprs.ONE) == 0
          && Facts.isPositive(x) == Boolean.TRUE;
      if (zeroRule || oneRule) {
        args.add(fn == Fn.MAX ? x : number);
        return;
      }
    }
    args.addAll(others);
    args.add(number);
  }

  /**
   * PyTorch skips the collapse rules for maxima over sums of distinct symbols that share no
   * symbol ({@code Max(a + b, c + d)}): none of them can apply, and they are costly.
   */
  private static boolean isUniqueSummations(List<? extends Expr> args) {
    if (args.size() != 2) {
      return false;
    }
    Set<Sym> seen = new java.util.HashSet<>();
    for (Expr a : args) {
      List<Expr> parts = a instanceof Apply ap && (ap.fn() == Fn.MAX || ap.fn() == Fn.MIN)
          ? ap.args() : List.of(a);
      for (Expr p : parts) {
        if (!(p instanceof Add sum) || sum.termCount() != 2 || !sum.constant().isZeroValue()) {
          return false;
        }
        for (Expr t : sum.terms()) {
          if (!(t instanceof Sym s) || !seen.add(s)) {
            return false;
          }
        }
      }
    }
    return true;
  }
}
