package symtrace.symbolic.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.env.Source;
import symtrace.symbolic.eval.Evaluator;
import symtrace.symbolic.expr.Sym;

/** Python's {@code %} and {@code abs} on symbolic floats: the expression and its hint agree. */
class SymFloatTest {
  private static SymFloat input(ShapeEnv env, double hint) {
    Sym s = env.createFloatSymbol(hint, Source.local("a"));
    return env.createSymFloatNode(s, hint);
  }

  @Test
  void modTakesTheDivisorsSignAtEveryPointAsPythonDoes() {
    ShapeEnv env = new ShapeEnv();
    SymFloat a = input(env, -1.25);
    SymFloat r = a.mod(SymFloat.of(0.75));
    assertEquals("PythonMod(zf0, 0.75)", r.expr().toString());
    assertEquals(0.25, r.hint(), 1e-12); // -1.25 % 0.75 == 0.25 in Python
    Sym s = (Sym) a.expr();
    for (double x : new double[] {-2.5, -1.25, -0.1, 0.0, 0.6, 1.25, 7.0}) {
      double python = x - Math.floor(x / 0.75) * 0.75;
      assertEquals(python, ((Number) Evaluator.evaluate(r.expr(), Map.of(s, x))).doubleValue(),
          1e-12, "at " + x);
      assertEquals(Math.abs(x),
          ((Number) Evaluator.evaluate(a.abs().expr(), Map.of(s, x))).doubleValue(), "at " + x);
    }
  }

  @Test
  void absOfAConstantIsAConstant() {
    assertEquals(0.5, SymFloat.of(-0.5).abs().hint());
    assertEquals(1.25, input(new ShapeEnv(), -1.25).abs().hint());
  }
}
