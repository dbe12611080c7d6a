package symtrace.tracer.ops.linalg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import symtrace.tracer.tensor.TensorError;

/**
 * An einsum equation parsed as ATen's {@code einsum} parses it: each operand's labels (letters
 * as subscripts {@code 0..51}, uppercase first, and {@link #ELLIPSIS}), how many dims the
 * ellipsis covers, and where each label goes in the aligned shape: output labels first (in
 * output order, or for an implicit output the ellipsis then the labels seen once, in subscript
 * order), then the ellipsis if it is not in the output, then the contracted labels in subscript
 * order. Immutable after construction.
 */
final class EinsumEquation {
  static final int LETTERS = 26;
  static final int TOTAL_LABELS = 2 * LETTERS;
  static final int ELLIPSIS = TOTAL_LABELS;

  final List<List<Integer>> operandLabels;
  final int ellipsisDims;
  /** Per subscript: its index in the aligned shape, or -1. */
  final int[] permIndex;
  /** Where the ellipsis dims start in the aligned shape. */
  final int ellipsisIndex;
  /** Dims of the output; the aligned shape's further dims are contracted. */
  final int outDims;
  /** All dims of the aligned shape. */
  final int alignedDims;

  private EinsumEquation(List<List<Integer>> operandLabels, int ellipsisDims, int[] permIndex,
      int ellipsisIndex, int outDims, int alignedDims) {
    this.operandLabels = operandLabels;
    this.ellipsisDims = ellipsisDims;
    this.permIndex = permIndex;
    this.ellipsisIndex = ellipsisIndex;
    this.outDims = outDims;
    this.alignedDims = alignedDims;
  }

  static int subscript(char label) {
    return Character.isUpperCase(label) ? label - 'A' : label - 'a' + LETTERS;
  }

  static char label(int subscript) {
    return (char) (subscript < LETTERS ? subscript + 'A' : subscript + 'a' - LETTERS);
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /**
   * Parses {@code equation} for operands of the given dims.
   *
   * @throws TensorError with ATen's {@code einsum(): ...} texts
   */
  static EinsumEquation parse(String equation, int[] operandDims) {
    int numOps = operandDims.length;
    int arrow = equation.indexOf("->");
    String lhs = arrow < 0 ? equation : equation.substring(0, arrow);
    List<List<Integer>> labels = new ArrayList<>();
    for (int i = 0; i < numOps; i++) {
      labels.add(new ArrayList<>());
    }
    boolean ellipsisInInput = false;
    int current = 0;
    for (int i = 0; i < lhs.length(); i++) {
      char c = lhs.charAt(i);
      if (c == ' ') {
        continue;
      }
      if (c == '.') {
        check(!ellipsisInInput, "einsum(): found '.' for operand " + current
            + " for which an ellipsis was already found");
        check(i + 2 < lhs.length() && lhs.charAt(++i) == '.' && lhs.charAt(++i) == '.',
            "einsum(): found '.' for operand " + current + " that is not part of any ellipsis");
        labels.get(current).add(ELLIPSIS);
        ellipsisInInput = true;
      } else if (c == ',') {
        current++;
        check(current < numOps,
            "einsum(): fewer operands were provided than specified in the equation");
        ellipsisInInput = false;
      } else {
        check(isLetter(c), "einsum(): invalid subscript given at index " + i
            + " in the equation string, subscripts must be in [a-zA-Z]");
        labels.get(current).add(subscript(c));
      }
    }
    check(current == numOps - 1,
        "einsum(): more operands were provided than specified in the equation");

    int[] labelCount = new int[TOTAL_LABELS];
    int ellipsisDims = 0;
    for (int i = 0; i < numOps; i++) {
      int nlabels = labels.get(i).size();
      boolean hasEllipsis = false;
      for (int label : labels.get(i)) {
        if (label == ELLIPSIS) {
          nlabels--;
          hasEllipsis = true;
          ellipsisDims = Math.max(ellipsisDims, operandDims[i] - nlabels);
        } else {
          labelCount[label]++;
        }
      }
      check(hasEllipsis ? nlabels <= operandDims[i] : nlabels == operandDims[i],
          "einsum(): the number of subscripts in the equation (" + nlabels
              + (hasEllipsis ? ") is more than the number of dimensions ("
                  : ") does not match the number of dimensions (")
              + operandDims[i] + ") for operand " + i
              + (hasEllipsis ? "" : " and no ellipsis was given"));
    }

    int[] permIndex = new int[TOTAL_LABELS];
    Arrays.fill(permIndex, -1);
    int next = 0;
    int ellipsisIndex = 0;
    boolean ellipsisInOutput = false;
    if (arrow < 0) {
      next = ellipsisDims;
      ellipsisInOutput = true;
      for (int label = 0; label < TOTAL_LABELS; label++) {
        if (labelCount[label] == 1) {
          permIndex[label] = next++;
        }
      }
    } else {
      String rhs = equation.substring(arrow + 2);
      for (int i = 0; i < rhs.length(); i++) {
        char c = rhs.charAt(i);
        if (c == ' ') {
          continue;
        }
        if (c == '.') {
          check(!ellipsisInOutput,
              "einsum(): found '.' for output but an ellipsis (...) was already found");
          check(i + 2 < rhs.length() && rhs.charAt(++i) == '.' && rhs.charAt(++i) == '.',
              "einsum(): found '.' for output that is not part of any ellipsis (...)");
          ellipsisIndex = next;
          next += ellipsisDims;
          ellipsisInOutput = true;
        } else {
          check(isLetter(c), "einsum(): invalid subscript given at index "
              + (lhs.length() + 2 + i)
              + " in the equation string, subscripts must be in [a-zA-Z]");
          int s = subscript(c);
          check(labelCount[s] > 0 && permIndex[s] == -1, "einsum(): output subscript " + c
              + (permIndex[s] > -1 ? " appears more than once in the output"
                  : " does not appear in the equation for any input operand"));
          permIndex[s] = next++;
        }
      }
    }
    int outDims = next;
    if (!ellipsisInOutput) {
      ellipsisIndex = next;
      next += ellipsisDims;
    }
    for (int label = 0; label < TOTAL_LABELS; label++) {
      if (labelCount[label] > 0 && permIndex[label] == -1) {
        permIndex[label] = next++;
      }
    }
    return new EinsumEquation(labels, ellipsisDims, permIndex, ellipsisIndex, outDims, next);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw TensorError.runtime(message);
    }
  }
}
