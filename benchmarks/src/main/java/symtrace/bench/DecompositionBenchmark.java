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
import symtrace.solver.decompose.Decomposition;
import symtrace.solver.decompose.SolverDecomposer;
import symtrace.solver.decompose.Tracked;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.parse.ExprParser;

/**
 * The decomposer on the solver issue's two examples, warm: {@code s1*s2*s3} from {@code A =
 * s1*s2} and {@code B = s3}, and {@code s0*s1 + s1} from {@code A = s0 + 1} and {@code B = s1}
 * (goal: a median of at most 2 ms). Each call runs the whole strategy, including the Gröbner
 * basis and the verification; Symja's result cache may answer repeated bases.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class DecompositionBenchmark {
  private SolverDecomposer decomposer;
  private Expr product;
  private List<Tracked> productHave;
  private Expr sum;
  private List<Tracked> sumHave;

  @Setup(Level.Trial)
  public void setUp() {
    decomposer = new SolverDecomposer();
    product = ExprParser.parse("s1*s2*s3");
    productHave = List.of(Tracked.of("A", ExprParser.parse("s1*s2")), Tracked.of("B", ExprParser.parse("s3")));
    sum = ExprParser.parse("s0*s1 + s1");
    sumHave = List.of(Tracked.of("A", ExprParser.parse("s0 + 1")), Tracked.of("B", ExprParser.parse("s1")));
    if (!regroupedProduct().isFound() || !factoredSum().isFound()) {
      throw new IllegalStateException("both examples must decompose");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    decomposer.close();
  }

  @Benchmark
  public Decomposition regroupedProduct() {
    return decomposer.decompose(product, productHave, List.of());
  }

  @Benchmark
  public Decomposition factoredSum() {
    return decomposer.decompose(sum, sumHave, List.of());
  }
}
