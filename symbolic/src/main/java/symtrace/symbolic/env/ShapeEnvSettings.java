package symtrace.symbolic.env;

/**
 * The policies of a shape environment, PyTorch's {@code ShapeEnv(...)} arguments: 0/1
 * specialization, duck sizing, deferring asserts over guards, symtrace's choice of symbol naming
 * (PyTorch's hashed names by default, or {@code s0, s1, ...}), and translation validation.
 *
 * @param translationValidation a debugging option (PyTorch's {@code translation_validation}):
 *     every rewrite the environment performs is checked, under the facts it relied on, by the
 *     {@link RewriteValidator} that {@link java.util.ServiceLoader} finds (the solver module's
 *     proves each with Z3); a wrong one throws {@link TranslationValidationError}. Off by
 *     default; {@link #defaults()} turns it on when the system property {@value
 *     #TRANSLATION_VALIDATION_PROPERTY} is {@code true}. It makes every rewrite a solver query.
 */
public record ShapeEnvSettings(
    boolean specializeZeroOne,
    boolean duckShape,
    boolean preferDeferredRuntimeAssertsOverGuards,
    boolean sequentialSymbolNames,
    boolean translationValidation) {
  /** The system property that turns translation validation on in {@link #defaults()}. */
  public static final String TRANSLATION_VALIDATION_PROPERTY = "symtrace.translation_validation";

  /** Settings without translation validation (the form before it existed). */
  public ShapeEnvSettings(boolean specializeZeroOne, boolean duckShape,
      boolean preferDeferredRuntimeAssertsOverGuards, boolean sequentialSymbolNames) {
    this(specializeZeroOne, duckShape, preferDeferredRuntimeAssertsOverGuards, sequentialSymbolNames, false);
  }

  /**
   * PyTorch's defaults: specialize 0 and 1, duck sizing on, guards preferred, hashed names;
   * translation validation as the system property {@value #TRANSLATION_VALIDATION_PROPERTY}
   * says (off when it is absent).
   */
  public static ShapeEnvSettings defaults() {
    return new ShapeEnvSettings(true, true, false, false, Boolean.getBoolean(TRANSLATION_VALIDATION_PROPERTY));
  }

  public ShapeEnvSettings withSpecializeZeroOne(boolean value) {
    return new ShapeEnvSettings(value, duckShape, preferDeferredRuntimeAssertsOverGuards, sequentialSymbolNames,
        translationValidation);
  }

  public ShapeEnvSettings withDuckShape(boolean value) {
    return new ShapeEnvSettings(specializeZeroOne, value, preferDeferredRuntimeAssertsOverGuards, sequentialSymbolNames,
        translationValidation);
  }

  public ShapeEnvSettings withPreferDeferredRuntimeAssertsOverGuards(boolean value) {
    return new ShapeEnvSettings(specializeZeroOne, duckShape, value, sequentialSymbolNames, translationValidation);
  }

  public ShapeEnvSettings withSequentialSymbolNames(boolean value) {
    return new ShapeEnvSettings(specializeZeroOne, duckShape, preferDeferredRuntimeAssertsOverGuards, value,
        translationValidation);
  }

  public ShapeEnvSettings withTranslationValidation(boolean value) {
    return new ShapeEnvSettings(specializeZeroOne, duckShape, preferDeferredRuntimeAssertsOverGuards,
        sequentialSymbolNames, value);
  }
}
