package symtrace.tracer.tensor.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static symtrace.tracer.tensor.Tensors.zip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.DTypes;
import symtrace.tracer.tensor.Operand;
import symtrace.tracer.tensor.Tensor;
import symtrace.tracer.tensor.TypePromotionKind;

/**
 * The data formats against the files PyTorch recorded: every spec parses and prints back, every
 * recorded output matches itself through the serializer's comparison, and programs made only of
 * views (and a few elementwise operations written out here) give PyTorch's recorded outputs on
 * the inputs {@link InputData} builds from the eval specs.
 */
class ConformanceDataTest {
  @Test
  void everySpecParsesAndPrintsBack() {
    int specs = 0;
    for (Path file : ConformanceSuite.expectedFiles()) {
      JsonNode d = ConformanceSuite.read(file);
      List<String> headers = new ArrayList<>();
      headers.add(d.get("trace").asText());
      d.get("eval_specs").forEach(s -> headers.add(s.asText()));
      d.get("evals").forEach(e -> headers.add(e.get("spec").asText()));
      for (String header : headers) {
        Map<String, InputSpec> inputs = InputSpec.parseAssignments(header);
        assertEquals(header, InputSpec.toHeader(inputs), file.toString());
        List<String> params = new ArrayList<>();
        d.get("params").forEach(p -> params.add(p.asText()));
        assertEquals(params, List.copyOf(inputs.keySet()), file + ": " + header);
        specs += inputs.size();
      }
    }
    assertTrue(specs > 500, "specs read: " + specs);
  }

  @Test
  void everyRecordedOutputMatchesItselfAndNotAPerturbation() {
    int outputs = 0;
    int perturbed = 0;
    for (Path file : ConformanceSuite.expectedFiles()) {
      for (JsonNode eval : ConformanceSuite.read(file).get("evals")) {
        JsonNode out = eval.path("eager").path("output");
        if (!eval.path("eager").path("ok").asBoolean()) {
          continue;
        }
        assertEquals(Optional.empty(), OutputComparison.difference(out, out), file.toString());
        JsonNode reparsed = ConformanceSuite.parse(out.toString());
        assertTrue(OutputComparison.matches(out, reparsed), file.toString());
        outputs++;
        JsonNode changed = perturbFirstFloat(out.deepCopy());
        if (changed != null) {
          assertTrue(OutputComparison.difference(out, changed).isPresent(), file.toString());
          perturbed++;
        }
      }
    }
    assertTrue(outputs >= 140, "outputs: " + outputs);
    assertTrue(perturbed >= 100, "perturbed: " + perturbed);
  }

  /** Adds 1 to the first float value of the first float tensor found, or returns null. */
  private static JsonNode perturbFirstFloat(JsonNode node) {
    if ("tensor".equals(node.path("kind").asText())
        && node.path("dtype").asText().startsWith("float")
        && node.path("values").size() > 0 && node.path("values").get(0).isNumber()) {
      com.fasterxml.jackson.databind.node.ArrayNode values =
          (com.fasterxml.jackson.databind.node.ArrayNode) node.get("values");
      values.set(0, DoubleNode.valueOf(values.get(0).asDouble() + 1));
      return node;
    }
    for (JsonNode item : node.path("items")) {
      if (perturbFirstFloat(item) != null) {
        return node;
      }
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------
  // Programs recomputed with the tensor API

  private static void checkProgram(String program, Function<List<Object>, List<Tensor>> run) {
    JsonNode d = ConformanceSuite.expected(program);
    int compared = 0;
    for (JsonNode eval : d.get("evals")) {
      String spec = eval.get("spec").asText();
      List<Object> inputs = InputData.values(InputSpec.parseAssignments(spec).values());
      List<Tensor> results = run.apply(inputs);
      JsonNode expected = eval.get("eager").get("output");
      for (int i = 0; i < results.size(); i++) {
        if (results.get(i) == null) {
          continue;
        }
        JsonNode item = expected.get("items").get(i);
        ObjectNode actual = OutputValues.of(results.get(i));
        assertEquals(Optional.empty(), OutputComparison.difference(item, actual),
            program + " at " + spec + ", item " + i);
        compared++;
      }
    }
    assertTrue(compared > 0);
  }

  private static DType promoted(TypePromotionKind kind, Object a, Object b) {
    return DTypes.promote(kind, operand(a), operand(b)).result();
  }

  private static Operand operand(Object v) {
    if (v instanceof Tensor t) {
      return Operand.of(t);
    }
    return v instanceof Double ? Operand.pyFloat() : Operand.pyInt();
  }

  private static Tensor add(Tensor a, Tensor b) {
    return zip(a, b, promoted(TypePromotionKind.DEFAULT, a, b), Double::sum);
  }

  private static Tensor sumDim0(Tensor t) {
    Tensor acc = Tensor.zeros(t.dtype(), Arrays.copyOfRange(t.sizes(), 1, t.dim()));
    for (long i = 0; i < t.size(0); i++) {
      acc = add(acc, t.select(0, i));
    }
    return acc;
  }

  @Test
  void narrowSelectSlice() {
    checkProgram("narrow_select_slice", in -> {
      Tensor x = (Tensor) in.get(0);
      long n = x.size(0);
      return List.of(
          x.slice(0, 1L, n - 1, 1),
          x.slice(1, null, null, 2),
          x.slice(0, n / 2, null, 1).slice(1, 1L, null, 1),
          x.narrow(0, 2, n - 3),
          x.narrow(1, 1, x.size(1) - 2),
          add(x.select(1, 0), x.select(1, -1)),
          x.select(1, 0).unsqueeze(0), // x[None, ..., 0]
          x.slice(0, -3L, null, 1),
          x.unflatten(0, 2, -1));
    });
  }

  @Test
  void viewReshapeNeg1() {
    checkProgram("view_reshape_neg1", in -> {
      Tensor x = (Tensor) in.get(0);
      Tensor a = x.view(-1, 4);
      Tensor b = x.reshape(x.size(0), -1, 2);
      return List.of(
          zip(a, 2.0, promoted(TypePromotionKind.DEFAULT, a, 2L), (p, q) -> p * q),
          add(b.select(2, 0), b.select(2, 1)), // b.sum(dim=2) over a size-2 dim
          x.reshape(-1),
          a.view(2, -1),
          x.reshape(x.numel() / 4, 4));
    });
  }

  @Test
  void permuteTranspose() {
    checkProgram("permute_transpose", in -> {
      Tensor x = (Tensor) in.get(0);
      Tensor p = x.permute(2, 0, 1);
      Tensor t = x.transpose(0, 2);
      Tensor u = x.transpose(-1, -2).contiguous();
      return List.of(
          add(p, t.transpose(1, 2)),
          u.view(x.size(0), -1),
          p.contiguous().reshape(x.size(2), x.size(0) * x.size(1)));
    });
  }

  @Test
  void expandSqueeze() {
    checkProgram("expand_squeeze", in -> {
      Tensor x = (Tensor) in.get(0);
      Tensor y = (Tensor) in.get(1);
      Tensor e = x.expand(y.size(0), -1, y.size(2), -1);
      Tensor ea = x.expandAs(y);
      Tensor s = x.squeeze(1);
      Tensor s2 = x.squeeze();
      return List.of(
          add(add(e, ea), y),
          add(s.unsqueeze(0), s2.unsqueeze(-1).select(-1, 0)), // .sum(-1) of a size-1 dim
          y.flatten(1, -1),
          y.flatten());
    });
  }

  @Test
  void zeroOneDims() {
    checkProgram("zero_one_dims", in -> {
      Tensor x = (Tensor) in.get(0);
      Tensor y = (Tensor) in.get(1);
      Tensor e = (Tensor) in.get(2);
      List<Tensor> out = new ArrayList<>();
      out.add(add(x, y));
      out.add(null); // torch.cat
      out.add(zip(x.squeeze(0), 2.0, DType.FLOAT32, (p, q) -> p * q));
      out.add(sumDim0(e));
      return out;
    });
  }

  /** Conversions, promotion of Python scalars and zero-dim tensors, and every input formula. */
  @Test
  void dtypeConversions() {
    checkProgram("dtype_conversions", in -> {
      Tensor x = (Tensor) in.get(0);
      Tensor k = (Tensor) in.get(1);
      Tensor m = (Tensor) in.get(2);
      Tensor d = (Tensor) in.get(3);
      Tensor x3 = zip(x, 3.0, promoted(TypePromotionKind.DEFAULT, x, 3L), (p, q) -> p * q);
      double total = Arrays.stream(x.to(DType.FLOAT64).toDoubleArray()).sum()
          + Arrays.stream(k.toLongArray()).sum();
      Tensor kHalf = zip(k, 2.0, promoted(TypePromotionKind.DEFAULT, k, 2L),
          (p, q) -> Math.floorDiv((long) p, (long) q));
      Tensor kMod = zip(k, 3.0, promoted(TypePromotionKind.DEFAULT, k, 3L),
          (p, q) -> Math.floorMod((long) p, (long) q));
      return List.of(
          add(x.to(DType.FLOAT64), d),
          zip(k.to(DType.FLOAT32), x, DType.FLOAT32, (p, q) -> p * q),
          Tensor.scalar(DType.FLOAT64, total),
          add(x3.to(DType.INT32), k),
          add(add(m.to(DType.INT64), m.to(DType.INT32)), k.to(DType.INT32)),
          add(x.to(DType.BOOL).to(DType.FLOAT32), m.to(x.dtype())),
          zip(k, 1.5, promoted(TypePromotionKind.DEFAULT, k, 1.5), Double::sum),
          add(kHalf, kMod),
          zip(k, 2.0, promoted(TypePromotionKind.INT_TO_FLOAT, k, 2L), (p, q) -> p / q),
          zip(k, 0.0, DType.BOOL, (p, q) -> p > q ? 1 : 0).to(DType.FLOAT32));
    });
  }
}
