package symtrace.symbolic.expr;

/**
 * Fuzzy facts about an expression (sympy's assumption queries): sign, integrality and parity,
 * derived from the symbols' assumptions. Each answer is sound; "unknown" (null) is always
 * allowed. Results are cached on the node.
 *
 * <p>A sign is a set of possible signs: {@code NEG}, {@code ZERO}, {@code POS} bits. Sums use
 * the rule of sympy's {@code _monotonic_sign}: when every term is non-negative, the sum is at
 * least its constant plus each term at its smallest (a positive integer symbol is at least 1),
 * so {@code s0 + s1 - 2 >= 0} for positive integers {@code s0, s1}.
 */
public final class Facts {
  static final int NEG = 1;
  static final int ZERO = 2;
  static final int POS = 4;
  static final int ANY = 7;

  private Facts() {}

  public static Boolean isPositive(Expr e) {
    int m = sign(e);
    return m == POS ? Boolean.TRUE : (m & POS) == 0 ? Boolean.FALSE : null;
  }

  public static Boolean isNonNegative(Expr e) {
    int m = sign(e);
    return (m & NEG) == 0 ? Boolean.TRUE : m == NEG ? Boolean.FALSE : null;
  }

  public static Boolean isNegative(Expr e) {
    int m = sign(e);
    return m == NEG ? Boolean.TRUE : (m & NEG) == 0 ? Boolean.FALSE : null;
  }

  public static Boolean isNonPositive(Expr e) {
    int m = sign(e);
    return (m & POS) == 0 ? Boolean.TRUE : m == POS ? Boolean.FALSE : null;
  }

  public static Boolean isZero(Expr e) {
    int m = sign(e);
    return m == ZERO ? Boolean.TRUE : (m & ZERO) == 0 ? Boolean.FALSE : null;
  }

  public static Boolean isInteger(Expr e) {
    if (e.integerFact < 0) {
      Boolean b = computeInteger(e);
      e.integerFact = (byte) (b == null ? 2 : b ? 1 : 0);
    }
    return e.integerFact == 2 ? null : e.integerFact == 1;
  }

  /** Returns 0 for even, 1 for odd, -1 for unknown. */
  public static int parity(Expr e) {
    if (e.parityFact == -2) {
      e.parityFact = (byte) computeParity(e);
    }
    return e.parityFact;
  }

  static int sign(Expr e) {
    if (e.signMask < 0) {
      e.signMask = (byte) computeSign(e);
    }
    return e.signMask;
  }

  private static int numSign(Num n) {
    if (n.isNaN()) {
      return ANY;
    }
    int s = n.signum();
    return s > 0 ? POS : s < 0 ? NEG : ZERO;
  }

  private static int computeSign(Expr e) {
    switch (e.kind()) {
      case INTEGER:
      case RATIONAL:
      case FLOAT:
      case INFINITY:
        return numSign((Num) e);
      case SYMBOL:
        {
          Sym s = (Sym) e;
          return s.isPositiveSymbol() ? POS : s.isNonNegativeSymbol() ? ZERO | POS : ANY;
        }
      case MUL:
        {
          Mul m = (Mul) e;
          int r = numSign(m.coefficient());
          for (int i = 0; i < m.factorCount() && r != ANY; i++) {
            r = mulSigns(r, sign(m.factor(i)));
          }
          return r;
        }
      case ADD:
        return addSign((Add) e);
      case POW:
        return powSign((Pow) e);
      case APPLY:
        return applySign((Apply) e);
      default:
        return ANY;
    }
  }

  static int mulSigns(int a, int b) {
    int r = 0;
    for (int x = 1; x <= 4; x <<= 1) {
      if ((a & x) == 0) {
        continue;
      }
      for (int y = 1; y <= 4; y <<= 1) {
        if ((b & y) == 0) {
          continue;
        }
        if (x == ZERO || y == ZERO) {
          r |= ZERO;
        } else {
          r |= (x == y) ? POS : NEG;
        }
      }
    }
    return r;
  }

  static int addSigns(int a, int b) {
    int r = 0;
    for (int x = 1; x <= 4; x <<= 1) {
      if ((a & x) == 0) {
        continue;
      }
      for (int y = 1; y <= 4; y <<= 1) {
        if ((b & y) == 0) {
          continue;
        }
        if (x == ZERO) {
          r |= y;
        } else if (y == ZERO) {
          r |= x;
        } else if (x == y) {
          r |= x;
        } else {
          r |= ANY;
        }
      }
    }
    return r;
  }

  private static int addSign(Add a) {
    int r = numSign(a.constant());
    for (int i = 0; i < a.termCount(); i++) {
      r = addSigns(r, sign(a.term(i)));
    }
    if (r != ANY && (r & (NEG | POS)) != (NEG | POS)) {
      return r;
    }
    // _monotonic_sign: all terms of one sign, constant of the other.
    boolean allNonNeg = true;
    boolean allNonPos = true;
    for (int i = 0; i < a.termCount(); i++) {
      int s = sign(a.term(i));
      allNonNeg &= (s & NEG) == 0;
      allNonPos &= (s & POS) == 0;
    }
    if (allNonNeg) {
      Num low = a.constant();
      for (int i = 0; i < a.termCount(); i++) {
        low = Nums.add(low, extremeOf(a.term(i), true));
      }
      int c = low.isNaN() ? -1 : low.signum();
      return c > 0 ? POS : c == 0 ? ZERO | POS : r;
    }
    if (allNonPos) {
      Num high = a.constant();
      for (int i = 0; i < a.termCount(); i++) {
        high = Nums.add(high, extremeOf(a.term(i), false));
      }
      int c = high.isNaN() ? 1 : high.signum();
      return c < 0 ? NEG : c == 0 ? NEG | ZERO : r;
    }
    return r;
  }

  /**
   * A lower (or, for {@code low == false}, upper) bound of a term of one sign, from the smallest
   * value of each symbol: 1 for a positive integer, 0 otherwise.
   */
  private static Num extremeOf(Expr term, boolean low) {
    Num coeff = IntLit.of(1);
    Expr[] factors;
    if (term instanceof Mul m) {
      coeff = m.coefficient();
      factors = new Expr[m.factorCount()];
      for (int i = 0; i < factors.length; i++) {
        factors[i] = m.factor(i);
      }
    } else {
      factors = new Expr[] {term};
    }
    if (coeff.signum() == 0 || (low != (coeff.signum() > 0))) {
      return IntLit.of(0);
    }
    Num product = coeff;
    for (Expr f : factors) {
      Num m = minimumOfFactor(f);
      if (m == null) {
        return IntLit.of(0);
      }
      product = Nums.mul(product, m);
    }
    return product;
  }

  private static Num minimumOfFactor(Expr f) {
    if (f instanceof Sym s) {
      return s.isPositiveSymbol() && s.isIntegerSymbol() ? IntLit.of(1) : null;
    }
    if (f instanceof Pow p && p.base() instanceof Sym s && p.exponent() instanceof IntLit e
        && e.signum() > 0 && s.isPositiveSymbol() && s.isIntegerSymbol()) {
      return IntLit.of(1);
    }
    return null;
  }

  private static int powSign(Pow p) {
    int b = sign(p.base());
    if (p.exponent() instanceof IntLit e) {
      boolean even = !e.bigValue().testBit(0);
      boolean negative = e.signum() < 0;
      if (even) {
        if (isReal(p.base())) {
          return (b & ZERO) == 0 ? POS : ZERO | POS;
        }
        return ANY;
      }
      return negative ? b & ~ZERO : b;
    }
    if (b == POS) {
      return POS;
    }
    if ((b & NEG) == 0 && Facts.isPositive(p.exponent()) == Boolean.TRUE) {
      return ZERO | POS;
    }
    return ANY;
  }

  private static boolean isReal(Expr e) {
    return sign(e) != ANY || isInteger(e) == Boolean.TRUE || (e instanceof Sym s && s.isRealSymbol());
  }

  private static int applySign(Apply a) {
    switch (a.fn()) {
      case MOD:
        return ZERO | POS;
      case PYTHON_MOD:
        {
          int q = sign(a.arg(1));
          return q == POS ? ZERO | POS : q == NEG ? NEG | ZERO : ANY;
        }
      case MODULAR_INDEXING:
        return (sign(a.arg(0)) & NEG) == 0 && (sign(a.arg(1)) & NEG) == 0 ? ZERO | POS : ANY;
      case ABS:
        return (sign(a.arg(0)) & ZERO) == 0 ? POS : ZERO | POS;
      case IDENTITY:
        return sign(a.arg(0));
      case MAX:
        {
          int r = NEG;
          boolean anyPos = false;
          boolean anyNonNeg = false;
          boolean allNeg = true;
          for (Expr x : a.args()) {
            int s = sign(x);
            anyPos |= s == POS;
            anyNonNeg |= (s & NEG) == 0;
            allNeg &= s == NEG;
          }
          if (anyPos) {
            return POS;
          }
          if (anyNonNeg) {
            return ZERO | POS;
          }
          return allNeg ? r : ANY;
        }
      case MIN:
        {
          boolean allPos = true;
          boolean allNonNeg = true;
          boolean anyNeg = false;
          for (Expr x : a.args()) {
            int s = sign(x);
            allPos &= s == POS;
            allNonNeg &= (s & NEG) == 0;
            anyNeg |= s == NEG;
          }
          if (anyNeg) {
            return NEG;
          }
          if (allPos) {
            return POS;
          }
          return allNonNeg ? ZERO | POS : ANY;
        }
      case PIECEWISE:
        {
          int r = 0;
          for (int i = 0; i < a.arity(); i += 2) {
            r |= sign(a.arg(i));
          }
          return r == 0 ? ANY : r;
        }
      default:
        return ANY;
    }
  }

  private static Boolean computeInteger(Expr e) {
    switch (e.kind()) {
      case INTEGER:
        return true;
      case RATIONAL:
      case FLOAT:
        return false;
      case INFINITY:
        return ((Infinity) e).isIntegerInfinity() ? Boolean.TRUE : Boolean.FALSE;
      case SYMBOL:
        return ((Sym) e).isIntegerSymbol() ? Boolean.TRUE : null;
      case BOOLEAN:
        return null;
      case ADD:
        {
          Add a = (Add) e;
          if (!(a.constant() instanceof IntLit)) {
            return allTermsInteger(a) ? Boolean.FALSE : null;
          }
          return allTermsInteger(a) ? Boolean.TRUE : null;
        }
      case MUL:
        {
          Mul m = (Mul) e;
          if (!(m.coefficient() instanceof IntLit)) {
            return null;
          }
          for (int i = 0; i < m.factorCount(); i++) {
            if (isInteger(m.factor(i)) != Boolean.TRUE) {
              return null;
            }
          }
          return true;
        }
      case POW:
        {
          Pow p = (Pow) e;
          if (isInteger(p.base()) == Boolean.TRUE
              && p.exponent() instanceof IntLit x
              && x.signum() >= 0) {
            return true;
          }
          return null;
        }
      case APPLY:
        return applyInteger((Apply) e);
      default:
        return null;
    }
  }

  private static boolean allTermsInteger(Add a) {
    for (int i = 0; i < a.termCount(); i++) {
      if (isInteger(a.term(i)) != Boolean.TRUE) {
        return false;
      }
    }
    return true;
  }

  private static Boolean applyInteger(Apply a) {
    Fn fn = a.fn();
    switch (fn.resultType()) {
      case INT:
        return true;
      case BOOL:
        return null;
      case FLOAT:
        return null;
      default:
        break;
    }
    int step = fn == Fn.PIECEWISE ? 2 : 1;
    for (int i = 0; i < a.arity(); i += step) {
      if (isInteger(a.arg(i)) != Boolean.TRUE) {
        return null;
      }
    }
    return true;
  }

  private static int computeParity(Expr e) {
    switch (e.kind()) {
      case INTEGER:
        return ((IntLit) e).bigValue().testBit(0) ? 1 : 0;
      case ADD:
        {
          Add a = (Add) e;
          int p = parity(a.constant());
          for (int i = 0; i < a.termCount() && p >= 0; i++) {
            int q = parity(a.term(i));
            p = q < 0 ? -1 : p ^ q;
          }
          return p;
        }
      case MUL:
        {
          Mul m = (Mul) e;
          if (isInteger(m) != Boolean.TRUE) {
            return -1;
          }
          int p = parity(m.coefficient());
          if (p == 0) {
            return 0;
          }
          boolean allOdd = p == 1;
          for (int i = 0; i < m.factorCount(); i++) {
            int q = parity(m.factor(i));
            if (q == 0) {
              return 0;
            }
            allOdd &= q == 1;
          }
          return allOdd ? 1 : -1;
        }
      case POW:
        {
          Pow p = (Pow) e;
          if (p.exponent() instanceof IntLit x && x.signum() > 0) {
            return parity(p.base());
          }
          return -1;
        }
      default:
        return -1;
    }
  }
}
