package symtrace.tracer.torch;

import java.util.Objects;

/**
 * A module or function of the torch API named by its dotted path: {@code torch}, {@code
 * torch.nn.functional}, {@code torch.add}, {@code torch.ops.aten.add.Tensor}. Attribute access
 * and calls resolve through {@link TorchApi}.
 *
 * @param path the dotted path, such as {@code torch.nn.functional.relu}
 */
public record ApiRef(String path) implements PyObject {
  public ApiRef {
    Objects.requireNonNull(path, "path");
  }

  /** The path one attribute further: {@code torch} and {@code nn} give {@code torch.nn}. */
  ApiRef child(String name) {
    return new ApiRef(path + "." + name);
  }

  @Override
  public String pythonTypeName() {
    return TorchApi.isModule(path) ? "module" : "builtin_function_or_method";
  }

  @Override
  public String toString() {
    return path;
  }
}
