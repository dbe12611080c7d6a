package symtrace.symbolic.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.expr.IntLit;
import symtrace.symbolic.expr.Sym;
import symtrace.symbolic.value.SymInt;

/** {@link ShapeEnv#onClose} and {@link ShapeEnv#close()}: order, idempotence, use after close. */
class ShapeEnvLifecycleTest {
  private static final Provenance TEST = Provenance.of("test");

  @Test
  void closesResourcesLastRegisteredFirstAndOnlyOnce() {
    List<String> closed = new ArrayList<>();
    ShapeEnv env = new ShapeEnv();
    env.onClose(() -> closed.add("decider"));
    env.onClose(() -> closed.add("prover"));
    env.onClose(() -> closed.add("validator"));
    assertFalse(env.isClosed());
    env.close();
    assertTrue(env.isClosed());
    assertEquals(List.of("validator", "prover", "decider"), closed);
    env.close();
    assertEquals(3, closed.size(), "a second close closes nothing again");
  }

  @Test
  void tryWithResourcesClosesTheEnvironment() {
    List<String> closed = new ArrayList<>();
    ShapeEnv outside;
    try (ShapeEnv env = new ShapeEnv()) {
      env.onClose(() -> closed.add("r"));
      outside = env;
    }
    assertTrue(outside.isClosed());
    assertEquals(List.of("r"), closed);
  }

  @Test
  void aFailingResourceDoesNotKeepTheOthersOpen() {
    List<String> closed = new ArrayList<>();
    ShapeEnv env = new ShapeEnv();
    env.onClose(() -> closed.add("first"));
    env.onClose(() -> {
      throw new IOException("disk");
    });
    env.onClose(() -> {
      throw new IllegalArgumentException("bad");
    });
    env.onClose(() -> closed.add("last"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, env::close);
    assertEquals("bad", e.getMessage());
    assertEquals(1, e.getSuppressed().length);
    assertEquals("disk", e.getSuppressed()[0].getMessage());
    assertEquals(List.of("last", "first"), closed);
    assertTrue(env.isClosed());
  }

  @Test
  void aCheckedFailureIsWrapped() {
    ShapeEnv env = new ShapeEnv();
    env.onClose(() -> {
      throw new IOException("disk");
    });
    IllegalStateException e = assertThrows(IllegalStateException.class, env::close);
    assertEquals("disk", e.getCause().getMessage());
  }

  @Test
  void registeringOnAClosedEnvironmentFailsAndLeavesTheResourceOpen() {
    ShapeEnv env = new ShapeEnv();
    env.close();
    List<String> closed = new ArrayList<>();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.onClose(() -> closed.add("r")));
    assertEquals("the shape environment is closed", e.getMessage());
    assertTrue(closed.isEmpty());
  }

  @Test
  void decidingAfterCloseFailsButTheRecordStaysReadable() {
    ShapeEnv env = new ShapeEnv(ShapeEnvSettings.defaults().withSequentialSymbolNames(true));
    SymInt a = ShapeEnvTesting.createSymint(env, 6);
    SymInt b = ShapeEnvTesting.createSymint(env, 4);
    assertTrue(a.gt(4).guardBool(TEST));
    assertTrue(a.gt(b).guardBool(TEST));
    env.close();
    assertThrows(IllegalStateException.class, () -> a.gt(3).guardBool(TEST));
    assertThrows(IllegalStateException.class, () -> env.evaluateExpr(a.lt(b).expr(), TEST));
    assertThrows(IllegalStateException.class, () -> env.maybeEvaluateStatic(a.gt(1).expr()));
    assertThrows(IllegalStateException.class, () -> env.simplify(a.add(b).expr()));
    assertThrows(IllegalStateException.class, () -> env.deferRuntimeAssert(a.ge(2).expr(), "", TEST));
    assertThrows(IllegalStateException.class, () -> ShapeEnvTesting.createSymint(env, 9));
    assertThrows(IllegalStateException.class, env::createUnbackedSymInt);
    assertThrows(IllegalStateException.class, () -> env.setDecider(new PyTorchDecider()));
    assertEquals(List.of("s0 > 4", "s0 > s1"), env.guards().stream().map(g -> g.expr().toString()).toList());
    assertEquals(IntLit.of(5), env.range((Sym) a.expr()).lower());
    assertSame(a.expr(), env.replace(a.expr()));
  }
}
