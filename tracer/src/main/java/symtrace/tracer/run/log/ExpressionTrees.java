package symtrace.tracer.run.log;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.IdentityHashMap;
import java.util.Map;
import symtrace.symbolic.expr.Add;
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Mul;
import symtrace.symbolic.expr.Pow;

/**
 * The {@code expression_created} events that let a viewer rebuild a guard's expression tree:
 * one per compound subterm ({@code Add}, {@code Mul}, {@code Pow}, a function such as {@code
 * FloorDiv} or {@code Eq}), inner terms first, each logged once, with its arguments' ids.
 * Symbols and numbers are leaves with ids but no event. Expressions are interned, so an id
 * names one expression for the whole trace.
 *
 * <p>PyTorch logs one event per SymNode operation as it runs; symtrace logs the tree of each
 * guard and runtime assert just before it, so {@code method} is the sympy node's name.
 */
final class ExpressionTrees {
  private final Map<Expr, Long> ids = new IdentityHashMap<>();
  private final Map<Expr, Boolean> logged = new IdentityHashMap<>();

  /** The id of an expression (a leaf or a compound term), given on first use. */
  long id(Expr e) {
    return ids.computeIfAbsent(e, k -> (long) ids.size() + 1);
  }

  /**
   * Logs the compound subterms of {@code e} not logged yet, with {@code userStack}; returns
   * the id of {@code e}.
   */
  long log(Expr e, StructuredLog log, ArrayNode userStack) {
    String method = method(e);
    if (method != null && !logged.containsKey(e)) {
      for (Expr a : e.args()) {
        log(a, log, userStack);
      }
      logged.put(e, true);
      ObjectNode m = StructuredLog.object();
      m.put("method", method);
      m.put("result", e.toString());
      m.put("result_id", id(e));
      ArrayNode arguments = m.putArray("arguments");
      ArrayNode argumentIds = m.putArray("argument_ids");
      for (Expr a : e.args()) {
        arguments.add(a.toString());
        argumentIds.add(id(a));
      }
      m.set("user_stack", userStack.deepCopy());
      m.putArray("stack");
      log.event("expression_created", m);
    }
    return id(e);
  }

  private static String method(Expr e) {
    if (e instanceof Add) {
      return "Add";
    }
    if (e instanceof Mul) {
      return "Mul";
    }
    if (e instanceof Pow) {
      return "Pow";
    }
    if (e instanceof Apply a) {
      return a.fn().sympyName();
    }
    return null;
  }
}
