package symtrace.tracer.tensor;

/** A {@code torch.layout}. symtrace's tensors are all strided. */
public enum Layout {
  STRIDED("strided");

  private final String pytorchName;

  Layout(String pytorchName) {
    this.pytorchName = pytorchName;
  }

  /** The name without the module: {@code strided}. */
  public String pytorchName() {
    return pytorchName;
  }

  /** As Python prints it: {@code torch.strided}. */
  public String toPython() {
    return "torch." + pytorchName;
  }

  /** The layout named {@code strided} (or {@code torch.strided}). */
  public static Layout fromPytorchName(String name) {
    String n = name.startsWith("torch.") ? name.substring("torch.".length()) : name;
    for (Layout l : values()) {
      if (l.pytorchName.equals(n)) {
        return l;
      }
    }
    throw new IllegalArgumentException("unknown layout '" + name + "'");
  }
}
