package symtrace.solver;

import com.google.common.base.Preconditions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import symtrace.symbolic.expr.Sym;

/**
 * The answer to "do the facts imply the goal?".
 *
 * <ul>
 *   <li>{@link Outcome#PROVED}: the goal evaluates to true, without error, at every assignment
 *       that satisfies the facts (and the symbols' domains);
 *   <li>{@link Outcome#REFUTED}: {@link #counterexample()} is an assignment of every symbol of the
 *       facts and the goal, checked by exact evaluation to satisfy every fact and to make the goal
 *       false;
 *   <li>{@link Outcome#UNKNOWN}: neither could be shown; {@link #reason()} says why (the
 *       solver's budget ran out, a subexpression has no exact translation, ...). A guard whose
 *       proof is unknown is kept.
 * </ul>
 *
 * @param outcome what was shown
 * @param counterexample for {@code REFUTED}, the values in {@link Assignments#symbolOrder()}
 *     order; empty otherwise
 * @param reason for {@code UNKNOWN}, one line; empty otherwise
 */
public record Verdict(Outcome outcome, Map<Sym, Long> counterexample, String reason) {
  /** What a proof attempt established. */
  public enum Outcome {
    PROVED,
    REFUTED,
    UNKNOWN
  }

  private static final Verdict PROVED = new Verdict(Outcome.PROVED, Map.of(), "");

  public Verdict {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
    Preconditions.checkArgument(outcome == Outcome.REFUTED || counterexample.isEmpty(),
        "only a refutation has a counterexample");
    counterexample = Collections.unmodifiableMap(new LinkedHashMap<>(counterexample));
  }

  /** The goal holds wherever the facts do. */
  public static Verdict proved() {
    return PROVED;
  }

  /** The goal is false at {@code counterexample}, which satisfies the facts. */
  public static Verdict refuted(Map<Sym, Long> counterexample) {
    return new Verdict(Outcome.REFUTED, counterexample, "");
  }

  /** Neither proved nor refuted, for {@code reason}. */
  public static Verdict unknown(String reason) {
    Preconditions.checkArgument(!reason.isBlank(), "an unknown verdict needs a reason");
    return new Verdict(Outcome.UNKNOWN, Map.of(), reason);
  }

  public boolean isProved() {
    return outcome == Outcome.PROVED;
  }

  public boolean isRefuted() {
    return outcome == Outcome.REFUTED;
  }

  public boolean isUnknown() {
    return outcome == Outcome.UNKNOWN;
  }

  /**
   * The one-line form {@code symtrace prove} prints: {@code PROVED}, {@code REFUTED: s0=6, s1=2}
   * ({@code REFUTED} alone when the goal has no symbols) or {@code UNKNOWN: reason}.
   */
  @Override
  public String toString() {
    switch (outcome) {
      case PROVED:
        return "PROVED";
      case REFUTED:
        return counterexample.isEmpty() ? "REFUTED" : "REFUTED: " + Assignments.format(counterexample);
      default:
        return "UNKNOWN: " + reason;
    }
  }
}
