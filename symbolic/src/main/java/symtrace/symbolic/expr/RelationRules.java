package symtrace.symbolic.expr;

/**
 * Construction of the relations {@code Eq Ne Lt Le Gt Ge} with sympy's evaluation: a relation
 * between numbers folds to {@code True}/{@code False}; otherwise it folds when the sign of
 * {@code lhs - rhs} is known from the symbols' assumptions ({@code s0 + s1 >= 2} for positive
 * integers, {@code Eq(s0, -1)} for a positive {@code s0}). Arguments are never reordered.
 */
final class RelationRules {
  private RelationRules() {}

  static Expr create(Fn fn, Expr lhs, Expr rhs) {
    Boolean decided = decide(fn, lhs, rhs);
    if (decided != null) {
      return BoolLit.of(decided);
    }
    return Apply.create(fn, lhs, rhs);
  }

  /** Returns the truth value of {@code lhs fn rhs} when facts decide it, else null. */
  static Boolean decide(Fn fn, Expr lhs, Expr rhs) {
    if (lhs.isBoolean() || rhs.isBoolean()) {
      if (fn == Fn.EQ) {
        return lhs == rhs ? Boolean.TRUE : (lhs instanceof BoolLit && rhs instanceof BoolLit) ? Boolean.FALSE : null;
      }
      if (fn == Fn.NE) {
        return lhs == rhs ? Boolean.FALSE : (lhs instanceof BoolLit && rhs instanceof BoolLit) ? Boolean.TRUE : null;
      }
      return null;
    }
    if (lhs == rhs && !(lhs instanceof Num n && n.isNaN())) {
      return fn == Fn.EQ || fn == Fn.LE || fn == Fn.GE;
    }
    if (lhs instanceof Num a && rhs instanceof Num b) {
      if (a.isNaN() || b.isNaN()) {
        return fn == Fn.NE;
      }
      int c = Nums.compare(a, b);
      // int_oo and oo compare equal as values: sympy treats them as the same point.
      if (a.isInfinite() && b.isInfinite() && a.signum() == b.signum()) {
        c = 0;
      }
      return holds(fn, c);
    }
    Expr diff;
    try {
      diff = Exprs.sub(lhs, rhs);
    } catch (SymbolicArithmeticError e) {
      return null;
    }
    if (diff instanceof Num d) {
      if (d.isNaN()) {
        return null;
      }
      return holds(fn, d.signum());
    }
    int sign = Facts.sign(diff);
    switch (fn) {
      case EQ:
        return (sign & Facts.ZERO) == 0 ? Boolean.FALSE : null;
      case NE:
        return (sign & Facts.ZERO) == 0 ? Boolean.TRUE : null;
      case GT:
        return sign == Facts.POS ? Boolean.TRUE : (sign & Facts.POS) == 0 ? Boolean.FALSE : null;
      case GE:
        return (sign & Facts.NEG) == 0 ? Boolean.TRUE : sign == Facts.NEG ? Boolean.FALSE : null;
      case LT:
        return sign == Facts.NEG ? Boolean.TRUE : (sign & Facts.NEG) == 0 ? Boolean.FALSE : null;
      case LE:
        return (sign & Facts.POS) == 0 ? Boolean.TRUE : sign == Facts.POS ? Boolean.FALSE : null;
      default:
        throw new IllegalArgumentException("not a relation: " + fn);
    }
  }

  static boolean holds(Fn fn, int comparison) {
    switch (fn) {
      case EQ:
        return comparison == 0;
      case NE:
        return comparison != 0;
      case LT:
        return comparison < 0;
      case LE:
        return comparison <= 0;
      case GT:
        return comparison > 0;
      case GE:
        return comparison >= 0;
      default:
        throw new IllegalArgumentException("not a relation: " + fn);
    }
  }
}
