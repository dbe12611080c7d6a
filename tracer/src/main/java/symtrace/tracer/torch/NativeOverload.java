package symtrace.tracer.torch;

import java.util.ArrayList;
import java.util.List;
import symtrace.tracer.ops.ArgType;
import symtrace.tracer.ops.Argument;
import symtrace.tracer.ops.OpOverload;

/**
 * One aten overload as a Python function sees it: {@code torch.add(input, other, *, alpha=1)}
 * (the function form, the tensor {@code self} renamed {@code input}) or {@code
 * x.add(other, *, alpha=1)} (the method form, {@code self} bound to the receiver).
 */
final class NativeOverload {
  private final OpOverload op;
  private final PySignature signature;
  /** For each Python parameter, its argument position in the schema. */
  private final int[] slots;
  /** The schema position of {@code self} in the method form, or -1. */
  private final int receiverSlot;

  private NativeOverload(OpOverload op, PySignature signature, int[] slots, int receiverSlot) {
    this.op = op;
    this.signature = signature;
    this.slots = slots;
    this.receiverSlot = receiverSlot;
  }

  /** The {@code torch.X(...)} form. */
  static NativeOverload function(OpOverload op, String pythonName, boolean numbersAsTensors) {
    List<Argument> args = op.schema().arguments();
    List<PySignature.Param> params = new ArrayList<>();
    int[] slots = new int[args.size()];
    for (int i = 0; i < args.size(); i++) {
      Argument a = args.get(i);
      boolean tensorSelf = a.name().equals("self") && a.type().kind() == ArgType.Kind.TENSOR
          && !a.type().list();
      params.add(PySignature.Param.of(a, tensorSelf ? "input" : a.name()));
      slots[i] = i;
    }
    return new NativeOverload(op, new PySignature(pythonName, params, numbersAsTensors), slots,
        -1);
  }

  /** A direct call of the overload: the schema's own argument names, no receiver. */
  static NativeOverload direct(OpOverload op, boolean numbersAsTensors) {
    List<Argument> args = op.schema().arguments();
    List<PySignature.Param> params = new ArrayList<>();
    int[] slots = new int[args.size()];
    for (int i = 0; i < args.size(); i++) {
      params.add(PySignature.Param.of(args.get(i), args.get(i).name()));
      slots[i] = i;
    }
    return new NativeOverload(op, new PySignature(op.schema().qualifiedName(), params,
        numbersAsTensors), slots, -1);
  }

  /** The {@code x.X(...)} form, or null when the schema has no tensor {@code self}. */
  static NativeOverload method(OpOverload op, String pythonName, boolean numbersAsTensors) {
    List<Argument> args = op.schema().arguments();
    int self = op.schema().indexOf("self");
    if (self < 0 || args.get(self).type().kind() != ArgType.Kind.TENSOR
        || args.get(self).type().list()) {
      return null;
    }
    List<PySignature.Param> params = new ArrayList<>();
    int[] slots = new int[args.size() - 1];
    int k = 0;
    for (int i = 0; i < args.size(); i++) {
      if (i != self) {
        params.add(PySignature.Param.of(args.get(i), args.get(i).name()));
        slots[k++] = i;
      }
    }
    return new NativeOverload(op, new PySignature(pythonName, params, numbersAsTensors), slots,
        self);
  }

  OpOverload op() {
    return op;
  }

  PySignature signature() {
    return signature;
  }

  /** The schema-ordered argument vector for converted Python values and the receiver. */
  Object[] schemaValues(Object receiver, Object[] pythonValues) {
    Object[] out = new Object[op.schema().arguments().size()];
    for (int i = 0; i < slots.length; i++) {
      out[slots[i]] = pythonValues[i];
    }
    if (receiverSlot >= 0) {
      out[receiverSlot] = receiver;
    }
    return out;
  }
}
