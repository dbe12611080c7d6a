package symtrace.tracer.lang;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A statement of the program language: one record per kind, each with the {@link Span} of its
 * first token.
 *
 * <h2>Kinds</h2>
 *
 * <ul>
 *   <li>{@link Def}: a function definition with {@link Param}s; its span is the {@code def}
 *       keyword.
 *   <li>{@link Assign}: {@code t1 = t2 = value}; each target is a {@link Expr.Name}, a {@link
 *       Expr.Subscript} ({@code x[idx] = v}) or a {@link Expr.TupleExpr}/{@link Expr.ListExpr}
 *       of targets ({@code a, b = e}). The span is the first target's.
 *   <li>{@link AugAssign}: {@code target op= value} for an arithmetic operator; the target is a
 *       name or a subscript.
 *   <li>{@link If}: {@code if}, any {@code elif}s and an optional {@code else}, as a list of
 *       {@link IfBranch}es (each with the span of its keyword) and the else body.
 *   <li>{@link For}: {@code for target in iter:}; {@code iter} is a {@code range(...)} call or
 *       any iterable expression, told apart when the loop is run.
 *   <li>{@link Return}, {@link Assert} (with an optional message), {@link Pass}.
 *   <li>{@link ExprStmt}: an expression evaluated for its effect ({@code x.add_(y)}) or a
 *       docstring.
 *   <li>{@link Import} and {@link ImportFrom}: accepted and recorded; the tracer ignores them.
 * </ul>
 *
 * <p>Bodies are non-empty lists. Records validate their components and copy lists. Dispatch
 * with {@link #accept(StmtVisitor)}.
 */
public sealed interface Stmt {
  /** Where the statement starts. */
  Span span();

  /** Calls the {@code visit} overload of {@code visitor} for this kind of statement. */
  <R> R accept(StmtVisitor<R> visitor);

  /** What a parameter is, from its annotation. */
  enum ParamType {
    /** No annotation, or {@code torch.Tensor}: a tensor input. */
    TENSOR,
    /** {@code int}: a SymInt in symbolic mode. */
    INT,
    /** {@code float}: a SymFloat in symbolic mode. */
    FLOAT,
    /** {@code bool}: a SymBool in symbolic mode. */
    BOOL
  }

  /** A parameter {@code name: type = default}; the span is the name's. */
  record Param(String name, ParamType type, Optional<Expr> defaultValue, Span span) {
    public Param {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(defaultValue, "defaultValue");
      Objects.requireNonNull(span, "span");
    }
  }

  /** {@code def name(params): body}. Parameter names are distinct. */
  record Def(String name, List<Param> params, List<Stmt> body, Span span) implements Stmt {
    public Def {
      Objects.requireNonNull(name, "name");
      params = List.copyOf(params);
      body = nonEmpty(body);
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(StmtVisitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code targets[0] = targets[1] = ... = value}, assigned left to right. */
  record Assign(List<Expr> targets, Expr value, Span span) implements Stmt {
    public Assign {
      targets = nonEmpty(targets);
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(StmtVisitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code target op= value}. */
  record AugAssign(Expr target, Expr.BinaryOperator op, Expr value, Span span) implements Stmt {
    public AugAssign {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(StmtVisitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** One {@code if test:} or {@code elif test:} branch; the span is the keyword's. */
  record IfBranch(Expr test, List<Stmt> body, Span span) {
    public IfBranch {
      Objects.requireNonNull(test, "test");
      body = nonEmpty(body);
      Objects.requireNonNull(span, "span");
    }
  }

  /**
   * {@code if}/{@code elif}/{@code else}: the first branch whose test is true runs, else the
   * {@code orElse} body (empty when there is no {@code else}).
   */
  record If(List<IfBranch> branches, List<Stmt> orElse, Span span) implements Stmt {
    public If {
      branches = nonEmpty(branches);
      orElse = List.copyOf(orElse);
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(StmtVisitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code for target in iter: body}. */
  record For(Expr target, Expr iter, List<Stmt> body, Span span) implements Stmt {
    public For {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(iter, "iter");
      body = nonEmpty(body);
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(StmtVisitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code return} or {@code return value} (a bare {@code return} returns {@code None}). */
  record Return(Optional<Expr> value, Span span) implements Stmt {
    public Return {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(StmtVisitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code assert test} or {@code assert test, message}. */
  record Assert(Expr test, Optional<Expr> message, Span span) implements Stmt {
    public Assert {
      Objects.requireNonNull(test, "test");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(StmtVisitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code pass}. */
  record Pass(Span span) implements Stmt {
    public Pass {
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(StmtVisitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** An expression statement: a call for its effect, or a docstring. */
  record ExprStmt(Expr value, Span span) implements Stmt {
    public ExprStmt {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(StmtVisitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** An imported name {@code name} or {@code name as asName}; the span is the name's. */
  record Alias(String name, Optional<String> asName, Span span) {
    public Alias {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(asName, "asName");
      Objects.requireNonNull(span, "span");
    }
  }

  /** {@code import a.b as c, d}. */
  record Import(List<Alias> names, Span span) implements Stmt {
    public Import {
      names = nonEmpty(names);
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(StmtVisitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /**
   * {@code from module import a as b, c}; {@code level} counts leading dots of a relative
   * import, and {@code module} is empty for {@code from . import x}.
   */
  record ImportFrom(String module, List<Alias> names, int level, Span span) implements Stmt {
    public ImportFrom {
      Objects.requireNonNull(module, "module");
      names = nonEmpty(names);
      if (level < 0) {
        throw new IllegalArgumentException("negative import level " + level);
      }
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(StmtVisitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  private static <T> List<T> nonEmpty(List<T> list) {
    List<T> copy = List.copyOf(list);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("empty list");
    }
    return copy;
  }
}
