package symtrace.bench;

import java.util.concurrent.TimeUnit;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
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
import symtrace.symbolic.expr.Add;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Sym;

/**
 * (b) Expansion: building a product of sums and bringing it to its expanded canonical form, with
 * a new constant {@code c} on every call.
 *
 * <ul>
 *   <li>two factors, {@code (s0 + c)*(s1 + c + 1)}: 4 terms;
 *   <li>three factors, {@code (s0 + c)*(s1 + 2)*(s2 + 3)}: 8 terms.
 * </ul>
 *
 * <p>Each call builds the factors and the product and expands it, on both sides, so the numbers
 * include construction. symtrace: {@code Exprs.expand(Exprs.mul(...))}. Symja: {@code
 * F.evalExpand(F.Times(...))} and, as a second form of the same work, {@code
 * engine.evaluate(F.Expand(F.Times(...)))}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class ExpansionBenchmark {
  private Sym s0;
  private Sym s1;
  private Sym s2;
  private ISymbol a0;
  private ISymbol a1;
  private ISymbol a2;
  private EvalEngine engine;
  private int counter;

  @Setup(Level.Trial)
  public void setUp() {
    engine = SymjaSupport.newEngine();
    s0 = Sym.size("s0");
    s1 = Sym.size("s1");
    s2 = Sym.size("s2");
    a0 = F.Dummy("s0");
    a1 = F.Dummy("s1");
    a2 = F.Dummy("s2");
    // Both sides must reach a fully expanded sum with the same number of terms.
    checkTerms(
        ownTwo(5000), F.evalExpand(productTwo(5000)), engine.evaluate(F.Expand(productTwo(5000))), 4);
    checkTerms(
        ownThree(5000),
        F.evalExpand(productThree(5000)),
        engine.evaluate(F.Expand(productThree(5000))),
        8);
  }

  private static void checkTerms(Expr own, IExpr evalExpand, IExpr engineExpand, int terms) {
    int ownTerms = own instanceof Add sum ? sum.args().size() : 1;
    if (ownTerms != terms
        || !(evalExpand instanceof IAST x && x.isPlus() && x.argSize() == terms)
        || !evalExpand.equals(engineExpand)) {
      throw new IllegalStateException(
          "unexpected expansions: " + own + " / " + evalExpand + " / " + engineExpand);
    }
  }

  @Setup(Level.Iteration)
  public void installEngine() {
    EvalEngine.set(engine);
  }

  private Expr ownTwo(int c) {
    return Exprs.expand(
        Exprs.mul(Exprs.add(s0, IntLit.of(c)), Exprs.add(s1, IntLit.of(c + 1))));
  }

  private Expr ownThree(int c) {
    return Exprs.expand(
        Exprs.mul(
            Exprs.add(s0, IntLit.of(c)),
            Exprs.add(s1, IntLit.of(2)),
            Exprs.add(s2, IntLit.of(3))));
  }

  private IAST productTwo(int c) {
    return F.Times(F.Plus(a0, F.ZZ(c)), F.Plus(a1, F.ZZ(c + 1)));
  }

  private IAST productThree(int c) {
    return F.Times(F.Plus(a0, F.ZZ(c)), F.Plus(a1, F.C2), F.Plus(a2, F.C3));
  }

  @Benchmark
  public Expr twoFactorsSymtrace() {
    return ownTwo(SymjaSupport.freshConstant(counter++));
  }

  @Benchmark
  public IExpr twoFactorsSymjaEvalExpand() {
    return F.evalExpand(productTwo(SymjaSupport.freshConstant(counter++)));
  }

  @Benchmark
  public IExpr twoFactorsSymjaEngineExpand() {
    return engine.evaluate(F.Expand(productTwo(SymjaSupport.freshConstant(counter++))));
  }

  @Benchmark
  public Expr threeFactorsSymtrace() {
    return ownThree(SymjaSupport.freshConstant(counter++));
  }

  @Benchmark
  public IExpr threeFactorsSymjaEvalExpand() {
    return F.evalExpand(productThree(SymjaSupport.freshConstant(counter++)));
  }

  @Benchmark
  public IExpr threeFactorsSymjaEngineExpand() {
    return engine.evaluate(F.Expand(productThree(SymjaSupport.freshConstant(counter++))));
  }
}
