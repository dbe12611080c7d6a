package symtrace.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import symtrace.solver.Verdict;
import symtrace.solver.z3.Z3Prover;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.parse.ExprParser;

/**
 * A warm implication query of the family {@code s0, s1 >= 2, s0*s1 == 12 => s0 <= k} on one
 * long-lived {@link Z3Prover} (goal: a median of at most 0.2 ms).
 *
 * <ul>
 *   <li>{@link #newBound}: {@code k} is new at every call ({@code 6, 7, 8, ...}, every one
 *       PROVED), so the prover's answer cache never answers: the goal is translated and checked
 *       (the facts stay registered, as a shape environment's do between guards);
 *   <li>{@link #sameBound}: the same query again, answered by the cache (for comparison).
 * </ul>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class ProverBenchmark {
  private Z3Prover prover;
  private List<Expr> facts;
  private Sym s0;
  private Expr fixedGoal;
  private long k;

  @Setup(Level.Trial)
  public void setUp() {
    prover = Z3Prover.create();
    facts = List.of(ExprParser.parse("s0 >= 2"), ExprParser.parse("s1 >= 2"), ExprParser.parse("s0*s1 == 12"));
    s0 = (Sym) ExprParser.parse("s0");
    fixedGoal = ExprParser.parse("s0 <= 6");
    k = 6;
    if (!newBound().isProved() || !sameBound().isProved()
        || !prover.prove(facts, ExprParser.parse("s0 <= 5")).toString().equals("REFUTED: s0=6, s1=2")) {
      throw new IllegalStateException("the family must be proved from k = 6 and refuted at k = 5");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    prover.close();
  }

  @Benchmark
  public Verdict newBound() {
    return prover.prove(facts, Exprs.le(s0, IntLit.of(k++)));
  }

  @Benchmark
  public Verdict sameBound() {
    return prover.prove(facts, fixedGoal);
  }
}
