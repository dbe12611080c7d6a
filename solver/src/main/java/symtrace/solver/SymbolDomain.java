package symtrace.solver;

/**
 * The facts a prover assumes about every symbol without being told, besides its type (integer
 * symbols are integers, real symbols floats).
 */
public enum SymbolDomain {
  /** Nothing: the caller's facts give every bound (the shape environment's ranges do). */
  NONE,
  /**
   * The symbol's assumptions: a positive integer is at least 1, a non-negative one at least 0; a
   * real symbol is a finite float (sympy's {@code real} excludes infinities and nan).
   */
  ASSUMPTIONS,
  /**
   * symtrace's command-line convention: as {@link #ASSUMPTIONS}, and a positive integer named
   * {@code s<N>} is a size in {@code [2, int_oo]} (PyTorch specializes 0 and 1).
   */
  SYMTRACE
}
