package symtrace.tracer.ops;

import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code operator.add} for {@code add}, made once per name: scalar arithmetic asks for it on
 * every operation of a trace.
 */
final class OperatorNames {
  private static final ConcurrentHashMap<String, String> QUALIFIED = new ConcurrentHashMap<>();

  private OperatorNames() {}

  static String qualified(String name) {
    return QUALIFIED.computeIfAbsent(name, n -> "operator." + n);
  }
}
