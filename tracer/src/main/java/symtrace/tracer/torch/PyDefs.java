package symtrace.tracer.torch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Functions and methods PyTorch writes in Python ({@code F.embedding}, {@code Tensor.split},
 * {@code torch.tensor}): each name has one or more signatures tried in order, and a Java body
 * that does what PyTorch's Python does with the parsed values.
 */
final class PyDefs {
  /** The body of one signature: the receiver (for a method, else null) and the values. */
  @FunctionalInterface
  interface Body {
    Object apply(Object receiver, Object[] values);
  }

  /** One signature with its body. */
  record Def(PySignature signature, Body body) {}

  private final Map<String, List<Def>> defs = new LinkedHashMap<>();
  private final ArgumentParser.ScalarReader scalars;

  PyDefs(ArgumentParser.ScalarReader scalars) {
    this.scalars = scalars;
  }

  /** Adds a signature (in schema syntax, such as {@code split(Tensor tensor, ...) -> Any}). */
  PyDefs add(String signature, Body body) {
    PySignature sig = PySignature.parse(signature);
    defs.computeIfAbsent(sig.name(), k -> new ArrayList<>()).add(new Def(sig, body));
    return this;
  }

  boolean has(String name) {
    return defs.containsKey(name);
  }

  /**
   * Calls {@code name}: the first signature that accepts the arguments runs.
   *
   * @throws PythonError ({@code TypeError}) when none does
   */
  Object call(String name, Object receiver, List<?> args, Map<String, ?> kwargs) {
    List<Def> overloads = defs.get(name);
    List<String> reasons = new ArrayList<>();
    for (Def d : overloads) {
      ArgumentParser.Match m = ArgumentParser.match(d.signature(), args, kwargs);
      if (m.ok()) {
        return d.body().apply(receiver,
            ArgumentParser.convert(d.signature(), m.values(), scalars));
      }
      reasons.add(m.mismatch());
    }
    if (overloads.size() == 1) {
      throw PythonError.typeError(reasons.get(0));
    }
    throw PythonError.typeError(name + "() received an invalid combination of arguments;"
        + " expected one of: " + String.join(" or ",
            overloads.stream().map(d -> d.signature().describe()).toList()));
  }
}
