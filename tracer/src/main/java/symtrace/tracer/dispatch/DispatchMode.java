package symtrace.tracer.dispatch;

import symtrace.tracer.ops.Args;

/**
 * A mode on the dispatcher's stack (PyTorch's {@code TorchDispatchMode}): it sees every operator
 * call made while it is active and decides how it runs. While it handles a call it is itself
 * disabled, as in PyTorch, so operators it calls go to the modes below it and then the backend.
 */
@FunctionalInterface
public interface DispatchMode {
  /**
   * Handles one call.
   *
   * @param call the operator and its bound arguments
   * @param next runs a call below this mode
   */
  Object dispatch(Args call, Next next);

  /**
   * What this mode does with the scalar calls of a computation, for {@link Dispatcher#memoized};
   * null (the default) when unknown, and then no computation is memoized while the mode is on
   * the stack.
   */
  default ScalarEffects scalarEffects() {
    return null;
  }

  /** The rest of the dispatch below a mode. */
  @FunctionalInterface
  interface Next {
    Object call(Args call);
  }
}
