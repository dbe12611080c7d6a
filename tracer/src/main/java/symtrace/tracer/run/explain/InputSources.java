package symtrace.tracer.run.explain;

import java.util.List;
import symtrace.symbolic.env.LocalSource;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.env.Source;
import symtrace.symbolic.env.TensorPropertySource;
import symtrace.symbolic.expr.Sym;
import symtrace.tracer.trace.MakeFx;

/**
 * The two names of an input property: the guards' {@code L['x'].size()[0]} and the shape
 * environment's {@code input0.size()[0]} (make_fx names its inputs by position, so symbols get
 * PyTorch's numbers), and the program's own spelling {@code x.shape[0]}.
 */
final class InputSources {
  private InputSources() {}

  /** The parameter a source reads ({@code x} for {@code L['x'].stride()[1]}), or null. */
  static String parameter(Source source) {
    if (source instanceof LocalSource l) {
      return l.local();
    }
    if (source instanceof TensorPropertySource p) {
      return parameter(p.base());
    }
    return null;
  }

  /** The shape environment's name of a {@code L['<parameter>']} source, or null. */
  static Source envSource(Source source, List<String> names) {
    if (source instanceof LocalSource l) {
      int i = names.indexOf(l.local());
      return i < 0 ? null : MakeFx.symbolSource(i);
    }
    if (source instanceof TensorPropertySource p) {
      Source base = envSource(p.base(), names);
      if (base == null) {
        return null;
      }
      return switch (p.property()) {
        case SIZE -> Source.size(base, p.index());
        case STRIDE -> Source.stride(base, p.index());
        case STORAGE_OFFSET -> Source.storageOffset(base);
      };
    }
    return null;
  }

  /**
   * The symbol the shape environment created for a source, even when a guard later replaced
   * it by a constant; null when the source never had one (0/1 specialization, static).
   */
  static Sym createdSymbol(ShapeEnv env, Source source, List<String> names) {
    Source own = envSource(source, names);
    if (env == null || own == null) {
      return null;
    }
    for (Sym s : env.symbolsWithSources()) {
      for (Source x : env.sources(s)) {
        if (x.name().equals(own.name())) {
          return s;
        }
      }
    }
    return null;
  }

  /** The source as the program writes it: {@code x.shape[0]}, {@code x.stride(1)}, {@code n}. */
  static String programText(Source source) {
    if (source instanceof LocalSource l) {
      return l.local();
    }
    if (source instanceof TensorPropertySource p) {
      String base = programText(p.base());
      return switch (p.property()) {
        case SIZE -> base + ".shape[" + p.index() + "]";
        case STRIDE -> base + ".stride(" + p.index() + ")";
        case STORAGE_OFFSET -> base + ".storage_offset()";
      };
    }
    return source.name();
  }
}
