package symtrace.bench;

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
 * (a) Construction: building the canonical form of {@code s_i*s_j + c}, with a new constant
 * {@code c} on every call and {@code (i, j)} cycling over 8 symbols.
 *
 * <p>symtrace: {@code Exprs.add(Exprs.mul(si, sj), IntLit.of(c))}, which canonicalizes and
 * interns. Symja: {@code engine.evaluate(F.Plus(F.Times(a, b), F.ZZ(c)))}, the cheapest Symja
 * call that gives a canonical (sorted, like terms combined) result. {@link #symjaBuildersOnly}
 * is the allocation of the same tree without evaluation, for reference only: it is not
 * canonical, so it is not the comparison the goal is about.
 *
 * <p>{@link #symtraceInternerHit} is a diagnostic, not a comparison: it rebuilds one of 64
 * expressions that the state keeps alive, so every node is found in the interner and nothing
 * new survives. Its difference to {@link #symtrace} is the cost of creating new interned nodes
 * (weak-interner entries and the garbage collection they cause).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class ConstructionBenchmark {
  private static final int SYMBOLS = 8;

  private Sym[] syms;
  private ISymbol[] dummies;
  private EvalEngine engine;
  private int counter;
  // Strong references that keep the interner-hit diagnostic's expressions from being collected.
  private Expr[] kept;

  @Setup(Level.Trial)
  public void setUp() {
    engine = SymjaSupport.newEngine();
    syms = new Sym[SYMBOLS];
    dummies = new ISymbol[SYMBOLS];
    for (int i = 0; i < SYMBOLS; i++) {
      syms[i] = Sym.size("s" + i);
      dummies[i] = F.Dummy("s" + i);
    }
    kept = new Expr[64];
    for (int n = 0; n < kept.length; n++) {
      kept[n] = buildOwn(n, 2048 + n);
    }
    for (int n = 0; n < kept.length; n++) {
      if (buildOwn(n, 2048 + n) != kept[n]) {
        throw new IllegalStateException("a rebuilt expression was not interned: " + kept[n]);
      }
    }
    // Both sides must build the same expression; this also pays Symja's first-evaluate cost.
    String own = Exprs.add(Exprs.mul(syms[1], syms[2]), IntLit.of(5000)).toString();
    String symja = engine.evaluate(F.Plus(F.Times(dummies[1], dummies[2]), F.ZZ(5000))).toString();
    if (!own.equals("s1*s2 + 5000") || !symja.equals("5000+s1*s2")) {
      throw new IllegalStateException("unexpected forms: " + own + " / " + symja);
    }
  }

  @Setup(Level.Iteration)
  public void installEngine() {
    EvalEngine.set(engine);
  }

  private Expr buildOwn(int n, int c) {
    Expr product = Exprs.mul(syms[n & 7], syms[(n >>> 3) & 7]);
    return Exprs.add(product, IntLit.of(c));
  }

  @Benchmark
  public Expr symtrace() {
    int n = counter++;
    return buildOwn(n, SymjaSupport.freshConstant(n));
  }

  @Benchmark
  public Expr symtraceInternerHit() {
    int n = counter++ & 63;
    return buildOwn(n, 2048 + n);
  }

  @Benchmark
  public IExpr symjaEvaluate() {
    int n = counter++;
    IExpr product = F.Times(dummies[n & 7], dummies[(n >>> 3) & 7]);
    return engine.evaluate(F.Plus(product, F.ZZ(SymjaSupport.freshConstant(n))));
  }

  @Benchmark
  public IExpr symjaBuildersOnly() {
    int n = counter++;
    IExpr product = F.Times(dummies[n & 7], dummies[(n >>> 3) & 7]);
    return F.Plus(product, F.ZZ(SymjaSupport.freshConstant(n)));
  }
}
