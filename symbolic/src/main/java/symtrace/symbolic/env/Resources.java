package symtrace.symbolic.env;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link ShapeEnv} owns and closes with itself (a Z3 prover, say): closed once, the last
 * registered first, each one even when an earlier one fails.
 */
final class Resources {
  private final List<AutoCloseable> resources = new ArrayList<>();
  private boolean closed;

  /** Registers {@code resource}; throws {@link IllegalStateException} once closed. */
  void add(AutoCloseable resource) {
    Objects.requireNonNull(resource, "resource");
    checkOpen();
    resources.add(resource);
  }

  boolean isClosed() {
    return closed;
  }

  void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the shape environment is closed");
    }
  }

  /**
   * Closes every resource, the last registered first; idempotent. The first failure is thrown
   * with the others suppressed (a checked exception wrapped in an {@link
   * IllegalStateException}).
   */
  void close() {
    if (closed) {
      return;
    }
    closed = true;
    Throwable failure = null;
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Throwable t) {
        if (failure == null) {
          failure = t;
        } else {
          failure.addSuppressed(t);
        }
      }
    }
    resources.clear();
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    if (failure != null) {
      throw new IllegalStateException("closing a resource of the shape environment failed", failure);
    }
  }
}
