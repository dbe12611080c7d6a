package symtrace.symbolic.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static symtrace.symbolic.env.ShapeEnvTesting.createSymint;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.expr.Apply;
import symtrace.symbolic.expr.Fn;
import symtrace.symbolic.value.SymInt;

/**
 * Known bugs (these tests fail until they are fixed): PyTorch's {@code try_solve} ({@code
 * torch/utils/_sympy/solve.py}, current main, {@code _try_isolate_lhs}) divides both sides of an
 * equality by the factors without the unknown only when the right-hand side is not zero ("We also
 * divide only when we know 'rhs' is not zero"). symtrace's {@code TrySolve.isolate} divides
 * anyway, so from {@code Eq(a*b, 0)} it concludes {@code b == 0}, although {@code a} may be the
 * zero factor. Both the range refinement and the divisibility step of {@code _maybe_guard_rel}
 * then learn false facts; PyTorch learns nothing from such a guard.
 */
class ZeroRightHandSideSolveTest {
  private static final Provenance TEST = Provenance.of("test");

  @Test
  void productEqualToZeroDoesNotReplaceAFactorsSymbol() {
    // n * (s % 3) == 0 holds at s = 3, n = 4 because s % 3 is 0, not because n is.
    ShapeEnv env = new ShapeEnv();
    SymInt s = createSymint(env, 3);
    SymInt n = env.createUnspecifiedSymInt(4, Source.constant("__testing_only1"));
    assertTrue(n.mul(s.mod(3)).eq(0).guardBool(TEST));
    assertEquals(Map.of(), env.replacements(), "PyTorch's try_solve does not divide by Mod(s, 3) when the rhs is 0");
    assertFalse(n.isConstant(), "n must stay symbolic: it is 4 at the example input");
    GuardSet guards = new GuardProducer(env).produce(
        List.of(new Placeholder.Int(s), new Placeholder.Int(n)),
        List.of(Source.local("s"), Source.local("n")), false, false);
    Map<String, Object> example = Map.of("L['s']", 3L, "L['n']", 4L);
    assertEquals(List.of(), guards.failing(src -> example.get(src.name())),
        "the example input must pass its own guards: " + guards.python());
  }

  @Test
  void productOfModsEqualToZeroIsNotADivisibilityFact() {
    // (b % 5) * (a % 3) == 0 holds at a = 3, b = 7 because a % 3 is 0; b % 5 is 2.
    ShapeEnv env = new ShapeEnv();
    SymInt a = createSymint(env, 3);
    SymInt b = createSymint(env, 7);
    assertTrue(a.mod(3).mul(b.mod(5)).eq(0).guardBool(TEST));
    assertEquals(Fn.FLOOR_DIV, ((Apply) env.simplify(b.floorDiv(5).expr())).fn(),
        "7 // 5 is not an exact division: it must not simplify to CleanDiv");
    assertEquals(java.util.Set.of(), env.divisible(), "PyTorch's try_solve does not isolate a Mod when the rhs is 0");
  }
}
