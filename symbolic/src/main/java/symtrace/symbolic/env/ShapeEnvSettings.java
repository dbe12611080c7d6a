package symtrace.symbolic.env;

/**
 * The policies of a shape environment, PyTorch's {@code ShapeEnv(...)} arguments: 0/1
 * specialization, duck sizing, deferring asserts over guards, and symtrace's choice of symbol
 * naming (PyTorch's hashed names by default, or {@code s0, s1, ...}).
 */
public record ShapeEnvSettings(
    boolean specializeZeroOne,
    boolean duckShape,
    boolean preferDeferredRuntimeAssertsOverGuards,
    boolean sequentialSymbolNames) {
  /** PyTorch's defaults: specialize 0 and 1, duck sizing on, guards preferred, hashed names. */
  public static ShapeEnvSettings defaults() {
    return new ShapeEnvSettings(true, true, false, false);
  }

  public ShapeEnvSettings withSpecializeZeroOne(boolean value) {
    return new ShapeEnvSettings(value, duckShape, preferDeferredRuntimeAssertsOverGuards, sequentialSymbolNames);
  }

  public ShapeEnvSettings withDuckShape(boolean value) {
    return new ShapeEnvSettings(specializeZeroOne, value, preferDeferredRuntimeAssertsOverGuards, sequentialSymbolNames);
  }

  public ShapeEnvSettings withPreferDeferredRuntimeAssertsOverGuards(boolean value) {
    return new ShapeEnvSettings(specializeZeroOne, duckShape, value, sequentialSymbolNames);
  }

  public ShapeEnvSettings withSequentialSymbolNames(boolean value) {
    return new ShapeEnvSettings(specializeZeroOne, duckShape, preferDeferredRuntimeAssertsOverGuards, value);
  }
}
