package symtrace.tracer.torch;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import symtrace.tracer.lang.PyTuple;
import symtrace.tracer.ops.Args;
import symtrace.tracer.ops.OpOverload;
import symtrace.tracer.ops.OpRegistry;
import symtrace.tracer.ops.Ops;
import symtrace.tracer.tensor.Device;

/**
 * The functions PyTorch binds from C++ ({@code native_functions.yaml}): each Python name with
 * the forms it has ({@code torch.X}, {@code x.X}, {@code F.X}) and its aten overloads in the
 * order PyTorch's parser tries them (a {@code Tensor} overload before the {@code Scalar} one,
 * an {@code int} before an {@code int[]}). A call runs the first overload whose signature
 * accepts the arguments ({@link ArgumentParser}); when none does, the {@code TypeError} lists
 * the signatures.
 *
 * <p>Factories get the options PyTorch's bindings add: a sized factory ({@code zeros}) is
 * called with {@code device=cpu} and {@code pin_memory=False}, a {@code _like} or {@code new_}
 * factory with {@code pin_memory=False}, as the graphs PyTorch records show.
 */
final class NativeFunctions {
  /** Where a function is reachable from a program. */
  enum Form {
    /** {@code torch.X(...)}. */
    FUNCTION,
    /** {@code x.X(...)}. */
    METHOD,
    /** {@code torch.nn.functional.X(...)}. */
    NN
  }

  /** The options a factory's Python binding passes. */
  private enum Factory {
    NONE,
    /** {@code torch.zeros(...)}: {@code device=cpu, pin_memory=False}. */
    SIZED,
    /** {@code torch.zeros_like(...)}, {@code x.new_zeros(...)}: {@code pin_memory=False}. */
    LIKE
  }

  private record Entry(String name, Set<Form> forms, List<String> overloads,
      boolean numbersAsTensors, Factory factory) {}

  private static final Map<String, Entry> TABLE = table();

  private final Ops ops;
  private final Map<String, List<NativeOverload>> resolved = new HashMap<>();

  NativeFunctions(Ops ops) {
    this.ops = ops;
  }

  /** Whether {@code name} is a native function in {@code form}. */
  static boolean has(String name, Form form) {
    Entry e = TABLE.get(name);
    return e != null && e.forms().contains(form);
  }

  /**
   * Calls the native function {@code name} in {@code form}.
   *
   * @param receiver the tensor of a method call, else null
   * @return the operator's result, as the operator returns it
   * @throws PythonError ({@code TypeError}) when no overload accepts the arguments, ({@code
   *     NotImplementedError}) when none of its overloads exists in the registry
   */
  Object call(String name, Form form, Object receiver, List<?> args, Map<String, ?> kwargs) {
    Entry entry = TABLE.get(name);
    List<NativeOverload> candidates = overloads(entry, form);
    if (candidates.isEmpty()) {
      throw PythonError.unsupported(name + "() is not available: symtrace has no operator "
          + String.join(", ", entry.overloads().stream().map(o -> "aten." + o).toList()));
    }
    return invoke(name, candidates, receiver, args, kwargs, entry.factory());
  }

  /**
   * Calls an operator overload or packet directly, as a graph's code does ({@code
   * torch.ops.aten.add.Tensor(x_1, 2)}): arguments by their schema names, numbers standing
   * for tensors where PyTorch's {@code OpOverload} call allows them.
   */
  Object callDirect(String display, List<OpOverload> overloads, List<?> args,
      Map<String, ?> kwargs) {
    List<NativeOverload> candidates = new ArrayList<>();
    for (OpOverload op : overloads) {
      candidates.add(NativeOverload.direct(op, allowsNumbersAsTensors(op)));
    }
    return invoke(display, candidates, null, args, kwargs, Factory.NONE);
  }

  /**
   * Several results as the Python binding returns them: a named tuple whose fields are the
   * schema's return names ({@code (Tensor values, Tensor indices)}), when every result has one.
   */
  private static Object named(OpOverload op, Object result) {
    List<String> names = op.schema().returnNames();
    if (!(result instanceof List<?> items) || names.size() < 2 || names.size() != items.size()
        || names.contains(null)) {
      return result;
    }
    List<Object> wrapped = new ArrayList<>(items.size());
    for (Object item : items) {
      wrapped.add(TorchApi.wrap(item));
    }
    return PyTuple.named(names, wrapped);
  }

  /** {@code opAllowsNumbersAsTensors}: prims, and the aten operators of PyTorch's list. */
  private static boolean allowsNumbersAsTensors(OpOverload op) {
    return op.namespace().equals("prims") || (op.namespace().equals("aten")
        && NUMBERS_AS_TENSORS.contains(op.name()));
  }

  /**
   * PyTorch's list, and {@code where}: its {@code Scalar} overloads are composites that call
   * {@code where.self} with a wrapped number, which a graph prints as the number itself
   * ({@code where.self(gt, x_1, 0.0)}), and printed code must trace again.
   */
  private static final Set<String> NUMBERS_AS_TENSORS = Set.of("add", "add_", "sub", "sub_",
      "mul", "mul_", "div", "div_", "true_divide", "true_divide_", "floor_divide",
      "floor_divide_", "to", "_to_copy", "copy", "copy_", "where");

  private Object invoke(String name, List<NativeOverload> candidates, Object receiver,
      List<?> args, Map<String, ?> kwargs, Factory factory) {
    List<String> reasons = new ArrayList<>();
    for (NativeOverload c : candidates) {
      ArgumentParser.Match m = ArgumentParser.match(c.signature(), args, kwargs);
      if (m.ok()) {
        Object[] values = ArgumentParser.convert(c.signature(), m.values(), this::item);
        Object[] schemaValues = c.schemaValues(receiver, values);
        addFactoryOptions(factory, c.op(), schemaValues);
        return named(c.op(), ops.call(new Args(c.op(), schemaValues)));
      }
      reasons.add(m.mismatch());
    }
    if (candidates.size() == 1) {
      throw PythonError.typeError(reasons.get(0));
    }
    List<String> sigs = candidates.stream().map(c -> c.signature().describe()).toList();
    throw PythonError.typeError(name + "() received an invalid combination of arguments - got "
        + describeCall(args, kwargs) + ", but expected one of: " + String.join(" or ", sigs));
  }

  private static String describeCall(List<?> args, Map<String, ?> kwargs) {
    List<String> parts = new ArrayList<>();
    for (Object a : args) {
      parts.add(PyTypes.name(a));
    }
    for (Map.Entry<String, ?> kw : kwargs.entrySet()) {
      parts.add(kw.getKey() + "=" + PyTypes.name(kw.getValue()));
    }
    return "(" + String.join(", ", parts) + ")";
  }

  /** {@code item()} of a zero-dimensional tensor passed for a {@code Scalar}. */
  private Object item(symtrace.tracer.tensor.TensorValue t) {
    return ops.call("aten.item.default", t);
  }

  private static void addFactoryOptions(Factory factory, OpOverload op, Object[] values) {
    if (factory == Factory.NONE) {
      return;
    }
    int pin = op.schema().indexOf("pin_memory");
    if (pin >= 0 && values[pin] == null) {
      values[pin] = Boolean.FALSE;
    }
    int device = op.schema().indexOf("device");
    if (factory == Factory.SIZED && device >= 0 && values[device] == null) {
      values[device] = Device.CPU;
    }
  }

  private List<NativeOverload> overloads(Entry entry, Form form) {
    return resolved.computeIfAbsent(entry.name() + "/" + form, k -> {
      OpRegistry registry = ops.registry();
      List<NativeOverload> out = new ArrayList<>();
      for (String overload : entry.overloads()) {
        OpOverload op = registry.find("aten." + overload);
        if (op == null) {
          continue;
        }
        NativeOverload n = form == Form.METHOD
            ? NativeOverload.method(op, entry.name(), entry.numbersAsTensors())
            : NativeOverload.function(op, entry.name(), entry.numbersAsTensors());
        if (n != null) {
          out.add(n);
        }
      }
      return out;
    });
  }

  // ---------------------------------------------------------------------------------------
  // The table

  private static Map<String, Entry> table() {
    Builder t = new Builder();
    // Pointwise binary. PyTorch lets numbers stand for tensors in these five only, which is
    // why add/sub/mul/div have no Scalar overload in Python (aten.add.Tensor(x, 2)).
    for (String op : List.of("add", "sub", "mul")) {
      t.both(op, op + ".Tensor").numbers();
      t.method(op + "_", op + "_.Tensor").numbers();
    }
    t.both("div", "div.Tensor", "div.Tensor_mode").numbers();
    t.method("div_", "div_.Tensor", "div_.Tensor_mode").numbers();
    t.both("floor_divide", "floor_divide.default", "floor_divide.Scalar").numbers();
    t.method("floor_divide_", "floor_divide_.Tensor", "floor_divide_.Scalar").numbers();
    t.both("rsub", "rsub.Tensor", "rsub.Scalar");
    t.both("pow", "pow.Tensor_Tensor", "pow.Scalar", "pow.Tensor_Scalar");
    t.method("pow_", "pow_.Tensor", "pow_.Scalar");
    t.both("remainder", "remainder.Tensor", "remainder.Scalar", "remainder.Scalar_Tensor");
    t.method("remainder_", "remainder_.Tensor", "remainder_.Scalar");
    t.both("fmod", "fmod.Tensor", "fmod.Scalar");
    t.both("maximum", "maximum.default");
    t.both("minimum", "minimum.default");
    for (String op : List.of("eq", "ne", "lt", "le", "gt", "ge")) {
      t.both(op, op + ".Tensor", op + ".Scalar");
    }
    for (String op : List.of("logical_and", "logical_or", "logical_xor")) {
      t.both(op, op + ".default");
    }
    t.both("where", "where.self", "where.ScalarSelf", "where.ScalarOther", "where.Scalar",
        "where.default");
    t.both("masked_fill", "masked_fill.Tensor", "masked_fill.Scalar");
    t.method("masked_fill_", "masked_fill_.Tensor", "masked_fill_.Scalar");

    // Pointwise unary, each with its in-place form: a method, and also torch.X_ where
    // native_functions.yaml gives the in-place variant a function too (not logical_not_,
    // sign_, square_); F.relu_ is torch.relu_.
    Set<String> inPlaceMethodOnly = Set.of("logical_not", "sign", "square");
    for (String op : List.of("neg", "abs", "exp", "log", "sqrt", "rsqrt", "sin", "cos", "tan",
        "tanh", "sigmoid", "relu", "reciprocal", "logical_not", "floor", "ceil", "trunc",
        "sign", "exp2", "log2", "log1p", "expm1", "erf", "square")) {
      t.both(op, op + ".default");
      if (inPlaceMethodOnly.contains(op)) {
        t.method(op + "_", op + "_.default");
      } else {
        t.both(op + "_", op + "_.default");
      }
      if (op.equals("relu")) {
        t.alsoNn();
      }
    }
    t.both("clamp", "clamp.Tensor", "clamp.default");
    t.both("clamp_", "clamp_.Tensor", "clamp_.default");
    t.nn("gelu", "gelu.default");

    // Reductions.
    t.both("sum", "sum.default", "sum.dim_IntList");
    t.both("mean", "mean.default", "mean.dim");
    t.both("amax", "amax.default");
    t.both("amin", "amin.default");
    t.both("argmax", "argmax.default");
    t.both("argmin", "argmin.default");
    t.both("max", "max.default", "max.other", "max.dim");
    t.both("min", "min.default", "min.other", "min.dim");
    t.both("prod", "prod.default", "prod.dim_int");
    t.both("cumsum", "cumsum.default");
    t.both("softmax", "softmax.int");
    t.both("log_softmax", "log_softmax.int");
    t.both("all", "all.default", "all.dim", "all.dims");
    t.both("any", "any.default", "any.dim", "any.dims");
    t.both("logsumexp", "logsumexp.default");

    // Linear algebra.
    t.both("matmul", "matmul.default");
    t.both("mm", "mm.default");
    t.both("bmm", "bmm.default");
    t.both("addmm", "addmm.default");
    t.both("t", "t.default");
    t.nn("linear", "linear.default");

    // Shapes and views.
    t.method("view", "view.default", "view.dtype");
    t.both("reshape", "reshape.default");
    t.both("permute", "permute.default");
    t.both("transpose", "transpose.int");
    t.method("contiguous", "contiguous.default");
    t.method("expand", "expand.default");
    t.method("expand_as", "expand_as.default");
    t.both("unsqueeze", "unsqueeze.default");
    t.both("squeeze", "squeeze.default", "squeeze.dim", "squeeze.dims");
    t.both("flatten", "flatten.using_ints");
    t.both("unflatten", "unflatten.int");
    t.both("narrow", "narrow.default", "narrow.Tensor");
    t.both("select", "select.int");
    t.both("split_with_sizes", "split_with_sizes.default");
    t.both("chunk", "chunk.default");
    t.both("unbind", "unbind.int");
    t.function("cat", "cat.default");
    t.function("stack", "stack.default");
    t.method("repeat", "repeat.default");
    t.both("flip", "flip.default");
    t.both("roll", "roll.default");
    t.both("tril", "tril.default");
    t.both("triu", "triu.default");
    t.both("index_select", "index_select.default");
    t.both("gather", "gather.default");
    t.both("diagonal", "diagonal.default");
    t.both("movedim", "movedim.int", "movedim.intlist");
    t.both("clone", "clone.default");
    t.both("masked_select", "masked_select.default");
    t.both("nonzero", "nonzero.default");
    t.both("index_put", "index_put.default");
    t.method("index_put_", "index_put_.default");

    // In place, conversions, data.
    t.method("copy_", "copy_.default");
    t.both("zero_", "zero_.default");
    t.both("fill_", "fill_.Tensor", "fill_.Scalar");
    t.method("type_as", "type_as.default");
    t.method("item", "item.default");

    // Factories.
    t.function("zeros", "zeros.default").sized();
    t.function("ones", "ones.default").sized();
    t.function("empty", "empty.memory_format").sized();
    t.function("full", "full.default").sized();
    t.function("arange", "arange.default", "arange.start", "arange.start_step").sized();
    t.function("scalar_tensor", "scalar_tensor.default").sized();
    for (String op : List.of("zeros_like", "ones_like", "empty_like", "full_like")) {
      t.function(op, op + ".default").like();
    }
    for (String op : List.of("new_empty", "new_zeros", "new_ones", "new_full")) {
      t.method(op, op + ".default").like();
    }

    // Neural-network functions bound from C++ (the others are Functional's Python).
    t.function("conv1d", "conv1d.default", "conv1d.padding").alsoNn();
    t.function("conv2d", "conv2d.default", "conv2d.padding").alsoNn();
    t.function("max_pool2d", "max_pool2d.default");
    t.nn("max_pool2d_with_indices", "max_pool2d_with_indices.default");
    t.nn("avg_pool2d", "avg_pool2d.default");
    t.nn("pad", "pad.default");
    t.nn("scaled_dot_product_attention", "scaled_dot_product_attention.default");
    t.function("layer_norm", "layer_norm.default");
    t.function("embedding", "embedding.default");
    t.function("dropout", "dropout.default");
    return t.entries;
  }

  /** Collects the table. */
  private static final class Builder {
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private String last;

    Builder both(String name, String... overloads) {
      return add(name, EnumSet.of(Form.FUNCTION, Form.METHOD), overloads);
    }

    Builder function(String name, String... overloads) {
      return add(name, EnumSet.of(Form.FUNCTION), overloads);
    }

    Builder method(String name, String... overloads) {
      return add(name, EnumSet.of(Form.METHOD), overloads);
    }

    Builder nn(String name, String... overloads) {
      return add(name, EnumSet.of(Form.NN), overloads);
    }

    private Builder add(String name, Set<Form> forms, String... overloads) {
      if (entries.putIfAbsent(name, new Entry(name, forms, List.of(overloads), false,
          Factory.NONE)) != null) {
        throw new IllegalStateException("listed twice: " + name);
      }
      last = name;
      return this;
    }

    Builder numbers() {
      Entry e = entries.get(last);
      entries.put(last, new Entry(e.name(), e.forms(), e.overloads(), true, e.factory()));
      return this;
    }

    Builder sized() {
      return factory(Factory.SIZED);
    }

    Builder like() {
      return factory(Factory.LIKE);
    }

    Builder alsoNn() {
      Entry e = entries.get(last);
      Set<Form> forms = EnumSet.copyOf(e.forms());
      forms.add(Form.NN);
      entries.put(last, new Entry(e.name(), forms, e.overloads(), e.numbersAsTensors(),
          e.factory()));
      return this;
    }

    private Builder factory(Factory f) {
      Entry e = entries.get(last);
      entries.put(last, new Entry(e.name(), e.forms(), e.overloads(), e.numbersAsTensors(), f));
      return this;
    }
  }
}
