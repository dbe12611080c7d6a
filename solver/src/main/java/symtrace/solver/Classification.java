package symtrace.solver;

import com.google.common.base.Preconditions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import symtrace.symbolic.expr.Sym;

/**
 * What the facts say about a condition: always true, always false, either (with a concrete
 * assignment for each outcome), or unknown.
 *
 * @param kind the answer
 * @param whenTrue for {@code EITHER}, an assignment satisfying the facts where the condition is
 *     true (the smallest one, see {@link Assignments}); empty otherwise
 * @param whenFalse for {@code EITHER}, one where it is false; empty otherwise
 * @param reason for {@code UNKNOWN}, why; empty otherwise
 */
public record Classification(Kind kind, Map<Sym, Long> whenTrue, Map<Sym, Long> whenFalse, String reason) {
  /** The possible answers. */
  public enum Kind {
    /** Proved: true wherever the facts hold. */
    TRUE,
    /** Its negation is proved. */
    FALSE,
    /** Inconclusive: the facts allow both outcomes, as the two witnesses show. */
    EITHER,
    /** Neither could be established. */
    UNKNOWN
  }

  public Classification {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
    Preconditions.checkArgument(kind == Kind.EITHER || (whenTrue.isEmpty() && whenFalse.isEmpty()),
        "only EITHER has witnesses");
    whenTrue = Collections.unmodifiableMap(new LinkedHashMap<>(whenTrue));
    whenFalse = Collections.unmodifiableMap(new LinkedHashMap<>(whenFalse));
  }

  public static Classification of(Kind kind) {
    Preconditions.checkArgument(kind == Kind.TRUE || kind == Kind.FALSE, "TRUE or FALSE only");
    return new Classification(kind, Map.of(), Map.of(), "");
  }

  public static Classification either(Map<Sym, Long> whenTrue, Map<Sym, Long> whenFalse) {
    return new Classification(Kind.EITHER, whenTrue, whenFalse, "");
  }

  public static Classification unknown(String reason) {
    return new Classification(Kind.UNKNOWN, Map.of(), Map.of(), reason);
  }
}
