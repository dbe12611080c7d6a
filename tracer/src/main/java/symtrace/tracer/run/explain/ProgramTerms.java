package symtrace.tracer.run.explain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import symtrace.symbolic.env.Source;
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.print.PythonPrinter;
import symtrace.symbolic.value.SymBool;
import symtrace.symbolic.value.SymFloat;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.lang.Program;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TensorValue;

/**
 * Symbols in the program's own words. An unbacked symbol ({@code u0}) is named by the program
 * expression that evaluated to it, a variable first ({@code n}), else a variable's size ({@code
 * idx.shape[0]}), else the expression itself ({@code x.nonzero().size(0)}); a backed one by the
 * input it stands for ({@code x.shape[0]}). A condition prints as Python over those names.
 */
final class ProgramTerms {
  private static final Pattern INPUT_SIZE = Pattern.compile("input(\\d+)\\.size\\(\\)\\[(\\d+)\\]");
  private static final Pattern INPUT = Pattern.compile("input(\\d+)");

  /** Where a symbol was found: the expression, its text, and which of its values it was. */
  record Term(symtrace.tracer.lang.Expr node, String text, int occurrence, int dim) {}

  private final Program program;
  private final Observation traced;
  private final List<String> parameters;
  private final Map<Sym, Term> found = new HashMap<>();

  ProgramTerms(Program program, Observation traced, List<String> parameters) {
    this.program = program;
    this.traced = traced;
    this.parameters = parameters;
  }

  /** The program expression for an unbacked symbol, or null when none evaluated to it. */
  Term term(Sym u) {
    if (found.containsKey(u)) {
      return found.get(u);
    }
    Term name = null;
    Term size = null;
    Term other = null;
    for (symtrace.tracer.lang.Expr e : traced.expressions()) {
      List<Object> vs = traced.valuesOf(e);
      for (int k = 0; k < vs.size(); k++) {
        Object v = vs.get(k);
        boolean isName = e instanceof symtrace.tracer.lang.Expr.Name;
        if (u.equals(exprOf(v))) {
          if (isName && name == null) {
            name = new Term(e, ((symtrace.tracer.lang.Expr.Name) e).id(), k, -1);
          } else if (!isName && other == null) {
            SourceText.Found t = SourceText.of(program, e);
            if (t != null) {
              other = new Term(e, t.text(), k, -1);
            }
          }
        } else if (isName && size == null && v instanceof TensorValue t) {
          for (int d = 0; d < t.dim(); d++) {
            if (u.equals(t.symSize(d).expr())) {
              size = new Term(e, ((symtrace.tracer.lang.Expr.Name) e).id() + ".shape[" + d + "]",
                  k, d);
              break;
            }
          }
        }
      }
    }
    Term best = name != null ? name : size != null ? size : other;
    found.put(u, best);
    return best;
  }

  /** The program text of a symbol: its term, or the input it stands for; null when unknown. */
  String text(Sym s) {
    if (traced.env() != null && traced.env().isUnbacked(s)) {
      Term t = term(s);
      return t == null ? null : t.text();
    }
    List<Source> sources = traced.env() == null ? List.of() : traced.env().sources(s);
    for (Source src : sources) {
      Matcher m = INPUT_SIZE.matcher(src.name());
      if (m.matches() && Integer.parseInt(m.group(1)) < parameters.size()) {
        return parameters.get(Integer.parseInt(m.group(1))) + ".shape[" + m.group(2) + "]";
      }
      m = INPUT.matcher(src.name());
      if (m.matches() && Integer.parseInt(m.group(1)) < parameters.size()) {
        return parameters.get(Integer.parseInt(m.group(1)));
      }
    }
    return null;
  }

  /** A condition as Python over the program's names, or null when a symbol has none. */
  String print(Expr condition) {
    for (Sym s : condition.freeSymbols()) {
      if (text(s) == null) {
        return null;
      }
    }
    Map<Sym, String> names = new HashMap<>();
    condition.freeSymbols().forEach(s -> names.put(s, text(s)));
    return PythonPrinter.print(condition, names::get);
  }

  /**
   * The value the data gave an unbacked symbol, read from an eager run of the same program at
   * the same expression and occurrence; null when unknown.
   */
  Long dataValue(Sym u, Observation eager) {
    Term t = term(u);
    if (t == null || eager == null) {
      return null;
    }
    List<Object> vs = eager.valuesOf(t.node());
    if (t.occurrence() >= vs.size()) {
      return null;
    }
    Object v = vs.get(t.occurrence());
    if (t.dim() >= 0) {
      return v instanceof Tensor tensor ? tensor.size(t.dim()) : null;
    }
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Boolean b) {
      return b ? 1L : 0L;
    }
    if (v instanceof Tensor tensor && tensor.numel() == 1) {
      return tensor.dtype().isFloatingPoint() ? null : tensor.itemLong();
    }
    return null;
  }

  private static Expr exprOf(Object v) {
    if (v instanceof SymInt i) {
      return i.expr();
    }
    if (v instanceof SymFloat f) {
      return f.expr();
    }
    if (v instanceof SymBool b) {
      // item() of a bool tensor is Eq(u, 1): the variable stands for u itself
      Expr e = b.expr();
      if (e instanceof Apply a && a.fn() == Fn.EQ && a.arg(1).equals(Exprs.ONE)
          && a.arg(0) instanceof Sym) {
        return e.args().get(0);
      }
      return e;
    }
    return null;
  }
}
