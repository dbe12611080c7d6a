package symtrace.symbolic.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The smart constructors of {@link Expr}: every expression is built here, canonicalized with
 * sympy's automatic rules and interned.
 *
 * <p>Rules of {@link #add}: nested sums are flattened; numbers are folded into one constant;
 * terms equal up to their numeric coefficient are collected ({@code 2*s0*s1 + s1*s0 =>
 * 3*s0*s1}); zero terms vanish; an infinite constant absorbs the finite terms.
 *
 * <p>Rules of {@link #mul}: nested products are flattened; numbers fold into one coefficient;
 * equal bases collect exponents ({@code s0*s0 => s0**2}); a zero coefficient gives 0; a number
 * times a single sum is distributed ({@code 2*(s0 + 1) => 2*s0 + 2}), as sympy does.
 *
 * <p>Rules of {@link #pow}: {@code x**0 => 1}, {@code x**1 => x}, numbers fold, {@code
 * (a*b)**n => a**n*b**n} and {@code (x**a)**n => x**(a*n)} for integer {@code n}.
 *
 * <p>Function constructors ({@link #floorDiv}, {@link #max}, {@link #eq}, ...) apply the
 * construction-time rules of PyTorch's {@code torch/utils/_sympy/functions.py}; each rule is
 * listed where it is implemented.
 */
public final class Exprs {
  public static final IntLit ZERO = IntLit.of(0);
  public static final IntLit ONE = IntLit.of(1);
  public static final IntLit TWO = IntLit.of(2);
  public static final IntLit MINUS_ONE = IntLit.of(-1);

  private Exprs() {}

  /** Returns the integer {@code value}. */
  public static IntLit integer(long value) {
    return IntLit.of(value);
  }

  /** Returns the rational {@code p/q} in lowest terms. */
  public static Num rational(long p, long q) {
    return RatLit.of(p, q);
  }

  /** Returns the float {@code value}. */
  public static Num real(double value) {
    return FloatLit.of(value);
  }

  // ---------------------------------------------------------------------------------------
  // Sums

  public static Expr add(Expr a, Expr b) {
    if (a instanceof Num x && b instanceof Num y) {
      return Nums.add(x, y);
    }
    if (a == ZERO) {
      return b;
    }
    if (b == ZERO) {
      return a;
    }
    // A term plus an integer (s0 + 1, s0*s1 + c): the sum TermSum would build, without its maps.
    if (a instanceof IntLit n && !(b instanceof Num) && !(b instanceof Add)) {
      return Add.create(n, new Expr[] {b});
    }
    if (b instanceof IntLit n && !(a instanceof Num) && !(a instanceof Add)) {
      return Add.create(n, new Expr[] {a});
    }
    TermSum s = new TermSum();
    s.add(a);
    s.add(b);
    return s.build();
  }

  public static Expr add(Expr... terms) {
    return add(Arrays.asList(terms));
  }

  public static Expr add(List<? extends Expr> terms) {
    if (terms.size() == 1) {
      return terms.get(0);
    }
    TermSum s = new TermSum();
    for (Expr t : terms) {
      s.add(t);
    }
    return s.build();
  }

  public static Expr sub(Expr a, Expr b) {
    return add(a, neg(b));
  }

  public static Expr neg(Expr a) {
    if (a instanceof Num n) {
      return Nums.neg(n);
    }
    return mul(MINUS_ONE, a);
  }

  /** Accumulates the terms of a sum: a constant and a coefficient per coefficient-free term. */
  private static final class TermSum {
    private Num constant = ZERO;
    private final LinkedHashMap<Expr, Num> coefficients = new LinkedHashMap<>();

    void add(Expr e) {
      if (e instanceof Num n) {
        constant = Nums.add(constant, n);
      } else if (e instanceof Add a) {
        constant = Nums.add(constant, a.constant());
        for (int i = 0; i < a.termCount(); i++) {
          addMonomial(a.term(i));
        }
      } else {
        addMonomial(e);
      }
    }

    private void addMonomial(Expr t) {
      if (t instanceof Mul m && !m.coefficient().isOne()) {
        coefficients.merge(stripCoefficient(m), m.coefficient(), Nums::add);
      } else {
        coefficients.merge(t, ONE, Nums::add);
      }
    }

    Expr build() {
      if (constant.isNaN()) {
        return constant;
      }
      List<Expr> terms = new ArrayList<>(coefficients.size());
      for (Map.Entry<Expr, Num> entry : coefficients.entrySet()) {
        Num c = entry.getValue();
        if (c.isNaN()) {
          return c;
        }
        if (c.signum() == 0 && !c.isInfinite()) {
          continue; // t - t => 0 (also for float coefficients, as in sympy)
        }
        terms.add(withCoefficient(c, entry.getKey()));
      }
      if (constant.isInfinite()) {
        // oo + s0 => oo: an infinite constant absorbs finite real terms.
        boolean allFinite = true;
        for (Expr t : terms) {
          allFinite &= Facts.isInteger(t) == Boolean.TRUE || isRealFinite(t);
        }
        if (allFinite) {
          return constant;
        }
      }
      if (terms.isEmpty()) {
        return constant;
      }
      if (terms.size() == 1 && constant.isZeroValue()) {
        return terms.get(0);
      }
      Expr[] sorted = terms.toArray(new Expr[0]);
      Arrays.sort(sorted, ExprOrder::compareTerms);
      return Add.create(constant, sorted);
    }
  }

  private static boolean isRealFinite(Expr t) {
    for (Sym s : t.freeSymbols()) {
      if (!s.isRealSymbol()) {
        return false;
      }
    }
    return !(t instanceof Mul m && m.coefficient().isInfinite());
  }

  /** Returns {@code c*t} for a coefficient-free term {@code t}, without re-canonicalizing. */
  static Expr withCoefficient(Num c, Expr t) {
    if (c.isOne()) {
      return t;
    }
    if (t instanceof Mul m) {
      Expr[] fs = new Expr[m.factorCount()];
      for (int i = 0; i < fs.length; i++) {
        fs[i] = m.factor(i);
      }
      return Mul.create(c, fs);
    }
    if (t instanceof Add) {
      return mul(c, t);
    }
    return Mul.create(c, new Expr[] {t});
  }

  /** Returns a product without its numeric coefficient. */
  static Expr stripCoefficient(Mul m) {
    if (m.factorCount() == 1) {
      return m.factor(0);
    }
    if (m.coefficient().isOne()) {
      return m;
    }
    Expr[] fs = new Expr[m.factorCount()];
    for (int i = 0; i < fs.length; i++) {
      fs[i] = m.factor(i);
    }
    return Mul.create(ONE, fs);
  }

  /** Splits a term into its numeric coefficient and the rest: {@code 3*s0*s1 => (3, s0*s1)}. */
  public static Num coefficient(Expr e) {
    if (e instanceof Num n) {
      return n;
    }
    return e instanceof Mul m ? m.coefficient() : ONE;
  }

  /** The term without its numeric coefficient ({@code 1} for a number). */
  public static Expr withoutCoefficient(Expr e) {
    if (e instanceof Num) {
      return ONE;
    }
    return e instanceof Mul m ? stripCoefficient(m) : e;
  }

  // ---------------------------------------------------------------------------------------
  // Products

  public static Expr mul(Expr a, Expr b) {
    if (a instanceof Num x && b instanceof Num y) {
      return Nums.mul(x, y);
    }
    if (a == ONE) {
      return b;
    }
    if (b == ONE) {
      return a;
    }
    if (a == ZERO || b == ZERO) {
      Expr other = a == ZERO ? b : a;
      if (!(other instanceof Num n && n.isInfinite())) {
        return ZERO;
      }
    }
    // Two distinct plain factors (s0*s1): the product FactorProduct would build, without its maps.
    if (a != b && isPlainFactor(a) && isPlainFactor(b)) {
      return ExprOrder.SORT_KEY.compare(a, b) <= 0
          ? Mul.create(ONE, new Expr[] {a, b})
          : Mul.create(ONE, new Expr[] {b, a});
    }
    FactorProduct p = new FactorProduct();
    p.add(a);
    p.add(b);
    return p.build();
  }

  /** A factor that a product keeps as it is, with exponent 1: not a number, product or power. */
  private static boolean isPlainFactor(Expr e) {
    return !(e instanceof Num) && !(e instanceof Mul) && !(e instanceof Pow);
  }

  public static Expr mul(Expr... factors) {
    return mul(Arrays.asList(factors));
  }

  public static Expr mul(List<? extends Expr> factors) {
    if (factors.size() == 1) {
      return factors.get(0);
    }
    FactorProduct p = new FactorProduct();
    for (Expr f : factors) {
      p.add(f);
    }
    return p.build();
  }

  /** sympy's division {@code a/b}, i.e. {@code a*b**-1} (not Python's true division). */
  public static Expr div(Expr a, Expr b) {
    if (b instanceof Num n) {
      return mul(a, Nums.reciprocal(n));
    }
    return mul(a, pow(b, MINUS_ONE));
  }

  /** Accumulates a product: a coefficient and an exponent per base. */
  private static final class FactorProduct {
    private Num coefficient = ONE;
    private final LinkedHashMap<Expr, Expr> exponents = new LinkedHashMap<>();

    void add(Expr e) {
      if (e instanceof Num n) {
        coefficient = Nums.mul(coefficient, n);
      } else if (e instanceof Mul m) {
        coefficient = Nums.mul(coefficient, m.coefficient());
        for (int i = 0; i < m.factorCount(); i++) {
          addPower(m.factor(i));
        }
      } else {
        addPower(e);
      }
    }

    private void addPower(Expr f) {
      if (f instanceof Pow p) {
        exponents.merge(p.base(), p.exponent(), Exprs::add);
      } else {
        exponents.merge(f, ONE, Exprs::add);
      }
    }

    Expr build() {
      if (coefficient.isNaN()) {
        return coefficient;
      }
      if (coefficient.isZeroValue()) {
        return ZERO;
      }
      List<Expr> factors = new ArrayList<>(exponents.size());
      for (Map.Entry<Expr, Expr> entry : exponents.entrySet()) {
        Expr p = pow(entry.getKey(), entry.getValue());
        if (p instanceof Num n) {
          coefficient = Nums.mul(coefficient, n);
        } else if (p instanceof Mul m) {
          // (a*b)**n distributed by pow: fold its pieces in.
          coefficient = Nums.mul(coefficient, m.coefficient());
          for (int i = 0; i < m.factorCount(); i++) {
            factors.add(m.factor(i));
          }
        } else {
          factors.add(p);
        }
      }
      if (coefficient.isZeroValue()) {
        return ZERO;
      }
      if (factors.isEmpty()) {
        return coefficient;
      }
      if (coefficient.isInfinite()) {
        int sign = signOfProduct(factors);
        if (sign != 0) {
          return sign > 0 ? coefficient : Nums.neg(coefficient);
        }
      }
      if (factors.size() == 1) {
        Expr only = factors.get(0);
        if (coefficient.isOne()) {
          return only;
        }
        if (only instanceof Add sum && !coefficient.isInfinite()) {
          // 2*(s0 + 1) => 2*s0 + 2
          List<Expr> distributed = new ArrayList<>(sum.termCount() + 1);
          distributed.add(Nums.mul(coefficient, sum.constant()));
          for (int i = 0; i < sum.termCount(); i++) {
            distributed.add(mul(coefficient, sum.term(i)));
          }
          return Exprs.add(distributed);
        }
      }
      Expr[] sorted = factors.toArray(new Expr[0]);
      Arrays.sort(sorted, ExprOrder.SORT_KEY);
      return Mul.create(coefficient, sorted);
    }
  }

  private static int signOfProduct(List<Expr> factors) {
    int sign = 1;
    for (Expr f : factors) {
      Boolean pos = Facts.isPositive(f);
      Boolean neg = Facts.isNegative(f);
      if (pos == Boolean.TRUE) {
        continue;
      }
      if (neg == Boolean.TRUE) {
        sign = -sign;
        continue;
      }
      return 0;
    }
    return sign;
  }

  // ---------------------------------------------------------------------------------------
  // Powers

  public static Expr pow(Expr base, Expr exp) {
    if (exp == ZERO) {
      return ONE;
    }
    if (exp == ONE) {
      return base;
    }
    if (base == ONE) {
      return ONE;
    }
    if (base instanceof Num b && exp instanceof Num e) {
      Num folded = Nums.pow(b, e);
      if (folded != null) {
        return folded;
      }
      if (e instanceof RatLit r && b instanceof IntLit i && i.signum() > 0) {
        Num root = exactRoot(i, r);
        if (root != null) {
          return root;
        }
      }
      return Pow.create(base, exp);
    }
    if (base == ZERO) {
      Boolean positive = Facts.isPositive(exp);
      if (positive == Boolean.TRUE) {
        return ZERO;
      }
      if (Facts.isNegative(exp) == Boolean.TRUE) {
        throw new ArithmeticException("division by zero");
      }
      return Pow.create(base, exp);
    }
    if (exp instanceof IntLit n) {
      if (base instanceof Mul m) {
        // (c*a*b)**n => c**n * a**n * b**n
        List<Expr> parts = new ArrayList<>(m.factorCount() + 1);
        parts.add(pow(m.coefficient(), n));
        for (int i = 0; i < m.factorCount(); i++) {
          parts.add(pow(m.factor(i), n));
        }
        return mul(parts);
      }
      if (base instanceof Pow p) {
        // (x**a)**n => x**(a*n)
        return pow(p.base(), mul(p.exponent(), n));
      }
    }
    return Pow.create(base, exp);
  }

  private static Num exactRoot(IntLit base, RatLit exp) {
    if (exp.denominator().bitLength() > 5) {
      return null;
    }
    int q = exp.denominator().intValue();
    java.math.BigInteger b = base.bigValue();
    double approx = Math.round(Math.pow(b.doubleValue(), 1.0 / q));
    java.math.BigInteger r = java.math.BigInteger.valueOf((long) approx);
    if (!r.pow(q).equals(b)) {
      return null;
    }
    return Nums.pow(IntLit.of(r), IntLit.of(exp.numerator()));
  }

  // ---------------------------------------------------------------------------------------
  // Functions: see the rule classes for each family.

  public static Expr floorDiv(Expr base, Expr divisor) {
    return DivisionRules.floorDiv(base, divisor);
  }

  public static Expr cleanDiv(Expr base, Expr divisor) {
    return DivisionRules.cleanDiv(base, divisor);
  }

  public static Expr ceilDiv(Expr base, Expr divisor) {
    return DivisionRules.ceilDiv(base, divisor);
  }

  public static Expr mod(Expr p, Expr q) {
    return DivisionRules.mod(p, q);
  }

  public static Expr pythonMod(Expr p, Expr q) {
    return DivisionRules.pythonMod(p, q);
  }

  public static Expr modularIndexing(Expr base, Expr divisor, Expr modulus) {
    return DivisionRules.modularIndexing(base, divisor, modulus);
  }

  public static Expr max(Expr... args) {
    return MinMaxRules.create(Fn.MAX, Arrays.asList(args));
  }

  public static Expr max(List<? extends Expr> args) {
    return MinMaxRules.create(Fn.MAX, args);
  }

  public static Expr min(Expr... args) {
    return MinMaxRules.create(Fn.MIN, Arrays.asList(args));
  }

  public static Expr min(List<? extends Expr> args) {
    return MinMaxRules.create(Fn.MIN, args);
  }

  public static Expr eq(Expr a, Expr b) {
    return RelationRules.create(Fn.EQ, a, b);
  }

  public static Expr ne(Expr a, Expr b) {
    return RelationRules.create(Fn.NE, a, b);
  }

  public static Expr lt(Expr a, Expr b) {
    return RelationRules.create(Fn.LT, a, b);
  }

  public static Expr le(Expr a, Expr b) {
    return RelationRules.create(Fn.LE, a, b);
  }

  public static Expr gt(Expr a, Expr b) {
    return RelationRules.create(Fn.GT, a, b);
  }

  public static Expr ge(Expr a, Expr b) {
    return RelationRules.create(Fn.GE, a, b);
  }

  public static Expr and(Expr... args) {
    return LogicRules.and(Arrays.asList(args));
  }

  public static Expr and(List<? extends Expr> args) {
    return LogicRules.and(args);
  }

  public static Expr or(Expr... args) {
    return LogicRules.or(Arrays.asList(args));
  }

  public static Expr or(List<? extends Expr> args) {
    return LogicRules.or(args);
  }

  public static Expr not(Expr a) {
    return LogicRules.not(a);
  }

  /** {@code Piecewise((then, cond), (otherwise, True))}: PyTorch's {@code sym_ite}. */
  public static Expr ite(Expr cond, Expr then, Expr otherwise) {
    return LogicRules.piecewise(List.of(then, cond, otherwise, BoolLit.TRUE));
  }

  /** Applies {@code fn} to {@code args} with its construction-time rules. */
  public static Expr apply(Fn fn, List<? extends Expr> args) {
    return FunctionRules.apply(fn, args);
  }

  public static Expr apply(Fn fn, Expr... args) {
    return FunctionRules.apply(fn, Arrays.asList(args));
  }

  /**
   * {@code e} with every subexpression that is a key of {@code values} replaced by its value,
   * outermost first, the rest rebuilt through the factories (sympy's {@code xreplace}).
   */
  public static Expr replaceSubexpressions(Expr e, Map<Expr, ? extends Expr> values) {
    Expr value = values.get(e);
    if (value != null) {
      return value;
    }
    List<Expr> args = e.args();
    if (args.isEmpty() || values.isEmpty()) {
      return e;
    }
    List<Expr> out = new ArrayList<>(args.size());
    boolean changed = false;
    for (Expr a : args) {
      Expr b = replaceSubexpressions(a, values);
      changed |= b != a;
      out.add(b);
    }
    return changed ? rebuild(e, out) : e;
  }

  /**
   * A node of the same kind as {@code e} with new arguments (in {@link Expr#args()} order),
   * built through the factories so that it is canonical again; an atom is returned as it is.
   */
  public static Expr rebuild(Expr e, List<? extends Expr> args) {
    switch (e.kind()) {
      case ADD:
        return add(args);
      case MUL:
        return mul(args);
      case POW:
        return pow(args.get(0), args.get(1));
      case APPLY:
        return apply(((Apply) e).fn(), args);
      default:
        return e;
    }
  }

  /** Distributes products and integer powers of sums everywhere (sympy's {@code expand}). */
  public static Expr expand(Expr e) {
    return Expansion.expand(e);
  }
}
