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
import symtrace.solver.decompose.NaiveDecomposer;
import symtrace.solver.decompose.SolverDecomposer;
import symtrace.solver.decompose.Tracked;
import symtrace.solver.decompose.Verifier;
import symtrace.solver.z3.Z3Prover;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.parse.ExprParser;

/**
 * The decomposer on the examples of {@code symtrace decompose} (docs/solver.md), warm, as the
 * command runs them (expansion verifies polynomial identities, Z3 the rest); goal: a median of at
 * most 2 ms each.
 *
 * <ul>
 *   <li>{@link #regroupedProduct}: {@code s1*s2*s3} from {@code A = s1*s2}, {@code B = s3};
 *   <li>{@link #regroupedProductNaive}: the same with PyTorch's walk (not found);
 *   <li>{@link #factoredSum}: {@code s0*s1 + s1} from {@code A = s0 + 1}, {@code B = s1};
 *   <li>{@link #missingSymbol}: {@code s0*s2} from {@code A = s0} (not found: no {@code s2});
 *   <li>{@link #divisionIdentity}: {@code s0} from {@code A = s0 // 2}, {@code B = s0 % 2}
 *       ({@code 2*A + B}, proved by Z3).
 * </ul>
 *
 * <p>Each call runs the whole strategy, including the Gröbner basis and the verification;
 * Symja's result cache may answer repeated bases, and the prover's cache repeated proofs.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class DecompositionBenchmark {
  private Z3Prover prover;
  private SolverDecomposer decomposer;
  private NaiveDecomposer naive;
  private Expr product;
  private List<Tracked> productHave;
  private Expr sum;
  private List<Tracked> sumHave;
  private Expr missing;
  private List<Tracked> missingHave;
  private Expr dividend;
  private List<Tracked> divisionHave;

  @Setup(Level.Trial)
  public void setUp() {
    prover = Z3Prover.create();
    decomposer = new SolverDecomposer(Verifier.expansion().orElse(Verifier.prover(prover)));
    naive = new NaiveDecomposer();
    product = ExprParser.parse("s1*s2*s3");
    productHave = List.of(Tracked.of("A", ExprParser.parse("s1*s2")), Tracked.of("B", ExprParser.parse("s3")));
    sum = ExprParser.parse("s0*s1 + s1");
    sumHave = List.of(Tracked.of("A", ExprParser.parse("s0 + 1")), Tracked.of("B", ExprParser.parse("s1")));
    missing = ExprParser.parse("s0*s2");
    missingHave = List.of(Tracked.of("A", ExprParser.parse("s0")));
    dividend = ExprParser.parse("s0");
    divisionHave = List.of(Tracked.of("A", ExprParser.parse("s0 // 2")), Tracked.of("B", ExprParser.parse("s0 % 2")));
    if (!regroupedProduct().isFound() || !factoredSum().isFound() || regroupedProductNaive().isFound()
        || missingSymbol().missing().size() != 1 || !divisionIdentity().toString().startsWith("2*A + B")) {
      throw new IllegalStateException("the examples must give the answers of docs/solver.md");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    decomposer.close();
    prover.close();
  }

  @Benchmark
  public Decomposition regroupedProduct() {
    return decomposer.decompose(product, productHave, List.of());
  }

  @Benchmark
  public Decomposition regroupedProductNaive() {
    return naive.decompose(product, productHave, List.of());
  }

  @Benchmark
  public Decomposition factoredSum() {
    return decomposer.decompose(sum, sumHave, List.of());
  }

  @Benchmark
  public Decomposition missingSymbol() {
    return decomposer.decompose(missing, missingHave, List.of());
  }

  @Benchmark
  public Decomposition divisionIdentity() {
    return decomposer.decompose(dividend, divisionHave, List.of());
  }
}
