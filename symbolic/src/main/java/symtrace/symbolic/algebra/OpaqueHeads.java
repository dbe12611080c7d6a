package symtrace.symbolic.algebra;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.eval.interfaces.AbstractFunctionEvaluator;
import org.matheclipse.core.expression.BuiltInDummy;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IBuiltInSymbol;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import symtrace.symbolic.SymtraceException;
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Fn;

/**
 * The Symja heads standing for PyTorch's functions that have no exact Symja counterpart
 * ({@code CleanDiv}, {@code PythonMod}, {@code ToFloat}, ... and {@code FloorDiv}/{@code Mod}
 * when their arguments are not known to be integers), plus the symbol standing for {@code
 * int_oo}.
 *
 * <p>Each head is a {@link BuiltInDummy} named by the function's sympy name, with an evaluator
 * that applies symtrace's own construction rules ({@link Exprs#apply}): Symja sees an opaque
 * function that still folds numbers and simplifies exactly as symtrace would ({@code
 * PythonMod(4*s0 + 6, 2)} becomes 0). Such heads are global, stateless and independent of any
 * engine, so one set serves every {@link SymjaEngine}.
 *
 * <p>This class touches Symja in its static initialiser, so it is only reached from inside
 * {@link SymjaEngine#withEngine}, after {@link SymjaRuntime#initialize()}.
 */
final class OpaqueHeads {
  /** Stands for {@code int_oo}; {@code -int_oo} is {@code -1*int_oo}. */
  static final ISymbol INT_INFINITY = F.Dummy("int_oo");

  private static final Map<Fn, IBuiltInSymbol> HEADS = new EnumMap<>(Fn.class);
  private static final Map<IExpr, Fn> FNS = new IdentityHashMap<>();

  static {
    for (Fn fn : Fn.values()) {
      if (!hasSymjaOnlyForm(fn)) {
        IBuiltInSymbol head = new BuiltInDummy(fn.sympyName(), new Evaluator(fn));
        HEADS.put(fn, head);
        FNS.put(head, fn);
      }
    }
  }

  private OpaqueHeads() {}

  /**
   * Returns true for the functions that always map to a Symja built-in with the same meaning
   * (relations, connectives, {@code Max}, {@code Min}, {@code Abs}, {@code floor}, {@code
   * ceiling}, {@code Piecewise}); every other function has an opaque head.
   */
  static boolean hasSymjaOnlyForm(Fn fn) {
    switch (fn) {
      case FLOOR:
      case CEILING:
      case MAX:
      case MIN:
      case ABS:
      case PIECEWISE:
        return true;
      default:
        return fn.isRelation() || fn.isConnective();
    }
  }

  /** Returns the opaque head of {@code fn}. */
  static IBuiltInSymbol head(Fn fn) {
    IBuiltInSymbol h = HEADS.get(fn);
    if (h == null) {
      throw new IllegalArgumentException(fn + " maps to a Symja built-in, not an opaque head");
    }
    return h;
  }

  /** Returns the function an opaque head stands for, or null for any other head. */
  static Fn fnOf(IExpr head) {
    return FNS.get(head);
  }

  /**
   * Evaluates an opaque head by symtrace's construction rules. It answers only when those rules
   * change something, so evaluation terminates; anything it cannot convert stays unevaluated.
   */
  private static final class Evaluator extends AbstractFunctionEvaluator {
    private final Fn fn;

    Evaluator(Fn fn) {
      this.fn = fn;
    }

    @Override
    public IExpr evaluate(IAST ast, EvalEngine engine) {
      // The owning SymjaEngine knows which dummy is which Sym; outside one, only numbers fold.
      SymjaEngine owner = SymjaEngine.current();
      try {
        List<Expr> args = new ArrayList<>(ast.argSize());
        for (int i = 1; i <= ast.argSize(); i++) {
          IExpr a = ast.get(i);
          if (owner == null && !a.isNumber()) {
            return F.NIL;
          }
          args.add(owner != null ? owner.bridge().convertFrom(a) : SymjaBridge.numberFrom(a));
        }
        Expr built = Exprs.apply(fn, args);
        if (built instanceof Apply ap && ap.fn() == fn && ap.args().equals(args)) {
          return F.NIL;
        }
        if (owner != null) {
          return owner.bridge().convertTo(built);
        }
        return built.isNumber() ? SymjaBridge.numberTo(built) : F.NIL;
      } catch (SymtraceException | ArithmeticException | IllegalArgumentException e) {
        // A Python error (FloorDiv by zero) or a foreign subexpression: leave it unevaluated,
        // as sympy leaves what it cannot evaluate.
        return F.NIL;
      }
    }
  }
}
