package symtrace.symbolic.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.eval.Evaluator;

class FnTest {
  private static final List<Fn> RELATIONS = List.of(Fn.EQ, Fn.NE, Fn.LT, Fn.LE, Fn.GT, Fn.GE);

  @Test
  void aReversedRelationHoldsWithItsSidesSwappedAndANegatedOneExactlyWhenTheOriginalFails() {
    for (Fn r : RELATIONS) {
      for (long a = -2; a <= 2; a++) {
        for (long b = -2; b <= 2; b++) {
          boolean holds = truth(r, a, b);
          assertEquals(holds, truth(r.reversed(), b, a), r + " reversed at " + a + ", " + b);
          assertEquals(!holds, truth(r.negated(), a, b), r + " negated at " + a + ", " + b);
        }
      }
      assertSame(r, r.reversed().reversed(), r.toString());
      assertSame(r, r.negated().negated(), r.toString());
    }
  }

  @Test
  void onlyRelationsHaveANegationAndOtherFunctionsAreTheirOwnReverse() {
    assertSame(Fn.MAX, Fn.MAX.reversed());
    assertThrows(IllegalArgumentException.class, Fn.FLOOR_DIV::negated);
  }

  private static boolean truth(Fn relation, long a, long b) {
    // Symbols keep the builders from folding the relation, so the evaluator decides it.
    Sym x = Sym.integer("x");
    Sym y = Sym.integer("y");
    Expr e = Exprs.apply(relation, x, y);
    return (Boolean) Evaluator.evaluate(e, java.util.Map.of(x, a, y, b));
  }
}
