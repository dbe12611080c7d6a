package symtrace.tracer.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import symtrace.tracer.ops.Args;
import symtrace.tracer.ops.Argument;

/**
 * How a call is written into a node, as PyTorch's boxed calls reach Python: positional
 * arguments up to the last that differs from its default, keyword-only ones only when they
 * differ from theirs ({@code aten.sum.dim_IntList(x, [0])}, {@code aten.add.Tensor(x, y, alpha
 * = 2)}).
 */
final class CallArguments {
  final List<Object> args;
  final Map<String, Object> kwargs;

  private CallArguments(List<Object> args, Map<String, Object> kwargs) {
    this.args = args;
    this.kwargs = kwargs;
  }

  static CallArguments of(Args call, UnaryOperator<Object> toGraph) {
    if (call.op().schema().allRequiredPositional()) {
      List<Object> args = new ArrayList<>(call.size());
      for (int i = 0; i < call.size(); i++) {
        args.add(toGraph.apply(call.get(i)));
      }
      return new CallArguments(args, Map.of());
    }
    List<Argument> schema = call.op().schema().arguments();
    int lastPositional = -1;
    for (int i = 0; i < schema.size(); i++) {
      Argument a = schema.get(i);
      if (!a.kwargOnly() && !isDefault(a, call.get(i))) {
        lastPositional = i;
      }
    }
    List<Object> args = new ArrayList<>(lastPositional + 1);
    Map<String, Object> kwargs = null;
    for (int i = 0; i < schema.size(); i++) {
      Argument a = schema.get(i);
      if (!a.kwargOnly()) {
        if (i <= lastPositional) {
          args.add(toGraph.apply(call.get(i)));
        }
      } else if (!isDefault(a, call.get(i))) {
        if (kwargs == null) {
          kwargs = new LinkedHashMap<>();
        }
        kwargs.put(a.name(), toGraph.apply(call.get(i)));
      }
    }
    return new CallArguments(args, kwargs == null ? Map.of() : kwargs);
  }

  private static boolean isDefault(Argument a, Object value) {
    if (!a.hasDefault()) {
      return false;
    }
    Object d = a.defaultValue();
    if (d == null || value == null) {
      return d == value;
    }
    if (d instanceof Number dn && value instanceof Number vn) {
      // 1 and 1.0 are different defaults to PyTorch's printer only by type
      return dn.getClass() == vn.getClass() && dn.equals(vn);
    }
    if (d instanceof List<?> dl && value instanceof List<?> vl) {
      return dl.equals(new ArrayList<>(vl));
    }
    return Objects.equals(d, value);
  }
}
