package symtrace.solver.decompose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import symtrace.symbolic.expr.Fn;

/**
 * An e-graph: equivalence classes of expression nodes, closed under congruence (nodes whose
 * arguments are equal are equal), as equality saturation uses it ({@link EGraphDecomposer}).
 * Classes are numbered and merged by union-find; {@link #rebuild()} restores congruence after
 * merges.
 */
final class EGraph {
  /** A node's operation. */
  enum Op {
    /** A number, a symbol, a tracked name or an opaque expression ({@code payload}). */
    LEAF,
    ADD,
    MUL,
    /** A function application: {@code payload} is the {@link Fn}. */
    APPLY
  }

  /** One node: its operation, its payload and its argument classes. */
  static final class Node {
    final Op op;
    final Object payload;
    final int[] args;
    private final int hash;

    Node(Op op, Object payload, int... args) {
      this.op = op;
      this.payload = payload;
      this.args = args;
      this.hash = Objects.hash(op, payload) * 31 + Arrays.hashCode(args);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Node n && n.hash == hash && n.op == op && Objects.equals(n.payload, payload)
          && Arrays.equals(n.args, args);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private final List<Integer> parent = new ArrayList<>();
  private final Map<Node, Integer> hashcons = new HashMap<>();
  private final Map<Integer, List<Node>> classes = new LinkedHashMap<>();
  private int nodes;

  int find(int c) {
    int root = c;
    while (parent.get(root) != root) {
      root = parent.get(root);
    }
    while (parent.get(c) != root) { // path compression
      int next = parent.get(c);
      parent.set(c, root);
      c = next;
    }
    return root;
  }

  /** The node with its arguments' current classes. */
  Node canonical(Node n) {
    if (n.args.length == 0) {
      return n;
    }
    int[] a = new int[n.args.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = find(n.args[i]);
    }
    return new Node(n.op, n.payload, a);
  }

  /** The class of {@code n}, added if new. */
  int add(Node n) {
    Node c = canonical(n);
    Integer known = hashcons.get(c);
    if (known != null) {
      return find(known);
    }
    int id = parent.size();
    parent.add(id);
    List<Node> members = new ArrayList<>();
    members.add(c);
    classes.put(id, members);
    hashcons.put(c, id);
    nodes++;
    return id;
  }

  /** Merges two classes; true when they were different. */
  boolean union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra == rb) {
      return false;
    }
    if (classes.get(ra).size() < classes.get(rb).size()) {
      int t = ra;
      ra = rb;
      rb = t;
    }
    parent.set(rb, ra);
    classes.get(ra).addAll(classes.remove(rb));
    return true;
  }

  /** Restores congruence and the canonical form of every node after merges. */
  void rebuild() {
    boolean merged = true;
    while (merged) {
      merged = false;
      Map<Node, Integer> seen = new HashMap<>();
      List<int[]> congruent = new ArrayList<>();
      for (Map.Entry<Integer, List<Node>> e : classes.entrySet()) {
        for (Node n : e.getValue()) {
          Integer other = seen.putIfAbsent(canonical(n), e.getKey());
          if (other != null && find(other) != find(e.getKey())) {
            congruent.add(new int[] {other, e.getKey()});
          }
        }
      }
      for (int[] pair : congruent) {
        merged |= union(pair[0], pair[1]);
      }
    }
    hashcons.clear();
    nodes = 0;
    for (Map.Entry<Integer, List<Node>> e : classes.entrySet()) {
      List<Node> distinct = new ArrayList<>();
      for (Node n : e.getValue()) {
        Node c = canonical(n);
        if (hashcons.putIfAbsent(c, e.getKey()) == null) {
          distinct.add(c);
        }
      }
      e.setValue(distinct);
      nodes += distinct.size();
    }
  }

  /** The classes (their current ids). */
  List<Integer> classes() {
    return new ArrayList<>(classes.keySet());
  }

  /** The nodes of a class. */
  List<Node> nodes(int c) {
    return classes.get(find(c));
  }

  /** How many nodes the graph holds. */
  int size() {
    return nodes;
  }
}
