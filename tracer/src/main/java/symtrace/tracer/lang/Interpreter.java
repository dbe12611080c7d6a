package symtrace.tracer.lang;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.env.SourceLocation;
import symtrace.symbolic.value.SymBool;
import symtrace.tracer.ops.Ops;
import symtrace.tracer.torch.PyTypes;
import symtrace.tracer.torch.PythonError;
import symtrace.tracer.torch.TorchApi;

/**
 * Runs programs of the language: statements with Python's semantics over the values of {@code
 * symtrace.tracer.ops} (tensors real or fake, ints and floats plain or symbolic), every
 * operator through the given {@link Ops}, so that a trace sees each call. Helper functions are
 * called directly (a trace inlines them); loops are unrolled.
 *
 * <p>Constructing an interpreter runs the module's top-level statements (imports, {@code def}s,
 * assignments). {@link #call} then runs a function on argument values. Before each statement
 * and each {@code if}/{@code assert} condition it enters {@link ExecutionHooks#at} with that
 * place, so a trace attributes guards and nodes to program lines.
 *
 * <p>A program's mistake is a {@link ProgramError} ({@link ExecutionError} with the Python
 * exception and the location of the failing expression). The one other exception a program can
 * cause is the shape environment's data-dependent error ({@code if} on a value read from a
 * fake tensor), which the tracer reports; its location is the program line the hooks name.
 */
public final class Interpreter {
  /** Python's default recursion limit ({@code sys.getrecursionlimit()}). */
  private static final int MAX_DEPTH = 1000;

  private final Program program;
  /** Source lines by number, filled as the hooks first name them (every statement asks). */
  private final Map<Integer, String> sourceLines = new HashMap<>();
  private final ExecutionHooks hooks;
  private final TorchApi api;
  private final PyOperators operators;
  private final Builtins builtins;
  private final Scope module = new Scope(null, Set.of());
  private final Map<Stmt.Def, Set<String>> locals = new IdentityHashMap<>();
  private int depth;

  /**
   * Creates an interpreter and runs the program's top-level statements.
   *
   * @throws ProgramError when a top-level statement fails
   */
  public Interpreter(Program program, Ops ops, ExecutionHooks hooks) {
    this.program = Objects.requireNonNull(program, "program");
    this.hooks = Objects.requireNonNull(hooks, "hooks");
    this.api = new TorchApi(Objects.requireNonNull(ops, "ops"));
    this.operators = new PyOperators(ops, api);
    this.builtins = new Builtins(operators, api);
    // The parser admits no top-level return, so the module body runs to its end.
    new Executor(module).block(program.body());
  }

  /**
   * Runs a function (the entry by default) on argument values; returns its Python value.
   *
   * <p>A first parameter named {@code self} (a printed graph's {@code forward(self, x_1)}) is
   * bound to the graph module when the arguments leave it out.
   *
   * @throws ProgramError when the program fails
   */
  public Object call(Stmt.Def function, List<Object> arguments) {
    PyFunction f = null;
    Scope.Lookup bound = module.lookup(function.name());
    if (bound.found() && bound.value() instanceof PyFunction g && g.def() == function) {
      f = g;
    }
    PyFunction fn = f != null ? f : new Executor(module).function(function);
    List<Object> args = new ArrayList<>(arguments);
    List<Stmt.Param> params = function.params();
    if (!params.isEmpty() && params.get(0).name().equals("self")
        && args.size() == params.size() - 1) {
      args.add(0, GraphSelf.INSTANCE);
    }
    return Evaluator.located(function.span(), () -> invoke(fn, args, Map.of()));
  }

  TorchApi api() {
    return api;
  }

  ExecutionHooks hooks() {
    return hooks;
  }

  PyOperators operators() {
    return operators;
  }

  Builtins builtins() {
    return builtins;
  }

  /** Calls a program function: arguments bound as Python binds them, the body run. */
  Object invoke(PyFunction f, List<Object> args, Map<String, Object> kwargs) {
    if (depth >= MAX_DEPTH) {
      throw new PythonError("RecursionError", "maximum recursion depth exceeded");
    }
    depth++;
    try {
      Stmt.Def def = f.def();
      Scope scope = new Scope(f.closure(), locals.computeIfAbsent(def, LocalNames::of));
      bind(f, args, kwargs, scope);
      Returned r = new Executor(scope).block(def.body());
      return r == null ? null : r.value();
    } catch (StackOverflowError deep) {
      // A thread with a small stack runs out before Python's limit: the same error, sooner.
      throw new PythonError("RecursionError", "maximum recursion depth exceeded");
    } finally {
      depth--;
    }
  }

  private static void bind(PyFunction f, List<Object> args, Map<String, Object> kwargs,
      Scope scope) {
    Stmt.Def def = f.def();
    List<Stmt.Param> params = def.params();
    if (args.size() > params.size()) {
      throw PythonError.typeError(def.name() + "() takes " + params.size() + " positional"
          + " argument" + (params.size() == 1 ? "" : "s") + " but " + args.size()
          + (args.size() == 1 ? " was" : " were") + " given");
    }
    Object[] values = new Object[params.size()];
    boolean[] set = new boolean[params.size()];
    for (int i = 0; i < args.size(); i++) {
      values[i] = args.get(i);
      set[i] = true;
    }
    for (Map.Entry<String, Object> kw : kwargs.entrySet()) {
      int i = indexOf(params, kw.getKey());
      if (i < 0) {
        throw PythonError.typeError(def.name() + "() got an unexpected keyword argument '"
            + kw.getKey() + "'");
      }
      if (set[i]) {
        throw PythonError.typeError(def.name() + "() got multiple values for argument '"
            + kw.getKey() + "'");
      }
      values[i] = kw.getValue();
      set[i] = true;
    }
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      if (!set[i]) {
        Object d = f.defaults().get(i);
        if (d == PyFunction.NO_DEFAULT) {
          missing.add("'" + params.get(i).name() + "'");
        } else {
          values[i] = d;
        }
      }
    }
    if (!missing.isEmpty()) {
      String names = missing.size() == 1 ? missing.get(0)
          : String.join(", ", missing.subList(0, missing.size() - 1)) + " and "
              + missing.get(missing.size() - 1);
      throw PythonError.typeError(def.name() + "() missing " + missing.size() + " required"
          + " positional argument" + (missing.size() == 1 ? "" : "s") + ": " + names);
    }
    for (int i = 0; i < values.length; i++) {
      scope.bind(params.get(i).name(), values[i]);
    }
  }

  private static int indexOf(List<Stmt.Param> params, String name) {
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The place a span names, with its source line, for the hooks. */
  private SourceLocation location(Span span) {
    String line = sourceLines.computeIfAbsent(span.line(), program::sourceLine);
    return new SourceLocation(span.file(), span.line(), span.column(), line);
  }

  /** A hooks scope that closes without checked exceptions. */
  private interface Place extends AutoCloseable {
    @Override
    void close();
  }

  private Place at(Span span) {
    AutoCloseable scope = hooks.at(location(span));
    return () -> {
      try {
        scope.close();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("closing an execution hook failed", e);
      }
    };
  }

  /** A {@code return} and its value. */
  private record Returned(Object value) {}

  /** Runs statements in one scope; a statement returns null, or a {@code Returned}. */
  private final class Executor implements StmtVisitor<Returned> {
    private final Scope scope;
    private final Evaluator eval;

    Executor(Scope scope) {
      this.scope = scope;
      this.eval = new Evaluator(Interpreter.this, scope);
    }

    Returned block(List<Stmt> body) {
      for (Stmt s : body) {
        Returned r = Evaluator.located(s.span(), () -> s.accept(this));
        if (r != null) {
          return r;
        }
      }
      return null;
    }

    /** A function value for {@code def}, its defaults evaluated now. */
    PyFunction function(Stmt.Def def) {
      List<Object> defaults = new ArrayList<>();
      for (Stmt.Param p : def.params()) {
        defaults.add(p.defaultValue().isPresent() ? eval.eval(p.defaultValue().get())
            : PyFunction.NO_DEFAULT);
      }
      return new PyFunction(def, scope, defaults);
    }

    @Override
    public Returned visit(Stmt.Def s) {
      try (Place p = at(s.span())) {
        scope.bind(s.name(), function(s));
      }
      return null;
    }

    @Override
    public Returned visit(Stmt.Assign s) {
      try (Place p = at(s.span())) {
        Object value = eval.eval(s.value());
        for (Expr target : s.targets()) {
          assign(target, value);
        }
      }
      return null;
    }

    private void assign(Expr target, Object value) {
      if (target instanceof Expr.Name n) {
        scope.bind(n.id(), value);
      } else if (target instanceof Expr.Subscript sub) {
        Object container = eval.eval(sub.value());
        Object index = eval.eval(sub.index());
        Evaluator.located(sub.span(), () -> {
          operators.setItem(container, index, value);
          return null;
        });
      } else {
        List<Expr> targets = target instanceof Expr.TupleExpr t ? t.elements()
            : ((Expr.ListExpr) target).elements();
        List<Object> items = Evaluator.located(target.span(), () -> unpack(value,
            targets.size()));
        for (int i = 0; i < targets.size(); i++) {
          assign(targets.get(i), items.get(i));
        }
      }
    }

    private List<Object> unpack(Object value, int n) {
      List<Object> items = operators.iterate(value);
      if (items.size() < n) {
        throw PythonError.valueError("not enough values to unpack (expected " + n + ", got "
            + items.size() + ")");
      }
      if (items.size() > n) {
        throw PythonError.valueError("too many values to unpack (expected " + n + ", got "
            + items.size() + ")");
      }
      return items;
    }

    @Override
    public Returned visit(Stmt.AugAssign s) {
      String op = OperatorNames.of(s.op());
      try (Place p = at(s.span())) {
        if (s.target() instanceof Expr.Subscript sub) {
          Object container = eval.eval(sub.value());
          Object index = eval.eval(sub.index());
          Object current = Evaluator.located(sub.span(),
              () -> operators.getItem(container, index));
          Object rhs = eval.eval(s.value());
          Object updated = Evaluator.located(s.span(),
              () -> operators.augmented(op, current, rhs));
          Evaluator.located(sub.span(), () -> {
            operators.setItem(container, index, updated);
            return null;
          });
        } else {
          Expr.Name name = (Expr.Name) s.target();
          Object current = eval.eval(name);
          Object rhs = eval.eval(s.value());
          scope.bind(name.id(), Evaluator.located(s.span(),
              () -> operators.augmented(op, current, rhs)));
        }
      }
      return null;
    }

    @Override
    public Returned visit(Stmt.If s) {
      for (Stmt.IfBranch branch : s.branches()) {
        boolean taken;
        try (Place p = at(branch.test().span())) {
          taken = eval.truth(branch.test(), eval.eval(branch.test()));
        }
        if (taken) {
          return block(branch.body());
        }
      }
      return block(s.orElse());
    }

    @Override
    public Returned visit(Stmt.For s) {
      List<Object> items;
      try (Place p = at(s.span())) {
        Object iterable = eval.eval(s.iter());
        items = Evaluator.located(s.iter().span(), () -> operators.iterate(iterable));
      }
      for (Object item : items) {
        try (Place p = at(s.span())) {
          assign(s.target(), item);
        }
        Returned r = block(s.body());
        if (r != null) {
          return r;
        }
      }
      return null;
    }

    @Override
    public Returned visit(Stmt.Return s) {
      try (Place p = at(s.span())) {
        return new Returned(s.value().isPresent() ? eval.eval(s.value().get()) : null);
      }
    }

    /**
     * {@code assert c}: a symbolic condition is {@code expect_true}, a guard over backed sizes
     * and a deferred runtime assert over unbacked ones; the message is evaluated only when the
     * assertion fails.
     */
    @Override
    public Returned visit(Stmt.Assert s) {
      try (Place p = at(s.test().span())) {
        Object test = eval.eval(s.test());
        boolean holds = Evaluator.located(s.test().span(), () -> test instanceof SymBool b
            ? b.expectTrue(Provenance.of("assert"))
            : operators.truth(test, Provenance.of("assert")));
        if (!holds) {
          Object message = s.message().isPresent() ? eval.eval(s.message().get()) : null;
          throw Errors.at(s.span(), "AssertionError", message == null ? ""
              : message instanceof String str ? str : String.valueOf(message));
        }
      }
      return null;
    }

    @Override
    public Returned visit(Stmt.Pass s) {
      return null;
    }

    @Override
    public Returned visit(Stmt.ExprStmt s) {
      if (s.value() instanceof Expr.StrLit) {
        return null;
      }
      try (Place p = at(s.span())) {
        eval.eval(s.value());
      }
      return null;
    }

    @Override
    public Returned visit(Stmt.Import s) {
      for (Stmt.Alias a : s.names()) {
        String bound = a.asName().orElse(a.name().split("\\.")[0]);
        String module = a.asName().isPresent() ? a.name() : bound;
        Object value = Evaluator.located(a.span(), () -> importModule(a.name(), module));
        scope.bind(bound, value);
      }
      return null;
    }

    @Override
    public Returned visit(Stmt.ImportFrom s) {
      if (s.level() > 0) {
        throw Errors.at(s.span(), "ImportError", "relative imports are not supported");
      }
      if (s.module().equals("__future__")) {
        return null;
      }
      Object module = Evaluator.located(s.span(), () -> importModule(s.module(), s.module()));
      for (Stmt.Alias a : s.names()) {
        Object value = Evaluator.located(a.span(), () -> member(module, a.name()));
        scope.bind(a.asName().orElse(a.name()), value);
      }
      return null;
    }

    /** The module {@code import name} loads; {@code bound} is the part the name binds. */
    private Object importModule(String name, String bound) {
      String root = name.split("\\.")[0];
      switch (root) {
        case "torch" -> {
          api.module(name);
          return api.module(bound);
        }
        case "operator", "typing" -> {
          if (!name.equals(root)) {
            throw new PythonError("ModuleNotFoundError", "No module named '" + name + "'");
          }
          return new PyModule(root);
        }
        default -> throw new PythonError("ModuleNotFoundError", "No module named '" + name
            + "' (the language knows torch and operator)");
      }
    }

    private Object member(Object module, String name) {
      if (module instanceof PyModule m) {
        return m.name().equals("operator") ? Builtins.operatorFunction(name)
            : new PyModule(m.name() + "." + name);
      }
      if (module instanceof symtrace.tracer.torch.ApiRef ref) {
        return api.attribute(ref, name);
      }
      throw PythonError.typeError("cannot import from '" + PyTypes.name(module) + "'");
    }
  }
}
