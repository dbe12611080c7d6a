package symtrace.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import symtrace.symbolic.eval.Evaluator;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Sym;

/**
 * (c) Evaluation: the value of {@code s0*s1 + 2*s2 + s0*s1*s2 + 3} at integers, as a {@code
 * long}, with new values for the three symbols on every call. The expression is built once; only
 * the evaluation is measured.
 *
 * <p>symtrace: {@link Evaluator#evaluateLong} with the values read from a reused hint table (the
 * allocation-free path for size hints), and {@link Evaluator#evaluate} with a {@code Map} of
 * boxed values (the general path). Symja: {@code F.subst} with a map of integers, then {@code
 * engine.evaluate} and {@code toLongDefault()}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class EvaluationBenchmark {
  private Sym s0;
  private Sym s1;
  private Sym s2;
  private ISymbol a0;
  private ISymbol a1;
  private ISymbol a2;
  private Expr own;
  private IExpr symja;
  private final Hints hints = new Hints();
  private final Map<Sym, Object> ownValues = new HashMap<>();
  private final Map<IExpr, IExpr> symjaValues = new HashMap<>();
  private EvalEngine engine;
  private int counter;

  /** The values of s0, s1 and s2 for one call, looked up by identity as a hint table would. */
  private final class Hints implements ToLongFunction<Sym> {
    long v0;
    long v1;
    long v2;

    @Override
    public long applyAsLong(Sym s) {
      if (s == s0) {
        return v0;
      }
      if (s == s1) {
        return v1;
      }
      if (s == s2) {
        return v2;
      }
      throw new IllegalArgumentException("no hint for " + s);
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    engine = SymjaSupport.newEngine();
    s0 = Sym.size("s0");
    s1 = Sym.size("s1");
    s2 = Sym.size("s2");
    a0 = F.Dummy("s0");
    a1 = F.Dummy("s1");
    a2 = F.Dummy("s2");
    own =
        Exprs.add(
            Exprs.mul(s0, s1),
            Exprs.mul(IntLit.of(2), s2),
            Exprs.mul(s0, s1, s2),
            IntLit.of(3));
    symja =
        engine.evaluate(
            F.Plus(F.Times(a0, a1), F.Times(F.C2, a2), F.Times(a0, a1, a2), F.C3));
    // All three paths must agree with plain arithmetic at a sample point.
    int n = 1000;
    long v0 = value0(n);
    long v1 = value1(n);
    long v2 = value2(n);
    long expected = v0 * v1 + 2 * v2 + v0 * v1 * v2 + 3;
    long[] got = {evaluateLong(n), (Long) evaluateBoxed(n), symjaEvaluate(n)};
    for (long g : got) {
      if (g != expected) {
        throw new IllegalStateException("evaluation disagrees: " + g + " != " + expected);
      }
    }
  }

  @Setup(Level.Iteration)
  public void installEngine() {
    EvalEngine.set(engine);
  }

  // New values per call; the moduli keep s0*s1*s2 near 1e9, inside an int for Symja's fast path.
  private static long value0(int n) {
    return 3 + n % 1021;
  }

  private static long value1(int n) {
    return 2 + n % 1019;
  }

  private static long value2(int n) {
    return 5 + n % 1013;
  }

  private long evaluateLong(int n) {
    hints.v0 = value0(n);
    hints.v1 = value1(n);
    hints.v2 = value2(n);
    return Evaluator.evaluateLong(own, hints);
  }

  private Object evaluateBoxed(int n) {
    ownValues.put(s0, value0(n));
    ownValues.put(s1, value1(n));
    ownValues.put(s2, value2(n));
    return Evaluator.evaluate(own, ownValues);
  }

  private long symjaEvaluate(int n) {
    symjaValues.put(a0, F.ZZ(value0(n)));
    symjaValues.put(a1, F.ZZ(value1(n)));
    symjaValues.put(a2, F.ZZ(value2(n)));
    return engine.evaluate(F.subst(symja, symjaValues)).toLongDefault();
  }

  @Benchmark
  public long symtraceEvaluateLong() {
    return evaluateLong(counter++ & 0x3FFF_FFFF);
  }

  @Benchmark
  public Object symtraceEvaluate() {
    return evaluateBoxed(counter++ & 0x3FFF_FFFF);
  }

  @Benchmark
  public long symjaSubstEvaluate() {
    return symjaEvaluate(counter++ & 0x3FFF_FFFF);
  }
}
