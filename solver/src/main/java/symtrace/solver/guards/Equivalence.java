package symtrace.solver.guards;

import com.google.common.base.Preconditions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Sym;

/**
 * Whether two guard sets accept the same assignments.
 *
 * @param kind the answer
 * @param counterexample for {@code DIFFERENT}, an assignment (satisfying the base facts) that one
 *     set accepts and the other rejects; empty otherwise
 * @param acceptedByFirst for {@code DIFFERENT}, whether the first set is the one that accepts it
 * @param failing for {@code DIFFERENT}, the guard of the rejecting set that is false there
 * @param reason for {@code UNKNOWN}, why
 */
public record Equivalence(Kind kind, Map<Sym, Long> counterexample, boolean acceptedByFirst, Expr failing,
    String reason) {
  /** The answers. */
  public enum Kind {
    EQUIVALENT,
    DIFFERENT,
    UNKNOWN
  }

  public Equivalence {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
    Preconditions.checkArgument((kind == Kind.DIFFERENT) == (failing != null), "only DIFFERENT names a guard");
    counterexample = Collections.unmodifiableMap(new LinkedHashMap<>(counterexample));
  }

  public static Equivalence equivalent() {
    return new Equivalence(Kind.EQUIVALENT, Map.of(), false, null, "");
  }

  public static Equivalence different(Map<Sym, Long> counterexample, boolean acceptedByFirst, Expr failing) {
    return new Equivalence(Kind.DIFFERENT, counterexample, acceptedByFirst, failing, "");
  }

  public static Equivalence unknown(String reason) {
    return new Equivalence(Kind.UNKNOWN, Map.of(), false, null, reason);
  }

  public boolean isEquivalent() {
    return kind == Kind.EQUIVALENT;
  }
}
