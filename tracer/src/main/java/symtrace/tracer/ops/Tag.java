package symtrace.tracer.ops;

/** aten's operator tags that tracing reads. */
public enum Tag {
  POINTWISE("pointwise"),
  VIEW("view"),
  INPLACE_VIEW("inplace_view"),
  DATA_DEPENDENT_OUTPUT("data_dependent_output"),
  DYNAMIC_OUTPUT_SHAPE("dynamic_output_shape"),
  NONDETERMINISTIC_SEEDED("nondeterministic_seeded"),
  CORE("core"),
  /** A factory: makes a tensor from no tensor arguments. */
  FACTORY("factory");

  private final String atenName;

  Tag(String atenName) {
    this.atenName = atenName;
  }

  public String atenName() {
    return atenName;
  }
}
