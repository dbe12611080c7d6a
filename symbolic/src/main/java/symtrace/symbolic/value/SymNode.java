package symtrace.symbolic.value;

import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.expr.Expr;

/**
 * The symbolic part of a {@link SymInt}, {@link SymFloat} or {@link SymBool}: an expression in a
 * shape environment, its Python type and its hint (the value at the example inputs, or null for an
 * unbacked value). {@link #expr()} applies the environment's current replacements on every read,
 * so an old value sees later specializations (PyTorch's {@code SymNode.expr}).
 */
public final class SymNode {
  /** The Python type of the value. */
  public enum Type {
    INT,
    FLOAT,
    BOOL
  }

  private final Expr expr;
  private final ShapeEnv env;
  private final Type type;
  private Object hint;
  /** {@link #expr()} as of replacement generation {@link #replacedAt} (-1: never computed). */
  private Expr replaced;
  private long replacedAt = -1;
  private final int hash;

  public SymNode(Expr expr, ShapeEnv env, Type type, Object hint) {
    this.expr = expr;
    this.env = env;
    this.type = type;
    this.hint = hint;
    this.hash = env == null ? 0 : env.nextNodeNumber();
  }

  /**
   * A node whose expression was built from values' current expressions, so it holds only
   * symbols that no replacement maps: it is its own replacement until a replacement is added,
   * and its first {@link #expr()} need not look it up.
   */
  static SymNode built(Expr expr, ShapeEnv env, Type type, Object hint) {
    SymNode n = new SymNode(expr, env, type, hint);
    if (env != null) {
      n.replaced = expr;
      n.replacedAt = env.replacementGeneration();
    }
    return n;
  }

  /**
   * Nodes are equal only to themselves; the hash is a creation number, which costs a counter
   * where an identity hash would be computed and stored in the object's header on first use (a
   * trace looks up thousands of new nodes).
   */
  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  /** The expression with the current replacements applied. */
  public Expr expr() {
    long generation = env.replacementGeneration();
    if (replacedAt != generation) {
      replaced = env.replace(expr);
      replacedAt = generation;
    }
    return replaced;
  }

  /** The expression as it was built, before later replacements. */
  public Expr rawExpr() {
    return expr;
  }

  public ShapeEnv env() {
    return env;
  }

  public Type type() {
    return type;
  }

  /** The example value (Long, Double or Boolean), recomputed when it became known, or null. */
  public Object hint() {
    if (hint == null) {
      hint = env.sizeHint(expr);
    }
    return hint;
  }

  public boolean hasHint() {
    return hint() != null;
  }

  @Override
  public String toString() {
    return expr().toString();
  }
}
