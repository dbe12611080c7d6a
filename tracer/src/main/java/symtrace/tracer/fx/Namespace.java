package symtrace.tracer.fx;

import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * FX's {@code _Namespace}: unique Python identifiers. A candidate that is not an identifier is
 * cleaned of illegal characters; a taken name gets the next free numeric suffix of its base
 * ({@code sum}, {@code sum_1}, ...); Python keywords, builtins and FX's own globals ({@code
 * torch}, {@code device}, {@code inf}, ...) are never produced. An object may be associated
 * with its name, so asking again for the same object returns the same name (code generation
 * names globals this way).
 *
 * <p>Names are never freed: an erased node keeps its name taken, as in FX.
 */
final class Namespace {
  private static final Pattern ILLEGAL = Pattern.compile("[^0-9a-zA-Z_]+");

  /** Python 3.11's keywords and {@code builtins.__dict__}, and FX's registered globals. */
  private static final Set<String> ILLEGAL_NAMES = Set.of(
      "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
      "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
      "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
      "try", "while", "with", "yield",
      "ArithmeticError", "AssertionError", "AttributeError", "BaseException",
      "BaseExceptionGroup", "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning",
      "ChildProcessError", "ConnectionAbortedError", "ConnectionError",
      "ConnectionRefusedError", "ConnectionResetError", "DeprecationWarning", "EOFError",
      "Ellipsis", "EncodingWarning", "EnvironmentError", "Exception", "ExceptionGroup",
      "FileExistsError", "FileNotFoundError", "FloatingPointError", "FutureWarning",
      "GeneratorExit", "IOError", "ImportError", "ImportWarning", "IndentationError",
      "IndexError", "InterruptedError", "IsADirectoryError", "KeyError", "KeyboardInterrupt",
      "LookupError", "MemoryError", "ModuleNotFoundError", "NameError", "NotADirectoryError",
      "NotImplemented", "NotImplementedError", "OSError", "OverflowError",
      "PendingDeprecationWarning", "PermissionError", "ProcessLookupError", "RecursionError",
      "ReferenceError", "ResourceWarning", "RuntimeError", "RuntimeWarning",
      "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError",
      "SystemExit", "TabError", "TimeoutError", "TypeError", "UnboundLocalError",
      "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError",
      "UnicodeWarning", "UserWarning", "ValueError", "Warning", "ZeroDivisionError",
      "__build_class__", "__debug__", "__doc__", "__import__", "__loader__", "__name__",
      "__package__", "__spec__", "abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool",
      "breakpoint", "bytearray", "bytes", "callable", "chr", "classmethod", "compile",
      "complex", "copyright", "credits", "delattr", "dict", "dir", "divmod", "enumerate",
      "eval", "exec", "exit", "filter", "float", "format", "frozenset", "getattr", "globals",
      "hasattr", "hash", "help", "hex", "id", "input", "int", "isinstance", "issubclass",
      "iter", "len", "license", "list", "locals", "map", "max", "memoryview", "min", "next",
      "object", "oct", "open", "ord", "pow", "print", "property", "quit", "range", "repr",
      "reversed", "round", "set", "setattr", "slice", "sorted", "staticmethod", "str", "sum",
      "super", "tuple", "type", "vars", "zip",
      "inf", "nan", "NoneType", "torch", "device", "fx_pytree", "pytree");

  /**
   * The names taken and FX's {@code _base_count}, by base: one entry holds both for the names
   * {@code base} and {@code base_N}, so a fresh {@code base_N} is found without making its text.
   */
  private final Map<String, Base> bases = new HashMap<>(256);
  /** Taken names of another form ({@code x_01}, a suffix too long for an int). */
  private final Set<String> otherNames = new HashSet<>();
  private final Map<Object, String> objectNames = new IdentityHashMap<>();
  /** Candidates that are identifiers without a numeric suffix and not reserved, by base. */
  private final Map<String, Base> plainCandidates = new HashMap<>(256);

  /** A base's FX counter and which of its names are taken: bit 0 the base, bit n+1 base_n. */
  private static final class Base {
    int count;
    final BitSet taken = new BitSet();
  }

  /**
   * A name taken in a namespace. Its text is made when first asked for: most SymInt nodes of
   * a symbolic trace are named and never printed.
   */
  static final class Name {
    private final String base;
    private final int number;
    private String text;

    private Name(String text) {
      this.base = null;
      this.number = 0;
      this.text = text;
    }

    /** A name outside any namespace (the graph's sentinel node). */
    static Name fixed(String text) {
      return new Name(text);
    }

    private Name(String base, int number) {
      this.base = base;
      this.number = number;
    }

    @Override
    public String toString() {
      String t = text;
      if (t == null) {
        t = base + "_" + number;
        text = t;
      }
      return t;
    }
  }

  /** A fresh unique name for {@code candidate}. */
  String create(String candidate) {
    return create(candidate, null);
  }

  /**
   * The name of {@code obj} if it has one, else a fresh unique name for {@code candidate},
   * associated with {@code obj} when it is not null.
   */
  String create(String candidate, Object obj) {
    if (obj != null) {
      String known = objectNames.get(obj);
      if (known != null) {
        return known;
      }
    }
    String name = reserve(candidate, obj).toString();
    if (obj != null) {
      objectNames.put(obj, name);
    }
    return name;
  }

  /** A fresh unique name for {@code candidate}, as {@link #create(String)}, text made later. */
  Name reserve(String candidate) {
    return reserve(candidate, null);
  }

  /**
   * Takes the name {@link #reserve(String)} would give {@code candidate} now, each time it
   * runs, without making the name. For an operator's name it holds on to the candidate's entry,
   * so taking costs no lookup.
   */
  Runnable taker(String candidate) {
    Base plain = plainCandidate(candidate);
    if (plain == null) {
      return () -> reserve(candidate, null);
    }
    return () -> takePlain(plain);
  }

  /** The entry of an identifier without a numeric suffix that is not reserved, else null. */
  private Base plainCandidate(String candidate) {
    Base plain = plainCandidates.get(candidate);
    if (plain == null && isIdentifier(candidate) && suffixStart(candidate) < 0
        && !ILLEGAL_NAMES.contains(candidate)) {
      plain = base(candidate);
      plainCandidates.put(candidate, plain);
    }
    return plain;
  }

  private Name reserve(String candidate, Object obj) {
    Base plain = plainCandidate(candidate);
    if (plain != null) {
      // The common case, an operator's name: itself if free, else its base's next number.
      int num = takePlain(plain);
      return num == 0 ? new Name(candidate) : new Name(candidate, num);
    }
    if (!isIdentifier(candidate)) {
      candidate = ILLEGAL.matcher(candidate).replaceAll("_");
      if (candidate.isEmpty()) {
        candidate = "_unnamed";
      }
      if (Character.isDigit(candidate.charAt(0))) {
        candidate = "_" + candidate;
      }
    }
    // The base and the optional _N suffix: FX's regex (.*)_(\d+)$ with a non-empty base.
    int underscore = suffixStart(candidate);
    if (underscore > 0 && candidate.length() - underscore - 1 > 9) {
      underscore = -1; // a suffix beyond an int is kept as part of the name
    }
    String base = underscore > 0 ? candidate.substring(0, underscore) : candidate;
    Base count = base(base);
    int num;
    if (underscore < 0 || isTaken(candidate)) {
      // FX looks the count up under the whole candidate, not its base.
      Base own = underscore < 0 ? count : bases.get(candidate);
      num = own == null ? 0 : own.count;
      if (ILLEGAL_NAMES.contains(candidate) && !isBuiltinObject(candidate, obj)) {
        candidate = null; // not itself: the next base_N
      }
    } else {
      num = Integer.parseInt(candidate, underscore + 1, candidate.length(), 10);
    }
    if (candidate != null && take(candidate)) {
      count.count = num;
      return new Name(candidate);
    }
    do {
      num++;
    } while (!takeSuffixed(count, num));
    count.count = num;
    return new Name(base, num);
  }

  /** Takes a plain candidate itself if free (0), else its base's next number (returned). */
  private static int takePlain(Base plain) {
    if (!plain.taken.get(0)) {
      plain.taken.set(0);
      return 0;
    }
    int num = plain.count;
    do {
      num++;
    } while (!takeSuffixed(plain, num));
    plain.count = num;
    return num;
  }

  private Base base(String base) {
    Base b = bases.get(base);
    if (b == null) {
      b = new Base();
      bases.put(base, b);
    }
    return b;
  }

  /** The index of the underscore before a numeric suffix ({@code sum_12}), else -1. */
  private static int suffixStart(String s) {
    int underscore = s.lastIndexOf('_');
    if (underscore <= 0 || underscore == s.length() - 1) {
      return -1;
    }
    for (int i = underscore + 1; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return -1;
      }
    }
    return underscore;
  }

  /** The suffix of {@code base_N} as a number, when the text is exactly what N prints as. */
  private static int canonicalSuffix(String s, int underscore) {
    int digits = s.length() - underscore - 1;
    if (digits > 9 || (digits > 1 && s.charAt(underscore + 1) == '0')) {
      return -1;
    }
    return Integer.parseInt(s, underscore + 1, s.length(), 10);
  }

  private boolean isTaken(String name) {
    int underscore = suffixStart(name);
    int n = underscore > 0 ? canonicalSuffix(name, underscore) : 0;
    if (n < 0) {
      return otherNames.contains(name);
    }
    Base b = bases.get(underscore > 0 ? name.substring(0, underscore) : name);
    return b != null && b.taken.get(underscore > 0 ? n + 1 : 0);
  }

  /** Takes {@code name}; false if it was taken already. */
  private boolean take(String name) {
    int underscore = suffixStart(name);
    int n = underscore > 0 ? canonicalSuffix(name, underscore) : 0;
    if (n < 0) {
      return otherNames.add(name);
    }
    if (underscore > 0) {
      return takeSuffixed(base(name.substring(0, underscore)), n);
    }
    Base b = base(name);
    if (b.taken.get(0)) {
      return false;
    }
    b.taken.set(0);
    return true;
  }

  private static boolean takeSuffixed(Base b, int n) {
    if (b.taken.get(n + 1)) {
      return false;
    }
    b.taken.set(n + 1);
    return true;
  }

  private static boolean isIdentifier(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
      if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  /** FX's registered globals may take their own name ({@code torch} is the module itself). */
  private static boolean isBuiltinObject(String candidate, Object obj) {
    return obj instanceof Global g && g.name().equals(candidate);
  }

  /** One of the names FX puts in every generated module's globals. */
  record Global(String name) {}
}
