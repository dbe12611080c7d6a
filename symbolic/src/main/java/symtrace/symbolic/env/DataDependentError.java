package symtrace.symbolic.env;

import java.util.List;
import java.util.stream.Collectors;
import symtrace.symbolic.SymtraceException;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Sym;

/**
 * A guard was needed on an expression over unbacked symbols (values read from tensor data), which
 * tracing cannot decide: PyTorch's {@code GuardOnDataDependentSymNode}, with its first line
 * verbatim.
 */
public final class DataDependentError extends SymtraceException {
  private static final long serialVersionUID = 1L;
  private final transient Expr condition;
  private final transient Provenance provenance;

  DataDependentError(Expr condition, Expr hinted, List<Sym> sizeLike, boolean integer, Provenance provenance) {
    super(message(condition, hinted, sizeLike, integer, provenance));
    this.condition = condition;
    this.provenance = provenance;
  }

  /** The expression that could not be decided. */
  public Expr condition() {
    return condition;
  }

  public Provenance provenance() {
    return provenance;
  }

  private static String message(
      Expr condition, Expr hinted, List<Sym> sizeLike, boolean integer, Provenance provenance) {
    String like = sizeLike.isEmpty()
        ? "none"
        : sizeLike.stream().map(Sym::name).collect(Collectors.joining(", "));
    StringBuilder m = new StringBuilder();
    m.append(integer
            ? "Could not extract specialized integer from data-dependent expression "
            : "Could not guard on data-dependent expression ")
        .append(hinted).append(" (unhinted: ").append(condition).append(").  (Size-like symbols: ")
        .append(like).append(")");
    if (!integer) {
      m.append("\n\nconsider using data-dependent friendly APIs such as guard_or_false, "
          + "guard_or_true and statically_known_true");
    }
    if (provenance != null && provenance.location() != null) {
      SourceLocation at = provenance.location();
      m.append("\nCaused by: ").append(at);
      if (at.code() != null && !at.code().isBlank()) {
        m.append(" (").append(at.code().strip()).append(")");
      }
    }
    return m.toString();
  }
}
