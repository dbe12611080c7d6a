package symtrace.tracer.ops;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import symtrace.symbolic.env.Provenance;

/**
 * One operator overload, named as aten names it ({@code aten.add.Tensor}): its schema, tags, and
 * how it runs: a meta rule and a CPU kernel, or a decomposition into other operators (a
 * composite). Immutable.
 */
public final class OpOverload {
  private final String namespace;
  private final Schema schema;
  private final Set<Tag> tags;
  private final MetaRule meta;
  private final Kernel kernel;
  private final Decomposition decomposition;
  private final String qualifiedName;
  private final String infix;
  /** Why a guard its meta rule records exists: the operator itself. */
  private final Provenance provenance;

  OpOverload(String namespace, Schema schema, Set<Tag> tags, MetaRule meta, Kernel kernel,
      Decomposition decomposition, String infix) {
    this.namespace = namespace;
    this.schema = schema;
    this.tags = tags.isEmpty() ? EnumSet.noneOf(Tag.class) : EnumSet.copyOf(tags);
    this.meta = meta;
    this.kernel = kernel;
    this.decomposition = decomposition;
    this.qualifiedName = namespace + "." + schema.name()
        + (namespace.equals("aten") || namespace.equals("prims") ? "." + schema.overload() : "");
    this.infix = infix;
    this.provenance = Provenance.of(qualifiedName);
  }

  /** The provenance of what this operator's meta rule records ({@code aten.view.default}). */
  public Provenance provenance() {
    return provenance;
  }

  /** {@code aten}, {@code prims}, or {@code operator} for the SymInt arithmetic of a graph. */
  public String namespace() {
    return namespace;
  }

  public String name() {
    return schema.name();
  }

  public String overloadName() {
    return schema.overload();
  }

  public Schema schema() {
    return schema;
  }

  public Set<Tag> tags() {
    return tags;
  }

  public boolean hasTag(Tag tag) {
    return tags.contains(tag);
  }

  public MetaRule meta() {
    return meta;
  }

  public Kernel kernel() {
    return kernel;
  }

  /** The composite implementation, or null for an operator with its own meta rule and kernel. */
  public Decomposition decomposition() {
    return decomposition;
  }

  public boolean isComposite() {
    return decomposition != null;
  }

  /** Writes an argument (an in-place or out= operator). */
  public boolean isMutable() {
    return schema.isMutable();
  }

  /** A view: the output shares the input's storage. */
  public boolean isView() {
    return tags.contains(Tag.VIEW);
  }

  /** {@code aten.add.Tensor}; {@code operator.mul} for SymInt arithmetic. */
  public String qualifiedName() {
    return qualifiedName;
  }

  /**
   * How a graph's code calls it: {@code torch.ops.aten.add.Tensor}, {@code operator.mul}.
   */
  public String pythonTarget() {
    return switch (namespace) {
      case "operator" -> "operator." + schema.name();
      case "torch" -> "torch." + schema.name();
      case "math" -> "math." + schema.name();
      default -> "torch.ops." + qualifiedName;
    };
  }

  /** The Python infix operator FX prints for it ({@code *} for {@code operator.mul}), or null. */
  public String infix() {
    return infix;
  }

  /** Binds a call's values to the schema. */
  public Args bind(List<?> positional, Map<String, ?> keywords) {
    return new Args(this, schema.bind(positional, keywords));
  }

  @Override
  public String toString() {
    return qualifiedName;
  }
}
