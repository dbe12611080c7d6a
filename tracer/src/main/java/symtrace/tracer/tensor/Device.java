package symtrace.tracer.tensor;

/**
 * A device argument ({@code device='cpu'}); symtrace computes on the CPU only, and graphs print
 * it as PyTorch does: {@code device(type='cpu')}.
 */
public record Device(String type) {
  public static final Device CPU = new Device("cpu");

  /** The device a Python string names ({@code "cpu"}). */
  public static Device of(String name) {
    if (!name.equals("cpu")) {
      throw TensorError.runtime("symtrace runs on the CPU only; got device '" + name + "'");
    }
    return CPU;
  }

  @Override
  public String toString() {
    return "device(type='" + type + "')";
  }
}
