package symtrace.tracer.tensor;

/**
 * A {@code torch.device}: its type ({@code cpu}) and an optional index. symtrace computes on the
 * CPU only; factory calls still name their device, as PyTorch records it in a graph ({@code
 * device = device(type='cpu')}).
 *
 * @param type the device type, e.g. {@code cpu}
 * @param index the device index, or null for none
 */
public record Device(String type, Integer index) {
  public static final Device CPU = new Device("cpu", null);

  /** Parses {@code cpu} or {@code cuda:0}. */
  public static Device parse(String text) {
    int colon = text.indexOf(':');
    return colon < 0 ? new Device(text, null)
        : new Device(text.substring(0, colon), Integer.valueOf(text.substring(colon + 1)));
  }

  /** As Python prints it: {@code device(type='cpu')}, {@code device(type='cuda', index=0)}. */
  public String toPython() {
    return "device(type='" + type + "'" + (index == null ? "" : ", index=" + index) + ")";
  }

  /** As {@code str(device)} prints it: {@code cpu}, {@code cuda:0}. */
  @Override
  public String toString() {
    return index == null ? type : type + ":" + index;
  }
}
