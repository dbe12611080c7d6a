package symtrace.tracer.torch;

/**
 * {@code torch.var} and {@code torch.std} (and their methods): PyTorch's Python signatures with
 * {@code unbiased} are composites of {@code var.correction} / {@code std.correction} ({@code
 * correction = 1 if unbiased else 0}), which is what a graph records for them; the signature
 * with {@code correction} calls it directly.
 */
final class Variance {
  private Variance() {}

  /**
   * Adds the three signatures of {@code var} and {@code std}, in PyTorch's order.
   *
   * @param method whether they are the method forms (the receiver is the input)
   */
  static void register(PyDefs defs, Aten aten, boolean method) {
    for (String op : new String[] {"var", "std"}) {
      String input = method ? "" : "Tensor input, ";
      int k = method ? 0 : 1;
      defs.add(op + "(" + input + "int[1]? dim, bool unbiased=True, bool keepdim=False) -> Any",
          (r, v) -> aten.call(op + ".correction", java.util.List.of(self(r, v, method)),
              kwargs(v[k], correction(v[k + 1]), v[k + 2])));
      defs.add(op + "(" + input + "int[1]? dim=None, *, Scalar? correction=None,"
          + " bool keepdim=False) -> Any",
          (r, v) -> aten.call(op + ".correction", java.util.List.of(self(r, v, method)),
              kwargs(v[k], v[k + 1], v[k + 2])));
      defs.add(op + "(" + input + "bool unbiased=True) -> Any",
          (r, v) -> aten.call(op + ".correction", java.util.List.of(self(r, v, method)),
              kwargs(null, correction(v[k]), false)));
    }
  }

  private static Object self(Object receiver, Object[] v, boolean method) {
    return method ? receiver : v[0];
  }

  private static Object correction(Object unbiased) {
    return Boolean.TRUE.equals(unbiased) ? 1L : 0L;
  }

  private static java.util.Map<String, Object> kwargs(Object dim, Object correction,
      Object keepdim) {
    java.util.Map<String, Object> kw = new java.util.LinkedHashMap<>();
    kw.put("dim", dim);
    kw.put("correction", correction);
    kw.put("keepdim", keepdim);
    return kw;
  }
}
