package symtrace.tracer.ops;

/** A call names an operator overload that symtrace does not have. */
public final class UnknownOperatorException extends symtrace.symbolic.SymtraceException {
  private final String name;

  public UnknownOperatorException(String name) {
    super("unknown operator " + name);
    this.name = name;
  }

  public String name() {
    return name;
  }
}
