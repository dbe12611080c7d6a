package symtrace.tracer.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The namespace keeps taken names by base and number and makes a name's text only when asked;
 * it must give exactly the names of the plain set-of-strings algorithm (FX's
 * {@code _Namespace.create_name}, as symtrace follows it), which this test carries as the
 * reference.
 */
class NamespaceTest {
  private static final List<String> CANDIDATES = List.of("mul", "mul", "mul", "sum", "sum_1",
      "sum_2", "mul_4", "mul_0", "mul_00", "mul_01", "x", "x_1", "x_1_1", "x_1_2", "a_b", "3d",
      "", "torch", "device", "abs", "fill_", "fill__1", "getitem", "sym_size_int",
      "sym_size_int_1", "y_12345678901", "y_123456789", "y_1234567890", "add_", "_", "__1");

  @Test
  void randomSequencesNameAsTheReferenceDoes() {
    Random random = new Random(20261203);
    for (int trial = 0; trial < 300; trial++) {
      Namespace ns = new Namespace();
      Reference ref = new Reference();
      List<String> got = new ArrayList<>();
      List<String> want = new ArrayList<>();
      for (int k = 0; k < 60; k++) {
        String c = CANDIDATES.get(random.nextInt(CANDIDATES.size()));
        // Half the names are read at once, half later: the text must not depend on when.
        Namespace.Name n = ns.reserve(c);
        got.add(random.nextBoolean() ? n.toString() : null);
        want.add(ref.create(c));
        if (got.get(k) == null) {
          got.set(k, n.toString());
        }
      }
      assertEquals(want, got, "trial " + trial);
    }
  }

  /** A taker takes what reserve would have, whenever it was made: later names agree. */
  @Test
  void takersTakeTheNamesReserveWouldGive() {
    Random random = new Random(20261204);
    for (int trial = 0; trial < 300; trial++) {
      Namespace ns = new Namespace();
      Reference ref = new Reference();
      Map<String, Runnable> takers = new HashMap<>();
      List<String> got = new ArrayList<>();
      List<String> want = new ArrayList<>();
      for (int k = 0; k < 60; k++) {
        String c = CANDIDATES.get(random.nextInt(CANDIDATES.size()));
        String name = ref.create(c);
        if (random.nextInt(3) == 0) {
          takers.computeIfAbsent(c, ns::taker).run();
        } else {
          got.add(ns.reserve(c).toString());
          want.add(name);
        }
      }
      assertEquals(want, got, "trial " + trial);
    }
  }

  @Test
  void aLongRunOfOneBaseCountsOn() {
    Namespace ns = new Namespace();
    assertEquals("mul", ns.create("mul"));
    for (int i = 1; i <= 5000; i++) {
      assertEquals("mul_" + i, ns.reserve("mul").toString());
    }
    assertEquals("mul_5001", ns.create("mul_5001"));
    assertEquals("mul_5002", ns.create("mul"));
  }

  /** The set-of-strings algorithm the namespace must agree with. */
  private static final class Reference {
    private final Set<String> used = new HashSet<>();
    private final Map<String, int[]> baseCount = new HashMap<>();

    String create(String candidate) {
      candidate = candidate.replaceAll("[^0-9a-zA-Z_]+", "_");
      if (candidate.isEmpty()) {
        candidate = "_unnamed";
      }
      if (Character.isDigit(candidate.charAt(0))) {
        candidate = "_" + candidate;
      }
      int underscore = candidate.lastIndexOf('_');
      boolean suffixed = underscore > 0 && underscore < candidate.length() - 1
          && candidate.length() - underscore - 1 <= 9;
      for (int i = underscore + 1; suffixed && i < candidate.length(); i++) {
        suffixed = candidate.charAt(i) >= '0' && candidate.charAt(i) <= '9';
      }
      String base = suffixed ? candidate.substring(0, underscore) : candidate;
      String suffix = suffixed ? candidate.substring(underscore + 1) : null;
      int[] count = baseCount.computeIfAbsent(base, k -> new int[1]);
      int num;
      if (suffix == null || used.contains(candidate)) {
        int[] own = candidate.equals(base) ? count : baseCount.get(candidate);
        num = own == null ? 0 : own[0];
        if (Set.of("torch", "device", "abs", "sum").contains(candidate)) {
          num++;
          candidate = base + "_" + num;
        }
      } else {
        num = Integer.parseInt(suffix);
      }
      while (!used.add(candidate)) {
        num++;
        candidate = base + "_" + num;
      }
      count[0] = num;
      return candidate;
    }
  }
}
