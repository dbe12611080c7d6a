package symtrace.solver;

import com.google.common.base.Preconditions;
import java.util.Objects;

/**
 * How a prover works: its deterministic budget and its symbols' implicit domain.
 *
 * @param rlimit the solver's resource limit for each satisfiability check (Z3's {@code rlimit}):
 *     a count of solver steps, so an answer does not depend on the machine's speed or load. With
 *     the default, {@value #DEFAULT_RLIMIT}, a check that exhausts it (an unbounded nonlinear
 *     Diophantine goal) gives up after 25 to 70 ms on a 2-core machine; a proof that needs more
 *     answers {@code UNKNOWN}.
 * @param domain what every symbol satisfies without a fact saying so
 */
public record ProverSettings(long rlimit, SymbolDomain domain) {
  public static final long DEFAULT_RLIMIT = 200_000;

  public ProverSettings {
    Preconditions.checkArgument(rlimit > 0 && rlimit <= Integer.MAX_VALUE,
        "rlimit must be in [1, %s]: %s", Integer.MAX_VALUE, rlimit);
    Objects.requireNonNull(domain, "domain");
  }

  /** The default budget and symtrace's convention for symbols ({@link SymbolDomain#SYMTRACE}). */
  public static ProverSettings defaults() {
    return new ProverSettings(DEFAULT_RLIMIT, SymbolDomain.SYMTRACE);
  }

  public ProverSettings withRlimit(long value) {
    return new ProverSettings(value, domain);
  }

  public ProverSettings withDomain(SymbolDomain value) {
    return new ProverSettings(rlimit, value);
  }
}
