package symtrace.solver.research;

import java.util.Locale;

/**
 * What a problem is about: the three ways PyTorch's {@code _build_proxy_for_sym_expr} docstring
 * says its walk fails, problems without a solution, problems with several, and problems taken
 * from real traces.
 */
public enum Category {
  /** Simplification regrouped the target: {@code s1*s2*s3} from {@code s1*s2}, {@code s3}. */
  REGROUPED("the target's tree no longer contains the tracked subexpressions"),
  /** A graph break: the symbols are in the graph only inside values that crossed it. */
  GRAPH_BREAK("the symbols reach the graph only inside sizes and values that crossed a break"),
  /** The wrong producer is picked: the same value has several producers, the first not the best. */
  PROVENANCE("the same value has several producers; the first one tracked is not the cheapest"),
  /** Several decompositions of different cost; one reads graph inputs or is cheaper. */
  AMBIGUOUS("several different decompositions, of different cost"),
  /** No term over the tracked values equals the target (a needed symbol is absent). */
  IMPOSSIBLE("no term over the tracked values equals the target"),
  /** A SymInt used after a graph break in a traced conformance or stress program. */
  REAL_TRACE("SymInts used after a graph break in traced programs");

  private final String description;

  Category(String description) {
    this.description = description;
  }

  /** The name in corpus files and reports: {@code graph-break}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public String description() {
    return description;
  }

  /** The category labelled {@code label}, or null. */
  public static Category fromLabel(String label) {
    for (Category c : values()) {
      if (c.label().equals(label)) {
        return c;
      }
    }
    return null;
  }
}
