package symtrace.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Sym;

/**
 * (d) Equality: comparing two equal 8-term polynomials, {@code s0*s1 + 2*s2 + 3*s0*s2 + s1*s2 +
 * 5*s0 + 7*s1 + s0*s1*s2 + 11}, each built separately (the second from the terms in reverse
 * order). Both are built once in the set-up; only the comparison is measured (construction is
 * benchmark (a)).
 *
 * <p>symtrace interns, so the two builds are the same object and equality is {@code ==}; {@link
 * #symtraceEquals} is the {@code equals} call that code holding an {@code Object} would make.
 * Symja's evaluated trees are distinct objects, so {@code equals} walks both structurally.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class EqualityBenchmark {
  private Expr ownFirst;
  private Expr ownSecond;
  private IExpr symjaFirst;
  private IExpr symjaSecond;
  private EvalEngine engine;

  @Setup(Level.Trial)
  public void setUp() {
    engine = SymjaSupport.newEngine();
    Sym s0 = Sym.size("s0");
    Sym s1 = Sym.size("s1");
    Sym s2 = Sym.size("s2");
    List<Expr> own =
        List.of(
            Exprs.mul(s0, s1),
            Exprs.mul(IntLit.of(2), s2),
            Exprs.mul(IntLit.of(3), s0, s2),
            Exprs.mul(s1, s2),
            Exprs.mul(IntLit.of(5), s0),
            Exprs.mul(IntLit.of(7), s1),
            Exprs.mul(s0, s1, s2),
            IntLit.of(11));
    ownFirst = Exprs.add(own);
    ownSecond = Exprs.add(reversed(own));

    ISymbol a0 = F.Dummy("s0");
    ISymbol a1 = F.Dummy("s1");
    ISymbol a2 = F.Dummy("s2");
    List<IExpr> symja =
        List.of(
            F.Times(a0, a1),
            F.Times(F.C2, a2),
            F.Times(F.C3, a0, a2),
            F.Times(a1, a2),
            F.Times(F.C5, a0),
            F.Times(F.ZZ(7), a1),
            F.Times(a0, a1, a2),
            F.ZZ(11));
    symjaFirst = engine.evaluate(F.Plus(symja.toArray(new IExpr[0])));
    symjaSecond = engine.evaluate(F.Plus(reversed(symja).toArray(new IExpr[0])));

    // The comparison must be the one described: interned identity vs a structural walk.
    if (ownFirst != ownSecond || symjaFirst == symjaSecond || !symjaFirst.equals(symjaSecond)) {
      throw new IllegalStateException(
          "unexpected builds: " + ownFirst + " / " + ownSecond + " / " + symjaFirst);
    }
  }

  private static <T> List<T> reversed(List<T> items) {
    List<T> copy = new ArrayList<>(items);
    Collections.reverse(copy);
    return copy;
  }

  @Setup(Level.Iteration)
  public void installEngine() {
    EvalEngine.set(engine);
  }

  @Benchmark
  public boolean symtraceIdentity() {
    return ownFirst == ownSecond;
  }

  @Benchmark
  public boolean symtraceEquals() {
    return ownFirst.equals(ownSecond);
  }

  @Benchmark
  public boolean symjaEquals() {
    return symjaFirst.equals(symjaSecond);
  }
}
