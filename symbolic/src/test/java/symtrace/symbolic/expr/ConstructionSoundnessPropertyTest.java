package symtrace.symbolic.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.SymtraceException;
import symtrace.symbolic.eval.Evaluator;
import symtrace.symbolic.eval.PyMath;
import symtrace.symbolic.parse.ExprParser;

/**
 * The soundness property of construction: for 100,000 random operation trees over the whole
 * vocabulary (fixed seed), the canonical expression built by the smart constructors evaluates
 * to the same value as the operations themselves, computed directly with Python's arithmetic,
 * at random concrete points; and {@code parse(print(e)) == e}.
 */
class ConstructionSoundnessPropertyTest {
  private static final int EXPRESSIONS = 100_000;
  private static final int POINTS = 4;

  @Test
  void constructionAgreesWithDirectEvaluationAndTextRoundTrips() {
    RandomExprs gen = new RandomExprs(20261201L);
    List<String> mismatches = new ArrayList<>();
    int compared = 0;
    int built = 0;
    for (int i = 0; i < EXPRESSIONS; i++) {
      RandomExprs.Node tree = gen.any(1 + i % 4);
      Expr e;
      try {
        e = tree.build();
      } catch (SymtraceException | ArithmeticException ex) {
        continue; // e.g. a constant division by zero: Python raises too
      }
      built++;
      Expr reparsed = ExprParser.parse(e.toString(), ExprParserSymbols.BY_NAME);
      if (reparsed != e && mismatches.size() < 20) {
        mismatches.add("round trip: " + e + " reparsed as " + reparsed);
      }
      for (int p = 0; p < POINTS; p++) {
        Map<Sym, Object> point = gen.point();
        Object direct;
        try {
          direct = tree.eval(point);
        } catch (SymtraceException | ArithmeticException ex) {
          continue;
        }
        Object canonical;
        try {
          canonical = Evaluator.evaluate(e, point);
        } catch (SymtraceException | ArithmeticException ex) {
          if (mismatches.size() < 20) {
            mismatches.add(e + " at " + point + ": direct " + direct + ", canonical raised " + ex);
          }
          continue;
        }
        compared++;
        if (!sameValue(direct, canonical) && mismatches.size() < 20) {
          mismatches.add(tree + " built as " + e + " at " + point + ": direct " + direct
              + ", canonical " + canonical);
        }
      }
    }
    assertTrue(built > EXPRESSIONS * 9 / 10, "too few expressions built: " + built);
    assertTrue(compared > EXPRESSIONS * 2, "too few comparisons: " + compared);
    assertEquals(List.of(), mismatches);
  }

  static boolean sameValue(Object a, Object b) {
    if (a instanceof Boolean || b instanceof Boolean) {
      return a.equals(b) || (PyMath.isInt(a) && PyMath.isInt(b) && PyMath.compare(a, b) == 0);
    }
    if (a instanceof Double || b instanceof Double) {
      double x = PyMath.toDouble(a);
      double y = PyMath.toDouble(b);
      if (Double.isNaN(x) || Double.isNaN(y)) {
        return Double.isNaN(x) && Double.isNaN(y);
      }
      return Math.abs(x - y) <= 1e-9 * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
    }
    return PyMath.compare(a, b) == 0;
  }

  @Test
  void sameStructureIsTheSameObject() {
    RandomExprs a = new RandomExprs(7);
    RandomExprs b = new RandomExprs(7);
    for (int i = 0; i < 2_000; i++) {
      RandomExprs.Node tx = a.any(3);
      RandomExprs.Node ty = b.any(3);
      Expr x;
      Expr y;
      try {
        x = tx.build();
        y = ty.build();
      } catch (SymtraceException | ArithmeticException ex) {
        continue;
      }
      assertSame(x, y);
    }
  }
}
