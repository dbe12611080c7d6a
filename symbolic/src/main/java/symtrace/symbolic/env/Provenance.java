package symtrace.symbolic.env;

/**
 * Why a guard, assert, replacement or specialization exists: the operation or comparison that
 * asked ({@code broadcast}, {@code view}, {@code branch}, {@code guard_int}, ...) and where in the
 * program it was asked, when known.
 */
public record Provenance(String reason, SourceLocation location) {
  private static final Provenance UNKNOWN = new Provenance("unknown", null);

  /** A provenance without a program location. */
  public static Provenance of(String reason) {
    return new Provenance(reason, null);
  }

  /** Neither reason nor location is known. */
  public static Provenance unknown() {
    return UNKNOWN;
  }

  /** Returns the same reason at another location. */
  public Provenance at(SourceLocation where) {
    return new Provenance(reason, where);
  }

  @Override
  public String toString() {
    return location == null ? reason : reason + " at " + location;
  }
}
