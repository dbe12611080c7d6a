package symtrace.symbolic.env;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.Set;

/**
 * Names of backed symbols as current PyTorch allocates them: {@code s} + (sha256 of the first
 * source's name mod 100), probing upward past ids already taken ({@code input0.size()[0] => s75},
 * {@code L['x'].size()[0] => s77}). Sequential naming ({@code s0, s1, ...}) is an option.
 */
final class SymbolNames {
  private final boolean sequential;
  private final Set<Integer> used = new HashSet<>();
  private int next;

  SymbolNames(boolean sequential) {
    this.sequential = sequential;
  }

  String nextSize(String sourceName) {
    if (sequential) {
      return "s" + next++;
    }
    int attempt = hashId(sourceName);
    while (used.contains(attempt)) {
      attempt++;
    }
    used.add(attempt);
    return "s" + attempt;
  }

  static int hashId(String sourceName) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(sourceName.getBytes(StandardCharsets.UTF_8));
      return new BigInteger(1, digest).mod(BigInteger.valueOf(100)).intValue();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }
}
