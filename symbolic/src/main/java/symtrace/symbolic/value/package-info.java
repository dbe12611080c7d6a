/**
 * Symbolic scalars: {@link symtrace.symbolic.value.SymInt}, {@link
 * symtrace.symbolic.value.SymFloat} and {@link symtrace.symbolic.value.SymBool}, each a plain
 * value or a {@link symtrace.symbolic.value.SymNode} (an expression in a shape environment with a
 * hint). Python's operators are methods with Python's semantics and PyTorch's mapping to size
 * functions; converting to a Java value ({@code guardInt}, {@code guardBool}) may record a guard.
 */
package symtrace.symbolic.value;
