package symtrace.tracer.ops.linalg;

import java.util.List;
import symtrace.symbolic.env.Provenance;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.TensorError;
import symtrace.tracer.tensor.TensorValue;
import symtrace.tracer.tensor.ViewRules;

/**
 * The shape and dtype checks of the matrix products, each returning the output sizes; written
 * once over SymInts for meta rules (recording guards) and kernels. Error texts are ATen's.
 */
public final class MatrixShapes {
  private MatrixShapes() {}

  /** c10's {@code TypeMeta} name of a dtype, as some errors print it: {@code float}, {@code long int}. */
  public static String typeMetaName(DType dtype) {
    return switch (dtype) {
      case FLOAT32 -> "float";
      case FLOAT64 -> "double";
      case INT64 -> "long int";
      case INT32 -> "int";
      case BOOL -> "bool";
    };
  }

  private static void sameDtype(TensorValue m1, TensorValue m2) {
    if (m1.dtype() != m2.dtype()) {
      throw TensorError.runtime("expected m1 and m2 to have the same dtype, but got: "
          + typeMetaName(m1.dtype()) + " != " + typeMetaName(m2.dtype()));
    }
  }

  private static void multipliable(TensorValue m1, TensorValue m2, Provenance why) {
    List<SymInt> a = m1.symSizes();
    List<SymInt> b = m2.symSizes();
    if (!a.get(1).eq(b.get(0)).expectTrue(why)) {
      throw TensorError.runtime("mat1 and mat2 shapes cannot be multiplied (" + a.get(0) + "x"
          + a.get(1) + " and " + b.get(0) + "x" + b.get(1) + ")");
    }
  }

  /** {@code mm(self, mat2)}: {@code [n, m] @ [m, p] -> [n, p]}. */
  public static List<SymInt> mm(TensorValue self, TensorValue mat2, Provenance why) {
    if (self.dim() != 2) {
      throw TensorError.runtime("self must be a matrix");
    }
    if (mat2.dim() != 2) {
      throw TensorError.runtime("mat2 must be a matrix");
    }
    multipliable(self, mat2, why);
    sameDtype(self, mat2);
    return List.of(self.symSize(0), mat2.symSize(1));
  }

  /** {@code bmm(self, mat2)}: {@code [b, n, m] @ [b, m, p] -> [b, n, p]}. */
  public static List<SymInt> bmm(TensorValue self, TensorValue mat2, Provenance why) {
    if (self.dim() != 3) {
      throw TensorError.runtime("batch1 must be a 3D tensor");
    }
    if (mat2.dim() != 3) {
      throw TensorError.runtime("batch2 must be a 3D tensor");
    }
    SymInt bs = self.symSize(0);
    SymInt contraction = self.symSize(2);
    // Python's `and`: the first comparison is a bool, the second is torch._check'ed
    boolean ok = mat2.symSize(0).eq(bs).guardBool(why)
        && mat2.symSize(1).eq(contraction).expectTrue(why);
    if (!ok) {
      throw TensorError.runtime("Expected size for first two dimensions of batch2 tensor to be: ["
          + bs + ", " + contraction + "] but got: [" + mat2.symSize(0) + ", " + mat2.symSize(1)
          + "].");
    }
    sameDtype(self, mat2);
    return List.of(bs, self.symSize(1), mat2.symSize(2));
  }

  /**
   * {@code addmm(self, mat1, mat2)}: {@code mat1 @ mat2}, with {@code self} broadcast to its
   * shape.
   */
  public static List<SymInt> addmm(TensorValue self, TensorValue mat1, TensorValue mat2,
      Provenance why) {
    if (self.dtype() != mat2.dtype()) {
      throw TensorError.runtime("self and mat2 must have the same dtype, but got "
          + self.dtype().scalarTypeName() + " and " + mat2.dtype().scalarTypeName());
    }
    if (mat1.dtype() != mat2.dtype()) {
      throw TensorError.runtime("mat1 and mat2 must have the same dtype, but got "
          + mat1.dtype().scalarTypeName() + " and " + mat2.dtype().scalarTypeName());
    }
    if (mat1.dim() != 2) {
      throw TensorError.runtime("mat1 must be a matrix, got " + mat1.dim() + "-D tensor");
    }
    if (mat2.dim() != 2) {
      throw TensorError.runtime("mat2 must be a matrix, got " + mat2.dim() + "-D tensor");
    }
    multipliable(mat1, mat2, why);
    List<SymInt> out = List.of(mat1.symSize(0), mat2.symSize(1));
    // expand_size(self, out): the error is expand's
    ViewRules.of(why).expand(self.geometry(), out, self.dtype());
    return out;
  }

  /** {@code dot(self, other)}: two vectors of one length and dtype give a scalar. */
  public static List<SymInt> dot(TensorValue self, TensorValue other, Provenance why) {
    if (self.dim() != 1 || other.dim() != 1) {
      throw TensorError.runtime("1D tensors expected, but got " + self.dim() + "D and "
          + other.dim() + "D tensors");
    }
    if (self.dtype() != other.dtype()) {
      throw TensorError.runtime("dot : expected both vectors to have same dtype, but found "
          + self.dtype().scalarTypeName() + " and " + other.dtype().scalarTypeName());
    }
    SymInt n = self.symNumel();
    SymInt m = other.symNumel();
    if (!n.eq(m).expectTrue(why)) {
      throw TensorError.runtime("inconsistent tensor size, expected tensor [" + n
          + "] and src [" + m + "] to have the same number of elements, but got " + n + " and "
          + m + " elements respectively");
    }
    return List.of();
  }

  /** {@code mv(self, vec)}: {@code [n, m] @ [m] -> [n]}. */
  public static List<SymInt> mv(TensorValue self, TensorValue vec, Provenance why) {
    if (self.dim() != 2 || vec.dim() != 1) {
      throw TensorError.runtime(
          "matrix @ vector expected, got " + self.dim() + ", " + vec.dim());
    }
    if (!self.symSize(1).eq(vec.symSize(0)).expectTrue(why)) {
      throw TensorError.runtime("size mismatch, got input (" + self.symSize(0) + "x"
          + self.symSize(1) + "), vec (" + vec.symSize(0) + ")");
    }
    sameDtype(self, vec);
    return List.of(self.symSize(0));
  }
}
