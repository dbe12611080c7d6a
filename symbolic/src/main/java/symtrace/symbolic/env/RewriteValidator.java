package symtrace.symbolic.env;

/**
 * Checks the rewrites a shape environment performs (translation validation, a debugging
 * option): each {@link Rewrite} must hold under the facts it relied on.
 *
 * <p>The shape environment reports every rewrite to its validator ({@link
 * ShapeEnv#setRewriteValidator}) as it performs it; a validator that finds one wrong throws
 * {@link TranslationValidationError}, naming the rule, the expressions and a counterexample. A
 * validator may read the environment's state (ranges, replacements, guards), but must not ask it
 * to decide or simplify anything. The solver module's implementation proves each rewrite with
 * Z3.
 *
 * <p>{@link ShapeEnvSettings#translationValidation()} turns validation on at construction: the
 * environment then installs the validator of the first {@link Factory} found by {@link
 * java.util.ServiceLoader} (the solver module provides one).
 */
public interface RewriteValidator {
  /** Checks one rewrite; throws {@link TranslationValidationError} when it does not hold. */
  void validate(ShapeEnv env, Rewrite rewrite);

  /** Creates the validator of an environment that has translation validation on. */
  interface Factory {
    /**
     * Returns a validator for {@code env}; one that holds resources registers them with {@link
     * ShapeEnv#onClose}.
     */
    RewriteValidator create(ShapeEnv env);
  }
}
