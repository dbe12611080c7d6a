package symtrace.tracer.lang;

import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.env.SourceLocation;

/**
 * What the {@link Interpreter} tells the code that runs it: where in the program it is, so that
 * a trace attributes the guards and graph nodes made meanwhile to that place.
 */
public interface ExecutionHooks {
  /**
   * Entered as each statement and each {@code if}/{@code elif}/{@code assert} condition is
   * evaluated; closed when it is done. Scopes nest (a helper's statements inside its call's).
   *
   * @param location the file, 1-based line and column, and the text of the line
   */
  AutoCloseable at(SourceLocation location);

  /** The trace's shape environment, or null (real execution). */
  ShapeEnv shapeEnv();

  /**
   * Told the value of every expression the interpreter evaluates, inner expressions first. An
   * explanation uses it to name a symbolic value by the program text that computed it; running
   * code pays one call per expression.
   */
  default void evaluated(Expr expression, Object value) {}

  /** No-op hooks for eager execution. */
  ExecutionHooks NONE = new ExecutionHooks() {
    @Override
    public AutoCloseable at(SourceLocation location) {
      return () -> { };
    }

    @Override
    public ShapeEnv shapeEnv() {
      return null;
    }
  };
}
