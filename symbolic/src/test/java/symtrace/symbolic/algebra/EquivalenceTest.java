package symtrace.symbolic.algebra;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.expr.Expr;

/** The acceptance check behind every Symja answer (no Symja involved). */
class EquivalenceTest {
  private static boolean equal(String a, String b, String... facts) {
    List<Expr> fs = java.util.Arrays.stream(facts).map(SymjaBridgeTest::parse).toList();
    return Equivalence.equal(SymjaBridgeTest.parse(a), SymjaBridgeTest.parse(b), fs);
  }

  @Test
  void acceptsIdentitiesByExpansion() {
    assertTrue(equal("(s0 + 1)**2", "s0**2 + 2*s0 + 1"));
    assertTrue(equal("FloorDiv((s0 + 1)*(s1 + 1), 2)", "FloorDiv(s0*s1 + s0 + s1 + 1, 2)"));
  }

  @Test
  void acceptsIdentitiesThatHoldAtEverySample() {
    assertTrue(equal("FloorDiv(s0*s1 + s0, s1 + 1)", "s0"));
    assertTrue(equal("Max(s0, 1)", "s0"));
    assertTrue(equal("Max(s0, 2)", "s0", "s0 >= 2"));
    assertTrue(equal("Mod(u0, 3)", "PythonMod(u0, 3)"));
    assertTrue(equal("s0 >= 1", "True"));
    // Undefined where the input is undefined (s0 = 1) is fine.
    assertTrue(equal("(s0**2 - 1)/(s0 - 1)", "s0 + 1"));
  }

  @Test
  void rejectsWhatIsFalseSomewhere() {
    assertFalse(equal("Max(s0, 2)", "s0"));
    assertFalse(equal("floor(x)", "x")); // real symbols get non-integer samples
    assertFalse(equal("s0 < 100", "True")); // samples reach the ten-thousands
    assertFalse(equal("2*FloorDiv(s0, 2)", "s0"));
    assertFalse(equal("Abs(u0)", "u0"));
    assertFalse(equal("s0", "s0 + 1/10**9"));
    // Same value, different Python type: a float is not an int.
    assertFalse(equal("ToFloat(s0)", "s0"));
    // Defined input, undefined candidate.
    assertFalse(equal("s0 - 1", "(s0**2 - 2*s0 + 1)/(s0 - 1)"));
    // Facts nothing satisfies leave no sample: not accepted.
    assertFalse(equal("Max(s0, 2)", "s0", "s0 > 5", "s0 < 3"));
  }
}
