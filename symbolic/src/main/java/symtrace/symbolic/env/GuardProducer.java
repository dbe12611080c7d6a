package symtrace.symbolic.env;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Infinity;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Num;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.print.PythonPrinter;
import symtrace.symbolic.value.SymFloat;
import symtrace.symbolic.value.SymInt;

/**
 * PyTorch's {@code produce_guards}: the conditions on the inputs under which a trace is valid, as
 * Python source over the inputs' sources, in PyTorch's order and text.
 *
 * <ol>
 *   <li>Input bindings: every input equals what its placeholder holds, except where the
 *       placeholder holds a symbol first bound by that very input (skipped in simplified mode;
 *       static tensor properties skipped when {@code ignoreStatic}).
 *   <li>Every recorded guard that the ranges and replacements alone do not imply, simplified,
 *       once per distinct expression.
 *   <li>Every symbol's range: {@code lo <= src} (in simplified mode only when not the default
 *       2) and {@code src <= hi}, joined by {@code and}; {@code not math.isnan(src)} for floats.
 * </ol>
 */
public final class GuardProducer {
  private final ShapeEnv env;

  public GuardProducer(ShapeEnv env) {
    this.env = env;
  }

  /** The guards for placeholders with their sources (e.g. {@code L['x']}). */
  public GuardSet produce(List<Placeholder> placeholders, List<Source> sources,
      boolean simplified, boolean ignoreStatic) {
    if (placeholders.size() != sources.size()) {
      throw new IllegalArgumentException("one source per placeholder");
    }
    List<Source> inputSources = new ArrayList<>();
    List<Expr> inputExprs = new ArrayList<>();
    Map<Sym, List<Source>> symbolToSource = new LinkedHashMap<>();
    for (int i = 0; i < placeholders.size(); i++) {
      Placeholder p = placeholders.get(i);
      Source src = sources.get(i);
      if (p instanceof Placeholder.Tensor t) {
        for (int d = 0; d < t.sizes().size(); d++) {
          track(Source.size(src, d), t.sizes().get(d).expr(), inputSources, inputExprs, symbolToSource);
        }
        for (int d = 0; d < t.strides().size(); d++) {
          track(Source.stride(src, d), t.strides().get(d).expr(), inputSources, inputExprs, symbolToSource);
        }
        track(Source.storageOffset(src), t.storageOffset().expr(), inputSources, inputExprs, symbolToSource);
      } else if (p instanceof Placeholder.Int n) {
        track(src, n.value().expr(), inputSources, inputExprs, symbolToSource);
      } else if (p instanceof Placeholder.Float f) {
        track(src, f.value().expr(), inputSources, inputExprs, symbolToSource);
      }
    }
    Function<Sym, String> names = s -> {
      List<Source> srcs = symbolToSource.get(s);
      if (srcs != null && !srcs.isEmpty()) {
        return srcs.get(0).name();
      }
      List<Source> own = env.sources(s);
      return own.isEmpty() ? s.name() : own.get(0).name();
    };
    List<ProducedGuard> out = new ArrayList<>();
    if (!simplified) {
      for (int i = 0; i < inputSources.size(); i++) {
        Source source = inputSources.get(i);
        Expr expr = inputExprs.get(i);
        if (expr instanceof Sym s && symbolToSource.get(s) != null && symbolToSource.get(s).get(0).equals(source)) {
          continue;
        }
        if (ignoreStatic && source instanceof TensorPropertySource && expr instanceof Num) {
          continue;
        }
        out.add(new ProducedGuard(source.name() + " == " + PythonPrinter.print(expr, names),
            ProducedGuard.Kind.INPUT, source, expr, null, null, null));
      }
    }
    Set<Expr> issued = new HashSet<>();
    for (Guard g : env.guards()) {
      if (env.maybeEvaluateStaticWithoutAxioms(g.expr(), g.sizeOblivious()) != null) {
        continue;
      }
      Expr expr = env.simplify(g.expr());
      if (!issued.add(expr)) {
        continue;
      }
      out.add(new ProducedGuard(PythonPrinter.print(expr, names), ProducedGuard.Kind.GUARD, null, expr, g,
          null, null));
    }
    for (Map.Entry<Sym, List<Source>> entry : symbolToSource.entrySet()) {
      Sym symbol = entry.getKey();
      var range = env.range(symbol);
      if (range == null) {
        continue;
      }
      String src = entry.getValue().get(0).name();
      List<String> bounds = new ArrayList<>();
      Num lower = null;
      Num upper = null;
      if (range.lower() instanceof Num lo && !lo.isInfinite()) {
        boolean isDefault = lo instanceof IntLit l && l.longValue() == (env.settings().specializeZeroOne() ? 2 : 0)
            && symbol.isPositiveSymbol();
        if (!simplified || !isDefault) {
          bounds.add(PythonPrinter.print(lo) + " <= " + src);
        }
        lower = lo;
      }
      if (range.upper() instanceof Num hi && !hi.isInfinite() && hi != Infinity.INT_OO) {
        bounds.add(src + " <= " + PythonPrinter.print(hi));
        upper = hi;
      }
      if (!bounds.isEmpty()) {
        out.add(new ProducedGuard(String.join(" and ", bounds), ProducedGuard.Kind.RANGE,
            entry.getValue().get(0), symbol, null, lower, upper));
      }
      if (env.isFloatSymbol(symbol)) {
        out.add(new ProducedGuard("not math.isnan(" + src + ")", ProducedGuard.Kind.NOT_NAN,
            entry.getValue().get(0), symbol, null, null, null));
      }
    }
    Map<Sym, Source> binders = new LinkedHashMap<>();
    for (Map.Entry<Sym, List<Source>> e : symbolToSource.entrySet()) {
      binders.put(e.getKey(), e.getValue().get(0));
    }
    return new GuardSet(out, binders);
  }

  /** The text of {@link #produce}, PyTorch's {@code produce_guards} return value. */
  public List<String> produceStrings(List<Placeholder> placeholders, List<Source> sources,
      boolean simplified, boolean ignoreStatic) {
    return produce(placeholders, sources, simplified, ignoreStatic).python();
  }

  private static void track(Source source, Expr expr, List<Source> sources, List<Expr> exprs,
      Map<Sym, List<Source>> symbolToSource) {
    if (expr instanceof Sym s) {
      symbolToSource.computeIfAbsent(s, k -> new ArrayList<>()).add(source);
    }
    sources.add(source);
    exprs.add(expr);
  }

  /** Helper for tests and the API: placeholders of tensors and scalars. */
  public static Placeholder tensor(ShapeEnv.TensorSymbols t) {
    return new Placeholder.Tensor(t.sizes(), t.strides(), t.storageOffset());
  }

  public static Placeholder integer(SymInt v) {
    return new Placeholder.Int(v);
  }

  public static Placeholder real(SymFloat v) {
    return new Placeholder.Float(v);
  }
}
