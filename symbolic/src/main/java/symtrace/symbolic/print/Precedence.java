package symtrace.symbolic.print;

import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Mul;
import symtrace.symbolic.expr.Num;

/**
 * sympy's printing precedences ({@code sympy/printing/precedence.py}), including the
 * {@code precedence} attributes PyTorch gives its functions (35 for the divisions and moduli, so
 * {@code FloorDiv} inside a sum prints as {@code ((s0//2))}).
 */
final class Precedence {
  static final int LAMBDA = 1;
  static final int OR = 20;
  static final int AND = 30;
  static final int RELATIONAL = 35;
  static final int BITWISE_OR = 36;
  static final int BITWISE_XOR = 37;
  static final int BITWISE_AND = 38;
  static final int ADD = 40;
  static final int MUL = 50;
  static final int POW = 60;
  static final int FUNC = 70;
  static final int NOT = 100;
  static final int ATOM = 1000;
  /** {@code PRECEDENCE["Atom"] - 0.5}, scaled by 2 where used. */
  static final double ATOM_MINUS_HALF = 999.5;

  private Precedence() {}

  static int of(Expr e) {
    switch (e.kind()) {
      case INTEGER:
      case FLOAT:
        return ((Num) e).signum() < 0 ? ADD : ATOM;
      case RATIONAL:
        return ((Num) e).signum() < 0 ? ADD : MUL;
      case INFINITY:
        return ((Num) e).signum() < 0 ? ADD : ATOM;
      case SYMBOL:
      case BOOLEAN:
        return ATOM;
      case ADD:
        return ADD;
      case MUL:
        {
          // sympy's precedence_Mul: a factor that is a function with a low precedence attribute
          // (FloorDiv, Mod, ...) keeps the product at Mul, even with a negative coefficient.
          Mul m = (Mul) e;
          for (Expr f : m.factors()) {
            if (f instanceof Apply a && hasLowPrecedenceAttribute(a)) {
              return MUL;
            }
          }
          return m.coefficient().signum() < 0 ? ADD : MUL;
        }
      case POW:
        return POW;
      default:
        return ofApply((Apply) e);
    }
  }

  private static boolean hasLowPrecedenceAttribute(Apply a) {
    switch (a.fn()) {
      case FLOOR_DIV:
      case CLEAN_DIV:
      case MODULAR_INDEXING:
      case MOD:
      case PYTHON_MOD:
      case INT_TRUE_DIV:
      case FLOAT_TRUE_DIV:
      case IDENTITY:
        return true;
      default:
        return false;
    }
  }

  private static int ofApply(Apply a) {
    switch (a.fn()) {
      case FLOOR_DIV:
      case CLEAN_DIV:
      case MODULAR_INDEXING:
      case MOD:
      case PYTHON_MOD:
      case INT_TRUE_DIV:
      case FLOAT_TRUE_DIV:
        return RELATIONAL; // PyTorch: "lower precedence than add"
      case POW_BY_NATURAL:
        return MUL;
      case FLOAT_POW:
        return POW;
      case IDENTITY:
        return 10;
      case EQ:
      case NE:
        return MUL; // sympy: Equality and Unequality print at Mul's precedence
      case LT:
      case LE:
      case GT:
      case GE:
        return RELATIONAL;
      case AND:
        return AND;
      case OR:
        return OR;
      case NOT:
        return NOT;
      case MAX:
      case MIN:
        return ATOM; // not a sympy Function: no entry, so Atom
      default:
        return FUNC;
    }
  }
}
