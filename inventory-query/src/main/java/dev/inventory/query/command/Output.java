package dev.inventory.query.command;

import dev.inventory.Edge;
import dev.inventory.Inventory;
import dev.inventory.Resource;
import dev.inventory.query.SearchResult;
import dev.inventory.query.ast.Path;
import dev.inventory.query.ast.Template;
import dev.inventory.query.internal.eval.Render;
import dev.inventory.state.StateStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The renderings of {@code dump}, {@code format} and the edges of {@code search --with-edges}. */
final class Output {
  private static final List<String> PLACES = List.of("cloud", "account", "region");

  private Output() {}

  /**
   * A node as Fix Inventory's JSON document: {@code id}, {@code type}, {@code reported} (every
   * property the node has), {@code desired} and {@code metadata} (from the state store), and
   * {@code ancestors} with the {@code cloud}, {@code account} and {@code region} it belongs to.
   */
  static String dump(Inventory inventory, StateStore state, SearchResult result, Resource node) {
    Map<String, Object> reported = new LinkedHashMap<>();
    Set<String> names = new LinkedHashSet<>(List.of("id", "kind", "name"));
    names.addAll(inventory.kinds().properties(node.kind()).keySet());
    names.addAll(node.additionalProperties().keySet());
    for (String name : names) {
      Object v = value(result.values(Path.reported(name), node));
      if (v != null) {
        reported.put(name, v);
      }
    }
    Map<String, Object> ancestors = new LinkedHashMap<>();
    for (String kind : PLACES) {
      Map<String, Object> place = new LinkedHashMap<>();
      for (String property : List.of("id", "name")) {
        Object v = value(result.values(Path.ancestor(kind, "reported", property), node));
        if (v != null) {
          place.put(property, v);
        }
      }
      if (!place.isEmpty()) {
        ancestors.put(kind, Map.of("reported", place));
      }
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("id", node.id());
    doc.put("type", "node");
    doc.put("reported", reported);
    doc.put("desired", state.get(node.id()).desired());
    doc.put("metadata", state.get(node.id()).metadata());
    if (!ancestors.isEmpty()) {
      doc.put("ancestors", ancestors);
    }
    return Render.json(doc);
  }

  /** An edge as Fix Inventory's JSON document: {@code type}, {@code from}, {@code to}, {@code edge_type}. */
  static String dump(Edge edge) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("type", "edge");
    doc.put("from", edge.from());
    doc.put("to", edge.to());
    doc.put("edge_type", edge.type().label());
    return Render.json(doc);
  }

  /** An edge as {@code list} prints it: {@code from -type-> to}. */
  static String line(Edge edge) {
    return edge.from() + " -" + edge.type().label() + "-> " + edge.to();
  }

  /** {@code format}: each placeholder replaced by its value as {@code list} prints it, {@code null} without one. */
  static String format(Template template, SearchResult result, Resource node) {
    StringBuilder out = new StringBuilder();
    for (Template.Piece p : template.pieces()) {
      if (p instanceof Template.Text t) {
        out.append(t.text());
      } else if (p instanceof Template.Value v) {
        List<Object> values = result.values(v.path(), node);
        out.append(values.isEmpty() ? "null" : Rendering.text(values));
      }
    }
    return out.toString();
  }

  /** The edges of the snapshot whose two ends are both among {@code nodes}, in snapshot order. */
  static List<Edge> edgesBetween(Inventory inventory, List<Resource> nodes) {
    Set<String> ids = new HashSet<>();
    nodes.forEach(n -> ids.add(n.id()));
    List<Edge> out = new ArrayList<>();
    for (Edge e : inventory.edges()) {
      if (ids.contains(e.from()) && ids.contains(e.to())) {
        out.add(e);
      }
    }
    return out;
  }

  private static Object value(List<Object> values) {
    return values.isEmpty() ? null : values.size() == 1 ? values.get(0) : values;
  }
}
