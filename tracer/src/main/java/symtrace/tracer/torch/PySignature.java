package symtrace.tracer.torch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import symtrace.tracer.ops.ArgType;
import symtrace.tracer.ops.Argument;
import symtrace.tracer.ops.Schema;

/**
 * A function's signature as PyTorch's Python argument parser sees it: named parameters with
 * aten types and defaults, some keyword-only. A native function's signature is its aten schema
 * with the tensor {@code self} called {@code input} (the {@code torch.X} form) or dropped (the
 * method form, where the receiver is {@code self}); a function PyTorch writes in Python ({@code
 * F.embedding}) has its own signature, written in schema syntax.
 *
 * @param name the function name for messages, such as {@code add}
 * @param params the parameters, in order
 * @param numbersAsTensors whether a Python number may stand for a {@code Tensor} parameter
 *     (PyTorch allows it for {@code add}, {@code sub}, {@code mul}, {@code div}, {@code
 *     floor_divide} and their in-place forms)
 */
record PySignature(String name, List<Param> params, boolean numbersAsTensors) {

  /** One parameter. */
  record Param(String name, ArgType type, boolean hasDefault, Object defaultValue,
      String defaultText, boolean kwOnly) {
    static Param of(Argument a, String name) {
      return new Param(name, a.type(), a.hasDefault(), a.defaultValue(), a.defaultText(),
          a.kwargOnly());
    }

    @Override
    public String toString() {
      return type + " " + name + (hasDefault ? "=" + defaultText : "");
    }
  }

  PySignature {
    Objects.requireNonNull(name, "name");
    params = List.copyOf(params);
  }

  /** The signature of a function PyTorch defines in Python, written in schema syntax. */
  static PySignature parse(String schemaText) {
    Schema s = Schema.parse(schemaText);
    List<Param> params = new ArrayList<>();
    for (Argument a : s.arguments()) {
      params.add(Param.of(a, a.name()));
    }
    return new PySignature(s.name(), params, false);
  }

  /** How many parameters may be passed by position. */
  int maxPositional() {
    int n = 0;
    while (n < params.size() && !params.get(n).kwOnly()) {
      n++;
    }
    return n;
  }

  /**
   * Whether the one positional parameter is an int list, so that {@code x.view(2, 3)} means
   * {@code x.view((2, 3))}, as PyTorch's parser allows.
   */
  boolean takesVarargsInts() {
    if (maxPositional() != 1) {
      return false;
    }
    ArgType t = params.get(0).type();
    return t.list() && (t.kind() == ArgType.Kind.INT || t.kind() == ArgType.Kind.SYMINT);
  }

  int indexOf(String paramName) {
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).name().equals(paramName)) {
        return i;
      }
    }
    return -1;
  }

  /** {@code (Tensor input, Tensor other, *, Scalar alpha=1)}. */
  String describe() {
    StringBuilder b = new StringBuilder("(");
    boolean star = false;
    for (int i = 0; i < params.size(); i++) {
      Param p = params.get(i);
      if (i > 0) {
        b.append(", ");
      }
      if (p.kwOnly() && !star) {
        b.append("*, ");
        star = true;
      }
      b.append(p);
    }
    return b.append(')').toString();
  }
}
