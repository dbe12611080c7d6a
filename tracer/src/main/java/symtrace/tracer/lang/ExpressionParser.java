package symtrace.tracer.lang;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import symtrace.tracer.lang.Expr.BinaryOperator;
import symtrace.tracer.lang.Expr.BoolOperator;
import symtrace.tracer.lang.Expr.CompareOperator;
import symtrace.tracer.lang.Expr.UnaryOperator;
import symtrace.tracer.lang.Token.Kind;

/**
 * Recursive descent over Python's expression grammar, one method per precedence level, lowest
 * first:
 *
 * <pre>
 * test        := or_test ['if' or_test 'else' test]          (lambda: unsupported)
 * or_test     := and_test ('or' and_test)*
 * and_test    := not_test ('and' not_test)*
 * not_test    := 'not' not_test | comparison
 * comparison  := bitwise (('=='|'!='|'&lt;'|'&lt;='|'&gt;'|'&gt;=') bitwise)*   (in, is: unsupported)
 * bitwise     := arith                                     (| ^ &amp; &lt;&lt; &gt;&gt;: unsupported)
 * arith       := term (('+'|'-') term)*
 * term        := factor (('*'|'/'|'//'|'%'|'@') factor)*
 * factor      := ('-'|'+') factor | power                  (~: unsupported)
 * power       := primary ['**' factor]
 * primary     := atom ('.' NAME | '(' args ')' | '[' subscripts ']')*
 * atom        := NAME | number | string+ | '...' | True | False | None
 *              | '(' [test (',' test)* [',']] ')' | '[' [test (',' test)* [',']] ']'
 * </pre>
 *
 * <p>So {@code -x ** 2} is {@code -(x ** 2)}, {@code 2 ** -1} is allowed, {@code a < b < c} is
 * one {@link Expr.Compare}, and {@code not a == b} is {@code not (a == b)}, as in Python.
 * Constructs of Python outside the subset are recognized where they occur and rejected with an
 * {@link UnsupportedConstructError} naming them.
 *
 * <p>Nesting depth is bounded ({@link #MAX_NESTING}), so that no input overflows the stack; the
 * lexer also bounds bracket depth. Each token is consumed once: the cost is linear.
 */
final class ExpressionParser {
  /** The deepest recursion through {@code test}, {@code not} and unary operators allowed. */
  static final int MAX_NESTING = 1000;

  private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");
  private static final Map<String, String> BITWISE_HINTS = Map.of(
      "|", "; use torch.logical_or", "&", "; use torch.logical_and",
      "^", "; use torch.logical_xor", "<<", "", ">>", "");

  private static final Set<String> EXPRESSION_KEYWORDS =
      Set.of("not", "lambda", "None", "True", "False", "await", "yield");
  private static final Set<String> EXPRESSION_OPERATORS =
      Set.of("(", "[", "{", "-", "+", "~", "...", "*");

  private final TokenStream in;
  private int depth;

  ExpressionParser(TokenStream in) {
    this.in = in;
  }

  /** {@code test (',' test)* [',']}: a tuple when there is a comma, as after {@code return}. */
  Expr testList() {
    Token start = in.peek();
    Expr first = test();
    if (!in.at(",")) {
      return first;
    }
    List<Expr> elements = new ArrayList<>();
    elements.add(first);
    while (in.accept(",")) {
      if (!startsExpression(in.peek())) {
        break;
      }
      elements.add(test());
    }
    return new Expr.TupleExpr(elements, start.span());
  }

  /**
   * The target list of a {@code for} loop: operands above comparisons, so that the loop's
   * {@code in} is not read as an operator.
   */
  Expr targetList() {
    Token start = in.peek();
    Expr first = bitwise();
    if (!in.at(",")) {
      return first;
    }
    List<Expr> elements = new ArrayList<>();
    elements.add(first);
    while (in.accept(",")) {
      if (in.at("in") || !startsExpression(in.peek())) {
        break;
      }
      elements.add(bitwise());
    }
    return new Expr.TupleExpr(elements, start.span());
  }

  /** One expression, without a top-level comma. */
  Expr test() {
    Token start = in.peek();
    if (start.is("lambda")) {
      throw unsupported(start, "lambda", "lambda is not supported");
    }
    enter(start);
    Expr body = orTest();
    Expr result = body;
    if (in.at("if")) {
      in.next();
      Expr condition = orTest();
      if (!in.at("else")) {
        throw new ParseError(in.peek().span(), "expected 'else' after 'if' expression, found "
            + in.peek().describe());
      }
      in.next();
      Expr orElse = test();
      result = new Expr.IfExp(condition, body, orElse, start.span());
    }
    if (in.at(":=")) {
      throw unsupported(in.peek(), "walrus", "assignment expressions (:=) are not supported");
    }
    depth--;
    return result;
  }

  private Expr orTest() {
    Token start = in.peek();
    Expr first = andTest();
    if (!in.at("or")) {
      return first;
    }
    List<Expr> values = new ArrayList<>();
    values.add(first);
    while (in.accept("or")) {
      values.add(andTest());
    }
    return new Expr.BoolOp(BoolOperator.OR, values, start.span());
  }

  private Expr andTest() {
    Token start = in.peek();
    Expr first = notTest();
    if (!in.at("and")) {
      return first;
    }
    List<Expr> values = new ArrayList<>();
    values.add(first);
    while (in.accept("and")) {
      values.add(notTest());
    }
    return new Expr.BoolOp(BoolOperator.AND, values, start.span());
  }

  private Expr notTest() {
    if (!in.at("not")) {
      return comparison();
    }
    Token not = in.next();
    enter(not);
    Expr operand = notTest();
    depth--;
    return new Expr.UnaryOp(UnaryOperator.NOT, operand, not.span());
  }

  private Expr comparison() {
    Token start = in.peek();
    Expr left = bitwise();
    List<CompareOperator> ops = new ArrayList<>();
    List<Expr> comparators = new ArrayList<>();
    while (true) {
      Token t = in.peek();
      if (t.kind() == Kind.OP && COMPARISONS.contains(t.text())) {
        in.next();
        ops.add(CompareOperator.fromSymbol(t.text()).orElseThrow());
      } else if (t.is("in")) {
        throw unsupported(t, "in", "the 'in' operator is not supported");
      } else if (t.is("not") && in.peek(1).is("in")) {
        throw unsupported(t, "not in", "the 'not in' operator is not supported");
      } else if (t.is("is")) {
        throw unsupported(t, "is", "'is' comparisons are not supported");
      } else {
        break;
      }
      comparators.add(bitwise());
    }
    return ops.isEmpty() ? left : new Expr.Compare(left, ops, comparators, start.span());
  }

  /** The bitwise levels of Python's grammar: an operand, which no bitwise operator may follow. */
  private Expr bitwise() {
    Expr operand = arith();
    Token t = in.peek();
    if (t.kind() == Kind.OP && BITWISE_HINTS.containsKey(t.text())) {
      throw unsupported(t, "bitwise operator",
          "bitwise operator '" + t.text() + "' is not supported" + BITWISE_HINTS.get(t.text()));
    }
    return operand;
  }

  private Expr arith() {
    Token start = in.peek();
    Expr left = term();
    while (in.at("+") || in.at("-")) {
      BinaryOperator op = BinaryOperator.fromSymbol(in.next().text()).orElseThrow();
      left = new Expr.BinOp(left, op, term(), start.span());
    }
    return left;
  }

  private Expr term() {
    Token start = in.peek();
    Expr left = factor();
    while (in.at("*") || in.at("/") || in.at("//") || in.at("%") || in.at("@")) {
      BinaryOperator op = BinaryOperator.fromSymbol(in.next().text()).orElseThrow();
      left = new Expr.BinOp(left, op, factor(), start.span());
    }
    return left;
  }

  private Expr factor() {
    Token t = in.peek();
    if (t.is("~")) {
      throw unsupported(t, "bitwise operator",
          "bitwise operator '~' is not supported; use torch.logical_not");
    }
    if (!t.is("-") && !t.is("+")) {
      return power();
    }
    in.next();
    enter(t);
    Expr operand = factor();
    depth--;
    return new Expr.UnaryOp(t.is("-") ? UnaryOperator.NEG : UnaryOperator.POS, operand, t.span());
  }

  private Expr power() {
    Token start = in.peek();
    Expr base = primary();
    if (!in.at("**")) {
      return base;
    }
    Token op = in.next();
    enter(op);
    Expr exponent = factor();
    depth--;
    return new Expr.BinOp(base, BinaryOperator.POW, exponent, start.span());
  }

  private Expr primary() {
    Token start = in.peek();
    if (start.is("await")) {
      throw unsupported(start, "await", "await is not supported");
    }
    Expr e = atom();
    while (true) {
      if (in.accept(".")) {
        Token name = in.expectName("an attribute name");
        e = new Expr.Attribute(e, name.text(), start.span());
      } else if (in.at("(")) {
        e = call(e, start.span());
      } else if (in.at("[")) {
        e = subscript(e, start.span());
      } else {
        return e;
      }
    }
  }

  private Expr call(Expr func, Span span) {
    in.next();
    List<Expr> args = new ArrayList<>();
    List<Expr.Keyword> keywords = new ArrayList<>();
    Set<String> names = new HashSet<>();
    while (!in.at(")")) {
      Token t = in.peek();
      if (t.is("*")) {
        throw unsupported(t, "*args", "*args are not supported");
      }
      if (t.is("**")) {
        throw unsupported(t, "**kwargs", "**kwargs are not supported");
      }
      if (t.kind() == Kind.NAME && in.peek(1).is("=")) {
        in.next();
        in.next();
        if (!names.add(t.text())) {
          throw new ParseError(t.span(), "keyword argument repeated: " + t.text());
        }
        keywords.add(new Expr.Keyword(t.text(), test(), t.span()));
      } else {
        Expr arg = test();
        if (in.at("for") || in.at("async")) {
          throw unsupported(t, "comprehension", "comprehensions are not supported");
        }
        if (!keywords.isEmpty()) {
          throw new ParseError(t.span(), "positional argument follows keyword argument");
        }
        args.add(arg);
      }
      if (!in.accept(",")) {
        break;
      }
    }
    if (!in.at(")")) {
      throw in.expected("',' or ')'");
    }
    in.next();
    return new Expr.Call(func, args, keywords, span);
  }

  private Expr subscript(Expr value, Span span) {
    in.next();
    if (in.at("]")) {
      throw in.expected("an index");
    }
    Token first = in.peek();
    List<Expr> items = new ArrayList<>();
    items.add(subscriptItem());
    boolean comma = false;
    while (in.accept(",")) {
      comma = true;
      if (in.at("]")) {
        break;
      }
      items.add(subscriptItem());
    }
    if (!in.at("]")) {
      throw in.expected("',' or ']'");
    }
    in.next();
    Expr index = comma ? new Expr.TupleExpr(items, first.span()) : items.get(0);
    return new Expr.Subscript(value, index, span);
  }

  /** {@code test} or a slice {@code [test] ':' [test] [':' [test]]}. */
  private Expr subscriptItem() {
    Token start = in.peek();
    Optional<Expr> lower = Optional.empty();
    if (!in.at(":")) {
      Expr e = test();
      if (!in.at(":")) {
        return e;
      }
      lower = Optional.of(e);
    }
    in.next();
    Optional<Expr> upper = endOfSlicePart() ? Optional.empty() : Optional.of(test());
    Optional<Expr> step = Optional.empty();
    if (in.accept(":")) {
      step = endOfSlicePart() ? Optional.empty() : Optional.of(test());
    }
    return new Expr.Slice(lower, upper, step, start.span());
  }

  private boolean endOfSlicePart() {
    return in.at(":") || in.at(",") || in.at("]");
  }

  private Expr atom() {
    Token t = in.peek();
    switch (t.kind()) {
      case NAME:
        in.next();
        return new Expr.Name(t.text(), t.span());
      case INT:
        in.next();
        return new Expr.IntLit((BigInteger) t.value(), t.span());
      case FLOAT:
        in.next();
        return new Expr.FloatLit((Double) t.value(), t.span());
      case STRING:
        return strings();
      case KEYWORD:
        return keywordAtom(t);
      case OP:
        return operatorAtom(t);
      default:
        throw in.expected("an expression");
    }
  }

  private Expr strings() {
    Token first = in.peek();
    StringBuilder value = new StringBuilder();
    while (in.at(Kind.STRING)) {
      value.append((String) in.next().value());
    }
    return new Expr.StrLit(value.toString(), first.span());
  }

  private Expr keywordAtom(Token t) {
    switch (t.text()) {
      case "True":
      case "False":
        in.next();
        return new Expr.BoolLit(t.text().equals("True"), t.span());
      case "None":
        in.next();
        return new Expr.NoneLit(t.span());
      case "lambda":
        throw unsupported(t, "lambda", "lambda is not supported");
      case "yield":
        throw unsupported(t, "yield", "yield is not supported");
      case "await":
        throw unsupported(t, "await", "await is not supported");
      default:
        throw in.expected("an expression");
    }
  }

  private Expr operatorAtom(Token t) {
    switch (t.text()) {
      case "(":
        return parenthesized();
      case "[":
        return list();
      case "{":
        throw braces();
      case "...":
        in.next();
        return new Expr.EllipsisLit(t.span());
      case "*":
        throw unsupported(t, "starred", "starred expressions are not supported");
      default:
        throw in.expected("an expression");
    }
  }

  private Expr parenthesized() {
    Token open = in.next();
    if (in.accept(")")) {
      return new Expr.TupleExpr(List.of(), open.span());
    }
    Expr first = test();
    if (in.at("for") || in.at("async")) {
      throw unsupported(open, "comprehension", "comprehensions are not supported");
    }
    if (in.accept(")")) {
      return first;
    }
    if (!in.at(",")) {
      throw in.expected("',' or ')'");
    }
    List<Expr> elements = new ArrayList<>();
    elements.add(first);
    while (in.accept(",")) {
      if (in.at(")")) {
        break;
      }
      elements.add(test());
    }
    if (!in.at(")")) {
      throw in.expected("',' or ')'");
    }
    in.next();
    return new Expr.TupleExpr(elements, open.span());
  }

  private Expr list() {
    Token open = in.next();
    List<Expr> elements = new ArrayList<>();
    if (in.accept("]")) {
      return new Expr.ListExpr(elements, open.span());
    }
    elements.add(test());
    if (in.at("for") || in.at("async")) {
      throw unsupported(open, "comprehension", "comprehensions are not supported");
    }
    while (in.accept(",")) {
      if (in.at("]")) {
        break;
      }
      elements.add(test());
    }
    if (!in.at("]")) {
      throw in.expected("',' or ']'");
    }
    in.next();
    return new Expr.ListExpr(elements, open.span());
  }

  /** A dict or set display, a dict or set comprehension: all outside the subset. */
  private UnsupportedConstructError braces() {
    Token open = in.next();
    if (in.at("}") || in.at("**")) {
      return unsupported(open, "dict", "dict literals are not supported");
    }
    test();
    boolean dict = in.accept(":");
    if (dict) {
      test();
    }
    if (in.at("for") || in.at("async")) {
      return unsupported(open, "comprehension", "comprehensions are not supported");
    }
    return dict
        ? unsupported(open, "dict", "dict literals are not supported")
        : unsupported(open, "set", "set literals are not supported");
  }

  /** Returns whether {@code t} can start an expression (to tell a trailing comma). */
  static boolean startsExpression(Token t) {
    switch (t.kind()) {
      case NAME:
      case INT:
      case FLOAT:
      case STRING:
        return true;
      case KEYWORD:
        return EXPRESSION_KEYWORDS.contains(t.text());
      case OP:
        return EXPRESSION_OPERATORS.contains(t.text());
      default:
        return false;
    }
  }

  private void enter(Token at) {
    if (++depth > MAX_NESTING) {
      throw new ParseError(at.span(), "expression is nested too deeply");
    }
  }

  static UnsupportedConstructError unsupported(Token at, String construct, String problem) {
    return new UnsupportedConstructError(at.span(), construct, problem);
  }
}
