package symtrace.symbolic.expr;

import java.util.Comparator;
import java.util.List;

/**
 * sympy's orderings, reproduced so that printed text matches sympy's {@code str}.
 *
 * <ul>
 *   <li>{@link #compare}: {@code default_sort_key} order, used for the factors of a product, the
 *       arguments of {@code Max}/{@code Min}/{@code And}/{@code Or} and the generators of a sum.
 *       A key is {@code (class_key, (len(args), args), exponent, coefficient)}: numbers first,
 *       then symbols by name, then products, sums, powers, functions.
 *   <li>{@link #compareTerms}: {@code as_ordered_terms} order of the terms of a sum: monomials in
 *       descending lexicographic order of their exponent vectors over the sorted generators
 *       ({@code s0**2 + 2*s0 + 1}, {@code -s0 + s1}, {@code 2*s0*s1 + 3}).
 * </ul>
 *
 * <p>Both are total: where sympy's keys tie, a structural comparison decides, so interning is
 * deterministic.
 */
public final class ExprOrder {
  /** {@link #compare} as a comparator. */
  public static final Comparator<Expr> SORT_KEY = ExprOrder::compare;

  private ExprOrder() {}

  /** Compares by sympy's {@code default_sort_key}. */
  public static int compare(Expr a, Expr b) {
    if (a == b) {
      return 0;
    }
    if (a instanceof Sym x && b instanceof Sym y) {
      int c = x.name().compareTo(y.name());
      return c != 0 ? c : Integer.compare(x.assumptions(), y.assumptions());
    }
    int c = compareKeys(a, b);
    return c != 0 ? c : tieBreak(a, b);
  }

  private static int compareKeys(Expr a, Expr b) {
    boolean na = a instanceof Num;
    boolean nb = b instanceof Num;
    if (na || nb) {
      if (na && nb) {
        return Nums.compare((Num) a, (Num) b);
      }
      return na ? -1 : 1; // class key (1, 0, 'Number') comes first
    }
    Num coeffA = coefficientOf(a);
    Num coeffB = coefficientOf(b);
    Expr restA = withoutCoefficient(a);
    Expr restB = withoutCoefficient(b);
    Expr baseA = restA instanceof Pow p ? p.base() : restA;
    Expr baseB = restB instanceof Pow p ? p.base() : restB;
    Expr expA = restA instanceof Pow p ? p.exponent() : IntLit.of(1);
    Expr expB = restB instanceof Pow p ? p.exponent() : IntLit.of(1);
    int c = compareClassKeys(baseA, baseB);
    if (c != 0) {
      return c;
    }
    c = compareArgsKeys(baseA, baseB);
    if (c != 0) {
      return c;
    }
    c = compare(expA, expB);
    if (c != 0) {
      return c;
    }
    return Nums.compare(coeffA, coeffB);
  }

  private static Num coefficientOf(Expr e) {
    return e instanceof Mul m ? m.coefficient() : IntLit.of(1);
  }

  private static Expr withoutCoefficient(Expr e) {
    if (e instanceof Mul m && !m.coefficient().isOne()) {
      return Exprs.stripCoefficient(m);
    }
    return e;
  }

  private static int compareClassKeys(Expr a, Expr b) {
    int ga = classGroup(a);
    int gb = classGroup(b);
    if (ga != gb) {
      return Integer.compare(ga, gb);
    }
    int ia = classIndex(a);
    int ib = classIndex(b);
    if (ia != ib) {
      return Integer.compare(ia, ib);
    }
    return className(a).compareTo(className(b));
  }

  /** The first component of sympy's {@code class_key}. */
  private static int classGroup(Expr e) {
    switch (e.kind()) {
      case INTEGER:
      case RATIONAL:
      case FLOAT:
      case INFINITY:
        return 1;
      case SYMBOL:
      case BOOLEAN:
        return 2;
      case ADD:
      case MUL:
      case POW:
        return 3;
      default:
        return ((Apply) e).fn().group() == Fn.Group.BASIC ? 5 : 4;
    }
  }

  private static int classIndex(Expr e) {
    switch (e.kind()) {
      case ADD:
        return 1;
      case POW:
        return 2;
      case APPLY:
        return ((Apply) e).fn().group() == Fn.Group.FUNCTION ? 10000 : 0;
      default:
        return 0;
    }
  }

  private static String className(Expr e) {
    switch (e.kind()) {
      case SYMBOL:
        return "Symbol";
      case BOOLEAN:
        return ((BoolLit) e).value() ? "BooleanTrue" : "BooleanFalse";
      case ADD:
        return "Add";
      case MUL:
        return "Mul";
      case POW:
        return "Pow";
      case APPLY:
        return ((Apply) e).fn().className();
      default:
        return "Number";
    }
  }

  /** Compares {@code (len(args), args)}: atoms by their printed text, others argument-wise. */
  private static int compareArgsKeys(Expr a, Expr b) {
    boolean atomA = a.args().isEmpty();
    boolean atomB = b.args().isEmpty();
    if (atomA && atomB) {
      return a.toString().compareTo(b.toString());
    }
    List<Expr> xs = orderedArgs(a);
    List<Expr> ys = orderedArgs(b);
    int lx = atomA ? 1 : xs.size();
    int ly = atomB ? 1 : ys.size();
    if (lx != ly) {
      return Integer.compare(lx, ly);
    }
    if (atomA || atomB) {
      return atomA ? -1 : 1; // a string against a key: only for mixed kinds, keep it stable
    }
    for (int i = 0; i < xs.size(); i++) {
      int c = compare(xs.get(i), ys.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** sympy's args for a sort key: ordered terms of a sum, ordered factors of a product. */
  private static List<Expr> orderedArgs(Expr e) {
    if (e instanceof Add add) {
      List<Expr> terms = new java.util.ArrayList<>(add.terms());
      if (!add.constant().isZeroValue()) {
        terms.add(add.constant());
      }
      return terms;
    }
    return e.args();
  }

  private static int tieBreak(Expr a, Expr b) {
    int c = Integer.compare(a.kind().ordinal(), b.kind().ordinal());
    if (c != 0) {
      return c;
    }
    if (a instanceof Sym x && b instanceof Sym y) {
      return Integer.compare(x.assumptions(), y.assumptions());
    }
    c = a.toString().compareTo(b.toString());
    if (c != 0) {
      return c;
    }
    List<Expr> xs = a.args();
    List<Expr> ys = b.args();
    for (int i = 0; i < Math.min(xs.size(), ys.size()); i++) {
      c = compare(xs.get(i), ys.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(xs.size(), ys.size());
  }

  /**
   * Compares two non-numeric terms of a sum in sympy's printing order: the first generator (in
   * sort-key order) where their exponents differ decides, the larger exponent first; then the
   * coefficient, ascending.
   */
  public static int compareTerms(Expr a, Expr b) {
    if (a == b) {
      return 0;
    }
    Expr[] fa = factorsOf(a);
    Expr[] fb = factorsOf(b);
    int i = 0;
    int j = 0;
    while (i < fa.length && j < fb.length) {
      Expr ga = generator(fa[i]);
      Expr gb = generator(fb[j]);
      int c = compare(ga, gb);
      if (c == 0) {
        int e = Nums.compare(exponentOf(fa[i]), exponentOf(fb[j]));
        if (e != 0) {
          return -e;
        }
        i++;
        j++;
      } else if (c < 0) {
        return exponentOf(fa[i]).signum() > 0 ? -1 : 1;
      } else {
        return exponentOf(fb[j]).signum() > 0 ? 1 : -1;
      }
    }
    if (i < fa.length) {
      return exponentOf(fa[i]).signum() > 0 ? -1 : 1;
    }
    if (j < fb.length) {
      return exponentOf(fb[j]).signum() > 0 ? 1 : -1;
    }
    int c = Nums.compare(coefficientOf(a), coefficientOf(b));
    return c != 0 ? c : compare(a, b);
  }

  private static Expr[] factorsOf(Expr term) {
    if (term instanceof Mul m) {
      Expr[] fs = new Expr[m.factorCount()];
      for (int k = 0; k < fs.length; k++) {
        fs[k] = m.factor(k);
      }
      return fs;
    }
    return new Expr[] {term};
  }

  /** sympy's {@code decompose_power}: the generator of a factor. */
  static Expr generator(Expr factor) {
    if (factor instanceof Pow p) {
      Expr e = p.exponent();
      if (e instanceof IntLit) {
        return p.base();
      }
      if (e instanceof RatLit r) {
        return Exprs.pow(p.base(), RatLit.of(java.math.BigInteger.ONE, r.denominator()));
      }
      if (e instanceof Mul m && !m.coefficient().isOne() && !(m.coefficient() instanceof FloatLit)) {
        return Exprs.pow(p.base(), Exprs.stripCoefficient(m));
      }
    }
    return factor;
  }

  /** The exponent that goes with {@link #generator}. */
  static Num exponentOf(Expr factor) {
    if (factor instanceof Pow p) {
      Expr e = p.exponent();
      if (e instanceof IntLit i) {
        return i;
      }
      if (e instanceof RatLit r) {
        return IntLit.of(r.numerator());
      }
      if (e instanceof Mul m && !m.coefficient().isOne() && !(m.coefficient() instanceof FloatLit)) {
        return m.coefficient();
      }
    }
    return IntLit.of(1);
  }

  // ---------------------------------------------------------------------------------------
  // Basic.compare: the order of sympy's stored args, which PyTorch's Python printer follows.

  private static final List<String> ORDERING_OF_CLASSES = List.of(
      "Zero", "One", "Half", "Infinity", "NaN", "NegativeOne", "NegativeInfinity",
      "Integer", "Rational", "Float", "Exp1", "Pi", "ImaginaryUnit", "Symbol", "Wild",
      "Pow", "Mul", "Add", "Derivative", "Integral", "Abs", "Sign", "Sqrt", "Floor",
      "Ceiling", "Re", "Im", "Arg", "Conjugate", "Exp", "Log", "Sin", "Cos", "Tan", "Cot",
      "ASin", "ACos", "ATan", "ACot", "Sinh", "Cosh", "Tanh", "Coth", "ASinh", "ACosh",
      "ATanh", "ACoth", "RisingFactorial", "FallingFactorial", "factorial", "binomial",
      "Gamma", "LowerGamma", "UpperGamma", "PolyGamma", "Erf", "Chebyshev", "Chebyshev2",
      "Function", "WildFunction", "Lambda", "Order", "Equality", "Unequality",
      "StrictGreaterThan", "StrictLessThan", "GreaterThan", "LessThan");

  /**
   * Compares by sympy's {@code Basic.compare}: class (by {@code ordering_of_classes}, unknown
   * classes after and by name), then {@code _hashable_content} (length first). This is the
   * order of the stored arguments of a sum or product, which the Python guard printer follows:
   * {@code ((-1)*L['y'].size()[0]) + 2*L['x'].size()[1] + (L['x'].size()[0] // 2)}.
   */
  public static int compareBasic(Expr a, Expr b) {
    if (a == b) {
      return 0;
    }
    String ca = basicClassName(a);
    String cb = basicClassName(b);
    if (!ca.equals(cb)) {
      int ia = ORDERING_OF_CLASSES.indexOf(ca);
      int ib = ORDERING_OF_CLASSES.indexOf(cb);
      if (ia < 0 && ib < 0) {
        return ca.compareTo(cb);
      }
      if (ia < 0) {
        return 1;
      }
      if (ib < 0) {
        return -1;
      }
      return Integer.compare(ia, ib);
    }
    if (a instanceof Num x && b instanceof Num y) {
      return Nums.compare(x, y);
    }
    if (a instanceof Sym x && b instanceof Sym y) {
      int c = Integer.compare(assumptionCount(x), assumptionCount(y));
      return c != 0 ? c : x.name().compareTo(y.name());
    }
    if (a instanceof BoolLit) {
      return 0;
    }
    List<Expr> xs = storedArgs(a);
    List<Expr> ys = storedArgs(b);
    if (xs.size() != ys.size()) {
      return Integer.compare(xs.size(), ys.size());
    }
    for (int i = 0; i < xs.size(); i++) {
      int c = compareBasic(xs.get(i), ys.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /**
   * The arguments as sympy stores them: a sum's constant first, then its terms in {@link
   * #compareBasic} order; likewise a product's coefficient and factors; other nodes as they are.
   */
  public static List<Expr> storedArgs(Expr e) {
    if (e instanceof Add add) {
      List<Expr> terms = new java.util.ArrayList<>(add.terms());
      terms.sort(ExprOrder::compareBasic);
      if (!add.constant().isZeroValue()) {
        terms.add(0, add.constant());
      }
      return terms;
    }
    if (e instanceof Mul mul) {
      List<Expr> factors = new java.util.ArrayList<>(mul.factors());
      factors.sort(ExprOrder::compareBasic);
      if (!mul.coefficient().isOne()) {
        factors.add(0, mul.coefficient());
      }
      return factors;
    }
    return e.args();
  }

  /** sympy keys a symbol by its name and all its deduced assumptions: more facts sort later. */
  private static int assumptionCount(Sym s) {
    int n = 1;
    if (s.isRealSymbol()) {
      n += 8;
    }
    if (s.isIntegerSymbol()) {
      n += 4;
    }
    if (s.isNonNegativeSymbol()) {
      n += 3;
    }
    if (s.isPositiveSymbol()) {
      n += 3;
    }
    return n;
  }

  private static String basicClassName(Expr e) {
    switch (e.kind()) {
      case INTEGER:
        {
          IntLit i = (IntLit) e;
          if (i.isZeroValue()) {
            return "Zero";
          }
          if (i.isOne()) {
            return "One";
          }
          if (i.isMinusOne()) {
            return "NegativeOne";
          }
          return "Integer";
        }
      case RATIONAL:
        return e == RatLit.of(1, 2) ? "Half" : "Rational";
      case FLOAT:
        return "Float";
      case INFINITY:
        if (e == Infinity.OO) {
          return "Infinity";
        }
        if (e == Infinity.NEG_OO) {
          return "NegativeInfinity";
        }
        if (e == Infinity.NAN) {
          return "NaN";
        }
        return e == Infinity.INT_OO ? "IntInfinity" : "NegativeIntInfinity";
      case SYMBOL:
        return "Symbol";
      case BOOLEAN:
        return ((BoolLit) e).value() ? "BooleanTrue" : "BooleanFalse";
      case ADD:
        return "Add";
      case MUL:
        return "Mul";
      case POW:
        return "Pow";
      default:
        return ((Apply) e).fn().className();
    }
  }
}
