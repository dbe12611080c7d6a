package symtrace.tracer.lang;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import symtrace.symbolic.env.Provenance;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.TensorValue;
import symtrace.tracer.torch.ApiRef;
import symtrace.tracer.torch.BoundMethod;
import symtrace.tracer.torch.PyEllipsis;
import symtrace.tracer.torch.PySlice;
import symtrace.tracer.torch.PyTypes;
import symtrace.tracer.torch.PythonError;
import symtrace.tracer.torch.TorchApi;

/**
 * Evaluates expressions in one scope, left to right as Python does. An error raised while
 * evaluating a node is located at that node (the innermost failing call, operator or
 * subscript), so messages point at the expression that failed.
 */
final class Evaluator implements ExprVisitor<Object> {
  static final Provenance BRANCH = Provenance.of("branch");

  private final Interpreter interpreter;
  private final Scope scope;
  private final PyOperators operators;
  private final TorchApi api;
  private final ExecutionHooks hooks;

  Evaluator(Interpreter interpreter, Scope scope) {
    this.interpreter = interpreter;
    this.scope = scope;
    this.operators = interpreter.operators();
    this.api = interpreter.api();
    this.hooks = interpreter.hooks();
  }

  Object eval(Expr e) {
    Object value = e.accept(this);
    hooks.evaluated(e, value);
    return value;
  }

  /** Runs {@code body}, locating any error it raises at {@code span}. */
  static <T> T located(Span span, Supplier<T> body) {
    try {
      return body.get();
    } catch (RuntimeException e) {
      throw Errors.locate(span, e);
    }
  }

  /** The truth of a condition's value, an error located at the condition. */
  boolean truth(Expr condition, Object value) {
    return located(condition.span(), () -> operators.truth(value, BRANCH));
  }

  // ---------------------------------------------------------------------------------------
  // Names and literals

  @Override
  public Object visit(Expr.Name e) {
    Scope.Lookup found = scope.lookup(e.id());
    if (found.found()) {
      return found.value();
    }
    if (found.unboundLocal()) {
      throw Errors.at(e.span(), "UnboundLocalError", "cannot access local variable '" + e.id()
          + "' where it is not associated with a value");
    }
    Object builtin = Builtins.lookup(e.id());
    if (builtin == null) {
      throw Errors.at(e.span(), "NameError", "name '" + e.id() + "' is not defined");
    }
    return builtin;
  }

  @Override
  public Object visit(Expr.IntLit e) {
    if (!e.fitsLong()) {
      throw Errors.at(e.span(), "OverflowError", "the integer " + e.value()
          + " does not fit in 64 bits, which symtrace's ints are");
    }
    return e.value().longValue();
  }

  @Override
  public Object visit(Expr.FloatLit e) {
    return e.value();
  }

  @Override
  public Object visit(Expr.BoolLit e) {
    return e.value();
  }

  @Override
  public Object visit(Expr.NoneLit e) {
    return null;
  }

  @Override
  public Object visit(Expr.StrLit e) {
    return e.value();
  }

  @Override
  public Object visit(Expr.EllipsisLit e) {
    return PyEllipsis.INSTANCE;
  }

  @Override
  public Object visit(Expr.TupleExpr e) {
    return PyTuple.copyOf(evalAll(e.elements()));
  }

  @Override
  public Object visit(Expr.ListExpr e) {
    return evalAll(e.elements());
  }

  private List<Object> evalAll(List<Expr> exprs) {
    List<Object> out = new ArrayList<>(exprs.size());
    for (Expr x : exprs) {
      out.add(eval(x));
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------
  // Operators

  @Override
  public Object visit(Expr.BinOp e) {
    Object left = eval(e.left());
    Object right = eval(e.right());
    return located(e.span(), () -> operators.binary(OperatorNames.of(e.op()), left, right));
  }

  @Override
  public Object visit(Expr.UnaryOp e) {
    Object v = eval(e.operand());
    return located(e.span(), () -> switch (e.op()) {
      case NOT -> !operators.truth(v, BRANCH);
      case NEG -> operators.unary("neg", v);
      case POS -> operators.unary("pos", v);
    });
  }

  /** {@code a < b <= c}: {@code a < b and b <= c}, each operand evaluated once. */
  @Override
  public Object visit(Expr.Compare e) {
    Object left = eval(e.left());
    Object result = null;
    for (int i = 0; i < e.ops().size(); i++) {
      Object right = eval(e.comparators().get(i));
      String op = OperatorNames.of(e.ops().get(i));
      Object l = left;
      result = located(e.span(), () -> operators.binary(op, l, right));
      if (i < e.ops().size() - 1) {
        Object r = result;
        if (!located(e.span(), () -> operators.truth(r, BRANCH))) {
          return result;
        }
      }
      left = right;
    }
    return result;
  }

  /** {@code and}/{@code or}: the first operand that decides, as Python returns it. */
  @Override
  public Object visit(Expr.BoolOp e) {
    boolean and = e.op() == Expr.BoolOperator.AND;
    List<Expr> values = e.values();
    for (int i = 0; i < values.size() - 1; i++) {
      Object v = eval(values.get(i));
      if (truth(values.get(i), v) != and) {
        return v;
      }
    }
    return eval(values.get(values.size() - 1));
  }

  @Override
  public Object visit(Expr.IfExp e) {
    return truth(e.test(), eval(e.test())) ? eval(e.body()) : eval(e.orElse());
  }

  // ---------------------------------------------------------------------------------------
  // Calls, attributes, subscripts

  @Override
  public Object visit(Expr.Call e) {
    if (e.func() instanceof Expr.Attribute a) {
      Object receiver = eval(a.value());
      if (receiver instanceof TensorValue t) {
        List<Object> args = evalAll(e.args());
        Map<String, Object> kwargs = keywords(e);
        return located(e.span(), () -> api.callMethod(t, a.attr(), args, kwargs));
      }
      if (receiver instanceof List<?> && !(receiver instanceof PyTuple)) {
        return listMethod(e, a, receiver);
      }
      Object fn = located(a.span(), () -> attribute(receiver, a.attr()));
      return call(e, fn);
    }
    return call(e, eval(e.func()));
  }

  private Object call(Expr.Call e, Object fn) {
    List<Object> args = evalAll(e.args());
    Map<String, Object> kwargs = keywords(e);
    return located(e.span(), () -> callValue(fn, args, kwargs));
  }

  private Map<String, Object> keywords(Expr.Call e) {
    Map<String, Object> kwargs = new LinkedHashMap<>();
    for (Expr.Keyword k : e.keywords()) {
      kwargs.put(k.name(), eval(k.value()));
    }
    return kwargs;
  }

  private Object callValue(Object fn, List<Object> args, Map<String, Object> kwargs) {
    if (fn instanceof PyFunction f) {
      return interpreter.invoke(f, args, kwargs);
    }
    if (fn instanceof Builtin b) {
      return interpreter.builtins().call(b, args, kwargs);
    }
    if (fn instanceof ApiRef ref) {
      return api.call(ref, args, kwargs);
    }
    if (fn instanceof BoundMethod m) {
      return api.call(m, args, kwargs);
    }
    throw PythonError.typeError("'" + PyTypes.name(fn) + "' object is not callable");
  }

  /** {@code list.append(v)} and {@code list.extend(it)}. */
  private Object listMethod(Expr.Call e, Expr.Attribute a, Object receiver) {
    @SuppressWarnings("unchecked")
    List<Object> list = (List<Object>) receiver;
    List<Object> args = evalAll(e.args());
    return located(e.span(), () -> {
      if (!e.keywords().isEmpty() || args.size() != 1
          || !(a.attr().equals("append") || a.attr().equals("extend"))) {
        throw a.attr().equals("append") || a.attr().equals("extend")
            ? PythonError.typeError("list." + a.attr() + "() takes exactly one argument")
            : PythonError.attributeError("'list' object has no attribute '" + a.attr() + "'");
      }
      if (a.attr().equals("append")) {
        list.add(args.get(0));
      } else {
        list.addAll(operators.iterate(args.get(0)));
      }
      return null;
    });
  }

  @Override
  public Object visit(Expr.Attribute e) {
    Object receiver = eval(e.value());
    return located(e.span(), () -> attribute(receiver, e.attr()));
  }

  private Object attribute(Object receiver, String name) {
    if (receiver instanceof TensorValue t) {
      return api.attribute(t, name);
    }
    if (receiver instanceof ApiRef ref) {
      return api.attribute(ref, name);
    }
    if (receiver instanceof PyModule m && m.name().equals("operator")) {
      return Builtins.operatorFunction(name);
    }
    if (receiver instanceof PyTuple t && t.hasField(name)) {
      return t.field(name);
    }
    if (receiver instanceof DType d && name.equals("is_floating_point")) {
      return d.isFloatingPoint();
    }
    if (receiver == GraphSelf.INSTANCE) {
      throw PythonError.unsupported("self." + name + " is a tensor constant of a printed graph;"
          + " a program file has its use but not its value");
    }
    throw PythonError.attributeError("'" + PyTypes.name(receiver) + "' object has no attribute '"
        + name + "'");
  }

  @Override
  public Object visit(Expr.Subscript e) {
    Object container = eval(e.value());
    Object index = eval(e.index());
    return located(e.span(), () -> operators.getItem(container, index));
  }

  @Override
  public Object visit(Expr.Slice e) {
    return new PySlice(e.lower().map(this::eval).orElse(null),
        e.upper().map(this::eval).orElse(null), e.step().map(this::eval).orElse(null));
  }
}
