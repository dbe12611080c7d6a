package symtrace.symbolic.algebra;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IFraction;
import org.matheclipse.core.interfaces.IInteger;
import org.matheclipse.core.interfaces.INum;
import org.matheclipse.core.interfaces.ISymbol;
import symtrace.symbolic.SymtraceException;
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.FloatLit;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.Infinity;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Pow;
import symtrace.symbolic.expr.RatLit;
import symtrace.symbolic.expr.Sym;

/**
 * Converts between symtrace's {@link Expr} and Symja's {@code IExpr}, exactly: {@code
 * fromSymja(toSymja(e)) == e} for every expression.
 *
 * <p>The mapping:
 *
 * <ul>
 *   <li>integers, rationals and floats map to Symja's numbers ({@code BigInteger} values
 *       included); {@code oo}, {@code -oo} and {@code nan} to {@code Infinity}, {@code
 *       -Infinity} and {@code Indeterminate}; {@code int_oo}, which Symja lacks, to an opaque
 *       symbol (and {@code -int_oo} to its negation);
 *   <li>each {@link Sym} to one {@code F.Dummy} per engine, cached in the {@link SymjaEngine};
 *       its assumptions become explicit facts ({@link #assumptions});
 *   <li>sums, products and powers to {@code Plus}, {@code Times} and {@code Power}; relations
 *       and connectives to {@code Equal}, {@code Unequal}, {@code Less}, ..., {@code And},
 *       {@code Or}, {@code Not}; {@code Max}, {@code Min}, {@code Abs}, {@code floor}, {@code
 *       ceiling} and {@code Piecewise} (with {@code Indeterminate} as the default, sympy's
 *       {@code nan}) to their Symja namesakes;
 *   <li>{@code FloorDiv} to {@code Quotient} and {@code Mod} to Symja's {@code Mod} when both
 *       arguments are known integers, where Symja's definitions are Python's {@code //} and
 *       {@code %}; every other function (and those two otherwise) to an opaque head named as in
 *       sympy, which Symja evaluates by symtrace's own rules.
 * </ul>
 *
 * <p>{@code toSymja} only builds (it never evaluates), so its output mirrors the input
 * structurally. {@code fromSymja} accepts any form Symja evaluation produces within that
 * vocabulary (n-ary relations, {@code Inequality}, {@code Sqrt}, ...) and rebuilds through the
 * {@link Exprs} factories, so the result is canonical; anything else throws {@link
 * SymjaConversionException}.
 *
 * <p>A bridge belongs to one {@link SymjaEngine} and follows its thread rule.
 */
public final class SymjaBridge {
  private final SymjaEngine engine;

  SymjaBridge(SymjaEngine engine) {
    this.engine = engine;
  }

  /** Returns the Symja form of {@code e}, unevaluated. */
  public IExpr toSymja(Expr e) {
    return engine.withEngine(eng -> convertTo(e));
  }

  /**
   * Returns the expression a Symja form stands for, rebuilt canonically.
   *
   * @throws SymjaConversionException when the form has no exact counterpart
   */
  public Expr fromSymja(IExpr e) {
    return engine.withEngine(eng -> convertFrom(e));
  }

  /** Returns the Symja symbol standing for {@code s} in this engine. */
  public ISymbol symbol(Sym s) {
    return engine.withEngine(eng -> engine.dummyFor(s));
  }

  /**
   * Returns the conjunction of the symbols' assumptions as explicit Symja facts: integer gives
   * {@code Element(s, Integers)}, real (and not integer) {@code Element(s, Reals)}, positive
   * {@code s > 0}, nonnegative {@code s >= 0}. {@code True} when there are none.
   */
  public IExpr assumptions(Collection<Sym> symbols) {
    return assumptions(symbols, List.of());
  }

  /**
   * Returns the symbols' assumptions (as {@link #assumptions(Collection)}) and the boolean
   * {@code facts} ({@code s0 >= 2}, ...) as one Symja conjunction, for {@code Simplify} and
   * {@code Refine}. This is the only way assumptions reach Symja: {@code $Assumptions} is never
   * set, because the engine caches results keyed on the expression alone.
   */
  public IExpr assumptions(Collection<Sym> symbols, List<? extends Expr> facts) {
    return engine.withEngine(eng -> convertAssumptions(symbols, facts));
  }

  // ---------------------------------------------------------------------------------------
  // Expr -> IExpr (callers are inside withEngine)

  IExpr convertTo(Expr e) {
    switch (e.kind()) {
      case INTEGER:
      case RATIONAL:
      case FLOAT:
      case INFINITY:
        return numberTo(e);
      case SYMBOL:
        return engine.dummyFor((Sym) e);
      case BOOLEAN:
        return ((BoolLit) e).value() ? S.True : S.False;
      case ADD:
        return ast(S.Plus, e.args());
      case MUL:
        return ast(S.Times, e.args());
      case POW:
        return F.binaryAST2(S.Power, convertTo(((Pow) e).base()), convertTo(((Pow) e).exponent()));
      default:
        return applyTo((Apply) e);
    }
  }

  /** Converts a number; needs no engine state, so opaque heads use it outside any engine too. */
  static IExpr numberTo(Expr e) {
    if (e instanceof IntLit i) {
      return i.fitsLong() ? F.ZZ(i.longValue()) : F.ZZ(i.bigValue());
    }
    if (e instanceof RatLit r) {
      return F.QQ(F.ZZ(r.numerator()), F.ZZ(r.denominator()));
    }
    if (e instanceof FloatLit f) {
      return F.num(f.value());
    }
    if (e == Infinity.OO) {
      return F.CInfinity;
    }
    if (e == Infinity.NEG_OO) {
      return F.CNInfinity;
    }
    if (e == Infinity.NAN) {
      return S.Indeterminate;
    }
    if (e == Infinity.INT_OO) {
      return OpaqueHeads.INT_INFINITY;
    }
    if (e == Infinity.NEG_INT_OO) {
      return F.binaryAST2(S.Times, F.CN1, OpaqueHeads.INT_INFINITY);
    }
    throw new IllegalArgumentException("not a number: " + e);
  }

  private IExpr applyTo(Apply a) {
    Fn fn = a.fn();
    switch (fn) {
      case FLOOR_DIV:
        return integerArgs(a) ? ast(S.Quotient, a.args()) : ast(OpaqueHeads.head(fn), a.args());
      case MOD:
        return integerArgs(a) ? ast(S.Mod, a.args()) : ast(OpaqueHeads.head(fn), a.args());
      case FLOOR:
        return ast(S.Floor, a.args());
      case CEILING:
        return ast(S.Ceiling, a.args());
      case MAX:
        return ast(S.Max, a.args());
      case MIN:
        return ast(S.Min, a.args());
      case ABS:
        return ast(S.Abs, a.args());
      case EQ:
        return ast(S.Equal, a.args());
      case NE:
        return ast(S.Unequal, a.args());
      case LT:
        return ast(S.Less, a.args());
      case LE:
        return ast(S.LessEqual, a.args());
      case GT:
        return ast(S.Greater, a.args());
      case GE:
        return ast(S.GreaterEqual, a.args());
      case AND:
        return ast(S.And, a.args());
      case OR:
        return ast(S.Or, a.args());
      case NOT:
        return ast(S.Not, a.args());
      case PIECEWISE:
        {
          IASTAppendable pairs = F.ListAlloc(a.arity() / 2);
          for (int i = 0; i < a.arity(); i += 2) {
            pairs.append(F.List(convertTo(a.arg(i)), convertTo(a.arg(i + 1))));
          }
          // sympy's Piecewise is nan where no condition holds; Symja's default would be 0.
          return F.binaryAST2(S.Piecewise, pairs, S.Indeterminate);
        }
      default:
        return ast(OpaqueHeads.head(fn), a.args());
    }
  }

  private static boolean integerArgs(Apply a) {
    for (Expr x : a.args()) {
      if (x.isInteger() != Boolean.TRUE) {
        return false;
      }
    }
    return true;
  }

  private IASTAppendable ast(IExpr head, List<Expr> args) {
    IASTAppendable r = F.ast(head, args.size());
    for (Expr x : args) {
      r.append(convertTo(x));
    }
    return r;
  }

  private IExpr convertAssumptions(Collection<Sym> symbols, List<? extends Expr> facts) {
    List<IExpr> parts = new ArrayList<>();
    for (Sym s : new LinkedHashSet<>(symbols)) {
      ISymbol d = engine.dummyFor(s);
      if (s.isIntegerSymbol()) {
        parts.add(F.Element(d, S.Integers));
      } else if (s.isRealSymbol()) {
        parts.add(F.Element(d, S.Reals));
      }
      if (s.isPositiveSymbol()) {
        parts.add(F.Greater(d, F.C0));
      } else if (s.isNonNegativeSymbol()) {
        parts.add(F.GreaterEqual(d, F.C0));
      }
    }
    for (Expr f : facts) {
      if (!f.isBoolean()) {
        throw new IllegalArgumentException("a fact must be a relation or a boolean: " + f);
      }
      if (f != BoolLit.TRUE) {
        parts.add(convertTo(f));
      }
    }
    if (parts.isEmpty()) {
      return S.True;
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    IASTAppendable and = F.ast(S.And, parts.size());
    parts.forEach(and::append);
    return and;
  }

  // ---------------------------------------------------------------------------------------
  // IExpr -> Expr (callers are inside withEngine)

  Expr convertFrom(IExpr x) {
    try {
      return from(x);
    } catch (SymjaConversionException e) {
      throw e;
    } catch (SymtraceException | ArithmeticException | IllegalArgumentException e) {
      // The form is well-formed Symja, but a construction rule rejects it (1/0, a boolean in a
      // sum): it has no counterpart.
      throw new SymjaConversionException("cannot rebuild " + x + ": " + e.getMessage(), e);
    }
  }

  /** Converts a Symja number (no engine state needed). */
  static Expr numberFrom(IExpr x) {
    if (x.isInteger()) {
      return IntLit.of(((IInteger) x).toBigNumerator());
    }
    if (x.isFraction()) {
      IFraction q = (IFraction) x;
      return RatLit.of(q.toBigNumerator(), q.toBigDenominator());
    }
    if (x instanceof INum n) {
      return FloatLit.of(n.doubleValue());
    }
    throw new SymjaConversionException("no counterpart for the Symja number " + x);
  }

  private Expr from(IExpr x) {
    if (x.isNumber()) {
      return numberFrom(x);
    }
    if (x.isSymbol()) {
      return symbolFrom((ISymbol) x);
    }
    if (x.isAST()) {
      return astFrom((IAST) x);
    }
    throw new SymjaConversionException("no counterpart for the Symja expression " + x);
  }

  private Expr symbolFrom(ISymbol s) {
    Sym sym = engine.symFor(s);
    if (sym != null) {
      return sym;
    }
    if (s == OpaqueHeads.INT_INFINITY) {
      return Infinity.INT_OO;
    }
    if (s == S.True) {
      return BoolLit.TRUE;
    }
    if (s == S.False) {
      return BoolLit.FALSE;
    }
    if (s == S.Infinity) {
      return Infinity.OO;
    }
    if (s == S.Indeterminate) {
      return Infinity.NAN;
    }
    throw new SymjaConversionException("no counterpart for the Symja symbol " + s);
  }

  private Expr astFrom(IAST ast) {
    IExpr head = ast.head();
    if (ast.isDirectedInfinity()) {
      if (ast.isInfinity()) {
        return Infinity.OO;
      }
      if (ast.isNegativeInfinity()) {
        return Infinity.NEG_OO;
      }
      throw new SymjaConversionException("no counterpart for the complex infinity " + ast);
    }
    Fn opaque = OpaqueHeads.fnOf(head);
    if (opaque != null) {
      return Exprs.apply(opaque, args(ast));
    }
    if (head == S.Plus) {
      return Exprs.add(args(ast));
    }
    if (head == S.Times) {
      return Exprs.mul(args(ast));
    }
    if (head == S.Power && ast.argSize() == 2) {
      return Exprs.pow(from(ast.arg1()), from(ast.arg2()));
    }
    if (head == S.Sqrt && ast.argSize() == 1) {
      return Exprs.pow(from(ast.arg1()), Exprs.rational(1, 2));
    }
    if (head == S.Subtract && ast.argSize() == 2) {
      return Exprs.sub(from(ast.arg1()), from(ast.arg2()));
    }
    if (head == S.Divide && ast.argSize() == 2) {
      return Exprs.div(from(ast.arg1()), from(ast.arg2()));
    }
    if (head == S.Minus && ast.argSize() == 1) {
      return Exprs.neg(from(ast.arg1()));
    }
    if (head == S.Quotient && ast.argSize() == 2) {
      return Exprs.floorDiv(from(ast.arg1()), from(ast.arg2()));
    }
    if (head == S.Mod && ast.argSize() == 2) {
      return Exprs.mod(from(ast.arg1()), from(ast.arg2()));
    }
    if (head == S.Floor && ast.argSize() == 1) {
      return Exprs.apply(Fn.FLOOR, from(ast.arg1()));
    }
    if (head == S.Ceiling && ast.argSize() == 1) {
      return Exprs.apply(Fn.CEILING, from(ast.arg1()));
    }
    if (head == S.Max) {
      return Exprs.max(args(ast));
    }
    if (head == S.Min) {
      return Exprs.min(args(ast));
    }
    if (head == S.Abs && ast.argSize() == 1) {
      return Exprs.apply(Fn.ABS, from(ast.arg1()));
    }
    if (head == S.And) {
      return Exprs.and(args(ast));
    }
    if (head == S.Or) {
      return Exprs.or(args(ast));
    }
    if (head == S.Not && ast.argSize() == 1) {
      return Exprs.not(from(ast.arg1()));
    }
    if (head == S.Piecewise) {
      return piecewiseFrom(ast);
    }
    if (head == S.Inequality) {
      return inequalityFrom(ast);
    }
    Fn relation = relationOf(head);
    if (relation != null) {
      return relationFrom(relation, args(ast));
    }
    throw new SymjaConversionException("no counterpart for the Symja expression " + ast);
  }

  private List<Expr> args(IAST ast) {
    List<Expr> out = new ArrayList<>(ast.argSize());
    for (int i = 1; i <= ast.argSize(); i++) {
      out.add(from(ast.get(i)));
    }
    return out;
  }

  private static Fn relationOf(IExpr head) {
    if (head == S.Equal) {
      return Fn.EQ;
    }
    if (head == S.Unequal) {
      return Fn.NE;
    }
    if (head == S.Less) {
      return Fn.LT;
    }
    if (head == S.LessEqual) {
      return Fn.LE;
    }
    if (head == S.Greater) {
      return Fn.GT;
    }
    if (head == S.GreaterEqual) {
      return Fn.GE;
    }
    return null;
  }

  /**
   * Symja's relations are n-ary: {@code a < b < c} is a chain of neighbours, {@code Unequal(a,
   * b, c)} means all pairwise distinct.
   */
  private static Expr relationFrom(Fn fn, List<Expr> xs) {
    List<Expr> parts = new ArrayList<>();
    for (int i = 0; i + 1 < xs.size(); i++) {
      if (fn == Fn.NE) {
        for (int j = i + 1; j < xs.size(); j++) {
          parts.add(Exprs.ne(xs.get(i), xs.get(j)));
        }
      } else {
        parts.add(Exprs.apply(fn, xs.get(i), xs.get(i + 1)));
      }
    }
    return Exprs.and(parts);
  }

  /** {@code Inequality(a, Less, b, LessEqual, c)} is {@code a < b && b <= c}. */
  private Expr inequalityFrom(IAST ast) {
    int n = ast.argSize();
    if (n < 3 || n % 2 == 0) {
      throw new SymjaConversionException("malformed Inequality " + ast);
    }
    List<Expr> parts = new ArrayList<>();
    Expr left = from(ast.get(1));
    for (int i = 2; i < n; i += 2) {
      Fn fn = relationOf(ast.get(i));
      if (fn == null) {
        throw new SymjaConversionException("malformed Inequality " + ast);
      }
      Expr right = from(ast.get(i + 1));
      parts.add(Exprs.apply(fn, left, right));
      left = right;
    }
    return Exprs.and(parts);
  }

  /**
   * {@code Piecewise({{e1, c1}, ...}, default)}: the pairs, then {@code (default, True)} unless
   * the default is {@code Indeterminate} (sympy's "no branch applies"). Symja's implicit default
   * is 0.
   */
  private Expr piecewiseFrom(IAST ast) {
    if (ast.argSize() < 1 || ast.argSize() > 2 || !ast.arg1().isList()) {
      throw new SymjaConversionException("malformed Piecewise " + ast);
    }
    IAST pairs = (IAST) ast.arg1();
    List<Expr> flat = new ArrayList<>();
    for (int i = 1; i <= pairs.argSize(); i++) {
      IExpr p = pairs.get(i);
      if (!p.isList() || p.argSize() != 2) {
        throw new SymjaConversionException("malformed Piecewise " + ast);
      }
      flat.add(from(((IAST) p).arg1()));
      flat.add(from(((IAST) p).arg2()));
    }
    IExpr otherwise = ast.argSize() == 2 ? ast.arg2() : F.C0;
    if (otherwise != S.Indeterminate) {
      flat.add(from(otherwise));
      flat.add(BoolLit.TRUE);
    }
    return Exprs.apply(Fn.PIECEWISE, flat);
  }
}
