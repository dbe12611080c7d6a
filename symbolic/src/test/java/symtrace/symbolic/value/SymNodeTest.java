package symtrace.symbolic.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import symtrace.symbolic.env.ShapeEnv;
import symtrace.symbolic.expr.Exprs;
import symtrace.symbolic.expr.Sym;

/** Value nodes are identities: equal only to themselves, whatever their expressions. */
class SymNodeTest {
  @Test
  void nodesOfOneExpressionAreDistinctKeys() {
    ShapeEnv env = new ShapeEnv();
    Sym s0 = Sym.size("s0");
    Map<SymNode, Integer> byNode = new HashMap<>();
    SymNode[] nodes = new SymNode[1000];
    for (int i = 0; i < nodes.length; i++) {
      nodes[i] = new SymNode(Exprs.mul(s0, s0), env, SymNode.Type.INT, 9L);
      byNode.put(nodes[i], i);
    }
    assertEquals(nodes.length, byNode.size());
    for (int i = 0; i < nodes.length; i++) {
      assertEquals(i, byNode.get(nodes[i]));
    }
    assertNotEquals(nodes[0], nodes[1]);
    assertNull(byNode.get(new SymNode(Exprs.mul(s0, s0), env, SymNode.Type.INT, 9L)));
  }

  @Test
  void hashesOfOneEnvironmentDiffer() {
    ShapeEnv env = new ShapeEnv();
    Set<Integer> hashes = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      hashes.add(new SymNode(Sym.size("s1"), env, SymNode.Type.INT, 3L).hashCode());
    }
    assertEquals(500, hashes.size(), "creation numbers, not the expression's hash");
    SymNode n = new SymNode(Sym.size("s1"), env, SymNode.Type.INT, 3L);
    assertSame(n, Set.of(n).iterator().next());
  }
}
