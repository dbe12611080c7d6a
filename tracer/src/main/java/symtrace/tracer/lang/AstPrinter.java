package symtrace.tracer.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Prints an AST as indented text, for tests and debugging: one statement per line, each
 * expression as {@code Kind@line:col(children)}.
 *
 * <pre>
 * Def@9:1 f(x@9:7)
 *   If@10:5
 *     Branch@10:5 Compare@10:8(Subscript@10:8(Attribute@10:8(Name@10:8(x), shape), Int@10:16(0)), &gt;, Int@10:21(4))
 *       Assign@11:9(Name@11:9(y) = BinOp@11:13(Name@11:13(x), *, Int@11:17(2)))
 * </pre>
 *
 * <p>Without spans ({@link #print(Expr, boolean)} with {@code false}) the text compares the
 * structure alone, so two parses of differently laid out code can be compared. Literals print
 * as Java prints them ({@code Float(1.0E-5)}, {@code Str('a\'b')}).
 */
public final class AstPrinter implements ExprVisitor<String> {
  private final boolean spans;

  private AstPrinter(boolean spans) {
    this.spans = spans;
  }

  /** Prints a program's statements, one per line, with spans. */
  public static String print(Program program) {
    return print(program.body(), true);
  }

  /** Prints statements, one per line, nested bodies indented by two spaces. */
  public static String print(List<Stmt> body, boolean withSpans) {
    List<String> lines = new ArrayList<>();
    new StatementLines(new AstPrinter(withSpans), lines).block(body, 0);
    return String.join("\n", lines);
  }

  /** Prints one expression. */
  public static String print(Expr e, boolean withSpans) {
    return e.accept(new AstPrinter(withSpans));
  }

  private String at(Span span) {
    return spans ? "@" + span.line() + ":" + span.column() : "";
  }

  private String node(String kind, Span span, String... parts) {
    return kind + at(span) + "(" + String.join(", ", parts) + ")";
  }

  private String all(List<Expr> es) {
    return es.stream().map(e -> e.accept(this)).collect(Collectors.joining(", "));
  }

  private String optional(Optional<Expr> e) {
    return e.map(x -> x.accept(this)).orElse("_");
  }

  @Override
  public String visit(Expr.Name e) {
    return node("Name", e.span(), e.id());
  }

  @Override
  public String visit(Expr.IntLit e) {
    return node("Int", e.span(), e.value().toString());
  }

  @Override
  public String visit(Expr.FloatLit e) {
    return node("Float", e.span(), Double.toString(e.value()));
  }

  @Override
  public String visit(Expr.BoolLit e) {
    return node("Bool", e.span(), e.value() ? "True" : "False");
  }

  @Override
  public String visit(Expr.NoneLit e) {
    return "None" + at(e.span());
  }

  @Override
  public String visit(Expr.StrLit e) {
    String quoted = e.value().replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n");
    return node("Str", e.span(), "'" + quoted + "'");
  }

  @Override
  public String visit(Expr.EllipsisLit e) {
    return "Ellipsis" + at(e.span());
  }

  @Override
  public String visit(Expr.TupleExpr e) {
    return node("Tuple", e.span(), all(e.elements()));
  }

  @Override
  public String visit(Expr.ListExpr e) {
    return node("List", e.span(), all(e.elements()));
  }

  @Override
  public String visit(Expr.BinOp e) {
    return node("BinOp", e.span(), e.left().accept(this), e.op().symbol(), e.right().accept(this));
  }

  @Override
  public String visit(Expr.UnaryOp e) {
    return node("UnaryOp", e.span(), e.op().symbol(), e.operand().accept(this));
  }

  @Override
  public String visit(Expr.Compare e) {
    List<String> parts = new ArrayList<>();
    parts.add(e.left().accept(this));
    for (int i = 0; i < e.ops().size(); i++) {
      parts.add(e.ops().get(i).symbol());
      parts.add(e.comparators().get(i).accept(this));
    }
    return node("Compare", e.span(), parts.toArray(String[]::new));
  }

  @Override
  public String visit(Expr.BoolOp e) {
    return node("BoolOp", e.span(), e.op().symbol(), all(e.values()));
  }

  @Override
  public String visit(Expr.IfExp e) {
    return node("IfExp", e.span(),
        e.test().accept(this), e.body().accept(this), e.orElse().accept(this));
  }

  @Override
  public String visit(Expr.Call e) {
    List<String> parts = new ArrayList<>();
    parts.add(e.func().accept(this));
    e.args().forEach(a -> parts.add(a.accept(this)));
    e.keywords().forEach(k -> parts.add(k.name() + at(k.span()) + "=" + k.value().accept(this)));
    return node("Call", e.span(), parts.toArray(String[]::new));
  }

  @Override
  public String visit(Expr.Attribute e) {
    return node("Attribute", e.span(), e.value().accept(this), e.attr());
  }

  @Override
  public String visit(Expr.Subscript e) {
    return node("Subscript", e.span(), e.value().accept(this), e.index().accept(this));
  }

  @Override
  public String visit(Expr.Slice e) {
    return node("Slice", e.span(), optional(e.lower()), optional(e.upper()), optional(e.step()));
  }

  /** The statement half: appends one line per statement to a list. */
  private static final class StatementLines implements StmtVisitor<Void> {
    private final AstPrinter expr;
    private final List<String> lines;
    private int indent;

    StatementLines(AstPrinter expr, List<String> lines) {
      this.expr = expr;
      this.lines = lines;
    }

    void block(List<Stmt> body, int level) {
      int saved = indent;
      indent = level;
      body.forEach(s -> s.accept(this));
      indent = saved;
    }

    private void line(String text) {
      lines.add("  ".repeat(indent) + text);
    }

    private String head(String kind, Span span) {
      return kind + expr.at(span);
    }

    private String e(Expr e) {
      return e.accept(expr);
    }

    @Override
    public Void visit(Stmt.Def s) {
      String params = s.params().stream().map(this::param).collect(Collectors.joining(", "));
      line(head("Def", s.span()) + " " + s.name() + "(" + params + ")");
      block(s.body(), indent + 1);
      return null;
    }

    private String param(Stmt.Param p) {
      String type = p.type() == Stmt.ParamType.TENSOR ? "" : ": " + p.type().name().toLowerCase(Locale.ROOT);
      String def = p.defaultValue().map(d -> " = " + e(d)).orElse("");
      return p.name() + expr.at(p.span()) + type + def;
    }

    @Override
    public Void visit(Stmt.Assign s) {
      String targets = s.targets().stream().map(this::e).collect(Collectors.joining(" = "));
      line(head("Assign", s.span()) + "(" + targets + " = " + e(s.value()) + ")");
      return null;
    }

    @Override
    public Void visit(Stmt.AugAssign s) {
      line(head("AugAssign", s.span()) + "(" + e(s.target()) + " " + s.op().symbol() + "= "
          + e(s.value()) + ")");
      return null;
    }

    @Override
    public Void visit(Stmt.If s) {
      line(head("If", s.span()));
      for (Stmt.IfBranch b : s.branches()) {
        indent++;
        line(head("Branch", b.span()) + " " + e(b.test()));
        block(b.body(), indent + 1);
        indent--;
      }
      if (!s.orElse().isEmpty()) {
        indent++;
        line("Else");
        block(s.orElse(), indent + 1);
        indent--;
      }
      return null;
    }

    @Override
    public Void visit(Stmt.For s) {
      line(head("For", s.span()) + " " + e(s.target()) + " in " + e(s.iter()));
      block(s.body(), indent + 1);
      return null;
    }

    @Override
    public Void visit(Stmt.Return s) {
      line(head("Return", s.span()) + s.value().map(v -> " " + e(v)).orElse(""));
      return null;
    }

    @Override
    public Void visit(Stmt.Assert s) {
      line(head("Assert", s.span()) + " " + e(s.test())
          + s.message().map(m -> ", " + e(m)).orElse(""));
      return null;
    }

    @Override
    public Void visit(Stmt.Pass s) {
      line(head("Pass", s.span()));
      return null;
    }

    @Override
    public Void visit(Stmt.ExprStmt s) {
      line(head("Expr", s.span()) + " " + e(s.value()));
      return null;
    }

    @Override
    public Void visit(Stmt.Import s) {
      line(head("Import", s.span()) + " " + aliases(s.names()));
      return null;
    }

    @Override
    public Void visit(Stmt.ImportFrom s) {
      line(head("ImportFrom", s.span()) + " " + ".".repeat(s.level()) + s.module() + " import "
          + aliases(s.names()));
      return null;
    }

    private String aliases(List<Stmt.Alias> names) {
      return names.stream()
          .map(a -> a.name() + expr.at(a.span()) + a.asName().map(n -> " as " + n).orElse(""))
          .collect(Collectors.joining(", "));
    }
  }
}
