package symtrace.symbolic.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.expr.Expr;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Sym;

/** The operation table gives what building the expression again would give, and nothing else. */
class OperationCacheTest {
  private static final BinaryOperator<Expr> ADD = Exprs::add;
  private static final BinaryOperator<Expr> MUL = Exprs::mul;

  @Test
  void agreesWithBuildingForManyOperandPairs() {
    Random random = new Random(11);
    Expr[] pool = new Expr[40];
    for (int i = 0; i < pool.length; i++) {
      Sym s = Sym.size("s" + (i % 7));
      pool[i] = Exprs.add(Exprs.mul(IntLit.of(random.nextInt(5) + 1), s),
          IntLit.of(random.nextInt(9)));
    }
    // Far more pairs than table entries, each asked twice, so entries collide and are replaced.
    for (int round = 0; round < 2; round++) {
      Random pairs = new Random(3);
      for (int i = 0; i < 20_000; i++) {
        Expr a = pool[pairs.nextInt(pool.length)];
        Expr b = pool[pairs.nextInt(pool.length)];
        BinaryOperator<Expr> op = pairs.nextBoolean() ? ADD : MUL;
        assertSame(op.apply(a, b), OperationCache.apply(op, a, b, op));
      }
    }
  }

  @Test
  void theOperationIsPartOfTheKey() {
    Sym s0 = Sym.size("s0");
    Sym s1 = Sym.size("s1");
    assertEquals(Exprs.add(s0, s1), OperationCache.apply(ADD, s0, s1, ADD));
    assertEquals(Exprs.mul(s0, s1), OperationCache.apply(MUL, s0, s1, MUL));
    assertEquals(Exprs.add(s0, s1), OperationCache.apply(ADD, s0, s1, ADD));
  }
}
