package symtrace.symbolic.env;

import java.util.List;
import symtrace.symbolic.value.SymFloat;
import symtrace.symbolic.value.SymInt;

/**
 * A graph input as {@code produce_guards} sees it: a tensor (sizes, strides, storage offset), an
 * int or a float, each possibly symbolic.
 */
public sealed interface Placeholder {
  /** A tensor input's symbolic metadata. */
  record Tensor(List<SymInt> sizes, List<SymInt> strides, SymInt storageOffset) implements Placeholder {}

  /** An int input. */
  record Int(SymInt value) implements Placeholder {}

  /** A float input. */
  record Float(SymFloat value) implements Placeholder {}
}
