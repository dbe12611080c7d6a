package symtrace.tracer.lang;

import static symtrace.tracer.lang.ExpressionParser.unsupported;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import symtrace.tracer.lang.Expr.BinaryOperator;
import symtrace.tracer.lang.Token.Kind;

/**
 * Recursive descent over Python's statement grammar:
 *
 * <pre>
 * file          := (statement)* END
 * statement     := def | if | for | simple (';' simple)* [';'] NEWLINE
 * block         := ':' (simple-statements | NEWLINE INDENT statement+ DEDENT)
 * def           := 'def' NAME '(' [param (',' param)* [',']] ')' ['-&gt;' test] block
 * param         := NAME [':' test] ['=' test]
 * if            := 'if' test block ('elif' test block)* ['else' block]
 * for           := 'for' targets 'in' test-list block
 * simple        := pass | return [test-list] | assert test [',' test] | import | from-import
 *                | test-list ('=' test-list)* | target aug-op test-list | test-list
 * </pre>
 *
 * <p>Statements of Python outside the subset ({@code while}, {@code class}, {@code with},
 * {@code try}, {@code global}, {@code del}, decorators, ...) are rejected at their first token
 * with an {@link UnsupportedConstructError}; malformed ones with a {@link ParseError} whose
 * message follows CPython's where it has a clear one. Assignment targets are checked as CPython
 * checks them ({@code cannot assign to function call}).
 */
final class StatementParser {
  private static final Map<String, String> UNSUPPORTED_STATEMENTS = Map.ofEntries(
      Map.entry("while", "while loops are not supported"),
      Map.entry("class", "class definitions are not supported"),
      Map.entry("with", "with statements are not supported"),
      Map.entry("try", "try statements are not supported"),
      Map.entry("async", "async statements are not supported"),
      Map.entry("global", "global statements are not supported"),
      Map.entry("nonlocal", "nonlocal statements are not supported"),
      Map.entry("del", "del statements are not supported"),
      Map.entry("raise", "raise statements are not supported"),
      Map.entry("break", "break statements are not supported"),
      Map.entry("continue", "continue statements are not supported"));

  private static final Set<String> COMPOUND_UNSUPPORTED =
      Set.of("while", "class", "with", "try", "async");

  /** Keywords that cannot start a statement: a statement here is a syntax error. */
  private static final Set<String> NOT_STATEMENT_STARTS = Set.of(
      "elif", "else", "except", "finally", "in", "is", "and", "or", "as", "if", "for", "def");

  private static final Set<String> AUGMENTED = Set.of(
      "+=", "-=", "*=", "/=", "//=", "%=", "**=", "@=");

  private static final Set<String> BITWISE_AUGMENTED = Set.of("&=", "|=", "^=", "<<=", ">>=");

  private final TokenStream in;
  private final ExpressionParser expressions;
  private int functionDepth;

  StatementParser(TokenStream in) {
    this.in = in;
    this.expressions = new ExpressionParser(in);
  }

  /** Parses a whole file. */
  List<Stmt> file() {
    List<Stmt> body = new ArrayList<>();
    while (!in.at(Kind.END)) {
      statement(body);
    }
    return body;
  }

  /** Parses one statement (one line may hold several simple ones) and appends it to {@code out}. */
  private void statement(List<Stmt> out) {
    Token t = in.peek();
    switch (t.kind()) {
      case NEWLINE:
        in.next();
        return;
      case INDENT:
        throw new ParseError(t.span(), "unexpected indent");
      case DEDENT:
        throw new ParseError(t.span(), "unexpected unindent");
      default:
        break;
    }
    if (t.is("def")) {
      out.add(def());
    } else if (t.is("if")) {
      out.add(ifStatement());
    } else if (t.is("for")) {
      out.add(forStatement());
    } else if (t.is("@")) {
      throw unsupported(t, "decorator", "decorators are not supported");
    } else if (t.kind() == Kind.KEYWORD && COMPOUND_UNSUPPORTED.contains(t.text())) {
      throw unsupported(t, t.text(), UNSUPPORTED_STATEMENTS.get(t.text()));
    } else {
      simpleStatements(out);
    }
  }

  private void simpleStatements(List<Stmt> out) {
    while (true) {
      out.add(smallStatement());
      if (!in.accept(";")) {
        break;
      }
      if (in.at(Kind.NEWLINE)) {
        break;
      }
    }
    if (!in.at(Kind.NEWLINE)) {
      throw in.expected("end of line");
    }
    in.next();
  }

  private Stmt smallStatement() {
    Token t = in.peek();
    if (t.kind() == Kind.KEYWORD) {
      if (UNSUPPORTED_STATEMENTS.containsKey(t.text())) {
        throw unsupported(t, t.text(), UNSUPPORTED_STATEMENTS.get(t.text()));
      }
      if (NOT_STATEMENT_STARTS.contains(t.text())) {
        throw in.expected("a statement");
      }
      switch (t.text()) {
        case "pass":
          in.next();
          return new Stmt.Pass(t.span());
        case "return":
          return returnStatement();
        case "assert":
          return assertStatement();
        case "import":
          return importStatement();
        case "from":
          return importFrom();
        default:
          break;
      }
    }
    return expressionStatement();
  }

  private Stmt returnStatement() {
    Token kw = in.next();
    if (functionDepth == 0) {
      throw new ParseError(kw.span(), "'return' outside function");
    }
    if (in.at(Kind.NEWLINE) || in.at(";")) {
      return new Stmt.Return(Optional.empty(), kw.span());
    }
    return new Stmt.Return(Optional.of(expressions.testList()), kw.span());
  }

  private Stmt assertStatement() {
    Token kw = in.next();
    Expr test = expressions.test();
    Optional<Expr> message = in.accept(",") ? Optional.of(expressions.test()) : Optional.empty();
    return new Stmt.Assert(test, message, kw.span());
  }

  private Stmt expressionStatement() {
    Token start = in.peek();
    Expr first = expressions.testList();
    Token t = in.peek();
    if (t.is("=")) {
      List<Expr> chain = new ArrayList<>();
      chain.add(first);
      while (in.accept("=")) {
        chain.add(expressions.testList());
      }
      Expr value = chain.remove(chain.size() - 1);
      for (Expr target : chain) {
        Targets.checkAssignable(target);
      }
      return new Stmt.Assign(chain, value, start.span());
    }
    if (t.kind() == Kind.OP && AUGMENTED.contains(t.text())) {
      Targets.checkAugmentable(first);
      in.next();
      String symbol = t.text().substring(0, t.text().length() - 1);
      BinaryOperator op = BinaryOperator.fromSymbol(symbol).orElseThrow();
      return new Stmt.AugAssign(first, op, expressions.testList(), start.span());
    }
    if (t.kind() == Kind.OP && BITWISE_AUGMENTED.contains(t.text())) {
      throw unsupported(t, "augmented assignment",
          "augmented assignment '" + t.text() + "' is not supported");
    }
    if (t.is(":")) {
      throw unsupported(start, "annotated assignment", "annotated assignments are not supported");
    }
    return new Stmt.ExprStmt(first, start.span());
  }

  // ---- compound statements ----

  private Stmt def() {
    Token kw = in.next();
    Token name = in.expectName("a function name");
    in.expect("(");
    List<Stmt.Param> params = parameters();
    in.expect(")");
    if (in.accept("->")) {
      expressions.test(); // A return annotation documents; it does not change tracing.
    }
    functionDepth++;
    List<Stmt> body = block("function definition", kw);
    functionDepth--;
    return new Stmt.Def(name.text(), params, body, kw.span());
  }

  private List<Stmt.Param> parameters() {
    List<Stmt.Param> params = new ArrayList<>();
    Set<String> names = new HashSet<>();
    boolean seenDefault = false;
    while (!in.at(")")) {
      Token t = in.peek();
      if (t.is("*")) {
        throw in.peek(1).kind() == Kind.NAME
            ? unsupported(t, "*args", "*args are not supported")
            : unsupported(t, "keyword-only parameters", "keyword-only parameters are not supported");
      }
      if (t.is("**")) {
        throw unsupported(t, "**kwargs", "**kwargs are not supported");
      }
      if (t.is("/")) {
        throw unsupported(t, "positional-only parameters",
            "positional-only parameters are not supported");
      }
      Token name = in.expectName("a parameter name");
      if (!names.add(name.text())) {
        throw new ParseError(name.span(),
            "duplicate argument '" + name.text() + "' in function definition");
      }
      Stmt.ParamType type = Stmt.ParamType.TENSOR;
      if (in.accept(":")) {
        type = annotation(expressions.test());
      }
      Optional<Expr> defaultValue = Optional.empty();
      if (in.accept("=")) {
        defaultValue = Optional.of(expressions.test());
        seenDefault = true;
      } else if (seenDefault) {
        throw new ParseError(name.span(), "non-default argument follows default argument");
      }
      params.add(new Stmt.Param(name.text(), type, defaultValue, name.span()));
      if (!in.accept(",")) {
        break;
      }
    }
    if (!in.at(")")) {
      throw in.expected("',' or ')'");
    }
    return params;
  }

  private static Stmt.ParamType annotation(Expr e) {
    if (e instanceof Expr.Name n) {
      switch (n.id()) {
        case "int":
          return Stmt.ParamType.INT;
        case "float":
          return Stmt.ParamType.FLOAT;
        case "bool":
          return Stmt.ParamType.BOOL;
        case "Tensor":
          return Stmt.ParamType.TENSOR;
        default:
          break;
      }
    }
    if (e instanceof Expr.Attribute a && a.attr().equals("Tensor")
        && a.value() instanceof Expr.Name n && n.id().equals("torch")) {
      return Stmt.ParamType.TENSOR;
    }
    throw new UnsupportedConstructError(e.span(), "parameter annotation",
        "parameter annotations other than int, float, bool and torch.Tensor are not supported");
  }

  private Stmt ifStatement() {
    Token kw = in.next();
    List<Stmt.IfBranch> branches = new ArrayList<>();
    Expr test = expressions.test();
    branches.add(new Stmt.IfBranch(test, block("'if' statement", kw), kw.span()));
    while (in.at("elif")) {
      Token elif = in.next();
      Expr condition = expressions.test();
      branches.add(new Stmt.IfBranch(condition, block("'elif' statement", elif), elif.span()));
    }
    List<Stmt> orElse = List.of();
    if (in.at("else")) {
      Token elseToken = in.next();
      orElse = block("'else' statement", elseToken);
    }
    return new Stmt.If(branches, orElse, kw.span());
  }

  private Stmt forStatement() {
    Token kw = in.next();
    Expr target = expressions.targetList();
    Targets.checkAssignable(target);
    in.expect("in");
    Expr iter = expressions.testList();
    List<Stmt> body = block("'for' statement", kw);
    if (in.at("else")) {
      throw unsupported(in.peek(), "for-else", "else clauses on for loops are not supported");
    }
    return new Stmt.For(target, iter, body, kw.span());
  }

  /**
   * Parses {@code ':'} and a block: simple statements on the same line, or an indented block.
   *
   * @param what the statement, for {@code expected an indented block after 'if' statement on line 3}
   * @param keyword the token that starts the statement
   */
  private List<Stmt> block(String what, Token keyword) {
    in.expect(":");
    List<Stmt> body = new ArrayList<>();
    if (!in.at(Kind.NEWLINE)) {
      simpleStatements(body);
      return body;
    }
    in.next();
    if (!in.at(Kind.INDENT)) {
      throw new ParseError(in.peek().span(), "expected an indented block after " + what
          + " on line " + keyword.span().line());
    }
    in.next();
    while (!in.at(Kind.DEDENT) && !in.at(Kind.END)) {
      statement(body);
    }
    if (in.at(Kind.DEDENT)) {
      in.next();
    }
    return body;
  }

  // ---- imports ----

  private Stmt importStatement() {
    Token kw = in.next();
    List<Stmt.Alias> names = new ArrayList<>();
    do {
      Token first = in.peek();
      String name = dottedName();
      names.add(new Stmt.Alias(name, asName(), first.span()));
    } while (in.accept(","));
    return new Stmt.Import(names, kw.span());
  }

  private Stmt importFrom() {
    Token kw = in.next();
    int level = 0;
    while (in.at(".") || in.at("...")) {
      level += in.next().text().length();
    }
    String module = level > 0 && in.at("import") ? "" : dottedName();
    in.expect("import");
    if (in.at("*")) {
      throw unsupported(in.peek(), "star import", "'from ... import *' is not supported");
    }
    boolean parenthesized = in.accept("(");
    List<Stmt.Alias> names = new ArrayList<>();
    while (true) {
      Token name = in.expectName("a name to import");
      names.add(new Stmt.Alias(name.text(), asName(), name.span()));
      if (!in.accept(",")) {
        break;
      }
      if (parenthesized && in.at(")")) {
        break;
      }
    }
    if (parenthesized) {
      in.expect(")");
    }
    return new Stmt.ImportFrom(module, names, level, kw.span());
  }

  private String dottedName() {
    StringBuilder name = new StringBuilder(in.expectName("a module name").text());
    while (in.accept(".")) {
      name.append('.').append(in.expectName("a module name").text());
    }
    return name.toString();
  }

  private Optional<String> asName() {
    return in.accept("as") ? Optional.of(in.expectName("a name after 'as'").text())
        : Optional.empty();
  }
}
