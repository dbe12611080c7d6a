package symtrace.symbolic.env;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import symtrace.symbolic.eval.Evaluator;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Sym;

/**
 * A rewrite of the shape environment does not hold (translation validation found a bug in a
 * rule): at {@link #counterexample()}, which satisfies the facts the rule relied on, {@code
 * before} and {@code after} differ.
 *
 * <p>An {@link AssertionError}: it reports a defect of the engine, not of the traced program, and
 * no caller that falls back on "don't know" after a {@link RuntimeException} may swallow it.
 */
public final class TranslationValidationError extends AssertionError {
  private static final long serialVersionUID = 1L;
  private final transient Rewrite rewrite;
  private final transient Map<Sym, Long> counterexample;

  public TranslationValidationError(Rewrite rewrite, Map<Sym, Long> counterexample) {
    super(message(rewrite, counterexample));
    this.rewrite = rewrite;
    this.counterexample = Collections.unmodifiableMap(new LinkedHashMap<>(counterexample));
  }

  /** The rewrite that does not hold. */
  public Rewrite rewrite() {
    return rewrite;
  }

  /** Values of the symbols at which the facts hold and the two sides differ. */
  public Map<Sym, Long> counterexample() {
    return counterexample;
  }

  private static String message(Rewrite r, Map<Sym, Long> at) {
    String point = at.entrySet().stream().map(e -> e.getKey().name() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
    return "translation validation: the rule " + r.rule() + " rewrote " + r.before() + " to " + r.after()
        + (r.premise() == symtrace.symbolic.expr.BoolLit.TRUE ? "" : " assuming " + r.premise())
        + ", but they differ at " + (point.isEmpty() ? "every point" : point)
        + " (" + value(r.before(), at) + " vs " + value(r.after(), at) + ")";
  }

  private static String value(Expr e, Map<Sym, Long> at) {
    try {
      return String.valueOf(Evaluator.evaluate(e, at));
    } catch (RuntimeException ex) {
      return "raises " + ex.getClass().getSimpleName();
    }
  }
}
