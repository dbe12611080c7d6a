package symtrace.symbolic.env;

import java.util.Objects;
import symtrace.symbolic.expr.BoolLit;
import symtrace.symbolic.expr.Expr;

/**
 * One rewrite a shape environment performed, as translation validation checks it: under the
 * facts of {@link #basis()} (and the {@link #premise()}), {@code before} and {@code after} are
 * equal (numbers) or equivalent (booleans) at every assignment.
 *
 * <p>Rules (the {@link #rule()} names):
 *
 * <ul>
 *   <li>simplification ({@code ShapeEnv.simplify}): {@code expand}, {@code replacements}, {@code
 *       max_of_known_bound} ({@code Max(1, x) => x} when {@code x >= 1} is known), {@code
 *       trunc_of_int_true_div}, {@code floordiv_of_exact_floordiv}, {@code floordiv_to_cleandiv};
 *   <li>static evaluation ({@code maybeEvaluateStatic}): {@code canonicalize}, {@code axioms}
 *       (substituting what recorded facts imply), {@code static_evaluation} (the {@link
 *       StaticDecider}'s answer; {@code static_evaluation_from_ranges} for {@code produce_guards});
 *   <li>what a new guard or assert teaches: {@code try_solve} (the relation solved for a symbol
 *       is equivalent to it), {@code implications} (the recorded truth values of related
 *       relations), and the derived facts {@code replacement:<reason>}, {@code range_refinement},
 *       {@code divisibility}, each with the guard as its premise.
 * </ul>
 *
 * @param rule the rule's name, as above
 * @param before the expression the rule was applied to
 * @param after what it became (for a derived fact: the fact's value, e.g. {@code True})
 * @param premise the guard or assert being learned, which a derived fact follows from; {@code
 *     True} for a rewrite that needs none
 * @param basis which of the environment's facts the rule relied on
 * @param sizeOblivious whether size-like symbols are taken to be at least 2 (a size-oblivious
 *     query)
 */
public record Rewrite(String rule, Expr before, Expr after, Expr premise, Basis basis, boolean sizeOblivious) {
  /** The facts a rule may rely on. */
  public enum Basis {
    /** None: an identity under the symbols' assumptions ({@code expand}, {@code try_solve}). */
    NONE,
    /** The symbols' ranges and the replacements (what {@code produce_guards} prints besides guards). */
    RANGES_AND_REPLACEMENTS,
    /** Every fact: ranges, replacements, divisibility, recorded guards and runtime asserts. */
    ALL
  }

  public Rewrite {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(premise, "premise");
    Objects.requireNonNull(basis, "basis");
  }

  /** A rewrite without a premise. */
  public static Rewrite of(String rule, Expr before, Expr after, Basis basis, boolean sizeOblivious) {
    return new Rewrite(rule, before, after, BoolLit.TRUE, basis, sizeOblivious);
  }

  /** {@code rule: before => after} (with {@code , assuming premise} when there is one). */
  @Override
  public String toString() {
    return rule + ": " + before + " => " + after + (premise == BoolLit.TRUE ? "" : ", assuming " + premise);
  }
}
