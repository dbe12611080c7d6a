package symtrace.tracer.tensor;

import java.util.Objects;

/**
 * The outcome of elementwise type promotion ({@code elementwise_dtypes}): the dtype an operator
 * computes in and the dtype of its result, which differ for {@link
 * TypePromotionKind#ALWAYS_BOOL} (a comparison computes in the promoted dtype and returns
 * {@code bool}).
 */
public record Promotion(DType computation, DType result) {
  public Promotion {
    Objects.requireNonNull(computation, "computation");
    Objects.requireNonNull(result, "result");
  }
}
