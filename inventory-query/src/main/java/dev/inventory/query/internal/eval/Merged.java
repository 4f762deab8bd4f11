package dev.inventory.query.internal.eval;

import dev.inventory.query.ast.Path;
import dev.inventory.query.ast.Section;
import dev.inventory.query.ast.Segment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The values a query's merge blocks found, per node: under each merge name a found node (or the
 * list of them), readable by paths that start with the name, as in {@code
 * instance_type.reported.instance_cores}. A found node reads as a node document: {@code id},
 * {@code kind}, and its {@code reported}, {@code desired} and {@code metadata} sections.
 */
public final class Merged {
  /** No merged values. */
  public static final Merged NONE = new Merged();

  private final Map<Integer, Map<String, Object>> byNode = new HashMap<>();
  private final Set<String> firstNames = new HashSet<>();

  /** A found node, in a merged value. */
  record NodeRef(int index, String id) {
    List<Object> read(Run run, List<Segment> rest) {
      if (rest.isEmpty()) {
        return List.of(this);
      }
      Segment head = rest.get(0);
      String name = head.name();
      if (rest.size() == 1 && head.index().isEmpty() && (name.equals("id") || name.equals("kind"))) {
        return List.of(name.equals("id") ? id : run.node(index).kind());
      }
      Optional<Section> section = Section.fromKeyword(name).filter(s -> !s.takesKind());
      if (section.isEmpty() || rest.size() == 1 || head.index().isPresent()) {
        return List.of();
      }
      Path path = new Path(section.get(), Optional.empty(), rest.subList(1, rest.size()));
      return new PathReader(path).values(run, index);
    }

    @Override
    public String toString() {
      return id; // what a command shows for the bare merge name
    }
  }

  Merged() {}

  boolean isEmpty() {
    return byNode.isEmpty();
  }

  /** Whether a path starting with {@code name} may read a merged value. */
  boolean names(String name) {
    return firstNames.contains(name);
  }

  /** The merged value under the top-level name {@code name} for {@code node}, or null. */
  Object get(int node, String name) {
    Map<String, Object> tree = byNode.get(node);
    return tree == null ? null : tree.get(name);
  }

  @SuppressWarnings("unchecked") // the tree holds only maps this method made, besides found nodes
  void put(int node, List<String> names, Object value) {
    firstNames.add(names.get(0));
    Map<String, Object> tree = byNode.computeIfAbsent(node, n -> new LinkedHashMap<>());
    for (int i = 0; i < names.size() - 1; i++) {
      Object inner = tree.get(names.get(i));
      if (!(inner instanceof Map<?, ?>)) {
        inner = new LinkedHashMap<String, Object>();
        tree.put(names.get(i), inner);
      }
      tree = (Map<String, Object>) inner;
    }
    tree.put(names.get(names.size() - 1), value instanceof List<?> l ? List.copyOf(new ArrayList<>(l)) : value);
  }
}
