package symtrace.tracer.run;

import java.util.List;

/**
 * Sources as the user wrote the inputs: make_fx names its inputs {@code input<i>} (so symbols
 * get PyTorch's numbers), and reports say {@code L['x']}, as guards do.
 */
public final class InputSources {
  private InputSources() {}

  /** {@code input0.size()[1]} as {@code L['x'].size()[1]} when input 0 is {@code x}. */
  public static String display(String sourceName, List<String> inputNames) {
    for (int i = inputNames.size() - 1; i >= 0; i--) {
      String prefix = "input" + i;
      if (sourceName.startsWith(prefix) && (sourceName.length() == prefix.length()
          || !Character.isDigit(sourceName.charAt(prefix.length())))) {
        return "L['" + inputNames.get(i) + "']" + sourceName.substring(prefix.length());
      }
    }
    return sourceName;
  }
}
