package symtrace.tracer.ops;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every operator overload symtrace knows, by qualified name. Built once from the operator
 * groups ({@link OpGroup}) and immutable afterwards, so one registry serves every trace.
 */
public final class OpRegistry {
  private final Map<String, OpOverload> byName;
  private final Map<String, List<OpOverload>> byOpName;
  /** The {@code operator} functions by their bare name ({@code mul}): asked on every SymInt op. */
  private final Map<String, OpOverload> operators = new HashMap<>();

  private OpRegistry(Map<String, OpOverload> byName) {
    this.byName = Collections.unmodifiableMap(byName);
    for (OpOverload op : byName.values()) {
      if (op.namespace().equals("operator")) {
        operators.putIfAbsent(op.name(), op);
      }
    }
    Map<String, List<OpOverload>> grouped = new LinkedHashMap<>();
    for (OpOverload op : byName.values()) {
      grouped.computeIfAbsent(op.namespace() + "." + op.name(), k -> new ArrayList<>()).add(op);
    }
    this.byOpName = Collections.unmodifiableMap(grouped);
  }

  private static final class Holder {
    static final OpRegistry STANDARD = build(OpGroups.all());
  }

  /** The registry of every standard group: aten, prims and the SymInt operator functions. */
  public static OpRegistry standard() {
    return Holder.STANDARD;
  }

  /** A registry of the given groups (tests use a few). */
  public static OpRegistry build(List<OpGroup> groups) {
    Builder b = new Builder();
    for (OpGroup g : groups) {
      g.register(b);
    }
    return new OpRegistry(b.ops);
  }

  /**
   * The overload named {@code aten.add.Tensor} ({@code aten.add} for {@code aten.add.default}).
   *
   * @throws UnknownOperatorException when there is none
   */
  public OpOverload get(String qualifiedName) {
    OpOverload op = byName.get(qualifiedName);
    if (op == null) {
      op = byName.get(qualifiedName + ".default");
    }
    if (op == null) {
      throw new UnknownOperatorException(qualifiedName);
    }
    return op;
  }

  /**
   * The Python operator function {@code operator.<name>} ({@code operator.mul} for {@code mul}).
   *
   * @throws UnknownOperatorException when there is none
   */
  public OpOverload operator(String name) {
    OpOverload op = operators.get(name);
    if (op == null) {
      throw new UnknownOperatorException("operator." + name);
    }
    return op;
  }

  /** The overload, or null. */
  public OpOverload find(String qualifiedName) {
    OpOverload op = byName.get(qualifiedName);
    return op != null ? op : byName.get(qualifiedName + ".default");
  }

  /** Every overload of {@code aten.add}, in registration order. */
  public List<OpOverload> overloads(String namespaceAndName) {
    return byOpName.getOrDefault(namespaceAndName, List.of());
  }

  public Collection<OpOverload> all() {
    return byName.values();
  }

  /** Collects overloads while the groups register them. */
  public static final class Builder {
    private final Map<String, OpOverload> ops = new LinkedHashMap<>();

    /** Starts an aten overload from its schema. */
    public OpBuilder op(String schema) {
      return new OpBuilder(this, "aten", Schema.parse(schema));
    }

    /** Starts an overload in another namespace ({@code prims}, {@code operator}). */
    public OpBuilder op(String namespace, String schema) {
      return new OpBuilder(this, namespace, Schema.parse(schema));
    }

    /** A composite aten overload: its decomposition is how it runs. */
    public void composite(String schema, Decomposition decomposition, Tag... tags) {
      op(schema).tags(tags).decomposition(decomposition).register();
    }

    public OpOverload lookup(String qualifiedName) {
      OpOverload op = ops.get(qualifiedName);
      if (op == null) {
        throw new UnknownOperatorException(qualifiedName);
      }
      return op;
    }

    void add(OpOverload op) {
      if (ops.putIfAbsent(op.qualifiedName(), op) != null) {
        throw new IllegalStateException("registered twice: " + op.qualifiedName());
      }
    }
  }

  /** One overload under construction. */
  public static final class OpBuilder {
    private final Builder owner;
    private final String namespace;
    private final Schema schema;
    private final EnumSet<Tag> tags = EnumSet.noneOf(Tag.class);
    private MetaRule meta;
    private Kernel kernel;
    private Decomposition decomposition;
    private String infix;

    OpBuilder(Builder owner, String namespace, Schema schema) {
      this.owner = owner;
      this.namespace = namespace;
      this.schema = schema;
    }

    public OpBuilder tags(Tag... more) {
      Collections.addAll(tags, more);
      return this;
    }

    public OpBuilder meta(MetaRule rule) {
      this.meta = rule;
      return this;
    }

    public OpBuilder kernel(Kernel k) {
      this.kernel = k;
      return this;
    }

    public OpBuilder decomposition(Decomposition d) {
      this.decomposition = d;
      return this;
    }

    public OpBuilder infix(String symbol) {
      this.infix = symbol;
      return this;
    }

    public OpOverload register() {
      if (decomposition == null && (meta == null || kernel == null)) {
        throw new IllegalStateException(schema + " needs a meta rule and a kernel, or a"
            + " decomposition");
      }
      OpOverload op = new OpOverload(namespace, schema, tags, meta, kernel, decomposition, infix);
      owner.add(op);
      return op;
    }
  }
}
