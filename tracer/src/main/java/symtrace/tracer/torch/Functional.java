package symtrace.tracer.torch;

import java.util.List;
import java.util.Map;
import symtrace.symbolic.env.Provenance;
import symtrace.tracer.ops.PyScalars;
import symtrace.tracer.tensor.TensorValue;

/**
 * The {@code torch.nn.functional} functions PyTorch writes in Python ({@code
 * torch/nn/functional.py}), each doing what its Python does before the aten call: {@code
 * F.embedding} swaps its arguments and normalizes {@code padding_idx}, {@code F.cross_entropy}
 * turns {@code reduction} into aten's enum, {@code F.max_pool2d} picks the overload by {@code
 * return_indices}, {@code F.softmax} calls the method form. The functions bound directly from
 * C++ ({@code F.gelu}, {@code F.linear}, {@code F.conv2d}, ...) are native functions.
 */
final class Functional {
  private final Aten aten;
  private final PyDefs defs;

  Functional(Aten aten, ArgumentParser.ScalarReader scalars) {
    this.aten = aten;
    this.defs = new PyDefs(scalars);
    register();
  }

  boolean has(String name) {
    return defs.has(name);
  }

  Object call(String name, List<?> args, Map<String, ?> kwargs) {
    return defs.call(name, null, args, kwargs);
  }

  private void register() {
    defs.add("relu(Tensor input, bool inplace=False) -> Any",
        (r, v) -> aten.call(flag(v[1]) ? "relu_.default" : "relu.default", v[0]));
    defs.add("silu(Tensor input, bool inplace=False) -> Any",
        (r, v) -> aten.call(flag(v[1]) ? "silu_.default" : "silu.default", v[0]));
    defs.add("sigmoid(Tensor input) -> Any", (r, v) -> aten.call("sigmoid.default", v[0]));
    defs.add("tanh(Tensor input) -> Any", (r, v) -> aten.call("tanh.default", v[0]));
    for (String name : List.of("softmax", "log_softmax")) {
      defs.add(name + "(Tensor input, int? dim=None, int _stacklevel=3,"
          + " ScalarType? dtype=None) -> Any", (r, v) -> {
            TensorValue input = (TensorValue) v[0];
            Object dim = v[1] != null ? v[1] : legacySoftmaxDim(input.dim());
            return aten.call(name + ".int", input, dim, v[3]);
          });
    }
    defs.add("layer_norm(Tensor input, SymInt[] normalized_shape, Tensor? weight=None,"
        + " Tensor? bias=None, float eps=1e-05) -> Any",
        (r, v) -> aten.call("layer_norm.default", v[0], v[1], v[2], v[3], v[4], true));
    defs.add("embedding(Tensor input, Tensor weight, int? padding_idx=None,"
        + " float? max_norm=None, float norm_type=2.0, bool scale_grad_by_freq=False,"
        + " bool sparse=False) -> Any", (r, v) -> embedding(v));
    defs.add("dropout(Tensor input, float p=0.5, bool training=True, bool inplace=False)"
        + " -> Any", (r, v) -> {
          double p = Aten.specializeFloat(v[1], Provenance.of("dropout"));
          if (p < 0.0 || p > 1.0) {
            throw PythonError.valueError("dropout probability has to be between 0 and 1, but"
                + " got " + p);
          }
          return aten.call(flag(v[3]) ? "dropout_.default" : "dropout.default", v[0], v[1],
              v[2]);
        });
    defs.add("max_pool2d(Tensor input, int[2] kernel_size, int[2]? stride=None,"
        + " int[2] padding=0, int[2] dilation=1, bool ceil_mode=False,"
        + " bool return_indices=False) -> Any", (r, v) -> {
          Object stride = v[2] != null ? v[2] : List.of();
          return aten.call(flag(v[6]) ? "max_pool2d_with_indices.default" : "max_pool2d.default",
              v[0], v[1], stride, v[3], v[4], v[5]);
        });
    defs.add("cross_entropy(Tensor input, Tensor target, Tensor? weight=None,"
        + " bool? size_average=None, SymInt ignore_index=-100, bool? reduce=None,"
        + " str reduction=\"mean\", float label_smoothing=0.0) -> Any",
        (r, v) -> aten.call("cross_entropy_loss.default", v[0], v[1], v[2],
            reduction(v[3], v[5], (String) v[6]), v[4], v[7]));
    defs.add("mse_loss(Tensor input, Tensor target, bool? size_average=None,"
        + " bool? reduce=None, str reduction=\"mean\", Tensor? weight=None) -> Any",
        (r, v) -> mseLoss(v));
  }

  private static boolean flag(Object v) {
    return Boolean.TRUE.equals(v);
  }

  /** {@code _get_softmax_dim}: the implicit dim of the legacy call without one. */
  private static long legacySoftmaxDim(int ndim) {
    return ndim == 0 || ndim == 1 || ndim == 3 ? 0 : 1;
  }

  /** {@code F.embedding}: {@code torch.embedding(weight, input, padding_idx, ...)}. */
  private Object embedding(Object[] v) {
    TensorValue weight = (TensorValue) v[1];
    Object paddingIdx = v[2];
    if (v[3] != null) {
      throw PythonError.unsupported("F.embedding with max_norm is not supported: it renormalizes"
          + " the weight in place");
    }
    if (paddingIdx == null) {
      paddingIdx = -1L;
    } else {
      Object rows = PyScalars.normalize(weight.symSize(0));
      Provenance why = Provenance.of("embedding");
      if (Aten.guard(aten.scalar("gt", paddingIdx, 0L), why)) {
        if (!Aten.guard(aten.scalar("lt", paddingIdx, rows), why)) {
          throw new PythonError("AssertionError", "Padding_idx must be within num_embeddings");
        }
      } else if (Aten.guard(aten.scalar("lt", paddingIdx, 0L), why)) {
        if (!Aten.guard(aten.scalar("ge", paddingIdx, aten.scalar("sub", 0L, rows)), why)) {
          throw new PythonError("AssertionError", "Padding_idx must be within num_embeddings");
        }
        paddingIdx = aten.scalar("add", rows, paddingIdx);
      }
    }
    return aten.call("embedding.default", weight, v[0], paddingIdx, v[5], v[6]);
  }

  /** {@code F.mse_loss}: the sizes compared (for PyTorch's warning), then broadcast. */
  private Object mseLoss(Object[] v) {
    if (v[5] != null) {
      throw PythonError.unsupported("F.mse_loss with weight is not supported");
    }
    TensorValue input = (TensorValue) v[0];
    TensorValue target = (TensorValue) v[1];
    sameSizes(target, input);
    long reduction = reduction(v[2], v[3], (String) v[4]);
    List<?> both = TorchFunctions.broadcastTensors(aten, List.of(input, target));
    return aten.call("mse_loss.default", both.get(0), both.get(1), reduction);
  }

  /**
   * {@code target.size() == input.size()}: torch.Size equality, element by element, each a
   * SymInt comparison PyTorch records and guards.
   */
  private boolean sameSizes(TensorValue a, TensorValue b) {
    if (a.dim() != b.dim()) {
      return false;
    }
    for (int d = 0; d < a.dim(); d++) {
      Object equal = aten.scalar("eq", PyScalars.normalize(a.symSize(d)),
          PyScalars.normalize(b.symSize(d)));
      if (!Aten.guard(equal, Provenance.of("mse_loss"))) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code _Reduction.get_enum}, after {@code legacy_get_string} when the deprecated {@code
   * size_average} or {@code reduce} is given.
   */
  private static long reduction(Object sizeAverage, Object reduce, String reduction) {
    String r = reduction;
    if (sizeAverage != null || reduce != null) {
      boolean average = sizeAverage == null || Aten.guard(sizeAverage, Provenance.of("reduction"));
      boolean reduced = reduce == null || Aten.guard(reduce, Provenance.of("reduction"));
      r = average && reduced ? "mean" : reduced ? "sum" : "none";
    }
    return switch (r) {
      case "none" -> 0L;
      case "mean" -> 1L;
      case "sum" -> 2L;
      default -> throw PythonError.valueError(r + " is not a valid value for reduction");
    };
  }
}
