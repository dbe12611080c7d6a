package symtrace.tracer.fx;

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

  // Sized for a large trace: a symbolic transformer takes thousands of names.
  private final Set<String> used = new HashSet<>(16384);
  /** The last number given to each base, in a cell: one lookup per name. */
  private final Map<String, int[]> baseCount = new HashMap<>(256);
  private final Map<Object, String> objectNames = new IdentityHashMap<>();

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
    int underscore = candidate.lastIndexOf('_');
    boolean suffixed = underscore > 0 && underscore < candidate.length() - 1;
    for (int i = underscore + 1; suffixed && i < candidate.length(); i++) {
      suffixed = candidate.charAt(i) >= '0' && candidate.charAt(i) <= '9';
    }
    String base = suffixed ? candidate.substring(0, underscore) : candidate;
    String suffix = suffixed ? candidate.substring(underscore + 1) : null;
    int[] count = baseCount.computeIfAbsent(base, k -> new int[1]);
    int num;
    if (suffix == null || used.contains(candidate)) {
      // FX looks the count up under the whole candidate, not its base.
      int[] own = candidate.equals(base) ? count : baseCount.get(candidate);
      num = own == null ? 0 : own[0];
      if (ILLEGAL_NAMES.contains(candidate) && !isBuiltinObject(candidate, obj)) {
        num++;
        candidate = base + "_" + num;
      }
    } else {
      num = Integer.parseInt(suffix);
    }
    while (!used.add(candidate)) {
      num++;
      candidate = base + "_" + num;
    }
    count[0] = num;
    if (obj != null) {
      objectNames.put(obj, candidate);
    }
    return candidate;
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
