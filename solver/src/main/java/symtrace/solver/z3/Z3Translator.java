package symtrace.solver.z3;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.FPExpr;
import com.microsoft.z3.IntExpr;
import com.microsoft.z3.RealExpr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import symtrace.solver.z3.Term.Type;
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.FloatLit;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.Infinity;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Num;
import symtrace.symbolic.expr.Pow;
import symtrace.symbolic.expr.RatLit;
import symtrace.symbolic.expr.Sym;

/**
 * Translates an {@link Expr} into Z3 terms with exactly the semantics of {@link
 * symtrace.symbolic.eval.Evaluator} (Python's): for every assignment of the symbols, the term's
 * value is the evaluator's value, and the term's definedness condition holds exactly when the
 * evaluator raises no error.
 *
 * <p><b>Types.</b> Each translated value has the Python type the evaluator gives it: {@code INT}
 * (Z3 Int), {@code RAT} (sympy's exact rationals, Z3 Real), {@code FLOAT} (IEEE double, Z3
 * Float64 with round-to-nearest-even, as Java and Python compute) or {@code BOOL}. Integer symbols
 * are Ints, real symbols Float64s. Types are static: where the evaluator's result type depends on
 * the values ({@code Max} of an int and a float), the translation refuses.
 *
 * <p><b>Rules</b> (each checked against the evaluator at random points by the property test):
 *
 * <ul>
 *   <li>{@code a // b}, {@code FloorDiv}, {@code CleanDiv}: Z3's {@code div} is Euclidean, which
 *       is Python's floor division for {@code b > 0}; for {@code b < 0}, {@code a // b ==
 *       (-a) div (-b)}. A numeral divisor picks its case; a symbolic one gives {@code ite(b > 0,
 *       a div b, (-a) div (-b))}. Side condition {@code b != 0}.
 *   <li>{@code Mod}, {@code PythonMod} (the divisor's sign): {@code a mod b} for {@code b > 0},
 *       {@code -((-a) mod (-b))} for {@code b < 0}; side condition {@code b != 0}. {@code
 *       ModularIndexing(a, b, m) = (a // b) % m}.
 *   <li>Rationals: exact Real arithmetic; floor division and modulus of rationals by their exact
 *       quotient's floor.
 *   <li>Floats: the evaluator's order of operations (sums and products fold left from {@code 0}
 *       and {@code 1}), each step rounded to nearest; an int becomes a float by correct
 *       rounding; {@code %} of floats is Java's truncated remainder (from IEEE {@code fp.rem})
 *       moved to the divisor's sign; comparisons between ints and floats are exact, {@code nan}
 *       compares unordered.
 *   <li>{@code Max}/{@code Min}: the evaluator's left-to-right if-then-else chain; {@code Abs},
 *       {@code Piecewise} (lazy: only the chosen branch must be defined) likewise.
 *   <li>Powers by a numeral natural exponent (at most {@value Arithmetic#MAX_POWER}): a product; a negative
 *       numeral exponent: the reciprocal, side condition {@code base != 0}.
 *   <li>{@code FloorToInt}, {@code CeilToInt}, {@code TruncToInt}, {@code RoundToInt} (half to
 *       even), {@code floor}, {@code ceiling}: exact on rationals and finite floats; side
 *       condition "finite" for floats. {@code ToFloat}, {@code TruncToFloat}, {@code
 *       IntTrueDiv}/{@code FloatTrueDiv} (int/int correctly rounded), {@code sqrt} (IEEE).
 *   <li>{@code a & (2**k - 1) = a mod 2**k}, {@code a & -(2**k) = a - a mod 2**k} (two's
 *       complement of unbounded ints). Shifts need no rule: construction rewrites them as products
 *       and floor divisions by {@code 2**k}, and {@code PowByNatural} with a numeral exponent as a
 *       power.
 *   <li>{@code And}/{@code Or}: short-circuit definedness; relations compare after both sides.
 * </ul>
 *
 * <p>Not translated ({@link UntranslatableException}): symbolic exponents (so {@code
 * PowByNatural(x, n)} and {@code 2**n} from shifts by a symbol), float powers, the
 * transcendental {@code OpaqueUnaryFn_*} (except {@code sqrt}), {@code RoundDecimal}, other
 * bitwise functions, {@code IsNonOverlappingAndDenseIndicator}, a variable rational converted to
 * a float (the evaluator rounds it through decimals), symbols that are neither integer nor real.
 *
 * <p><b>State.</b> One translator belongs to one {@link Context} (and so to one thread at a
 * time). Translations are cached by the interned expression; the cache is dropped when it grows
 * past {@value #CACHE_LIMIT} entries. Symbols keep their Z3 constants for the translator's life.
 */
final class Z3Translator extends Conversions {
  static final int MAX_MASK_BITS = 1024;
  static final int CACHE_LIMIT = 200_000;

  private final Arithmetic arithmetic;
  private final Map<Expr, Object> cache = new HashMap<>();
  private final Map<Sym, com.microsoft.z3.Expr<?>> symbols = new LinkedHashMap<>();
  private final Set<String> names = new HashSet<>();
  private final List<Sym> fresh = new ArrayList<>();

  Z3Translator(Context ctx) {
    super(ctx);
    this.arithmetic = new Arithmetic(ctx);
  }

  // ---------------------------------------------------------------------------------------
  // Entry points

  /** Translates {@code e}; throws {@link UntranslatableException} when it has no exact translation. */
  Term translate(Expr e) {
    Object cached = cache.get(e);
    if (cached instanceof Term t) {
      return t;
    }
    if (cached instanceof UntranslatableException u) {
      throw u;
    }
    if (cache.size() >= CACHE_LIMIT) {
      cache.clear();
    }
    try {
      Term t = compute(e);
      cache.put(e, t);
      return t;
    } catch (UntranslatableException u) {
      cache.put(e, u);
      throw u;
    }
  }

  /** The formula "evaluating {@code t} succeeds and gives a true value". */
  BoolExpr holds(Term t) {
    return and(t.defined(), truth(t));
  }

  /** The formula "evaluating {@code t} succeeds and gives a false value". */
  BoolExpr fails(Term t) {
    return and(t.defined(), ctx.mkNot(truth(t)));
  }

  /** Python's truth of a value: {@code bool(x)}. */
  BoolExpr truth(Term t) {
    switch (t.type()) {
      case BOOL:
        return (BoolExpr) t.value();
      case INT:
        return ctx.mkNot(ctx.mkEq(intOf(t), ctx.mkInt(0)));
      case RAT:
        return ctx.mkNot(ctx.mkEq(realOf(t), ctx.mkReal(0)));
      default:
        return ctx.mkNot(ctx.mkFPIsZero(fpValue(t)));
    }
  }

  /**
   * Returns the Z3 constant of a symbol (an Int for an integer symbol, a Float64 for a real one),
   * creating it on first use.
   */
  com.microsoft.z3.Expr<?> symbol(Sym s) {
    com.microsoft.z3.Expr<?> c = symbols.get(s);
    if (c != null) {
      return c;
    }
    String name = s.name();
    if (!names.add(name)) {
      name = s.name() + "!" + s.assumptions();
      names.add(name);
    }
    if (s.isIntegerSymbol()) {
      c = ctx.mkIntConst(name);
    } else if (s.isRealSymbol()) {
      c = ctx.mkConst(name, f64);
    } else {
      throw new UntranslatableException(s, "a symbol that is neither an integer nor a real");
    }
    symbols.put(s, c);
    fresh.add(s);
    return c;
  }

  /** Returns the symbols that got a constant since the last call (their domains are not yet asserted). */
  List<Sym> takeFreshSymbols() {
    List<Sym> out = List.copyOf(fresh);
    fresh.clear();
    return out;
  }

  Context context() {
    return ctx;
  }

  // ---------------------------------------------------------------------------------------
  // Dispatch

  private Term compute(Expr e) {
    switch (e.kind()) {
      case INTEGER:
        return new Term(Type.INT, ctx.mkInt(((IntLit) e).bigValue().toString()), tt, (Num) e);
      case RATIONAL:
        {
          RatLit r = (RatLit) e;
          return new Term(Type.RAT, ctx.mkReal(r.numerator() + "/" + r.denominator()), tt, r);
        }
      case FLOAT:
        return new Term(Type.FLOAT, ctx.mkFP(((FloatLit) e).value(), f64), tt, (Num) e);
      case INFINITY:
        {
          Infinity inf = (Infinity) e;
          FPExpr v = inf.isNaN() ? ctx.mkFPNaN(f64) : ctx.mkFPInf(f64, inf.signum() < 0);
          return new Term(Type.FLOAT, v, tt, inf); // the evaluator's value is a float infinity
        }
      case BOOLEAN:
        return new Term(Type.BOOL, ctx.mkBool(((BoolLit) e).value()), tt, null);
      case SYMBOL:
        {
          Sym s = (Sym) e;
          com.microsoft.z3.Expr<?> c = symbol(s);
          return new Term(s.isIntegerSymbol() ? Type.INT : Type.FLOAT, c, tt, null);
        }
      case ADD:
        return arithmetic.sum(e, translateAll(e.args()));
      case MUL:
        return arithmetic.product(e, translateAll(e.args()));
      case POW:
        return arithmetic.power(e, translate(((Pow) e).base()), ((Pow) e).exponent());
      default:
        return apply((Apply) e);
    }
  }

  private List<Term> translateAll(List<Expr> args) {
    List<Term> out = new ArrayList<>(args.size());
    for (Expr a : args) {
      out.add(translate(a));
    }
    return out;
  }

  private Term apply(Apply a) {
    Fn fn = a.fn();
    switch (fn) {
      case FLOOR_DIV:
      case CLEAN_DIV:
        return arithmetic.floorDiv(a, translate(a.arg(0)), translate(a.arg(1)));
      case MOD:
      case PYTHON_MOD:
        return arithmetic.mod(a, translate(a.arg(0)), translate(a.arg(1)));
      case MODULAR_INDEXING:
        return arithmetic.mod(a, arithmetic.floorDiv(a, translate(a.arg(0)), translate(a.arg(1))), translate(a.arg(2)));
      case INT_TRUE_DIV:
      case FLOAT_TRUE_DIV:
        return arithmetic.trueDiv(a, translate(a.arg(0)), translate(a.arg(1)));
      case TO_FLOAT:
        {
          Term x = translate(a.arg(0));
          return new Term(Type.FLOAT, fp(x, a), x.defined(), null);
        }
      case TRUNC_TO_FLOAT:
        {
          Term x = translate(a.arg(0));
          FPExpr v = ctx.mkFPRoundToIntegral(ctx.mkFPRoundTowardZero(), fp(x, a));
          return new Term(Type.FLOAT, v, x.defined(), null);
        }
      case FLOOR_TO_INT:
      case FLOOR:
        return arithmetic.toInt(a, translate(a.arg(0)), Arithmetic.Rounding.FLOOR);
      case CEIL_TO_INT:
      case CEILING:
        return arithmetic.toInt(a, translate(a.arg(0)), Arithmetic.Rounding.CEILING);
      case TRUNC_TO_INT:
        return arithmetic.toInt(a, translate(a.arg(0)), Arithmetic.Rounding.DOWN);
      case ROUND_TO_INT:
        return arithmetic.toInt(a, translate(a.arg(0)), Arithmetic.Rounding.HALF_EVEN);
      case POW_BY_NATURAL:
        return arithmetic.powByNatural(a, translate(a.arg(0)), a.arg(1));
      case BITWISE_AND:
        return bitwiseAnd(a);
      case MAX:
      case MIN:
        return maxMin(a, translateAll(a.args()));
      case ABS:
        return abs(a, translate(a.arg(0)));
      case IDENTITY:
        return translate(a.arg(0));
      case PIECEWISE:
        return piecewise(a, translateAll(a.args()));
      case EQ:
      case NE:
      case LT:
      case LE:
      case GT:
      case GE:
        return relation(fn, translate(a.arg(0)), translate(a.arg(1)));
      case AND:
      case OR:
        return connective(fn == Fn.AND, translateAll(a.args()));
      case NOT:
        {
          Term x = translate(a.arg(0));
          return new Term(Type.BOOL, ctx.mkNot(truth(x)), x.defined(), null);
        }
      case OPAQUE_SQRT:
        {
          // Math.sqrt is IEEE's correctly rounded square root; negative arguments give nan.
          Term x = translate(a.arg(0));
          return new Term(Type.FLOAT, ctx.mkFPSqrt(rne, fp(x, a)), x.defined(), null);
        }
      default:
        throw new UntranslatableException(a, untranslatableReason(fn));
    }
  }

  private static String untranslatableReason(Fn fn) {
    if (fn.isOpaqueUnary()) {
      return "a transcendental float function has no exact Z3 counterpart";
    }
    switch (fn) {
      case FLOAT_POW:
        return "a float power is not an IEEE basic operation";
      case ROUND_DECIMAL:
        return "rounding to decimals is not an IEEE basic operation";
      case BITWISE_OR:
      case BITWISE_XOR:
        return "bitwise functions of unbounded integers are only translated for masks";
      default:
        return fn.sympyName() + " has no exact translation";
    }
  }

  // ---------------------------------------------------------------------------------------
  // Bitwise functions

  private Term bitwiseAnd(Apply where) {
    for (int i = 0; i < 2; i++) {
      if (!(where.arg(i) instanceof IntLit mask)) {
        continue;
      }
      Term other = translate(where.arg(1 - i));
      if (!isIntLike(other)) {
        break;
      }
      BigInteger m = mask.bigValue();
      IntExpr x = intOf(other);
      BigInteger low = m.add(BigInteger.ONE); // 2**k when the mask is 2**k - 1
      if (m.signum() >= 0 && low.bitCount() == 1 && low.bitLength() - 1 <= MAX_MASK_BITS) {
        // a & (2**k - 1) == a mod 2**k (two's complement of unbounded ints)
        return new Term(Type.INT, ctx.mkMod(x, ctx.mkInt(low.toString())), other.defined(), null);
      }
      BigInteger high = m.negate(); // 2**k when the mask is -(2**k)
      if (m.signum() < 0 && high.bitCount() == 1 && high.bitLength() - 1 <= MAX_MASK_BITS) {
        // a & -(2**k) == a - a mod 2**k
        IntExpr v = (IntExpr) ctx.mkSub(x, ctx.mkMod(x, ctx.mkInt(high.toString())));
        return new Term(Type.INT, v, other.defined(), null);
      }
    }
    throw new UntranslatableException(where, "bitwise and is translated only with a mask 2**k - 1 or -(2**k)");
  }

  // ---------------------------------------------------------------------------------------
  // Lattice operations, Abs, Piecewise

  private Term maxMin(Apply where, List<Term> args) {
    Type type = unify(where, args, false);
    boolean max = where.fn() == Fn.MAX;
    Term best = args.get(0);
    com.microsoft.z3.Expr<?> v = valueAs(best, type);
    BoolExpr defined = best.defined();
    for (int i = 1; i < args.size(); i++) {
      Term t = args.get(i);
      com.microsoft.z3.Expr<?> x = valueAs(t, type);
      defined = and(defined, t.defined());
      BoolExpr replace;
      if (type == Type.FLOAT) {
        // compare(v, best) > 0 is false with a nan; compare(...) < 0 is true with a nan
        // (PyMath.compare answers Integer.MIN_VALUE for unordered values).
        FPExpr fx = (FPExpr) x;
        FPExpr fb = (FPExpr) v;
        replace = max ? ctx.mkFPGt(fx, fb)
            : ctx.mkOr(ctx.mkFPIsNaN(fx), ctx.mkFPIsNaN(fb), ctx.mkFPLt(fx, fb));
      } else {
        @SuppressWarnings("unchecked")
        ArithExpr<com.microsoft.z3.ArithSort> ax = (ArithExpr<com.microsoft.z3.ArithSort>) x;
        @SuppressWarnings("unchecked")
        ArithExpr<com.microsoft.z3.ArithSort> ab = (ArithExpr<com.microsoft.z3.ArithSort>) v;
        replace = max ? ctx.mkGt(ax, ab) : ctx.mkLt(ax, ab);
      }
      v = ite(replace, x, v);
    }
    return new Term(type, v, defined, null);
  }

  private Term abs(Apply where, Term x) {
    switch (x.type()) {
      case INT:
        {
          IntExpr v = intOf(x);
          return new Term(Type.INT, ctx.mkITE(ctx.mkLt(v, ctx.mkInt(0)), neg(v), v), x.defined(), null);
        }
      case RAT:
        {
          RealExpr v = realOf(x);
          com.microsoft.z3.Expr<?> r = ctx.mkITE(ctx.mkLt(v, ctx.mkReal(0)), ctx.mkUnaryMinus(v), v);
          return new Term(Type.RAT, r, x.defined(), null);
        }
      case FLOAT:
        {
          FPExpr v = fpValue(x);
          BoolExpr negate = ctx.mkOr(ctx.mkFPIsNaN(v), ctx.mkFPLt(v, fpZero));
          return new Term(Type.FLOAT, ctx.mkITE(negate, ctx.mkFPNeg(v), v), x.defined(), null);
        }
      default:
        throw new UntranslatableException(where, "Abs of a boolean");
    }
  }

  private Term piecewise(Apply where, List<Term> flat) {
    List<Term> values = new ArrayList<>();
    for (int i = 0; i < flat.size(); i += 2) {
      values.add(flat.get(i));
    }
    Type type = unify(where, values, true);
    // Evaluated in order: the first true condition picks its branch; none raises.
    int n = flat.size() / 2;
    com.microsoft.z3.Expr<?> v = valueAs(values.get(n - 1), type);
    BoolExpr defined = ff;
    for (int i = n - 1; i >= 0; i--) {
      Term value = flat.get(2 * i);
      Term cond = flat.get(2 * i + 1);
      BoolExpr c = truth(cond);
      v = ite(c, valueAs(value, type), v);
      defined = and(cond.defined(), (BoolExpr) ctx.mkITE(c, value.defined(), defined));
    }
    return new Term(type, v, defined, null);
  }

  /** The common type of values the evaluator returns as they are (Max, Piecewise branches). */
  private Type unify(Apply where, List<Term> values, boolean allowBool) {
    boolean anyInt = false;
    boolean anyRat = false;
    boolean anyFloat = false;
    boolean anyBool = false;
    for (Term t : values) {
      switch (t.type()) {
        case INT:
          anyInt = true;
          break;
        case RAT:
          anyRat = true;
          break;
        case FLOAT:
          anyFloat = true;
          break;
        default:
          anyBool = true;
      }
    }
    if (anyBool) {
      if (allowBool && !anyInt && !anyRat && !anyFloat) {
        return Type.BOOL;
      }
      throw new UntranslatableException(where, "booleans mixed with numbers");
    }
    if (anyFloat) {
      if (anyInt || anyRat) {
        throw new UntranslatableException(where, "the result is an int or a float depending on the values");
      }
      return Type.FLOAT;
    }
    return anyRat ? Type.RAT : Type.INT;
  }

  private com.microsoft.z3.Expr<?> valueAs(Term t, Type type) {
    switch (type) {
      case INT:
        return intOf(t);
      case RAT:
        return realOf(t);
      default:
        return t.value();
    }
  }

  // ---------------------------------------------------------------------------------------
  // Relations and connectives

  private Term relation(Fn fn, Term a, Term b) {
    BoolExpr defined = and(a.defined(), b.defined());
    if (a.type() == Type.BOOL && b.type() == Type.BOOL && (fn == Fn.EQ || fn == Fn.NE)) {
      BoolExpr eq = ctx.mkEq(a.value(), b.value());
      return new Term(Type.BOOL, fn == Fn.EQ ? eq : ctx.mkNot(eq), defined, null);
    }
    if (a.type() != Type.FLOAT && b.type() != Type.FLOAT) {
      if (isIntLike(a) && isIntLike(b)) {
        return new Term(Type.BOOL, compare(fn, intOf(a), intOf(b)), defined, null);
      }
      return new Term(Type.BOOL, compare(fn, realOf(a), realOf(b)), defined, null);
    }
    // PyMath.compare with a float: unordered with a nan; Double.compare when either side (as a
    // double) is infinite; otherwise the exact values.
    FPExpr fa = looseFp(a);
    FPExpr fb = looseFp(b);
    BoolExpr nan = ctx.mkOr(ctx.mkFPIsNaN(fa), ctx.mkFPIsNaN(fb));
    BoolExpr infinite = ctx.mkOr(ctx.mkFPIsInfinite(fa), ctx.mkFPIsInfinite(fb));
    BoolExpr viaFloats = compareFloats(fn, fa, fb);
    RealExpr ra = a.type() == Type.FLOAT ? ctx.mkFPToReal(fa) : realOf(a);
    RealExpr rb = b.type() == Type.FLOAT ? ctx.mkFPToReal(fb) : realOf(b);
    BoolExpr exact = compare(fn, ra, rb);
    BoolExpr v = (BoolExpr) ctx.mkITE(nan, ctx.mkBool(fn == Fn.NE), ctx.mkITE(infinite, viaFloats, exact));
    return new Term(Type.BOOL, v, defined, null);
  }

  private <S extends com.microsoft.z3.ArithSort> BoolExpr compare(Fn fn, ArithExpr<S> a, ArithExpr<S> b) {
    switch (fn) {
      case EQ:
        return ctx.mkEq(a, b);
      case NE:
        return ctx.mkNot(ctx.mkEq(a, b));
      case LT:
        return ctx.mkLt(a, b);
      case LE:
        return ctx.mkLe(a, b);
      case GT:
        return ctx.mkGt(a, b);
      default:
        return ctx.mkGe(a, b);
    }
  }

  private BoolExpr compareFloats(Fn fn, FPExpr a, FPExpr b) {
    switch (fn) {
      case EQ:
        return ctx.mkFPEq(a, b);
      case NE:
        return ctx.mkNot(ctx.mkFPEq(a, b));
      case LT:
        return ctx.mkFPLt(a, b);
      case LE:
        return ctx.mkFPLEq(a, b);
      case GT:
        return ctx.mkFPGt(a, b);
      default:
        return ctx.mkFPGEq(a, b);
    }
  }

  private Term connective(boolean and, List<Term> args) {
    // Short-circuit: argument i is evaluated only when every earlier one was true (And) or
    // false (Or).
    BoolExpr defined = tt;
    for (int i = args.size() - 1; i >= 0; i--) {
      Term t = args.get(i);
      BoolExpr goOn = and ? truth(t) : ctx.mkNot(truth(t));
      defined = i == args.size() - 1 ? t.defined() : and(t.defined(), implies(goOn, defined));
    }
    BoolExpr[] truths = new BoolExpr[args.size()];
    for (int i = 0; i < truths.length; i++) {
      truths[i] = truth(args.get(i));
    }
    return new Term(Type.BOOL, and ? ctx.mkAnd(truths) : ctx.mkOr(truths), defined, null);
  }
}
