package symtrace.tracer.run.log;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import symtrace.symbolic.env.DataDependentError;
import symtrace.symbolic.env.Guard;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.env.RuntimeAssert;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.env.Source;
import symtrace.symbolic.env.SourceLocation;
import symtrace.symbolic.env.Specialization;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.print.PythonPrinter;
import symtrace.symbolic.range.ValueRange;
import symtrace.tracer.fx.Graph;
import symtrace.tracer.lang.ProgramError;
import symtrace.tracer.run.InputSources;
import symtrace.tracer.run.ProgramRunner;
import symtrace.tracer.run.TraceGuards;
import symtrace.tracer.run.TraceObserver;
import symtrace.tracer.tensor.TensorValue;
import symtrace.tracer.trace.Trace;

/**
 * Follows a trace and writes its events to a {@link StructuredLog} as they happen.
 *
 * <p>The shape environment has no listeners, and the log should not slow an unlogged trace, so
 * this observer reads what the environment recorded each time a program statement starts or
 * ends: new symbols ({@code create_symbol}, {@code create_unbacked_symbol}), sizes that share a
 * symbol or are 0 or 1, and replacements ({@code symbolic_shape_specialization}, reasons as in
 * {@code guards --format json}: {@code duck}, {@code zero_one}, {@code solve}, ...), new guards
 * and runtime asserts ({@code expression_created} for their trees, then {@code guard_added}
 * with prefix {@code eval} or {@code runtime_assert}, and {@code guard_added_fast}). Each event
 * carries the program's call stack at that moment ({@code user_stack}: file, line, function,
 * code), outermost frame first. The trace's end adds the graph ({@code artifact} {@code
 * make_fx_graph}, its {@code print_readable} code) and {@code compilation_metrics}; a failed
 * trace ends with {@code compilation_metrics} naming the failure.
 *
 * <p>Sources are written as the guards are, {@code L['x'].size()[0]}; {@code stack} (the
 * framework's frames in PyTorch) is empty, and {@code reason} names the operation that asked.
 */
public final class TraceEventLog implements TraceObserver {
  private final StructuredLog log;
  private final ProgramRunner program;
  private final List<String> inputNames;
  private final ProgramFunctions functions;
  private final ExpressionTrees trees = new ExpressionTrees();
  private final List<SourceLocation> scopes = new ArrayList<>();
  private final Set<Sym> symbols = new LinkedHashSet<>();
  private final Map<Sym, Integer> sourcesSeen = new HashMap<>();
  private final Set<RuntimeAssert> assertsSeen =
      Collections.newSetFromMap(new IdentityHashMap<>());
  private final long start = System.nanoTime();
  private ShapeEnv env;
  private int guardsSeen;
  private int specializationsSeen;

  /**
   * An observer for one trace of {@code program}.
   *
   * @param inputNames the entry's parameter names, for sources {@code L['<name>']}
   */
  public TraceEventLog(StructuredLog log, ProgramRunner program, List<String> inputNames) {
    this.log = log;
    this.program = program;
    this.inputNames = List.copyOf(inputNames);
    this.functions = new ProgramFunctions(program.program());
  }

  @Override
  public void started(ShapeEnv env, List<Object> tracedInputs) {
    this.env = env;
    if (env == null) {
      return;
    }
    poll();
    // Sizes 0 and 1 never became symbols: the environment has no record of them.
    for (int i = 0; i < tracedInputs.size() && i < inputNames.size(); i++) {
      if (tracedInputs.get(i) instanceof TensorValue t) {
        for (int d = 0; d < t.dim(); d++) {
          if (t.symSize(d).isConstant() && t.symSize(d).constantValue() <= 1) {
            specialization(null, List.of("L['" + inputNames.get(i) + "'].size()[" + d + "]"),
                String.valueOf(t.symSize(d).constantValue()), "zero_one");
          }
        }
      }
    }
  }

  @Override
  public void entered(SourceLocation location) {
    poll();
    scopes.add(location);
  }

  @Override
  public void exited(SourceLocation location) {
    poll();
    if (!scopes.isEmpty()) {
      scopes.remove(scopes.size() - 1);
    }
  }

  /** The trace finished: its last events, the graph and the metrics. */
  public void finished(Trace trace) {
    poll();
    ObjectNode artifact = StructuredLog.object();
    artifact.put("name", "make_fx_graph");
    artifact.put("encoding", "string");
    log.event("artifact", artifact, trace.module().printReadable());
    ObjectNode m = metrics();
    Graph graph = trace.module().graph();
    m.put("guard_count", TraceGuards.of(trace).produced().size());
    m.put("graph_op_count", graph.callCount());
    m.put("graph_node_count", graph.size());
    m.put("graph_input_count", graph.placeholders().size());
    m.putNull("fail_type");
    m.putNull("fail_reason");
    log.event("compilation_metrics", m);
  }

  /** The trace failed with {@code error}: what it recorded so far, then the failure. */
  public void failed(Throwable error) {
    poll();
    ObjectNode m = metrics();
    m.put("fail_type", error.getClass().getSimpleName());
    m.put("fail_reason", error.getMessage());
    SourceLocation where = error instanceof DataDependentError dde && dde.provenance() != null
        ? dde.provenance().location() : null;
    if (where != null) {
      m.put("fail_user_frame_filename", where.file());
      m.put("fail_user_frame_lineno", where.line());
    } else if (error instanceof ProgramError pe && pe.span() != null) {
      m.put("fail_user_frame_filename", pe.span().file());
      m.put("fail_user_frame_lineno", pe.span().line());
    }
    log.event("compilation_metrics", m);
  }

  private ObjectNode metrics() {
    ObjectNode m = StructuredLog.object();
    m.put("co_name", program.entryName());
    m.put("co_filename", program.file());
    program.program().function(program.entryName())
        .ifPresent(def -> m.put("co_firstlineno", def.span().line()));
    m.put("shape_env_guard_count", env == null ? 0 : env.guards().size());
    m.put("entire_frame_compile_time_s", (System.nanoTime() - start) / 1e9);
    return m;
  }

  // ---------------------------------------------------------------------------------------
  // What changed since the last look

  private void poll() {
    if (env == null) {
      return;
    }
    for (Sym s : env.symbolsWithSources()) {
      if (symbols.add(s)) {
        if (env.isUnbacked(s)) {
          unbackedSymbol(s);
        } else {
          createSymbol(s);
        }
      }
    }
    for (Sym s : env.unbackedSymbols()) {
      if (symbols.add(s)) {
        unbackedSymbol(s);
      }
    }
    for (Sym s : env.symbolsWithSources()) {
      List<Source> sources = env.sources(s);
      int known = sourcesSeen.getOrDefault(s, 1);
      for (int i = known; i < sources.size() && !env.isUnbacked(s); i++) {
        specialization(s.name(), List.of(display(sources.get(i))), s.name(), "duck");
      }
      sourcesSeen.put(s, Math.max(known, sources.size()));
    }
    List<Specialization> specs = env.specializations();
    for (; specializationsSeen < specs.size(); specializationsSeen++) {
      Specialization sp = specs.get(specializationsSeen);
      List<String> sources = new ArrayList<>();
      if (sp.sources() != null) {
        sp.sources().forEach(x -> sources.add(display(x)));
      }
      specialization(sp.symbol() == null ? null : sp.symbol().name(), sources,
          String.valueOf(sp.value()), sp.reason());
    }
    List<Guard> guards = env.guards();
    for (; guardsSeen < guards.size(); guardsSeen++) {
      Guard g = guards.get(guardsSeen);
      guardAdded("eval", g.expr(), g.provenance());
    }
    for (List<RuntimeAssert> asserts : env.deferredRuntimeAsserts().values()) {
      for (RuntimeAssert a : asserts) {
        if (assertsSeen.add(a)) {
          guardAdded("runtime_assert", a.expr(), a.provenance());
        }
      }
    }
    for (RuntimeAssert a : env.backedRuntimeAsserts()) {
      if (assertsSeen.add(a)) {
        guardAdded("runtime_assert", a.expr(), a.provenance());
      }
    }
  }

  private void createSymbol(Sym s) {
    ObjectNode m = StructuredLog.object();
    m.put("symbol", s.name());
    m.put("val", String.valueOf(env.hint(s)));
    m.put("vr", range(s));
    List<Source> sources = env.sources(s);
    m.put("source", sources.isEmpty() ? null : display(sources.get(0)));
    stacks(m);
    log.event("create_symbol", m);
  }

  private void unbackedSymbol(Sym s) {
    ObjectNode m = StructuredLog.object();
    m.put("symbol", s.name());
    m.put("node_id", trees.id(s));
    m.put("vr", range(s));
    stacks(m);
    log.event("create_unbacked_symbol", m);
  }

  private void specialization(String symbol, List<String> sources, String value, String reason) {
    ObjectNode m = StructuredLog.object();
    m.put("symbol", symbol);
    ArrayNode src = m.putArray("sources");
    sources.forEach(src::add);
    m.put("value", value);
    m.put("reason", reason);
    stacks(m);
    log.event("symbolic_shape_specialization", m);
  }

  private void guardAdded(String prefix, Expr expr, Provenance provenance) {
    ArrayNode userStack = userStack(provenance);
    long id = trees.log(expr, log, userStack);
    ObjectNode m = StructuredLog.object();
    m.put("expr", expr.toString());
    m.put("prefix", prefix);
    m.put("expr_node_id", id);
    m.set("user_stack", userStack);
    m.putArray("stack");
    ObjectNode symbolToSources = m.putObject("symbol_to_sources");
    ObjectNode hints = StructuredLog.object();
    for (Sym s : expr.freeSymbols()) {
      List<Source> sources = env.sources(s);
      if (!sources.isEmpty()) {
        symbolToSources.put(s.name(), display(sources.get(0)));
      }
      hints.put(s.name(), env.hint(s) == null ? null : String.valueOf(env.hint(s)));
    }
    m.putObject("frame_locals").set("symbols", hints);
    m.put("python", PythonPrinter.print(expr, this::sourceOf));
    m.put("reason", provenance == null ? "unknown" : provenance.reason());
    log.event("guard_added", m);
    ObjectNode fast = StructuredLog.object();
    fast.put("expr", expr.toString());
    fast.set("user_stack", userStack.deepCopy());
    fast.putArray("stack");
    log.event("guard_added_fast", fast);
  }

  // ---------------------------------------------------------------------------------------
  // Stacks and names

  private void stacks(ObjectNode m) {
    m.set("user_stack", userStack(null));
    m.putArray("stack");
  }

  /**
   * The program's frames now, outermost first; a statement and its condition on one line are
   * one frame. Without an open scope, the frame of the provenance's location, if any.
   */
  private ArrayNode userStack(Provenance provenance) {
    List<SourceLocation> frames = new ArrayList<>();
    for (SourceLocation l : scopes) {
      SourceLocation last = frames.isEmpty() ? null : frames.get(frames.size() - 1);
      if (last != null && last.line() == l.line() && last.file().equals(l.file())) {
        frames.set(frames.size() - 1, l);
      } else {
        frames.add(l);
      }
    }
    if (frames.isEmpty() && provenance != null && provenance.location() != null) {
      frames.add(provenance.location());
    }
    ArrayNode stack = JsonNodeFactory.instance.arrayNode();
    for (SourceLocation l : frames) {
      ObjectNode f = stack.addObject();
      f.put("line", l.line());
      f.put("name", functions.at(l.line()));
      f.put("filename", log.intern(l.file()));
      f.put("loc", l.code() == null ? null : l.code().strip());
    }
    return stack;
  }

  private String range(Sym s) {
    ValueRange r = env.range(s);
    return r == null ? "[-int_oo, int_oo]" : r.toIntervalString();
  }

  private String sourceOf(Sym s) {
    List<Source> sources = env.sources(s);
    return sources.isEmpty() ? s.name() : display(sources.get(0));
  }

  /** make_fx names inputs {@code input<i>}; the log says {@code L['<name>']}, as guards do. */
  private String display(Source source) {
    return InputSources.display(source.name(), inputNames);
  }
}
