package symtrace.solver.decompose;

import symtrace.symbolic.expr.Expr;

/**
 * A value the graph tracks: its name (a node of the graph), its expression, and how it came to
 * be tracked, which the cost model uses (graph inputs are preferred, then earlier values).
 */
public record Tracked(String name, Expr expr, Producer producer, int position) {
  /** How a tracked value was produced. */
  public enum Producer {
    /** A size of a graph input ({@code sym_size} of a placeholder). */
    INPUT_SIZE,
    /** Computed in the graph. */
    INTERMEDIATE,
    /** Computed in another graph and passed in. */
    OTHER_GRAPH,
    /** Stashed outside the graph (metadata). */
    STASHED
  }

  public static Tracked of(String name, Expr expr) {
    return new Tracked(name, expr, Producer.INTERMEDIATE, 0);
  }
}
