package symtrace.symbolic.print;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.ExprOrder;
import symtrace.symbolic.expr.FloatLit;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.Infinity;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Pow;
import symtrace.symbolic.expr.RatLit;
import symtrace.symbolic.expr.Sym;

/**
 * PyTorch's {@code PythonPrinter} ({@code torch/utils/_sympy/printers.py}): the Python source
 * form of an expression, as {@code produce_guards} prints guards. Arguments of sums and products
 * appear in sympy's stored order ({@link ExprOrder#compareBasic}), symbols are replaced by a
 * name (a source such as {@code L['x'].size()[0]}), and the functions print as Python: {@code
 * a // b}, {@code a % b}, {@code ==}, {@code max(...)}, {@code math.floor(...)}, {@code
 * torch.sym_float(...)}; floats carry 17 significant digits.
 *
 * <p>Example: {@code (((-1)*L['y'].size()[0]) + 2*L['x'].size()[1] + (L['x'].size()[0] // 2))
 * != 1}.
 */
public final class PythonPrinter {
  private final Function<Sym, String> names;

  private PythonPrinter(Function<Sym, String> names) {
    this.names = names;
  }

  /** Prints with symbols as their own names. */
  public static String print(Expr e) {
    return print(e, Sym::name);
  }

  /** Prints with each symbol replaced by {@code names.apply(symbol)}. */
  public static String print(Expr e, Function<Sym, String> names) {
    return new PythonPrinter(names).doPrint(e);
  }

  private String doPrint(Expr e) {
    switch (e.kind()) {
      case INTEGER:
        return ((IntLit) e).bigValue().toString();
      case RATIONAL:
        return ((RatLit) e).numerator() + "/" + ((RatLit) e).denominator();
      case FLOAT:
        return FloatFormat.format(((FloatLit) e).value(), 17, false);
      case INFINITY:
        if (e == Infinity.OO) {
          return "math.inf";
        }
        if (e == Infinity.NEG_OO) {
          return "-math.inf";
        }
        return ((Infinity) e).name();
      case SYMBOL:
        return names.apply((Sym) e);
      case BOOLEAN:
        return ((BoolLit) e).value() ? "True" : "False";
      case ADD:
        return join(ExprOrder.storedArgs(e), " + ", Precedence.ADD);
      case MUL:
        return join(ExprOrder.storedArgs(e), "*", Precedence.of(e));
      case POW:
        return printPow((Pow) e);
      default:
        return printApply((Apply) e);
    }
  }

  private String parenthesize(Expr e, double level) {
    String s = doPrint(e);
    return Precedence.of(e) <= level ? "(" + s + ")" : s;
  }

  private String join(List<Expr> args, String sep, double level) {
    List<String> parts = new ArrayList<>(args.size());
    for (Expr x : args) {
      parts.add(parenthesize(x, level));
    }
    return String.join(sep, parts);
  }

  private String printPow(Pow p) {
    if (p.exponent() instanceof IntLit n && n.fitsLong() && n.longValue() > 0
        && n.longValue() <= 64) {
      // x**3 prints as x*x*x: PyTorch never emits Python's ** for a sympy Pow.
      return join(Collections.nCopies((int) n.longValue(), p.base()), "*", Precedence.MUL);
    }
    return parenthesize(p.base(), Precedence.POW) + "**" + parenthesize(p.exponent(), Precedence.POW);
  }

  private String printApply(Apply a) {
    Fn fn = a.fn();
    double atom = Precedence.ATOM_MINUS_HALF;
    switch (fn) {
      case FLOOR_DIV:
      case CLEAN_DIV:
        return parenthesize(a.arg(0), atom) + " // " + parenthesize(a.arg(1), atom);
      case MOD:
      case PYTHON_MOD:
        return join(a.args(), " % ", atom);
      case MODULAR_INDEXING:
        {
          String x = parenthesize(a.arg(0), atom);
          String div = parenthesize(a.arg(1), atom);
          String mod = parenthesize(a.arg(2), atom);
          if (!div.equals("1")) {
            x = "(" + x + " // " + div + ")";
          }
          return "(" + x + " % " + mod + ")";
        }
      case INT_TRUE_DIV:
        return join(a.args(), " / ", atom);
      case FLOAT_TRUE_DIV:
        return "(" + join(a.args(), " / ", atom) + ")";
      case TO_FLOAT:
        return "torch.sym_float(" + doPrint(a.arg(0)) + ")";
      case TRUNC_TO_INT:
        return "math.trunc(" + doPrint(a.arg(0)) + ")";
      case FLOOR_TO_INT:
      case FLOOR:
        return "math.floor(" + doPrint(a.arg(0)) + ")";
      case CEIL_TO_INT:
      case CEILING:
        return "math.ceil(" + doPrint(a.arg(0)) + ")";
      case ROUND_TO_INT:
        return "round(" + doPrint(a.arg(0)) + ")";
      case ROUND_DECIMAL:
        return "round(" + doPrint(a.arg(0)) + ", " + doPrint(a.arg(1)) + ")";
      case TRUNC_TO_FLOAT:
        return "float(math.trunc(" + doPrint(a.arg(0)) + "))";
      case POW_BY_NATURAL:
      case FLOAT_POW:
        return join(a.args(), " ** ", Precedence.POW);
      case BITWISE_AND:
        return join(a.args(), " & ", Precedence.BITWISE_AND);
      case BITWISE_OR:
        return join(a.args(), " | ", Precedence.BITWISE_OR);
      case BITWISE_XOR:
        return join(a.args(), " ^ ", Precedence.BITWISE_XOR);
      case ABS:
        return "abs(" + doPrint(a.arg(0)) + ")";
      case MAX:
        return "max(" + join(a.args(), ", ", 0) + ")";
      case MIN:
        return "min(" + join(a.args(), ", ", 0) + ")";
      case IDENTITY:
        return doPrint(a.arg(0));
      case EQ:
      case NE:
      case LT:
      case LE:
      case GT:
      case GE:
        return join(a.args(), " " + SympyPrinter.relOp(fn) + " ", Precedence.of(a));
      case AND:
        return join(a.args(), " and ", Precedence.AND);
      case OR:
        return join(a.args(), " or ", Precedence.OR);
      case NOT:
        return "not (" + doPrint(a.arg(0)) + ")";
      case PIECEWISE:
        return printPiecewise(a);
      case IS_NON_OVERLAPPING_AND_DENSE:
        return "IsNonOverlappingAndDenseIndicator(" + join(a.args(), ", ", 0) + ")";
      default:
        if (fn.isOpaqueUnary()) {
          String name = fn.sympyName().substring("OpaqueUnaryFn_".length());
          return "math." + name + "(" + doPrint(a.arg(0)) + ")";
        }
        return fn.sympyName() + "(" + join(a.args(), ", ", 0) + ")";
    }
  }

  /** {@code Piecewise((e1, c1), (e2, True))} prints as {@code (e1 if c1 else e2)}. */
  private String printPiecewise(Apply a) {
    String result = null;
    for (int i = a.arity() - 2; i >= 0; i -= 2) {
      String e = doPrint(a.arg(i));
      Expr cond = a.arg(i + 1);
      if (cond == BoolLit.TRUE || result == null) {
        result = e;
      } else {
        result = "(" + e + " if " + doPrint(cond) + " else " + result + ")";
      }
    }
    return result == null ? "0" : result;
  }
}
