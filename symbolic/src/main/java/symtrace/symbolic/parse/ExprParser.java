package symtrace.symbolic.parse;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.Infinity;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.expr.SymbolicArithmeticError;

/**
 * Parses sympy's text (as {@link symtrace.symbolic.print.SympyPrinter} writes it) and Python's
 * operators into an {@link Expr}.
 *
 * <p>Grammar, loosest first, as in Python: {@code or}, {@code and}, {@code not}, comparisons
 * (chained: {@code a < b < c} is {@code And(a < b, b < c)}), {@code |}, {@code ^}, {@code &},
 * shifts, {@code + -}, {@code * / // %}, unary {@code - + ~}, {@code **} (right-associative).
 * {@code /} is sympy's division ({@code s0/2} is a rational coefficient), {@code //} is {@code
 * FloorDiv}, {@code %} is {@code Mod} when both sides are known non-negative and {@code
 * PythonMod} otherwise (PyTorch's rule for a SymInt {@code %}). {@code &}, {@code |} and {@code
 * ~} are {@code And}, {@code Or}, {@code Not} on booleans and bitwise functions on integers.
 * Function names are sympy's and PyTorch's ({@code FloorDiv}, {@code Mod}, {@code Max}, {@code
 * Eq}, {@code Piecewise((e, c), ...)}, ...), plus Python's {@code max}, {@code min}, {@code abs}.
 *
 * <p>Symbols are made by a resolver; {@link #sizeSymbols()} gives the command line's convention:
 * {@code s<N>} is a positive integer (a size), every other name an integer.
 */
public final class ExprParser {
  private final String text;
  private final Function<String, Sym> symbols;
  private final List<Token> tokens;
  private int pos;

  private ExprParser(String text, Function<String, Sym> symbols) {
    this.text = text;
    this.symbols = symbols;
    this.tokens = new Lexer(text).tokens();
  }

  /** The command line's symbols: {@code s<N>} positive integers, other names integers. */
  public static Function<String, Sym> sizeSymbols() {
    return name -> name.matches("s[0-9]+") ? Sym.size(name) : Sym.integer(name);
  }

  /** Parses with {@link #sizeSymbols()}. */
  public static Expr parse(String text) {
    return parse(text, sizeSymbols());
  }

  /** Parses {@code text}; every name that is not a function becomes {@code symbols.apply(name)}. */
  public static Expr parse(String text, Function<String, Sym> symbols) {
    ExprParser p = new ExprParser(text, symbols);
    Expr e = p.parseTop();
    return e;
  }

  private Expr parseTop() {
    if (peek().kind == TokenKind.END) {
      throw error(peek(), "expected an expression");
    }
    Expr e = orExpr();
    Token t = peek();
    if (t.kind != TokenKind.END) {
      throw error(t, "unexpected '" + t.text + "'");
    }
    return e;
  }

  // ---------------------------------------------------------------------------------------
  // Tokens

  enum TokenKind {
    NUMBER,
    NAME,
    OP,
    END
  }

  record Token(TokenKind kind, String text, int column) {}

  private static final class Lexer {
    private final String s;
    private int i;

    Lexer(String s) {
      this.s = s;
    }

    List<Token> tokens() {
      List<Token> out = new ArrayList<>();
      while (true) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
          i++;
        }
        if (i >= s.length()) {
          out.add(new Token(TokenKind.END, "end of input", i + 1));
          return out;
        }
        int start = i;
        char c = s.charAt(i);
        if (Character.isDigit(c) || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
          while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
          }
          if (i < s.length() && s.charAt(i) == '.') {
            i++;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
              i++;
            }
          }
          if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int save = i;
            i++;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
              i++;
            }
            if (i < s.length() && Character.isDigit(s.charAt(i))) {
              while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
              }
            } else {
              i = save;
            }
          }
          out.add(new Token(TokenKind.NUMBER, s.substring(start, i), start + 1));
        } else if (Character.isLetter(c) || c == '_') {
          while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
          }
          out.add(new Token(TokenKind.NAME, s.substring(start, i), start + 1));
        } else {
          String op = matchOperator();
          if (op == null) {
            throw new ExprParseException(s, start + 1, "unexpected character '" + c + "'");
          }
          i += op.length();
          out.add(new Token(TokenKind.OP, op, start + 1));
        }
      }
    }

    private String matchOperator() {
      String[] ops = {"**", "//", "<<", ">>", "<=", ">=", "==", "!=", "+", "-", "*", "/", "%",
        "(", ")", ",", "<", ">", "&", "|", "^", "~"};
      for (String op : ops) {
        if (s.startsWith(op, i)) {
          return op;
        }
      }
      return null;
    }
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token next() {
    return tokens.get(pos++);
  }

  private boolean acceptOp(String op) {
    Token t = peek();
    if (t.kind == TokenKind.OP && t.text.equals(op)) {
      pos++;
      return true;
    }
    return false;
  }

  private boolean acceptName(String name) {
    Token t = peek();
    if (t.kind == TokenKind.NAME && t.text.equals(name)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expectOp(String op) {
    Token t = peek();
    if (!acceptOp(op)) {
      throw error(t, "expected '" + op + "' but found " + describe(t));
    }
  }

  private static String describe(Token t) {
    return t.kind == TokenKind.END ? "the end of the expression" : "'" + t.text + "'";
  }

  private ExprParseException error(Token t, String problem) {
    return new ExprParseException(text, t.column, problem);
  }

  // ---------------------------------------------------------------------------------------
  // Grammar

  private Expr orExpr() {
    Expr e = andExpr();
    while (acceptName("or")) {
      Token at = tokens.get(pos - 1);
      e = guarded(at, Exprs::or, e, andExpr());
    }
    return e;
  }

  private Expr andExpr() {
    Expr e = notExpr();
    while (acceptName("and")) {
      Token at = tokens.get(pos - 1);
      e = guarded(at, Exprs::and, e, notExpr());
    }
    return e;
  }

  private Expr notExpr() {
    Token t = peek();
    if (acceptName("not")) {
      Expr x = notExpr();
      return guarded(t, () -> Exprs.not(x));
    }
    return comparison();
  }

  private Expr comparison() {
    Expr left = bitOr();
    List<Expr> parts = new ArrayList<>();
    while (true) {
      Token t = peek();
      Fn fn = t.kind == TokenKind.OP ? relation(t.text) : null;
      if (fn == null) {
        break;
      }
      pos++;
      Expr right = bitOr();
      Expr l = left;
      parts.add(guarded(t, () -> Exprs.apply(fn, l, right)));
      left = right;
    }
    if (parts.isEmpty()) {
      return left;
    }
    return parts.size() == 1 ? parts.get(0) : Exprs.and(parts);
  }

  private static Fn relation(String op) {
    switch (op) {
      case "==":
        return Fn.EQ;
      case "!=":
        return Fn.NE;
      case "<":
        return Fn.LT;
      case "<=":
        return Fn.LE;
      case ">":
        return Fn.GT;
      case ">=":
        return Fn.GE;
      default:
        return null;
    }
  }

  private Expr bitOr() {
    Expr e = bitXor();
    while (true) {
      Token t = peek();
      if (!acceptOp("|")) {
        return e;
      }
      Expr l = e;
      Expr r = bitXor();
      e = guarded(t, () -> l.isBoolean() && r.isBoolean() ? Exprs.or(l, r) : Exprs.apply(Fn.BITWISE_OR, l, r));
    }
  }

  private Expr bitXor() {
    Expr e = bitAnd();
    while (true) {
      Token t = peek();
      if (!acceptOp("^")) {
        return e;
      }
      Expr l = e;
      Expr r = bitAnd();
      e = guarded(t, () -> Exprs.apply(Fn.BITWISE_XOR, l, r));
    }
  }

  private Expr bitAnd() {
    Expr e = shift();
    while (true) {
      Token t = peek();
      if (!acceptOp("&")) {
        return e;
      }
      Expr l = e;
      Expr r = shift();
      e = guarded(t, () -> l.isBoolean() && r.isBoolean() ? Exprs.and(l, r) : Exprs.apply(Fn.BITWISE_AND, l, r));
    }
  }

  private Expr shift() {
    Expr e = sum();
    while (true) {
      Token t = peek();
      Fn fn = acceptOp("<<") ? Fn.LSHIFT : acceptOp(">>") ? Fn.RSHIFT : null;
      if (fn == null) {
        return e;
      }
      Expr l = e;
      Expr r = sum();
      e = guarded(t, () -> Exprs.apply(fn, l, r));
    }
  }

  private Expr sum() {
    Expr e = product();
    while (true) {
      Token t = peek();
      if (acceptOp("+")) {
        Expr l = e;
        Expr r = product();
        e = guarded(t, () -> Exprs.add(l, r));
      } else if (acceptOp("-")) {
        Expr l = e;
        Expr r = product();
        e = guarded(t, () -> Exprs.sub(l, r));
      } else {
        return e;
      }
    }
  }

  /**
   * A product is built from all its {@code *} and {@code /} factors at once (and a leading minus
   * applies to the whole product), so {@code -2*(s0 + 1)*s1} is the product sympy printed, not
   * {@code (-2*s0 - 2)*s1}.
   */
  private Expr product() {
    Token first = peek();
    boolean negate = false;
    while (peek().kind == TokenKind.OP && (peek().text.equals("-") || peek().text.equals("+"))) {
      negate ^= next().text.equals("-");
    }
    List<Expr> factors = new ArrayList<>();
    if (negate) {
      factors.add(Exprs.MINUS_ONE);
    }
    factors.add(peek().kind == TokenKind.OP && peek().text.equals("~") ? unary() : power());
    while (true) {
      Token t = peek();
      if (acceptOp("*")) {
        factors.add(unary());
      } else if (acceptOp("/")) {
        Expr r = unary();
        factors.add(guarded(t, () -> Exprs.div(Exprs.ONE, r)));
      } else if (acceptOp("//") || acceptOp("%")) {
        boolean floor = t.text.equals("//");
        Expr l = buildProduct(first, factors);
        Expr r = unary();
        factors.clear();
        factors.add(guarded(t, () -> floor ? Exprs.floorDiv(l, r) : pythonPercent(l, r)));
      } else {
        return buildProduct(first, factors);
      }
    }
  }

  private Expr buildProduct(Token at, List<Expr> factors) {
    if (factors.size() == 1) {
      return factors.get(0);
    }
    List<Expr> copy = List.copyOf(factors);
    return guarded(at, () -> Exprs.mul(copy));
  }

  /** PyTorch's SymInt {@code %}: {@code Mod} when both sides are non-negative, else PythonMod. */
  private static Expr pythonPercent(Expr l, Expr r) {
    if (l.isNonNegative() == Boolean.TRUE && r.isNonNegative() == Boolean.TRUE) {
      return Exprs.mod(l, r);
    }
    return Exprs.pythonMod(l, r);
  }

  private Expr unary() {
    Token t = peek();
    if (acceptOp("-")) {
      Expr x = unary();
      return guarded(t, () -> Exprs.neg(x));
    }
    if (acceptOp("+")) {
      return unary();
    }
    if (acceptOp("~")) {
      Expr x = unary();
      return guarded(t, () -> x.isBoolean() ? Exprs.not(x)
          : Exprs.sub(Exprs.neg(x), Exprs.ONE));
    }
    return power();
  }

  private Expr power() {
    Expr base = atom();
    Token t = peek();
    if (acceptOp("**")) {
      Expr exp = unary(); // right-associative, and -x**2 is -(x**2)
      return guarded(t, () -> Exprs.pow(base, exp));
    }
    return base;
  }

  private Expr atom() {
    Token t = next();
    switch (t.kind) {
      case NUMBER:
        return number(t);
      case NAME:
        return name(t);
      case OP:
        if (t.text.equals("(")) {
          Expr e = orExpr();
          expectOp(")");
          return e;
        }
        throw error(t, "expected an expression but found '" + t.text + "'");
      default:
        throw error(t, "expected an expression but found the end of the expression");
    }
  }

  private Expr number(Token t) {
    String s = t.text.replace("_", "");
    if (s.contains(".") || s.contains("e") || s.contains("E")) {
      return Exprs.real(Double.parseDouble(s));
    }
    return IntLit.of(new BigInteger(s));
  }

  private Expr name(Token t) {
    String n = t.text;
    switch (n) {
      case "True":
        return BoolLit.TRUE;
      case "False":
        return BoolLit.FALSE;
      case "int_oo":
        return Infinity.INT_OO;
      case "oo":
        return Infinity.OO;
      case "nan":
        return Infinity.NAN;
      default:
        break;
    }
    if (peek().kind == TokenKind.OP && peek().text.equals("(")) {
      pos++;
      return call(t);
    }
    if (Fn.byName(n) != null || n.equals("and") || n.equals("or") || n.equals("not")) {
      throw error(t, "'" + n + "' is a function or keyword, not a symbol");
    }
    return symbols.apply(n);
  }

  private Expr call(Token name) {
    String n = name.text;
    if (n.equals("Piecewise")) {
      return piecewise(name);
    }
    List<Expr> args = new ArrayList<>();
    if (!acceptOp(")")) {
      do {
        args.add(orExpr());
      } while (acceptOp(","));
      expectOp(")");
    }
    return guarded(name, () -> callFunction(name, args));
  }

  private Expr callFunction(Token name, List<Expr> args) {
    String n = name.text;
    switch (n) {
      case "max":
        return Exprs.max(requireArgs(name, args, 1));
      case "min":
        return Exprs.min(requireArgs(name, args, 1));
      case "abs":
        return Exprs.apply(Fn.ABS, requireArity(name, args, 1));
      case "sqrt":
        return Exprs.pow(requireArity(name, args, 1).get(0), Exprs.rational(1, 2));
      case "CeilDiv":
        requireArity(name, args, 2);
        return Exprs.ceilDiv(args.get(0), args.get(1));
      case "ITE":
      case "Where":
        requireArity(name, args, 3);
        return Exprs.ite(args.get(0), args.get(1), args.get(2));
      default:
        break;
    }
    Fn fn = Fn.byName(n);
    if (fn == null) {
      throw error(name, "unknown function '" + n + "'");
    }
    if (fn.arity() >= 0 && args.size() != fn.arity()) {
      throw error(name, fn.sympyName() + " takes " + fn.arity() + " argument"
          + (fn.arity() == 1 ? "" : "s") + ", " + args.size() + " given");
    }
    if ((fn == Fn.MAX || fn == Fn.MIN) && args.isEmpty()) {
      throw error(name, fn.sympyName() + " needs at least one argument");
    }
    return Exprs.apply(fn, args);
  }

  private List<Expr> requireArity(Token name, List<Expr> args, int n) {
    if (args.size() != n) {
      throw error(name, name.text + " takes " + n + " argument" + (n == 1 ? "" : "s")
          + ", " + args.size() + " given");
    }
    return args;
  }

  private List<Expr> requireArgs(Token name, List<Expr> args, int atLeast) {
    if (args.size() < atLeast) {
      throw error(name, name.text + " needs at least " + atLeast + " argument");
    }
    return args;
  }

  private Expr piecewise(Token name) {
    List<Expr> flat = new ArrayList<>();
    do {
      expectOp("(");
      flat.add(orExpr());
      expectOp(",");
      flat.add(orExpr());
      expectOp(")");
    } while (acceptOp(","));
    expectOp(")");
    return guarded(name, () -> Exprs.apply(Fn.PIECEWISE, flat));
  }

  // Construction can fail (a division by zero, a boolean where a number belongs): report it at
  // the operator's column.

  private interface Build {
    Expr get();
  }

  private Expr guarded(Token at, Build build) {
    try {
      return build.get();
    } catch (SymbolicArithmeticError | ArithmeticException | IllegalArgumentException e) {
      throw error(at, e.getMessage());
    }
  }

  private Expr guarded(Token at, java.util.function.BinaryOperator<Expr> op, Expr a, Expr b) {
    return guarded(at, () -> op.apply(a, b));
  }
}
