package symtrace.tracer.ops;

import java.util.Arrays;

/**
 * A hash key of values compared by {@code equals} (interned expressions: by identity), its hash
 * computed once: the key of a memoized layout question.
 */
public final class ValuesKey {
  private final Object[] parts;
  private final int hash;

  /** A key of {@code parts}, which the key keeps: the caller must not change them after. */
  public ValuesKey(Object[] parts) {
    this.parts = parts;
    this.hash = Arrays.hashCode(parts);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ValuesKey k && k.hash == hash && Arrays.equals(k.parts, parts);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
