package symtrace.tracer.run.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import symtrace.symbolic.env.LocalSource;
import symtrace.symbolic.env.ProducedGuard;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.env.Source;
import symtrace.symbolic.env.TensorPropertySource;
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.expr.Num;
import symtrace.symbolic.expr.Sym;
import symtrace.tracer.tensor.TensorValue;
import symtrace.tracer.tensor.data.InputSpec;

/**
 * mark_dynamic-style advice where the first failing line is a specialization, verified by
 * tracing again with the example changed at that size: a size that was 0 or 1 stays dynamic with
 * an example of at least 2 (or cannot, when the checked input's size is itself 0 or 1); a size a
 * program line pinned to a constant is pinned by that line whatever the example, or only
 * because of the example's value.
 */
final class DynamicAdvice {
  private DynamicAdvice() {}

  static void of(CheckContext c, CheckContext.FailingLine line, FailureOrigin origin,
      List<CheckFixes.Fix> fixes, List<String> notes) {
    ProducedGuard g = line.guard();
    if (g == null) {
      return;
    }
    if (origin.kind().equals("0/1 specialization") && g.source() instanceof TensorPropertySource p
        && p.isSize()) {
      zeroOne(c, p, fixes, notes);
    } else if (origin.kind().equals("specialization")) {
      Source src = g.kind() == ProducedGuard.Kind.INPUT ? g.source() : pinnedSource(c, g.expr());
      if (src instanceof TensorPropertySource p && p.isSize()) {
        pinned(c, p, origin, fixes, notes);
      }
    } else if (origin.kind().equals("guard") && pinnedSource(c, g.expr())
        instanceof TensorPropertySource p && p.isSize()) {
      pinned(c, p, origin, fixes, notes);
    }
  }

  /** A size 0 or 1 at trace time, or in the checked input. */
  private static void zeroOne(CheckContext c, TensorPropertySource p, List<CheckFixes.Fix> fixes,
      List<String> notes) {
    long yours = ((Number) c.read().apply(p)).longValue();
    String spec = withSize(c.example().spec(), p, yours);
    Retrace.Result r = spec == null ? null : Retrace.at(c.runner(), spec);
    if (r == null || !r.ok()) {
      return;
    }
    if (yours <= 1) {
      String pin = p.name() + " == " + yours;
      if (r.guards().produced().contains(pin)) {
        notes.add(p.name() + " is " + yours + " in the checked input: sizes 0 and 1 are always"
            + " specialized, so no example input keeps it dynamic for " + yours + " and for"
            + " larger sizes alike (traced again at " + r.spec() + ", the guards hold for "
            + pin + " only); PyTorch's mark_dynamic specializes them too.");
      }
      return;
    }
    SymbolOf s = symbolOf(r, p);
    if (s == null) {
      return;
    }
    List<String> verified = new ArrayList<>();
    verified.add("traced again at " + r.spec() + ": " + p.name() + " is the symbol " + s.name
        + " with range " + s.range);
    List<String> still = r.failing(c.input());
    verified.add(still.isEmpty() ? "its guards accept " + c.input().spec()
        : c.input().spec() + " still fails " + still.get(0) + " there");
    fixes.add(new CheckFixes.Fix("dynamic", "keep " + p.name() + " dynamic: trace with an"
        + " example size of at least 2 there, e.g. " + r.spec(), verified, r.spec(), List.of(),
        still.isEmpty()));
  }

  /** A size a guard pinned: by the program whatever the example, or by the example's value. */
  private static void pinned(CheckContext c, TensorPropertySource p, FailureOrigin origin,
      List<CheckFixes.Fix> fixes, List<String> notes) {
    long yours = ((Number) c.read().apply(p)).longValue();
    String spec = withSize(c.example().spec(), p, yours);
    Retrace.Result r = spec == null ? null : Retrace.at(c.runner(), spec);
    if (r == null || !r.ok()) {
      return;
    }
    ShapeEnv env = r.trace().shapeEnv();
    Sym created = InputSources.createdSymbol(env, p, r.trace().inputNames());
    Provenance why = created == null ? null : env.replacementProvenance(created);
    Expr value = created == null ? null : env.replacements().get(created);
    String at = origin.location().file() + ":" + origin.location().line();
    if (why != null && why.location() != null && value instanceof Num
        && why.location().line() == origin.location().line()) {
      notes.add("the program specializes " + p.name() + " at " + at
          + FailureOrigin.code(origin.location()) + " whatever the example: traced again at "
          + r.spec() + ", it is pinned to " + value + " there, so it cannot stay dynamic (marking"
          + " it dynamic would be a constraint violation); each size needs its own trace.");
      return;
    }
    SymbolOf s = symbolOf(r, p);
    if (s != null && r.failing(c.input()).isEmpty()) {
      fixes.add(new CheckFixes.Fix("dynamic", "keep " + p.name() + " dynamic: it was pinned"
          + " because of the example's value; trace with " + r.spec(), List.of("traced again at "
          + r.spec() + ": " + p.name() + " is the symbol " + s.name + " with range " + s.range,
          "its guards accept " + c.input().spec()), r.spec(), List.of(), true));
    }
  }

  private record SymbolOf(String name, String range) {}

  /** The symbol a traced input's size is in a trace, or null when it is a constant. */
  private static SymbolOf symbolOf(Retrace.Result r, TensorPropertySource p) {
    if (!(p.base() instanceof LocalSource base)) {
      return null;
    }
    int i = r.trace().inputNames().indexOf(base.local());
    if (i < 0 || !(r.trace().tracedInputs().get(i) instanceof TensorValue t)
        || p.index() >= t.dim()) {
      return null;
    }
    Expr e = t.symSize(p.index()).expr();
    if (!(e instanceof Sym s)) {
      return null;
    }
    var range = r.trace().shapeEnv().range(s);
    return new SymbolOf(s.name(), range == null ? "?" : range.toIntervalString());
  }

  /** The source a guard {@code Eq(s, constant)} pins, or null. */
  private static Source pinnedSource(CheckContext c, Expr guard) {
    if (guard instanceof Apply a && a.fn() == Fn.EQ && a.arg(0) instanceof Sym s
        && a.arg(1) instanceof Num) {
      return c.guards().guardSet().binders().get(s);
    }
    return null;
  }

  /** An input spec with one tensor size changed; null when the input is not such a tensor. */
  static String withSize(String spec, TensorPropertySource p, long value) {
    if (!(p.base() instanceof LocalSource base)) {
      return null;
    }
    Map<String, InputSpec> specs = new LinkedHashMap<>(InputSpec.parseAssignments(spec));
    if (!(specs.get(base.local()) instanceof InputSpec.TensorInput t)
        || p.index() >= t.shape().size()) {
      return null;
    }
    List<Long> shape = new ArrayList<>(t.shape());
    shape.set(p.index(), value);
    specs.put(base.local(), new InputSpec.TensorInput(t.dtype(), shape, t.low(), t.high()));
    return InputSpec.toHeader(specs);
  }
}
