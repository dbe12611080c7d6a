package symtrace.tracer.ops;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An operator's signature in aten's schema language, e.g. {@code add.Tensor(Tensor self, Tensor
 * other, *, Scalar alpha=1) -> Tensor}: the name and overload, the arguments (types, defaults,
 * keyword-only) and the returns. {@link #bind} turns a call's positional and keyword values
 * into the full argument vector with defaults filled in.
 */
public final class Schema {
  private final String name;
  private final String overload;
  private final List<Argument> arguments;
  private final List<ArgType> returns;
  private final List<String> returnNames;
  private final String text;
  /** How many arguments may be passed by position (those before the first keyword-only one). */
  private final int positionalLimit;
  /** Every argument positional and without a default: a call is written with all of them. */
  private final boolean allRequiredPositional;
  /** Some argument is written in place ({@code Tensor(a!)}); asked on every dispatch. */
  private final boolean mutable;

  private Schema(String name, String overload, List<Argument> arguments, List<ArgType> returns,
      List<String> returnNames, String text) {
    this.name = name;
    this.overload = overload;
    this.arguments = List.copyOf(arguments);
    this.returns = List.copyOf(returns);
    this.returnNames = Collections.unmodifiableList(new ArrayList<>(returnNames));
    this.text = text;
    int limit = 0;
    while (limit < this.arguments.size() && !this.arguments.get(limit).kwargOnly()) {
      limit++;
    }
    this.positionalLimit = limit;
    this.mutable = this.arguments.stream().anyMatch(a -> a.type().mutable());
    this.allRequiredPositional = this.arguments.stream()
        .noneMatch(a -> a.kwargOnly() || a.hasDefault());
  }

  /** True when {@code count} positional values are exactly the arguments, none keyword-only. */
  public boolean takesAllPositionally(int count) {
    return count == arguments.size() && positionalLimit == count;
  }

  /** True when every argument is positional and required ({@code mul(Scalar a, Scalar b)}). */
  public boolean allRequiredPositional() {
    return allRequiredPositional;
  }

  /** The operator name, e.g. {@code add}. */
  public String name() {
    return name;
  }

  /** The overload name, {@code default} when the schema has none. */
  public String overload() {
    return overload;
  }

  public List<Argument> arguments() {
    return arguments;
  }

  public List<ArgType> returns() {
    return returns;
  }

  /** Names of the returns ({@code values}, {@code indices}), null where unnamed. */
  public List<String> returnNames() {
    return returnNames;
  }

  public int indexOf(String argName) {
    for (int i = 0; i < arguments.size(); i++) {
      if (arguments.get(i).name().equals(argName)) {
        return i;
      }
    }
    return -1;
  }

  /** True when some argument is written ({@code Tensor(a!)}). */
  public boolean isMutable() {
    return mutable;
  }

  /** True when the first return aliases an input ({@code -> Tensor(a)}). */
  public boolean returnsAlias() {
    return !returns.isEmpty() && returns.get(0).alias() != null;
  }

  /**
   * The full argument vector of a call: positional values first, then keywords by name, then
   * defaults.
   *
   * @throws SchemaError for too many arguments, an unknown or repeated keyword, or a missing one
   */
  public Object[] bind(List<?> positional, Map<String, ?> keywords) {
    Object[] out = new Object[arguments.size()];
    if (keywords.isEmpty() && positional.size() == out.length && positionalLimit == out.length) {
      // Every argument given by position, as operators calling operators do.
      for (int i = 0; i < out.length; i++) {
        out[i] = positional.get(i);
      }
      return out;
    }
    boolean[] set = new boolean[out.length];
    if (positional.size() > positionalLimit) {
      throw new SchemaError(qualifiedName() + "() takes " + positionalLimit
          + " positional arguments but " + positional.size() + " were given");
    }
    for (int i = 0; i < positional.size(); i++) {
      out[i] = positional.get(i);
      set[i] = true;
    }
    for (Map.Entry<String, ?> kw : keywords.entrySet()) {
      int i = indexOf(kw.getKey());
      if (i < 0) {
        throw new SchemaError(qualifiedName() + "() got an unexpected keyword argument '"
            + kw.getKey() + "'");
      }
      if (set[i]) {
        throw new SchemaError(qualifiedName() + "() got multiple values for argument '"
            + kw.getKey() + "'");
      }
      out[i] = kw.getValue();
      set[i] = true;
    }
    for (int i = 0; i < out.length; i++) {
      if (!set[i]) {
        Argument a = arguments.get(i);
        if (!a.hasDefault()) {
          throw new SchemaError(qualifiedName() + "() missing required argument '" + a.name()
              + "' (pos " + (i + 1) + ")");
        }
        out[i] = a.defaultValue();
      }
    }
    return out;
  }

  /** Whether every value of a bound vector has the argument's type (overload resolution). */
  public boolean accepts(Object[] bound) {
    for (int i = 0; i < bound.length; i++) {
      if (!arguments.get(i).type().accepts(bound[i])) {
        return false;
      }
    }
    return true;
  }

  /** {@code add.Tensor}, or {@code add} for the default overload. */
  public String qualifiedName() {
    return overload.equals("default") ? name : name + "." + overload;
  }

  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Schema s && s.text.equals(text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text);
  }

  // ---------------------------------------------------------------------------------------
  // Parsing

  /**
   * Parses a schema as {@code native_functions.yaml} writes it.
   *
   * @throws IllegalArgumentException for a malformed schema (a programming error)
   */
  public static Schema parse(String text) {
    return new SchemaParser(text).parse();
  }

  static Schema of(String name, String overload, List<Argument> arguments, List<ArgType> returns,
      List<String> returnNames, String text) {
    return new Schema(name, overload, arguments, returns, returnNames, text);
  }
}
