package symtrace.symbolic.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.expr.Sym;

/**
 * {@link SymInt#product} is multiplying one by one from 1, without the partial products: the
 * same expression and hint, the same value where {@code mul} gives an operand back, and a
 * constant where the chain's is one.
 */
class SymIntProductTest {
  @Test
  void agreesWithTheChainOfMultiplications() {
    ShapeEnv env = new ShapeEnv();
    List<SymInt> pool = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      pool.add(new SymInt(new SymNode(Sym.size("s" + i), env, SymNode.Type.INT, (long) i + 2)));
    }
    pool.add(new SymInt(new SymNode(Sym.size("u0"), env, SymNode.Type.INT, null))); // no hint
    for (long c : new long[] {0, 1, 1, 2, 3, -1}) {
      pool.add(SymInt.of(c));
    }
    Random random = new Random(20261204);
    for (int trial = 0; trial < 2000; trial++) {
      List<SymInt> factors = new ArrayList<>();
      int n = random.nextInt(6);
      for (int k = 0; k < n; k++) {
        factors.add(pool.get(random.nextInt(pool.size())));
      }
      SymInt chain = SymInt.of(1);
      for (SymInt f : factors) {
        chain = chain.mul(f);
      }
      SymInt product = SymInt.product(factors);
      SymInt chained = chain;
      String what = "trial " + trial + ": " + factors;
      assertEquals(chain.expr(), product.expr(), what);
      assertEquals(chain.hint(), product.hint(), what);
      assertEquals(chain.isConstant(), product.isConstant(), what);
      if (factors.stream().anyMatch(f -> f == chained && f.node() != null)) {
        assertSame(chain, product, what + " gives an operand back");
      }
    }
  }
}
