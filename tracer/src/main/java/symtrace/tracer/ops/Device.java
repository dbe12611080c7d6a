package symtrace.tracer.ops;

/**
 * A {@code Device} argument value ({@code torch.device}). symtrace runs on the CPU only; the
 * value exists so that operators that pass tensor options on ({@code type_as}) record them as
 * PyTorch does.
 *
 * @param type the device type, {@code cpu}
 */
public record Device(String type) {
  /** {@code device(type='cpu')}. */
  public static final Device CPU = new Device("cpu");

  /** As Python prints it: {@code device(type='cpu')}. */
  @Override
  public String toString() {
    return "device(type='" + type + "')";
  }
}
