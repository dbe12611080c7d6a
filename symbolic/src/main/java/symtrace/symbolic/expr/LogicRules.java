package symtrace.symbolic.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Construction of {@code And}, {@code Or}, {@code Not} and {@code Piecewise} with sympy's
 * automatic rules: flattening, identities ({@code And(True, x) => x}), short circuits ({@code
 * And(False, x) => False}), duplicates, complements ({@code x & ~x => False}, also for a
 * relation and its negation), and {@code Not} of a relation is the negated relation.
 */
final class LogicRules {
  private LogicRules() {}

  static Expr and(List<? extends Expr> args) {
    return lattice(Fn.AND, args);
  }

  static Expr or(List<? extends Expr> args) {
    return lattice(Fn.OR, args);
  }

  private static Expr lattice(Fn fn, List<? extends Expr> original) {
    BoolLit identity = fn == Fn.AND ? BoolLit.TRUE : BoolLit.FALSE;
    BoolLit zero = fn == Fn.AND ? BoolLit.FALSE : BoolLit.TRUE;
    Set<Expr> args = new LinkedHashSet<>();
    List<Expr> pending = new ArrayList<>(original);
    for (int i = 0; i < pending.size(); i++) {
      Expr a = pending.get(i);
      if (a == zero) {
        return zero;
      }
      if (a == identity) {
        continue;
      }
      if (a instanceof Apply ap && ap.fn() == fn) {
        pending.addAll(ap.args());
        continue;
      }
      requireBoolean(a);
      args.add(a);
    }
    for (Expr a : args) {
      if (args.contains(not(a))) {
        return zero; // x & ~x => False, x | ~x => True
      }
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

  private static void requireBoolean(Expr a) {
    if (!a.isBoolean()) {
      throw new SymbolicArithmeticError(
          "TypeError", "expecting bool or Boolean, not `" + a + "`.");
    }
  }

  static Expr not(Expr a) {
    if (a instanceof BoolLit b) {
      return BoolLit.of(!b.value());
    }
    requireBoolean(a);
    if (a instanceof Apply ap) {
      if (ap.fn() == Fn.NOT) {
        return ap.arg(0); // ~~x => x
      }
      if (ap.fn().isRelation()) {
        // ~(a < b) => a >= b
        return RelationRules.create(ap.fn().negated(), ap.arg(0), ap.arg(1));
      }
    }
    return Apply.create(Fn.NOT, a);
  }

  /**
   * {@code Piecewise((e1, c1), (e2, c2), ...)} from the flat list {@code e1, c1, e2, c2, ...}:
   * pairs with a false condition are dropped, everything after a true condition too, equal
   * neighbouring expressions are merged, and a leading true condition returns its expression.
   */
  static Expr piecewise(List<? extends Expr> flat) {
    if (flat.size() % 2 != 0) {
      throw new IllegalArgumentException("Piecewise needs (expression, condition) pairs");
    }
    List<Expr> exprs = new ArrayList<>();
    List<Expr> conds = new ArrayList<>();
    for (int i = 0; i < flat.size(); i += 2) {
      Expr e = flat.get(i);
      Expr c = flat.get(i + 1);
      requireBoolean(c);
      if (c == BoolLit.FALSE) {
        continue;
      }
      int last = exprs.size() - 1;
      if (last >= 0 && exprs.get(last) == e) {
        conds.set(last, or(List.of(conds.get(last), c)));
      } else {
        exprs.add(e);
        conds.add(c);
      }
      if (conds.get(conds.size() - 1) == BoolLit.TRUE) {
        break;
      }
    }
    if (exprs.isEmpty()) {
      return Infinity.NAN;
    }
    if (conds.get(0) == BoolLit.TRUE) {
      return exprs.get(0);
    }
    Expr[] args = new Expr[exprs.size() * 2];
    for (int i = 0; i < exprs.size(); i++) {
      args[2 * i] = exprs.get(i);
      args[2 * i + 1] = conds.get(i);
    }
    return Apply.create(Fn.PIECEWISE, args);
  }
}
