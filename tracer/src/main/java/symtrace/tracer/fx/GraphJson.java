package symtrace.tracer.fx;

import symtrace.tracer.lang.PyTuple;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import symtrace.symbolic.value.SymInt;
import symtrace.tracer.ops.OpOverload;
import symtrace.tracer.ops.OpRegistry;
import symtrace.tracer.tensor.DType;
import symtrace.tracer.tensor.Device;
import symtrace.tracer.tensor.Layout;
import symtrace.tracer.tensor.MemoryFormat;
import symtrace.tracer.tensor.Tensor;

/**
 * A graph module as JSON, and back. The document holds the class name, the nodes in order and
 * the attribute tensors:
 *
 * <pre>{@code
 * {"class_name": "f",
 *  "nodes": [
 *    {"name": "x_1", "op": "placeholder", "target": "x_1", "args": [], "kwargs": {},
 *     "val": "f32[s75, 4]"},
 *    {"name": "sym_size_int", "op": "call_function", "target": "aten.sym_size.int",
 *     "args": [{"node": "x_1"}, {"int": 0}], "kwargs": {}, "val": "Sym(s75)"},
 *    {"name": "output", "op": "output", "target": "output",
 *     "args": [{"tuple": [{"node": "sym_size_int"}]}], "kwargs": {}}],
 *  "attributes": {"_tensor_constant0": {"dtype": "float32", "sizes": [2], "values": [1.0, 0.5]}}}
 * }</pre>
 *
 * <p>An argument is {@code null} (None) or a one-key object naming its type: {@code node},
 * {@code int}, {@code float} (a number, or {@code "inf"}, {@code "-inf"}, {@code "nan"}),
 * {@code bool}, {@code str}, {@code dtype}, {@code device}, {@code layout}, {@code
 * memory_format}, {@code op} (a qualified operator name), {@code list} or {@code tuple}. A
 * node's {@code val} is its printed type ({@link ValueType}), a list of those for a
 * multi-output operator, or a typed number; its {@code stack_trace} is kept too. Symbolic
 * values are known only by their printed types, so a graph read back prints and runs as the
 * original but does not trace further.
 */
public final class GraphJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private GraphJson() {}

  /**
   * The module as JSON text.
   *
   * @throws IllegalArgumentException for an argument with no JSON form (a symbolic scalar or a
   *     tensor constant inside the arguments)
   */
  public static String write(GraphModule module) {
    ObjectNode root = JSON.objectNode();
    root.put("class_name", module.className());
    ArrayNode nodes = root.putArray("nodes");
    for (Node n : module.graph()) {
      ObjectNode o = nodes.addObject();
      o.put("name", n.name());
      o.put("op", n.kind().fxName());
      o.put("target", n.isCall() ? n.op().qualifiedName() : (String) n.target());
      ArrayNode args = o.putArray("args");
      n.args().forEach(a -> args.add(value(a)));
      ObjectNode kwargs = o.putObject("kwargs");
      n.kwargs().forEach((k, v) -> kwargs.set(k, value(v)));
      if (n.meta().containsKey("val")) {
        o.set("val", val(n.val()));
      }
      if (n.meta().get("stack_trace") instanceof String trace) {
        o.put("stack_trace", trace);
      }
    }
    ObjectNode attributes = root.putObject("attributes");
    module.attributes().forEach((name, t) -> attributes.set(name, tensor(t)));
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  /**
   * Reads a module written by {@link #write}.
   *
   * @param registry where the operators are looked up by qualified name
   * @throws IllegalArgumentException for malformed JSON, an unknown node reference, or node
   *     names that are not unique identifiers
   * @throws symtrace.tracer.ops.UnknownOperatorException for an operator the registry lacks
   */
  public static GraphModule read(String text, OpRegistry registry) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    Graph graph = new Graph();
    Map<String, Node> byName = new HashMap<>();
    for (JsonNode o : field(root, "nodes")) {
      String name = field(o, "name").asText();
      Node.Kind kind = Node.Kind.fromFxName(field(o, "op").asText());
      String target = field(o, "target").asText();
      List<Object> args = new ArrayList<>();
      for (JsonNode a : field(o, "args")) {
        args.add(value(a, byName, registry));
      }
      Map<String, Object> kwargs = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = field(o, "kwargs").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        kwargs.put(e.getKey(), value(e.getValue(), byName, registry));
      }
      Object t = kind == Node.Kind.CALL_FUNCTION ? registry.get(target) : target;
      Node n = graph.createNode(kind, t, args, kwargs, name);
      if (!n.name().equals(name)) {
        throw new IllegalArgumentException("node name '" + name + "' is taken or not an"
            + " identifier (it would be '" + n.name() + "')");
      }
      byName.put(name, n);
      if (o.has("val")) {
        n.meta().put("val", val(o.get("val")));
      }
      if (o.has("stack_trace")) {
        n.meta().put("stack_trace", o.get("stack_trace").asText());
      }
    }
    Map<String, Tensor> attributes = new LinkedHashMap<>();
    JsonNode attrs = root.path("attributes");
    for (Iterator<Map.Entry<String, JsonNode>> it = attrs.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      attributes.put(e.getKey(), tensor(e.getValue()));
    }
    return new GraphModule(graph, attributes, field(root, "class_name").asText());
  }

  // ---------------------------------------------------------------------------------------
  // Arguments

  private static JsonNode value(Object v) {
    if (v == null) {
      return JSON.nullNode();
    }
    ObjectNode o = JSON.objectNode();
    if (v instanceof Node n) {
      o.put("node", n.name());
    } else if (v instanceof PyTuple || v instanceof List<?>) {
      ArrayNode items = o.putArray(v instanceof PyTuple ? "tuple" : "list");
      ((List<?>) v).forEach(item -> items.add(value(item)));
    } else if (v instanceof Boolean b) {
      o.put("bool", b);
    } else if (v instanceof Long || v instanceof Integer) {
      o.put("int", ((Number) v).longValue());
    } else if (v instanceof SymInt s && s.node() == null) {
      o.put("int", s.constantValue());
    } else if (v instanceof Double d) {
      o.set("float", floatNode(d));
    } else if (v instanceof String s) {
      o.put("str", s);
    } else if (v instanceof DType d) {
      o.put("dtype", d.pytorchName());
    } else if (v instanceof Device d) {
      o.put("device", d.toString());
    } else if (v instanceof Layout l) {
      o.put("layout", l.pytorchName());
    } else if (v instanceof MemoryFormat f) {
      o.put("memory_format", PyRepr.memoryFormatName(f));
    } else if (v instanceof OpOverload op) {
      o.put("op", op.qualifiedName());
    } else {
      throw new IllegalArgumentException("no JSON form for the argument "
          + v.getClass().getSimpleName() + " " + v);
    }
    return o;
  }

  private static Object value(JsonNode j, Map<String, Node> byName, OpRegistry registry) {
    if (j.isNull()) {
      return null;
    }
    if (!j.isObject() || j.size() != 1) {
      throw new IllegalArgumentException("an argument is null or a one-key object: " + j);
    }
    Map.Entry<String, JsonNode> e = j.fields().next();
    JsonNode x = e.getValue();
    return switch (e.getKey()) {
      case "node" -> {
        Node n = byName.get(x.asText());
        if (n == null) {
          throw new IllegalArgumentException("reference to undefined node '" + x.asText() + "'");
        }
        yield n;
      }
      case "list", "tuple" -> {
        List<Object> items = new ArrayList<>();
        x.forEach(item -> items.add(value(item, byName, registry)));
        yield e.getKey().equals("tuple") ? PyTuple.copyOf(items) : items;
      }
      case "bool" -> x.asBoolean();
      case "int" -> x.asLong();
      case "float" -> floatValue(x);
      case "str" -> x.asText();
      case "dtype" -> DType.fromPytorchName(x.asText());
      case "device" -> Device.parse(x.asText());
      case "layout" -> Layout.fromPytorchName(x.asText());
      case "memory_format" -> memoryFormat(x.asText());
      case "op" -> registry.get(x.asText());
      default -> throw new IllegalArgumentException("unknown argument type '" + e.getKey() + "'");
    };
  }

  private static MemoryFormat memoryFormat(String name) {
    for (MemoryFormat f : MemoryFormat.values()) {
      if (PyRepr.memoryFormatName(f).equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown memory format '" + name + "'");
  }

  // ---------------------------------------------------------------------------------------
  // Values

  private static JsonNode val(Object v) {
    ValueType type = ValueType.of(v);
    if (type != null) {
      return JSON.textNode(type.annotation());
    }
    if (v instanceof List<?> l) {
      ArrayNode items = JSON.arrayNode();
      l.forEach(item -> items.add(val(item)));
      return items;
    }
    if (v == null || v instanceof Boolean || v instanceof Long || v instanceof Integer
        || v instanceof Double || v instanceof SymInt) {
      return value(v);
    }
    throw new IllegalArgumentException("no JSON form for the value "
        + v.getClass().getSimpleName() + " " + v);
  }

  private static Object val(JsonNode j) {
    if (j.isTextual()) {
      return new ValueType(j.asText());
    }
    if (j.isArray()) {
      List<Object> items = new ArrayList<>();
      j.forEach(item -> items.add(val(item)));
      return items;
    }
    return value(j, Map.of(), null);
  }

  private static JsonNode floatNode(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return JSON.textNode(PyRepr.ofFloat(d));
    }
    return JSON.numberNode(d);
  }

  private static double floatValue(JsonNode x) {
    if (x.isTextual()) {
      return switch (x.asText()) {
        case "inf" -> Double.POSITIVE_INFINITY;
        case "-inf" -> Double.NEGATIVE_INFINITY;
        case "nan" -> Double.NaN;
        default -> throw new IllegalArgumentException("not a float: " + x);
      };
    }
    return x.asDouble();
  }

  // ---------------------------------------------------------------------------------------
  // Attributes

  private static JsonNode tensor(Tensor t) {
    ObjectNode o = JSON.objectNode();
    o.put("dtype", t.dtype().pytorchName());
    ArrayNode sizes = o.putArray("sizes");
    for (long s : t.sizes()) {
      sizes.add(s);
    }
    ArrayNode values = o.putArray("values");
    if (t.dtype().isFloatingPoint()) {
      for (double d : t.toDoubleArray()) {
        values.add(floatNode(d));
      }
    } else if (t.dtype().isBool()) {
      for (boolean b : t.toBoolArray()) {
        values.add(b);
      }
    } else {
      for (long l : t.toLongArray()) {
        values.add(l);
      }
    }
    return o;
  }

  private static Tensor tensor(JsonNode o) {
    DType dtype = DType.fromPytorchName(field(o, "dtype").asText());
    JsonNode sizesJson = field(o, "sizes");
    long[] sizes = new long[sizesJson.size()];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = sizesJson.get(i).asLong();
    }
    JsonNode values = field(o, "values");
    int n = values.size();
    if (dtype.isFloatingPoint()) {
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        d[i] = floatValue(values.get(i));
      }
      return Tensor.ofDoubles(dtype, sizes, d);
    }
    if (dtype.isBool()) {
      boolean[] b = new boolean[n];
      for (int i = 0; i < n; i++) {
        b[i] = values.get(i).asBoolean();
      }
      return Tensor.ofBools(dtype, sizes, b);
    }
    long[] l = new long[n];
    for (int i = 0; i < n; i++) {
      l[i] = values.get(i).asLong();
    }
    return Tensor.ofLongs(dtype, sizes, l);
  }

  private static JsonNode field(JsonNode o, String name) {
    JsonNode v = o.get(name);
    if (v == null) {
      throw new IllegalArgumentException("missing field '" + name + "' in " + o);
    }
    return v;
  }
}
