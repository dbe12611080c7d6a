package symtrace.symbolic.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.SymtraceException;
import symtrace.symbolic.algebra.SymjaAlgebra;
import symtrace.symbolic.algebra.SymjaEngine;
import symtrace.symbolic.eval.Evaluator;

/**
 * The Symja-backed simplify agrees with direct evaluation: 2,000 random integer trees (fixed seed;
 * the construction property test covers 100,000 without Symja, whose simplify costs about a
 * millisecond) are simplified by Symja and compared with the operations evaluated directly at
 * random points that the simplifier itself never saw.
 */
class SymjaSimplifySoundnessPropertyTest {
  private static SymjaEngine engine;
  private static SymjaAlgebra algebra;

  @BeforeAll
  static void start() {
    engine = new SymjaEngine();
    algebra = new SymjaAlgebra(engine, java.time.Duration.ofMillis(500));
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Test
  void simplifiedExpressionsKeepTheirValues() {
    RandomExprs gen = new RandomExprs(4242L);
    List<String> mismatches = new ArrayList<>();
    int compared = 0;
    int changed = 0;
    for (int i = 0; i < 2_000; i++) {
      RandomExprs.Node tree = gen.intTree(1 + i % 3);
      Expr e;
      try {
        e = tree.build();
      } catch (SymtraceException | ArithmeticException ex) {
        continue;
      }
      Expr s = algebra.simplify(e);
      if (s != e) {
        changed++;
      }
      for (int p = 0; p < 3; p++) {
        Map<Sym, Object> point = gen.point();
        Object direct;
        try {
          direct = tree.eval(point);
        } catch (SymtraceException | ArithmeticException ex) {
          continue;
        }
        Object simplified;
        try {
          simplified = Evaluator.evaluate(s, point);
        } catch (SymtraceException | ArithmeticException ex) {
          mismatches.add(e + " simplified to " + s + " raised at " + point);
          continue;
        }
        compared++;
        if (!ConstructionSoundnessPropertyTest.sameValue(direct, simplified) && mismatches.size() < 20) {
          mismatches.add(e + " simplified to " + s + " at " + point + ": " + direct + " vs " + simplified);
        }
      }
    }
    assertTrue(compared > 3_000, "too few comparisons: " + compared);
    assertTrue(changed > 0, "Symja changed nothing: the test would not notice a broken simplify");
    assertEquals(List.of(), mismatches);
  }
}
