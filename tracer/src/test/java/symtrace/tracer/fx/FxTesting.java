package symtrace.tracer.fx;

import symtrace.tracer.lang.ConformanceFiles;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import symtrace.tracer.ops.OpOverload;
import symtrace.tracer.ops.OpRegistry;
import symtrace.tracer.ops.Schema;
import symtrace.tracer.ops.Tag;

/**
 * What the graph tests share: a registry of the standard operators plus aten overloads with
 * their real schemas (graphs here are built by hand, so those never run), a graph builder, and
 * the conformance files' recorded {@code gm.code} and {@code print_readable} texts.
 */
final class FxTesting {
  /** aten overloads the conformance graphs use, as {@code native_functions.yaml} writes them. */
  private static final List<String> ATEN_SCHEMAS = List.of(
      "view(Tensor(a) self, SymInt[] size) -> Tensor(a)",
      "t(Tensor(a) self) -> Tensor(a)",
      "addmm(Tensor self, Tensor mat1, Tensor mat2, *, Scalar beta=1, Scalar alpha=1) -> Tensor",
      "mm(Tensor self, Tensor mat2) -> Tensor",
      "_unsafe_view(Tensor self, SymInt[] size) -> Tensor",
      "add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor",
      "sub.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor",
      "mul.Tensor(Tensor self, Tensor other) -> Tensor",
      "zeros(SymInt[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None,"
          + " bool? pin_memory=None) -> Tensor",
      "ones(SymInt[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None,"
          + " bool? pin_memory=None) -> Tensor",
      "arange(Scalar end, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None,"
          + " bool? pin_memory=None) -> Tensor",
      "full(SymInt[] size, Scalar fill_value, *, ScalarType? dtype=None, Layout? layout=None,"
          + " Device? device=None, bool? pin_memory=None) -> Tensor",
      "native_layer_norm(Tensor input, SymInt[] normalized_shape, Tensor? weight, Tensor? bias,"
          + " float eps) -> (Tensor, Tensor, Tensor)",
      "clone(Tensor self, *, MemoryFormat? memory_format=None) -> Tensor",
      "gelu(Tensor self, *, str approximate='none') -> Tensor",
      "split.Tensor(Tensor(a -> *) self, SymInt split_size, int dim=0) -> Tensor(a)[]",
      "split_with_sizes(Tensor(a -> *) self, SymInt[] split_sizes, int dim=0) -> Tensor(a)[]",
      "unbind.int(Tensor(a -> *) self, int dim=0) -> Tensor(a)[]",
      "sum(Tensor self, *, ScalarType? dtype=None) -> Tensor",
      "mean(Tensor self, *, ScalarType? dtype=None) -> Tensor",
      "lift_fresh_copy(Tensor self) -> Tensor",
      "select.int(Tensor(a) self, int dim, SymInt index) -> Tensor(a)",
      "_to_copy(Tensor self, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None,"
          + " bool? pin_memory=None, bool non_blocking=False, MemoryFormat? memory_format=None)"
          + " -> Tensor",
      "copy_(Tensor(a!) self, Tensor src, bool non_blocking=False) -> Tensor(a!)",
      "_assert_async(Tensor self) -> ()",
      "_assert_scalar(Scalar self, str assert_msg) -> ()");

  static final OpRegistry OPS = OpRegistry.build(List.of(FxTesting::standard, FxTesting::aten));

  private FxTesting() {}

  private static void standard(OpRegistry.Builder r) {
    for (OpOverload op : OpRegistry.standard().all()) {
      OpRegistry.OpBuilder b = r.op(op.namespace(), op.schema().toString())
          .tags(op.tags().toArray(new Tag[0])).infix(op.infix());
      if (op.isComposite()) {
        b.decomposition(op.decomposition());
      } else {
        b.meta(op.meta()).kernel(op.kernel());
      }
      b.register();
    }
  }

  private static void aten(OpRegistry.Builder r) {
    for (String schema : ATEN_SCHEMAS) {
      Schema parsed = Schema.parse(schema);
      if (OpRegistry.standard().find("aten." + parsed.name() + "." + parsed.overload()) != null) {
        continue; // the real operator is registered already
      }
      r.op(schema)
          .meta((args, ctx) -> {
            throw new IllegalStateException(args.op() + " only appears in hand-built graphs");
          })
          .kernel(args -> {
            throw new IllegalStateException(args.op() + " only appears in hand-built graphs");
          })
          .register();
    }
    if (OpRegistry.standard().find("aten.randn.default") != null) {
      return;
    }
    r.op("randn(SymInt[] size, *, ScalarType? dtype=None, Layout? layout=None,"
            + " Device? device=None, bool? pin_memory=None) -> Tensor")
        .tags(Tag.NONDETERMINISTIC_SEEDED)
        .meta((args, ctx) -> {
          throw new IllegalStateException("randn only appears in hand-built graphs");
        })
        .kernel(args -> {
          throw new IllegalStateException("randn only appears in hand-built graphs");
        })
        .register();
  }

  /** Builds a graph node by node with the test registry. */
  static final class Builder {
    final Graph graph = new Graph();

    Node input(String name) {
      return graph.placeholder(name);
    }

    /** A call with positional arguments, named {@code name} (the hint FX would derive). */
    Node call(String op, String name, Object... args) {
      return graph.callFunction(OPS.get(op), Arrays.asList(args), Map.of(), name);
    }

    Node callKw(String op, String name, List<Object> args, Map<String, Object> kwargs) {
      return graph.callFunction(OPS.get(op), args, kwargs, name);
    }

    GraphModule module(Object result) {
      graph.output(result);
      return new GraphModule(graph, Map.of(), "f");
    }
  }

  /** A field of {@code pt2.modes.symbolic} in a conformance program's expected JSON. */
  static String recorded(String program, String field) {
    return ConformanceFiles.expected(program).path("pt2").path("modes").path("symbolic")
        .path(field).asText();
  }
}
