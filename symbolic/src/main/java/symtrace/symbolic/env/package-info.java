/**
 * The shape environment: symbols for input sizes, their hints and ranges, and the guards,
 * replacements and runtime asserts that tracing records (PyTorch's {@code ShapeEnv}).
 *
 * <h2>Main types</h2>
 *
 * <ul>
 *   <li>{@link symtrace.symbolic.env.ShapeEnv}: allocation ({@code createSymbol}, duck sizing,
 *       0/1 specialization, {@link symtrace.symbolic.env.DimDynamic}), static evaluation,
 *       {@code evaluateExpr} (guards), {@code deferRuntimeAssert}.
 *   <li>{@link symtrace.symbolic.env.StaticDecider}: the pluggable static evaluation; {@link
 *       symtrace.symbolic.env.PyTorchDecider} is PyTorch's algorithm.
 *   <li>{@link symtrace.symbolic.env.GuardProducer}: {@code produce_guards} as Python source,
 *       and {@link symtrace.symbolic.env.GuardSet} to check concrete inputs against it.
 *   <li>{@link symtrace.symbolic.env.Source}: PyTorch's source names ({@code L['x'].size()[0]}).
 *   <li>{@link symtrace.symbolic.env.RewriteValidator}, {@link symtrace.symbolic.env.Rewrite},
 *       {@link symtrace.symbolic.env.TranslationValidationError}: translation validation, every
 *       rewrite reported to a validator (the solver module's proves them with Z3).
 *   <li>{@link symtrace.symbolic.env.Guard}, {@link symtrace.symbolic.env.RuntimeAssert},
 *       {@link symtrace.symbolic.env.Specialization}, each with a {@link
 *       symtrace.symbolic.env.Provenance}.
 * </ul>
 *
 * <h2>Invariants</h2>
 *
 * A statically decided comparison holds for every assignment within the ranges; anything else
 * is a guard (backed symbols) or a runtime assert (unbacked ones). Replacements only ever
 * replace a symbol by an expression whose range fits the symbol's range. {@code version()}
 * changes with every fact, and keys every cache.
 */
package symtrace.symbolic.env;
