package symtrace.tracer.torch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.ops.PyScalars;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.ShapeRules;
import symtrace.tracer.tensor.TensorValue;

/**
 * The {@code torch.X} functions PyTorch writes in Python (or that are not one aten overload):
 * {@code torch.tensor}, {@code torch.split}, {@code torch.einsum}, {@code
 * torch.broadcast_tensors}, {@code torch._check}, the {@code torch.sym_*} functions on
 * scalars, {@code torch.device}.
 */
final class TorchFunctions {
  private final Aten aten;
  private final PyDefs defs;

  TorchFunctions(Aten aten, ArgumentParser.ScalarReader scalars) {
    this.aten = aten;
    this.defs = new PyDefs(scalars);
    register();
  }

  /** Whether {@code torch.<name>} is one of these. */
  boolean has(String name) {
    return defs.has(name) || name.equals("einsum") || name.equals("broadcast_tensors");
  }

  Object call(String name, List<?> args, Map<String, ?> kwargs) {
    return switch (name) {
      case "einsum" -> einsum(args, kwargs);
      case "broadcast_tensors" -> {
        noKeywords(name, kwargs);
        yield broadcastTensors(aten, tensors(name, args));
      }
      default -> defs.call(name, null, args, kwargs);
    };
  }

  private void register() {
    defs.add("tensor(Any data, *, ScalarType? dtype=None, Device? device=None,"
        + " bool requires_grad=False, bool pin_memory=False) -> Any",
        (r, v) -> aten.call("lift_fresh.default", TensorLiterals.of(v[0], (DType) v[1])));
    // torch.split is Tensor.split (functional.py).
    defs.add("split(Tensor tensor, SymInt split_size_or_sections, int dim=0) -> Any",
        (r, v) -> aten.call("split.Tensor", v[0], v[1], v[2]));
    defs.add("split(Tensor tensor, SymInt[] split_size_or_sections, int dim=0) -> Any",
        (r, v) -> aten.call("split_with_sizes.default", v[0], v[1], v[2]));
    defs.add("numel(Tensor input) -> Any",
        (r, v) -> PyScalars.normalize(((TensorValue) v[0]).symNumel()));
    defs.add("is_tensor(Any obj) -> Any", (r, v) -> v[0] instanceof TensorValue);
    defs.add("device(str type) -> Any", (r, v) -> ArgumentParser.device((String) v[0]));
    defs.add("_check(Any cond, Any message=None) -> Any", (r, v) -> {
      check(v[0], v[1], "torch._check");
      return null;
    });
    defs.add("_check_is_size(Any i, Any message=None, *, Any max=None) -> Any", (r, v) -> {
      checkIsSize(v[0], v[1], v[2]);
      return null;
    });
    Variance.register(defs, aten, false);
    scalarFunction("sym_int", 1);
    scalarFunction("sym_float", 1);
    scalarFunction("sym_not", 1);
    scalarFunction("sym_max", 2);
    scalarFunction("sym_min", 2);
  }

  /**
   * {@code torch.sym_*}: computed at once on plain numbers, dispatched (so a trace records
   * {@code torch.sym_max}) on symbolic ones.
   */
  private void scalarFunction(String name, int arity) {
    String params = arity == 1 ? "Scalar a" : "Scalar a, Scalar b";
    defs.add(name + "(" + params + ") -> Any", (r, v) -> {
      boolean symbolic = false;
      for (Object x : v) {
        symbolic |= PyScalars.isSymbolic(x);
      }
      Object[] args = v.clone();
      if (symbolic) {
        return PyScalars.normalize(aten.ops().call("torch." + name, args));
      }
      var op = aten.ops().registry().get("torch." + name);
      return PyScalars.normalize(op.kernel().apply(op.bind(List.of(args), Map.of())));
    });
  }

  /**
   * {@code torch._check(cond)}: a guard when {@code cond} involves only backed sizes, a
   * deferred runtime assert when it involves unbacked symbols ({@code expect_true}).
   */
  static void check(Object cond, Object message, String what) {
    boolean holds;
    if (cond instanceof Boolean b) {
      holds = b;
    } else if (cond instanceof SymBool b) {
      holds = b.expectTrue(Provenance.of(what));
    } else {
      throw PythonError.typeError(what + "(): cond must be a bool, but got "
          + PyTypes.name(cond));
    }
    if (!holds) {
      throw PythonError.runtimeError(message instanceof String s ? s
          : "Expected cond to be True, but got False. (Could this error message be improved?"
              + " If so, please report an enhancement request to PyTorch.)");
    }
  }

  /**
   * {@code torch._check_is_size(i)}: {@code i >= 0} checked, and an unbacked symbol marked as a
   * size ({@code sym_constrain_range_for_size}), so that size-oblivious reasoning applies.
   */
  private void checkIsSize(Object i, Object message, Object max) {
    if (!PyScalars.isInt(i)) {
      throw PythonError.typeError("torch._check_is_size(): expected an int, got "
          + PyTypes.name(i));
    }
    check(aten.scalar("ge", i, 0L), message, "torch._check_is_size");
    if (i instanceof SymInt s && !s.isConstant() && s.expr() instanceof Sym sym
        && s.node().env().isUnbacked(sym)) {
      aten.call("sym_constrain_range_for_size.default", s);
      s.node().env().constrainRangeForSize(sym);
    }
    if (max != null) {
      check(aten.scalar("le", i, max), message, "torch._check_is_size");
    }
  }

  /**
   * {@code torch.broadcast_tensors(*tensors)}, as aten's composite ({@code expand_outplace})
   * does it: the broadcast shape, and {@code expand} for each tensor not already of that shape.
   */
  static List<Object> broadcastTensors(Aten aten, List<Object> tensors) {
    ShapeRules rules = ShapeRules.of("broadcast_tensors");
    List<SymInt> shape = null;
    for (Object t : tensors) {
      List<SymInt> sizes = ((TensorValue) t).symSizes();
      shape = shape == null ? sizes : rules.broadcastShapes(shape, sizes);
    }
    List<Object> out = new ArrayList<>();
    for (Object t : tensors) {
      TensorValue tensor = (TensorValue) t;
      if (rules.sameSizes(tensor.symSizes(), shape)) {
        out.add(tensor);
      } else {
        List<Object> sizes = new ArrayList<>();
        shape.forEach(s -> sizes.add(PyScalars.normalize(s)));
        out.add(aten.call("expand.default", tensor, sizes));
      }
    }
    return out;
  }

  /** {@code torch.einsum(equation, *operands)}; one list of operands is accepted too. */
  private Object einsum(List<?> args, Map<String, ?> kwargs) {
    noKeywords("einsum", kwargs);
    if (args.isEmpty() || !(args.get(0) instanceof String equation)) {
      throw PythonError.typeError("einsum(): argument 'equation' (position 1) must be str");
    }
    List<?> operands = args.subList(1, args.size());
    if (operands.size() == 1 && operands.get(0) instanceof List<?> l) {
      operands = l;
    }
    return aten.call("einsum.default", equation, tensors("einsum", operands));
  }

  private static List<Object> tensors(String name, List<?> values) {
    List<Object> out = new ArrayList<>();
    for (Object v : values) {
      if (!(v instanceof TensorValue)) {
        throw PythonError.typeError(name + "(): expected Tensor as element " + out.size()
            + " in argument 0, but got " + PyTypes.name(v));
      }
      out.add(v);
    }
    return out;
  }

  private static void noKeywords(String name, Map<String, ?> kwargs) {
    if (!kwargs.isEmpty()) {
      throw PythonError.typeError(name + "() got an unexpected keyword argument '"
          + kwargs.keySet().iterator().next() + "'");
    }
  }
}
