package symtrace.symbolic.simplify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import symtrace.symbolic.SymtraceException;
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Num;
import symtrace.symbolic.expr.Sym;

/**
 * Simplifies size expressions under facts, the way PyTorch's {@code ShapeEnv} does before it
 * records a guard, so that {@code symtrace simplify} answers what the shape environment would
 * know statically.
 *
 * <ol>
 *   <li>Distribute products ({@code safe_expand}).
 *   <li>Apply the facts: an equality {@code Eq(s, e)} replaces {@code s}; a bound {@code s >= c}
 *       or {@code s <= c} narrows its range; a fact that matches the expression (or its
 *       negation) syntactically decides it, as PyTorch's axioms do.
 *   <li>Re-base every symbol with a finite lower bound {@code L} as {@code k + (L - 1)} with
 *       {@code k} a fresh positive integer (PyTorch's {@code _maybe_evaluate_static} worker),
 *       so the sign rules of construction see the range: {@code Eq(s0, 1)} is {@code False} for
 *       a size {@code s0 >= 2}.
 *   <li>Drop the arguments of {@code Max}/{@code Min} that a statically known comparison makes
 *       redundant ({@code Max(1, x) => x} when {@code x >= 1}).
 * </ol>
 *
 * <p>Every step is an identity under the facts, so the result is equal to the input at every
 * assignment that satisfies them. What cannot be decided is returned in canonical form.
 */
public final class SizeSimplifier {
  private final Map<Sym, Long> lower = new HashMap<>();
  private final Map<Sym, Long> upper = new HashMap<>();
  private final Map<Sym, Expr> replacements = new LinkedHashMap<>();
  private final Map<Expr, BoolLit> axioms = new HashMap<>();
  /** Values facts give to compound expressions: {@code Eq(Mod(s0, 2), 0)} makes it 0. */
  private final Map<Expr, Expr> knownValues = new HashMap<>();

  /**
   * Creates a simplifier in which each symbol of {@code sizes} is a size in {@code [2, int_oo]},
   * as PyTorch's default range for a backed size.
   */
  public SizeSimplifier(Iterable<Sym> sizes) {
    for (Sym s : sizes) {
      lower.put(s, 2L);
    }
  }

  /** Adds a fact (a relation or a conjunction of relations) known to hold. */
  public void assume(Expr fact) {
    if (fact == BoolLit.TRUE) {
      return;
    }
    if (fact == BoolLit.FALSE) {
      throw new SymtraceException("the assumption is False: nothing follows from a contradiction");
    }
    if (!fact.isBoolean()) {
      throw new SymtraceException("an assumption must be a relation such as 's0 >= 4', not '" + fact + "'");
    }
    if (fact instanceof Apply a && a.fn() == Fn.AND) {
      for (Expr part : a.args()) {
        assume(part);
      }
      return;
    }
    axioms.put(fact, BoolLit.TRUE);
    axioms.put(Exprs.not(fact), BoolLit.FALSE);
    if (fact instanceof Apply a && a.fn().isRelation()) {
      learn(a.fn(), a.arg(0), a.arg(1));
    }
  }

  private void learn(Fn fn, Expr lhs, Expr rhs) {
    if (fn == Fn.EQ) {
      if (lhs instanceof Sym s && !rhs.freeSymbols().contains(s)) {
        replacements.put(s, rhs);
        return;
      }
      if (rhs instanceof Sym s && !lhs.freeSymbols().contains(s)) {
        replacements.put(s, lhs);
        return;
      }
      if (rhs instanceof Num && !(lhs instanceof Num) && !(lhs instanceof Sym)) {
        knownValues.put(lhs, rhs);
        return;
      }
    }
    // s >= c, s > c, c <= s, ...: bounds of one symbol by an integer
    if (lhs instanceof IntLit) {
      learn(fn.reversed(), rhs, lhs);
      return;
    }
    if (!(lhs instanceof Sym s) || !(rhs instanceof IntLit c) || !c.fitsLong()) {
      return;
    }
    long v = c.longValue();
    switch (fn) {
      case GE:
        lower.merge(s, v, Math::max);
        break;
      case GT:
        lower.merge(s, v + 1, Math::max);
        break;
      case LE:
        upper.merge(s, v, Math::min);
        break;
      case LT:
        upper.merge(s, v - 1, Math::min);
        break;
      case EQ:
        lower.merge(s, v, Math::max);
        upper.merge(s, v, Math::min);
        break;
      default:
        break;
    }
  }

  /** Returns the simplest form of {@code e} under the sizes' ranges and the facts. */
  public Expr simplify(Expr e) {
    Expr current = Exprs.replaceSubexpressions(Exprs.expand(e.subs(replacements)), knownValues);
    Expr decided = decide(current);
    if (decided != null) {
      return decided;
    }
    current = simplifyMinMax(current);
    decided = decide(current);
    return decided != null ? decided : current;
  }

  /** Returns the value of {@code e} when the facts and ranges fix it, else null. */
  Expr decide(Expr e) {
    if (e instanceof Num || e instanceof BoolLit) {
      return e;
    }
    BoolLit axiom = axioms.get(e);
    if (axiom != null) {
      return axiom;
    }
    Expr rebased = Exprs.expand(rebase(e));
    if (rebased instanceof Num || rebased instanceof BoolLit) {
      return rebased;
    }
    if (e instanceof Apply a && a.fn().isRelation()) {
      Boolean byBounds = decideByBounds(a);
      if (byBounds != null) {
        return BoolLit.of(byBounds);
      }
    }
    return null;
  }

  /** {@code s => k_s + (L - 1)} for each symbol with a finite lower bound {@code L}. */
  private Expr rebase(Expr e) {
    Map<Sym, Expr> shift = new HashMap<>();
    for (Sym s : e.freeSymbols()) {
      Long lo = lower.get(s);
      if (lo != null && s.isIntegerSymbol()) {
        Sym k = Sym.size("_shifted_" + s.name());
        shift.put(s, Exprs.add(k, IntLit.of(lo - 1)));
      }
    }
    return e.subs(shift);
  }

  /**
   * Upper bounds: {@code s <= U} re-based as {@code U + 1 - k} for a positive integer {@code k}.
   * A relation decided for every integer up to the bound holds inside the range too.
   */
  private Boolean decideByBounds(Apply relation) {
    Map<Sym, Expr> shift = new HashMap<>();
    for (Sym s : relation.freeSymbols()) {
      Long hi = upper.get(s);
      if (hi == null || !s.isIntegerSymbol()) {
        return null;
      }
      Sym k = Sym.size("_shifted_" + s.name());
      shift.put(s, Exprs.sub(IntLit.of(hi + 1), k));
    }
    Expr rebased = Exprs.expand(relation.subs(shift));
    return rebased instanceof BoolLit b ? b.value() : null;
  }

  private Expr simplifyMinMax(Expr e) {
    if (!(e instanceof Apply a)) {
      List<Expr> args = e.args();
      if (args.isEmpty()) {
        return e;
      }
      List<Expr> out = new ArrayList<>(args.size());
      boolean changed = false;
      for (Expr x : args) {
        Expr y = simplifyMinMax(x);
        changed |= y != x;
        out.add(y);
      }
      return changed ? Exprs.rebuild(e, out) : e;
    }
    List<Expr> args = new ArrayList<>();
    for (Expr x : a.args()) {
      args.add(simplifyMinMax(x));
    }
    if (a.fn() == Fn.MAX || a.fn() == Fn.MIN) {
      boolean isMax = a.fn() == Fn.MAX;
      List<Expr> kept = new ArrayList<>(args);
      for (Expr x : args) {
        for (Expr y : args) {
          if (x != y && kept.contains(x) && kept.contains(y)) {
            Expr dominates = decide(isMax ? Exprs.ge(x, y) : Exprs.le(x, y));
            if (dominates == BoolLit.TRUE) {
              kept.remove(y);
            }
          }
        }
      }
      return isMax ? Exprs.max(kept) : Exprs.min(kept);
    }
    return Exprs.apply(a.fn(), args);
  }
}
