package dev.inventory.query.command;

import dev.inventory.Resource;
import dev.inventory.query.SearchResult;
import dev.inventory.query.ast.Path;
import dev.inventory.query.ast.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code count [path]}: one group per distinct value with the number of nodes that have it, sorted
 * by count ascending, then by value; {@code total matched} are the nodes with a value, {@code total
 * unmatched} those without (unlike Fix Inventory, the words mean what they say). A node
 * with several values (a path through {@code [*]}) counts once in each of its groups.
 */
final class Counting {
  private Counting() {}

  static CommandResult.Counted count(Query query, SearchResult result, List<Resource> nodes, Optional<Path> path) {
    if (path.isEmpty()) {
      String text = "total matched: " + nodes.size() + "\ntotal unmatched: 0";
      return new CommandResult.Counted(query, path, List.of(), nodes.size(), 0, text);
    }
    Map<String, Integer> counts = new HashMap<>();
    int matched = 0;
    if (nodes == result.nodes()) {
      // All of the result (the usual case): counted per distinct list of values in one pass.
      for (Map.Entry<List<Object>, Integer> e : result.valueCounts(path.get()).entrySet()) {
        matched += e.getValue();
        add(counts, e.getKey(), e.getValue());
      }
    } else {
      // A tail or limit of it, node by node.
      for (Resource node : nodes) {
        List<Object> values = result.values(path.get(), node);
        if (!values.isEmpty()) {
          matched++;
          add(counts, values, 1);
        }
      }
    }
    List<CommandResult.Counted.Group> groups = new ArrayList<>(counts.size());
    counts.forEach((v, n) -> groups.add(new CommandResult.Counted.Group(v, n)));
    groups.sort(Comparator.comparingInt(CommandResult.Counted.Group::count)
        .thenComparing(CommandResult.Counted.Group::value));
    StringBuilder text = new StringBuilder();
    for (CommandResult.Counted.Group g : groups) {
      text.append(g.value()).append(": ").append(g.count()).append('\n');
    }
    int unmatched = nodes.size() - matched;
    text.append("total matched: ").append(matched).append("\ntotal unmatched: ").append(unmatched);
    return new CommandResult.Counted(query, path, groups, matched, unmatched, text.toString());
  }

  /** Counts {@code n} nodes with these values: once in each distinct group their values fall in. */
  private static void add(Map<String, Integer> counts, List<Object> values, int n) {
    if (values.size() == 1) {
      counts.merge(Rendering.text(values), n, Integer::sum);
      return;
    }
    Set<String> distinct = new LinkedHashSet<>();
    for (Object v : values) {
      distinct.add(Rendering.text(List.of(v)));
    }
    distinct.forEach(v -> counts.merge(v, n, Integer::sum));
  }
}
