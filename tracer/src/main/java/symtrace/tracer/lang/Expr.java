package symtrace.tracer.lang;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An expression of the program language: one record per kind, each with the {@link Span} of its
 * first character.
 *
 * <h2>Kinds</h2>
 *
 * <ul>
 *   <li>{@link Name}: a variable, function or module name ({@code x}, {@code torch}).
 *   <li>Literals: {@link IntLit} (arbitrary precision, as in Python), {@link FloatLit}, {@link
 *       BoolLit}, {@link NoneLit}, {@link StrLit} (adjacent literals already joined), {@link
 *       EllipsisLit} ({@code ...}).
 *   <li>{@link TupleExpr} ({@code a, b} or {@code (a, b)} or {@code ()}) and {@link ListExpr}.
 *   <li>{@link BinOp}: {@code + - * / // % ** @}; {@link UnaryOp}: {@code - + not}.
 *   <li>{@link Compare}: a chain {@code a < b <= c} as one node, like Python's {@code ast};
 *       {@link BoolOp}: {@code and}/{@code or} over two or more operands, flattened ({@code a
 *       and b and c} is one node).
 *   <li>{@link IfExp}: {@code body if test else orElse}.
 *   <li>{@link Call}: positional arguments and {@link Keyword} arguments, in source order
 *       within each list.
 *   <li>{@link Attribute} ({@code x.shape}) and {@link Subscript} ({@code x[i]}); the index of
 *       {@code x[a, b:c]} is a {@link TupleExpr} of {@code a} and a {@link Slice}.
 *   <li>{@link Slice}: {@code lower:upper:step}, each part optional; it occurs only as a
 *       subscript index or an element of one.
 * </ul>
 *
 * <p>Spans follow Python's {@code ast} (col_offset + 1): a binary operation, comparison, boolean
 * operation, conditional expression, call, attribute or subscript starts where its leftmost
 * operand starts, including any parenthesis around that operand; a parenthesized tuple and a
 * list start at their bracket; a unary operation at its operator.
 *
 * <p>Dispatch on the kind with {@link #accept(ExprVisitor)}. Records validate their components
 * and copy lists, so a node is immutable; {@code equals} compares spans too.
 */
public sealed interface Expr {
  /** Where the expression starts. */
  Span span();

  /** Calls the {@code visit} overload of {@code visitor} for this kind of node. */
  <R> R accept(ExprVisitor<R> visitor);

  /** The binary arithmetic operators, with their Python spelling. */
  enum BinaryOperator {
    ADD("+"), SUB("-"), MUL("*"), DIV("/"), FLOOR_DIV("//"), MOD("%"), POW("**"), MAT_MUL("@");

    private final String symbol;

    BinaryOperator(String symbol) {
      this.symbol = symbol;
    }

    /** The operator as written in Python, such as {@code //}. */
    public String symbol() {
      return symbol;
    }

    /** Returns the operator spelled {@code symbol}, if there is one. */
    public static Optional<BinaryOperator> fromSymbol(String symbol) {
      for (BinaryOperator op : values()) {
        if (op.symbol.equals(symbol)) {
          return Optional.of(op);
        }
      }
      return Optional.empty();
    }
  }

  /** The unary operators. */
  enum UnaryOperator {
    NEG("-"), POS("+"), NOT("not");

    private final String symbol;

    UnaryOperator(String symbol) {
      this.symbol = symbol;
    }

    /** The operator as written in Python. */
    public String symbol() {
      return symbol;
    }
  }

  /** The comparison operators of a {@link Compare} chain. */
  enum CompareOperator {
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    CompareOperator(String symbol) {
      this.symbol = symbol;
    }

    /** The operator as written in Python. */
    public String symbol() {
      return symbol;
    }

    /** Returns the operator spelled {@code symbol}, if there is one. */
    public static Optional<CompareOperator> fromSymbol(String symbol) {
      for (CompareOperator op : values()) {
        if (op.symbol.equals(symbol)) {
          return Optional.of(op);
        }
      }
      return Optional.empty();
    }
  }

  /** The short-circuit boolean operators. */
  enum BoolOperator {
    AND("and"), OR("or");

    private final String symbol;

    BoolOperator(String symbol) {
      this.symbol = symbol;
    }

    /** The operator as written in Python. */
    public String symbol() {
      return symbol;
    }
  }

  /** A name: {@code x}, {@code torch}, {@code F}. */
  record Name(String id, Span span) implements Expr {
    public Name {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** An integer literal; Python integers have no size limit, so neither has this. */
  record IntLit(BigInteger value, Span span) implements Expr {
    public IntLit {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(span, "span");
    }

    /** Returns whether the value fits a {@code long}. */
    public boolean fitsLong() {
      return value.bitLength() < Long.SIZE;
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** A floating-point literal ({@code 1e999} is infinity, as in Python). */
  record FloatLit(double value, Span span) implements Expr {
    public FloatLit {
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code True} or {@code False}. */
  record BoolLit(boolean value, Span span) implements Expr {
    public BoolLit {
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code None}. */
  record NoneLit(Span span) implements Expr {
    public NoneLit {
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** A string literal with escapes decoded; adjacent literals ({@code "a" "b"}) are joined. */
  record StrLit(String value, Span span) implements Expr {
    public StrLit {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code ...}, as in {@code x[None, ..., 0]}. */
  record EllipsisLit(Span span) implements Expr {
    public EllipsisLit {
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** A tuple display: {@code a, b}, {@code (a,)}, {@code ()}. */
  record TupleExpr(List<Expr> elements, Span span) implements Expr {
    public TupleExpr {
      elements = List.copyOf(elements);
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** A list display: {@code [a, b]}. */
  record ListExpr(List<Expr> elements, Span span) implements Expr {
    public ListExpr {
      elements = List.copyOf(elements);
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** A binary arithmetic operation; {@code **} groups to the right, the others to the left. */
  record BinOp(Expr left, BinaryOperator op, Expr right, Span span) implements Expr {
    public BinOp {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(right, "right");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** A unary operation: {@code -x}, {@code +x}, {@code not x}. */
  record UnaryOp(UnaryOperator op, Expr operand, Span span) implements Expr {
    public UnaryOp {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(operand, "operand");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /**
   * A comparison chain {@code left op0 c0 op1 c1 ...}, meaning {@code left op0 c0 and c0 op1 c1
   * ...} with each operand evaluated once.
   */
  record Compare(Expr left, List<CompareOperator> ops, List<Expr> comparators, Span span)
      implements Expr {
    public Compare {
      Objects.requireNonNull(left, "left");
      ops = List.copyOf(ops);
      comparators = List.copyOf(comparators);
      if (ops.isEmpty() || ops.size() != comparators.size()) {
        throw new IllegalArgumentException("a comparison needs one comparator per operator");
      }
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code a and b and ...} or {@code a or b or ...}: two or more operands. */
  record BoolOp(BoolOperator op, List<Expr> values, Span span) implements Expr {
    public BoolOp {
      Objects.requireNonNull(op, "op");
      values = List.copyOf(values);
      if (values.size() < 2) {
        throw new IllegalArgumentException("a boolean operation needs two or more operands");
      }
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code body if test else orElse}. */
  record IfExp(Expr test, Expr body, Expr orElse, Span span) implements Expr {
    public IfExp {
      Objects.requireNonNull(test, "test");
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(orElse, "orElse");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /**
   * A call {@code func(args..., name=value...)}. Positional arguments come before keyword
   * arguments (Python requires it); keyword names are distinct.
   */
  record Call(Expr func, List<Expr> args, List<Keyword> keywords, Span span) implements Expr {
    public Call {
      Objects.requireNonNull(func, "func");
      args = List.copyOf(args);
      keywords = List.copyOf(keywords);
      Objects.requireNonNull(span, "span");
    }

    /** Returns the keyword argument called {@code name}, if there is one. */
    public Optional<Expr> keyword(String name) {
      for (Keyword k : keywords) {
        if (k.name().equals(name)) {
          return Optional.of(k.value());
        }
      }
      return Optional.empty();
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** A keyword argument {@code name=value} of a {@link Call}; the span is the name's. */
  record Keyword(String name, Expr value, Span span) {
    public Keyword {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(span, "span");
    }
  }

  /** An attribute access {@code value.attr}. */
  record Attribute(Expr value, String attr, Span span) implements Expr {
    public Attribute {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(attr, "attr");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /**
   * A subscript {@code value[index]}. Several indices ({@code x[a, b]}) form a {@link
   * TupleExpr} index; an index may be a {@link Slice}, {@link NoneLit}, {@link EllipsisLit} or
   * any expression.
   */
  record Subscript(Expr value, Expr index, Span span) implements Expr {
    public Subscript {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(index, "index");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** A slice {@code lower:upper:step} inside a subscript; absent parts are empty. */
  record Slice(Optional<Expr> lower, Optional<Expr> upper, Optional<Expr> step, Span span)
      implements Expr {
    public Slice {
      Objects.requireNonNull(lower, "lower");
      Objects.requireNonNull(upper, "upper");
      Objects.requireNonNull(step, "step");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
      return visitor.visit(this);
    }
  }
}
