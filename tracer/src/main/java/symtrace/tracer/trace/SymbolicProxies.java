package symtrace.tracer.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import symtrace.symbolic.expr.Add;
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Mul;
import symtrace.symbolic.expr.Pow;
import symtrace.symbolic.expr.Sym;
import symtrace.tracer.fx.Graph;
import symtrace.tracer.fx.Node;
import symtrace.tracer.ops.OpOverload;
import symtrace.tracer.ops.OpRegistry;
import symtrace.tracer.ops.PyScalars;

/**
 * Rebuilds a symbolic value that has no node from the nodes of its symbols (PyTorch's {@code
 * _build_proxy_for_sym_expr}): the expression is walked, each symbol is the node that tracks
 * it, and each operation becomes an {@code operator} node. When a symbol has no node the error
 * names the missing symbols.
 */
final class SymbolicProxies {
  private final Graph graph;
  private final OpRegistry registry;
  private final Function<Expr, Node> tracked;

  SymbolicProxies(Graph graph, OpRegistry registry, Function<Expr, Node> tracked) {
    this.graph = graph;
    this.registry = registry;
    this.tracked = tracked;
  }

  /** A node computing {@code e}; {@code value} is the symbolic value it stands for. */
  Node build(Expr e, Object value) {
    List<String> missing = new ArrayList<>();
    for (Sym s : e.freeSymbols()) {
      if (tracked.apply(s) == null) {
        missing.add(s.name());
      }
    }
    if (!missing.isEmpty()) {
      throw new TracingError("cannot build a graph value for " + e + ": no traced value holds "
          + String.join(", ", missing));
    }
    Object built = walk(e);
    if (built instanceof Node n) {
      n.meta().put("val", value);
      return n;
    }
    throw new TracingError("cannot build a graph value for " + e);
  }

  /** A node or a constant for each subexpression. */
  private Object walk(Expr e) {
    if (e instanceof IntLit i) {
      return i.longValue();
    }
    if (e instanceof Sym s) {
      return tracked.apply(s);
    }
    if (e instanceof Add add) {
      return fold("add", add.args());
    }
    if (e instanceof Mul mul) {
      return fold("mul", mul.args());
    }
    if (e instanceof Pow pow && pow.args().get(1) instanceof IntLit exp && exp.signum() > 0) {
      return call("pow", walk(pow.args().get(0)), exp.longValue());
    }
    if (e instanceof Apply a) {
      String name = switch (a.fn()) {
        case FLOOR_DIV -> "floordiv";
        case MOD, PYTHON_MOD -> "mod";
        case POW_BY_NATURAL -> "pow";
        case INT_TRUE_DIV, FLOAT_TRUE_DIV -> "truediv";
        case EQ -> "eq";
        case NE -> "ne";
        case LT -> "lt";
        case LE -> "le";
        case GT -> "gt";
        case GE -> "ge";
        default -> null;
      };
      if (name != null && a.arity() == 2) {
        return call(name, walk(a.arg(0)), walk(a.arg(1)));
      }
      if (a.fn() == symtrace.symbolic.expr.Fn.MAX || a.fn() == symtrace.symbolic.expr.Fn.MIN) {
        String fn = a.fn() == symtrace.symbolic.expr.Fn.MAX ? "torch.sym_max" : "torch.sym_min";
        Object acc = walk(a.arg(0));
        for (int i = 1; i < a.arity(); i++) {
          acc = node(registry.get(fn), acc, walk(a.arg(i)));
        }
        return acc;
      }
      if (a.fn() == symtrace.symbolic.expr.Fn.TO_FLOAT) {
        return node(registry.get("torch.sym_float"), walk(a.arg(0)));
      }
    }
    throw new TracingError("cannot build a graph value for " + e
        + ": its operation has no graph form");
  }

  private Object fold(String name, List<Expr> terms) {
    Object acc = walk(terms.get(0));
    for (int i = 1; i < terms.size(); i++) {
      acc = call(name, acc, walk(terms.get(i)));
    }
    return acc;
  }

  private Object call(String name, Object a, Object b) {
    if (!(a instanceof Node) && !(b instanceof Node)) {
      return registry.get("operator." + name).kernel().apply(
          registry.get("operator." + name).bind(List.of(a, b), Map.of()));
    }
    return node(registry.get("operator." + name), a, b);
  }

  private Node node(OpOverload op, Object... args) {
    Node n = graph.callFunction(op, List.of(args), Map.of(), ProxyMode.nodeName(op));
    Object[] values = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      values[i] = args[i] instanceof Node arg ? arg.val() : args[i];
    }
    n.meta().put("val", PyScalars.normalize(op.kernel().apply(op.bind(List.of(values),
        Map.of()))));
    return n;
  }
}
