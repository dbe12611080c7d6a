package symtrace.symbolic.print;

import java.util.ArrayList;
import java.util.List;
import symtrace.symbolic.expr.Add;
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.FloatLit;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.Infinity;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Mul;
import symtrace.symbolic.expr.Num;
import symtrace.symbolic.expr.Pow;
import symtrace.symbolic.expr.RatLit;
import symtrace.symbolic.expr.Sym;

/**
 * sympy's {@code str} of an expression ({@code StrPrinter} with PyTorch's {@code _sympystr}
 * overrides), character for character: {@code 2*s0*s1}, {@code -s0 + s1}, {@code s0**2},
 * {@code Eq(s0, 2*s1)}, {@code (s0//2)} for {@code FloorDiv}, {@code Mod(s0, 4)}, {@code s1/2},
 * {@code ((s0//2)) + 1}. This is the text of guards in {@code shape_env.guards}, of {@code
 * Sym(...)} annotations and of log lines.
 */
public final class SympyPrinter {
  private SympyPrinter() {}

  /** Returns sympy's {@code str(e)}. */
  public static String print(Expr e) {
    return new SympyPrinter().doPrint(e, false);
  }

  private String doPrint(Expr e, boolean nested) {
    switch (e.kind()) {
      case INTEGER:
        return ((IntLit) e).bigValue().toString();
      case RATIONAL:
        return ((RatLit) e).numerator() + "/" + ((RatLit) e).denominator();
      case FLOAT:
        return FloatFormat.format(((FloatLit) e).value(), 15, nested);
      case INFINITY:
        return ((Infinity) e).name();
      case SYMBOL:
        return ((Sym) e).name();
      case BOOLEAN:
        return ((BoolLit) e).value() ? "True" : "False";
      case ADD:
        return printAdd((Add) e);
      case MUL:
        return printMul((Mul) e);
      case POW:
        return printPow((Pow) e);
      default:
        return printApply((Apply) e);
    }
  }

  private String sub(Expr e) {
    return doPrint(e, true);
  }

  private String parenthesize(Expr e, double level) {
    String s = sub(e);
    return Precedence.of(e) <= level ? "(" + s + ")" : s;
  }

  private String parenthesizeStrict(Expr e, double level) {
    String s = sub(e);
    return Precedence.of(e) < level ? "(" + s + ")" : s;
  }

  private String printAdd(Add a) {
    List<Expr> terms = new ArrayList<>(a.terms());
    if (!a.constant().isZeroValue()) {
      terms.add(a.constant());
    }
    StringBuilder out = new StringBuilder();
    boolean first = true;
    for (Expr term : terms) {
      String t = sub(term);
      boolean minus = t.startsWith("-");
      if (minus) {
        t = t.substring(1);
      }
      if (Precedence.of(term) < Precedence.ADD) {
        t = "(" + t + ")";
      }
      if (first) {
        out.append(minus ? "-" : "");
        first = false;
      } else {
        out.append(minus ? " - " : " + ");
      }
      out.append(t);
    }
    return out.toString();
  }

  private String printMul(Mul m) {
    int prec = Precedence.of(m);
    Num c = m.coefficient();
    String sign = "";
    if (c.signum() < 0 && !c.isNaN()) {
      sign = "-";
      c = symtrace.symbolic.expr.Nums.neg(c);
    }
    List<Expr> numer = new ArrayList<>();
    List<Expr> denom = new ArrayList<>();
    if (c instanceof IntLit || c instanceof RatLit) {
      if (!c.numerator().equals(java.math.BigInteger.ONE)) {
        numer.add(IntLit.of(c.numerator()));
      }
      if (!c.denominator().equals(java.math.BigInteger.ONE)) {
        denom.add(IntLit.of(c.denominator()));
      }
    } else {
      numer.add(c);
    }
    List<Expr> parenBases = new ArrayList<>();
    for (Expr f : m.factors()) {
      if (f instanceof Pow p && Exprs.coefficient(p.exponent()).signum() < 0) {
        if (p.exponent() == Exprs.MINUS_ONE) {
          if (p.base() instanceof Mul || p.base() instanceof Pow) {
            parenBases.add(p.base());
          }
          denom.add(p.base());
        } else {
          denom.add(Exprs.pow(p.base(), Exprs.neg(p.exponent())));
        }
      } else {
        numer.add(f);
      }
    }
    if (numer.isEmpty()) {
      numer.add(Exprs.ONE);
    }
    List<String> a = new ArrayList<>();
    if (numer.size() == 1 && sign.equals("-")) {
      a.add(parenthesize(numer.get(0), 0.5 * (Precedence.POW + Precedence.MUL)));
    } else {
      for (Expr x : numer) {
        a.add(parenthesize(x, prec));
      }
    }
    List<String> b = new ArrayList<>();
    for (Expr x : denom) {
      String s = parenthesize(x, prec);
      if (parenBases.contains(x)) {
        s = "(" + s + ")";
      }
      b.add(s);
    }
    String num = String.join("*", a);
    if (b.isEmpty()) {
      return sign + num;
    }
    if (b.size() == 1) {
      return sign + num + "/" + b.get(0);
    }
    return sign + num + "/(" + String.join("*", b) + ")";
  }

  private String printPow(Pow p) {
    int prec = Precedence.POW;
    Expr exp = p.exponent();
    if (exp == Exprs.rational(1, 2)) {
      return "sqrt(" + sub(p.base()) + ")";
    }
    if (exp == Exprs.rational(-1, 2)) {
      return "1/sqrt(" + sub(p.base()) + ")";
    }
    if (exp == Exprs.MINUS_ONE) {
      return "1/" + parenthesize(p.base(), prec);
    }
    return parenthesize(p.base(), prec) + "**" + parenthesize(exp, prec);
  }

  private String printApply(Apply a) {
    Fn fn = a.fn();
    switch (fn) {
      case FLOOR_DIV:
      case CLEAN_DIV:
        return "(" + parenthesize(a.arg(0), Precedence.ATOM_MINUS_HALF) + "//"
            + parenthesize(a.arg(1), Precedence.ATOM_MINUS_HALF) + ")";
      case EQ:
      case NE:
        return fn.sympyName() + "(" + sub(a.arg(0)) + ", " + sub(a.arg(1)) + ")";
      case LT:
      case LE:
      case GT:
      case GE:
        return parenthesize(a.arg(0), Precedence.RELATIONAL) + " " + relOp(fn) + " "
            + parenthesize(a.arg(1), Precedence.RELATIONAL);
      case AND:
        return join(a.args(), " & ", Precedence.BITWISE_AND);
      case OR:
        return join(a.args(), " | ", Precedence.BITWISE_OR);
      case NOT:
        return "~" + parenthesize(a.arg(0), Precedence.NOT);
      case PIECEWISE:
        {
          List<String> pairs = new ArrayList<>();
          for (int i = 0; i < a.arity(); i += 2) {
            pairs.add("(" + sub(a.arg(i)) + ", " + sub(a.arg(i + 1)) + ")");
          }
          return "Piecewise(" + String.join(", ", pairs) + ")";
        }
      default:
        return fn.sympyName() + "(" + join(a.args(), ", ", 0) + ")";
    }
  }

  private String join(List<Expr> args, String sep, double level) {
    List<String> parts = new ArrayList<>(args.size());
    for (Expr x : args) {
      parts.add(parenthesize(x, level));
    }
    return String.join(sep, parts);
  }

  static String relOp(Fn fn) {
    switch (fn) {
      case EQ:
        return "==";
      case NE:
        return "!=";
      case LT:
        return "<";
      case LE:
        return "<=";
      case GT:
        return ">";
      case GE:
        return ">=";
      default:
        throw new IllegalArgumentException("not a relation: " + fn);
    }
  }
}
