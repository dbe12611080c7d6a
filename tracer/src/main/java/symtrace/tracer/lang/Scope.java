package symtrace.tracer.lang;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The variables of one function call (or of the module), with Python's lookup: a name bound
 * anywhere in the function is local throughout it, so reading it before it is assigned is an
 * {@code UnboundLocalError}; any other name is looked up in the enclosing scopes, then among
 * the builtins.
 */
final class Scope {
  private final Scope parent;
  private final Set<String> locals;
  private final Map<String, Object> values = new HashMap<>();

  /**
   * Creates a scope.
   *
   * @param parent the enclosing scope, or null for the module's
   * @param locals the names the function binds (empty for the module, whose names are all
   *     global)
   */
  Scope(Scope parent, Set<String> locals) {
    this.parent = parent;
    this.locals = locals;
  }

  void bind(String name, Object value) {
    values.put(name, value);
  }

  /** What a lookup found: the value, or why there is none. */
  record Lookup(boolean found, Object value, boolean unboundLocal) {}

  Lookup lookup(String name) {
    for (Scope s = this; s != null; s = s.parent) {
      if (s.values.containsKey(name)) {
        return new Lookup(true, s.values.get(name), false);
      }
      if (s.locals.contains(name)) {
        return new Lookup(false, null, true);
      }
    }
    return new Lookup(false, null, false);
  }
}
