package symtrace.symbolic.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import symtrace.symbolic.value.SymInt;

/** Replaced expressions are remembered, and forgotten as soon as a replacement is added. */
class ReplacementCacheTest {
  private static final Provenance TEST = Provenance.of("test");

  @Test
  void aValueReadBeforeASpecializationSeesItAfterwards() {
    ShapeEnv env = new ShapeEnv(ShapeEnvSettings.defaults().withSequentialSymbolNames(true));
    SymInt a = ShapeEnvTesting.createSymint(env, 6, false);
    SymInt b = ShapeEnvTesting.createSymint(env, 3, false);
    SymInt c = ShapeEnvTesting.createSymint(env, 4, false);
    SymInt sum = a.add(c);
    assertEquals("s0 + s2", sum.expr().toString());
    assertEquals("s0 + s2", sum.expr().toString()); // read twice: from the cache
    long before = env.replacementGeneration();

    assertTrue(a.eq(b.mul(2)).guardBool(TEST)); // s0 is replaced by 2*s1
    assertNotEquals(before, env.replacementGeneration());
    assertEquals("2*s1 + s2", sum.expr().toString());
    assertEquals("2*s1 + s2", env.replace(a.add(c).node().rawExpr()).toString());

    long after = env.replacementGeneration();
    assertTrue(c.gt(1).guardBool(TEST)); // a range guard is no replacement
    assertEquals(after, env.replacementGeneration());
    assertEquals("2*s1 + s2", sum.expr().toString());
  }
}
