package symtrace.tracer.run.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import symtrace.symbolic.env.SourceLocation;
import symtrace.tracer.fx.GraphDot;
import symtrace.tracer.fx.GraphModule;
import symtrace.tracer.fx.Node;

/**
 * An FX graph drawn as inline SVG with a layered layout, top to bottom: a node's layer is one
 * more than its deepest input's (placeholders and attributes on top), each layer is ordered by
 * the mean position of its nodes' inputs so that edges mostly run straight down, and each edge
 * is a curve from the bottom of an input to the top of its user. A node made at a program line
 * links to that line of the page's program listing.
 *
 * <p>The machine has no Graphviz, and a page that must open offline cannot load a layout
 * library, so the layout is computed here. It is the simple kind: edges that skip layers may
 * cross boxes, which is readable for the graphs of programs.
 */
final class GraphSvg {
  /** Width of one character of the 11px monospace font the boxes use. */
  private static final double CHAR = 6.7;
  private static final int LINE = 14;
  private static final int PAD = 7;
  private static final int GAP_X = 18;
  private static final int GAP_Y = 38;
  private static final int MARGIN = 10;
  private static final int MAX_CHARS = 46;

  private GraphSvg() {}

  /** One node's box: its text lines, layer, size and place. */
  private static final class Box {
    final Node node;
    final List<String> lines;
    final int layer;
    final double w;
    final double h;
    double x;
    double y;

    Box(Node node, List<String> lines, int layer) {
      this.node = node;
      this.lines = lines;
      this.layer = layer;
      int longest = 0;
      for (String l : lines) {
        longest = Math.max(longest, l.length());
      }
      this.w = Math.ceil(longest * CHAR) + 2 * PAD;
      this.h = lines.size() * LINE + 2 * PAD - 2;
    }

    double centre() {
      return x + w / 2;
    }
  }

  /** The graph as an {@code <svg>} element. */
  static String draw(GraphModule module) {
    List<Node> nodes = module.graph().nodes();
    Map<Node, Box> boxes = new IdentityHashMap<>();
    List<List<Box>> layers = new ArrayList<>();
    for (Node n : nodes) {
      int layer = 0;
      for (Node in : n.inputs()) {
        Box b = boxes.get(in);
        if (b != null) {
          layer = Math.max(layer, b.layer + 1);
        }
      }
      Box box = new Box(n, label(n), layer);
      boxes.put(n, box);
      while (layers.size() <= layer) {
        layers.add(new ArrayList<>());
      }
      layers.get(layer).add(box);
    }
    double y = MARGIN;
    double width = 0;
    for (List<Box> layer : layers) {
      place(layer, boxes, y);
      double tallest = 0;
      for (Box b : layer) {
        tallest = Math.max(tallest, b.h);
      }
      y += tallest + GAP_Y;
    }
    double minX = Double.MAX_VALUE;
    for (Box b : boxes.values()) {
      minX = Math.min(minX, b.x);
    }
    for (Box b : boxes.values()) {
      b.x += MARGIN - minX;
      width = Math.max(width, b.x + b.w + MARGIN);
    }
    double height = y - GAP_Y + MARGIN;
    return svg(nodes, boxes, (int) Math.ceil(width), (int) Math.ceil(height));
  }

  /**
   * Orders a layer by the mean centre of each node's inputs (nodes without inputs keep graph
   * order) and places the boxes left to right, each as near that centre as the previous box
   * allows.
   */
  private static void place(List<Box> layer, Map<Node, Box> boxes, double y) {
    Map<Box, Double> want = new IdentityHashMap<>();
    double fallback = 0;
    for (Box b : layer) {
      double sum = 0;
      int count = 0;
      for (Node in : b.node.inputs()) {
        Box from = boxes.get(in);
        if (from != null && from.layer < b.layer) {
          sum += from.centre();
          count++;
        }
      }
      double centre = count == 0 ? fallback + b.w / 2 : sum / count;
      want.put(b, centre);
      fallback = Math.max(fallback, centre + b.w / 2 + GAP_X);
    }
    layer.sort(Comparator.comparingDouble(want::get));
    double next = -Double.MAX_VALUE;
    for (Box b : layer) {
      b.x = Math.max(want.get(b) - b.w / 2, next);
      b.y = y;
      next = b.x + b.w + GAP_X;
    }
  }

  private static List<String> label(Node n) {
    List<String> lines = new ArrayList<>();
    lines.add(clip(n.name()));
    lines.add(clip(GraphDot.target(n)));
    String type = GraphDot.typeOf(n.val());
    if (type != null) {
      lines.add(clip(type));
    }
    return lines;
  }

  private static String clip(String s) {
    return s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS - 1) + "\u2026";
  }

  private static String svg(List<Node> nodes, Map<Node, Box> boxes, int width, int height) {
    StringBuilder b = new StringBuilder();
    b.append("<svg class=\"graph\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" role=\"img\" aria-label=\"the traced FX graph, ").append(nodes.size())
        .append(" nodes\">\n");
    b.append("<defs><marker id=\"arrow\" viewBox=\"0 0 8 8\" refX=\"8\" refY=\"4\""
        + " markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\""
        + " class=\"arrowhead\"/></marker></defs>\n<g class=\"edges\">\n");
    for (Node n : nodes) {
      Box to = boxes.get(n);
      for (Node in : n.inputs()) {
        Box from = boxes.get(in);
        if (from == null) {
          continue;
        }
        double x1 = from.centre();
        double y1 = from.y + from.h;
        double x2 = to.centre();
        double y2 = to.y;
        double bend = Math.max(12, (y2 - y1) / 2);
        b.append("<path class=\"edge\" data-from=\"").append(Html.escape(in.name()))
            .append("\" data-to=\"").append(Html.escape(n.name())).append("\" d=\"M")
            .append(r(x1)).append(',').append(r(y1)).append(" C").append(r(x1)).append(',')
            .append(r(y1 + bend)).append(' ').append(r(x2)).append(',').append(r(y2 - bend))
            .append(' ').append(r(x2)).append(',').append(r(y2))
            .append("\" marker-end=\"url(#arrow)\"/>\n");
      }
    }
    b.append("</g>\n<g class=\"nodes\">\n");
    for (Node n : nodes) {
      Box box = boxes.get(n);
      SourceLocation where = n.meta().get("location") instanceof SourceLocation l ? l : null;
      if (where != null) {
        b.append("<a href=\"#L").append(where.line()).append("\">");
      }
      b.append("<g class=\"node ").append(kindClass(n)).append("\" data-node=\"")
          .append(Html.escape(n.name())).append('"');
      if (where != null) {
        b.append(" data-line=\"").append(where.line()).append('"');
      }
      b.append("><title>").append(Html.escape(title(n, where))).append("</title>");
      b.append("<rect x=\"").append(r(box.x)).append("\" y=\"").append(r(box.y))
          .append("\" width=\"").append(r(box.w)).append("\" height=\"").append(r(box.h))
          .append("\" rx=\"4\"/>");
      for (int i = 0; i < box.lines.size(); i++) {
        b.append("<text x=\"").append(r(box.x + PAD)).append("\" y=\"")
            .append(r(box.y + PAD + 9 + i * LINE)).append("\" class=\"")
            .append(i == 0 ? "name" : i == 1 ? "target" : "type").append("\">")
            .append(Html.escape(box.lines.get(i))).append("</text>");
      }
      b.append("</g>");
      if (where != null) {
        b.append("</a>");
      }
      b.append('\n');
    }
    return b.append("</g>\n</svg>").toString();
  }

  private static String kindClass(Node n) {
    return switch (n.kind()) {
      case PLACEHOLDER -> "placeholder";
      case OUTPUT -> "output";
      case GET_ATTR -> "attr";
      case CALL_FUNCTION -> GraphDot.typeOf(n.val()) != null
          && GraphDot.typeOf(n.val()).startsWith("Sym(") ? "call sym" : "call";
    };
  }

  private static String title(Node n, SourceLocation where) {
    String type = GraphDot.typeOf(n.val());
    return n.name() + ": " + GraphDot.target(n) + (type == null ? "" : " -> " + type)
        + (where == null ? "" : "\n" + where + "  " + (where.code() == null ? ""
            : where.code().strip()));
  }

  /** A coordinate with one decimal at most. */
  private static String r(double v) {
    long tenths = Math.round(v * 10);
    return tenths % 10 == 0 ? Long.toString(tenths / 10) : Double.toString(tenths / 10.0);
  }
}
