package dev.inventory.query.command;

import dev.inventory.Edge;
import dev.inventory.Resource;
import dev.inventory.query.ast.Aggregate;
import dev.inventory.query.ast.Column;
import dev.inventory.query.ast.ListFormat;
import dev.inventory.query.ast.Path;
import dev.inventory.query.ast.Query;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a command line did, as data and as the text a shell prints ({@link #text()}, without a
 * trailing newline). Immutable.
 *
 * <pre>{@code
 * CommandResult r = commands.execute("search is(access_key) and last_access > 90days <-- is(user) | count name");
 * if (r instanceof CommandResult.Counted c) {
 *   c.matched();   // 29 on the demo organisation
 * }
 * System.out.println(r.text());
 * }</pre>
 */
public sealed interface CommandResult
    permits CommandResult.Listed, CommandResult.Counted, CommandResult.Marked, CommandResult.Aggregated,
        CommandResult.Rendered, CommandResult.Explained, CommandResult.Help {

  /** The rendering a shell prints, without a trailing newline; empty for an empty listing. */
  String text();

  /**
   * {@code list} (also a search without a command): one row per node.
   *
   * @param query the query that ran, with the folded {@code sort}/{@code limit}/{@code head}
   * @param columns the columns, in order
   * @param nodes the listed nodes, in order
   * @param edges with {@code search --with-edges}: the edges between listed nodes, else empty
   */
  record Listed(Query query, ListFormat format, List<Column> columns, List<Resource> nodes, List<Edge> edges,
      String text) implements CommandResult {
    /** Copies the lists. */
    public Listed {
      Objects.requireNonNull(query, "query");
      Objects.requireNonNull(format, "format");
      columns = List.copyOf(columns);
      nodes = List.copyOf(nodes);
      edges = List.copyOf(edges);
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * {@code aggregate} (or {@code search aggregate(...): query}): one row per group, in the order of
   * the group values; the text is one JSON object per row, as Fix Inventory prints them: {@code
   * {"group":{"kind":"volume"},"size":30}}, without {@code group} when nothing is grouped.
   *
   * @param query the query whose nodes were aggregated
   * @param aggregate the groups and functions
   * @param rows the rows
   */
  record Aggregated(Query query, Aggregate aggregate, List<Row> rows, String text) implements CommandResult {
    /** Copies the rows. */
    public Aggregated {
      Objects.requireNonNull(query, "query");
      Objects.requireNonNull(aggregate, "aggregate");
      rows = List.copyOf(rows);
      Objects.requireNonNull(text, "text");
    }

    /**
     * One group.
     *
     * @param group the group's value per group name, in the aggregate's order ({@code null} for a
     *     node without a value; several values as a list)
     * @param values each function's result per function name, in order: a {@link Long} where it is
     *     a whole number, else a {@link Double}; {@code null} where the group has no number for it
     */
    public record Row(Map<String, Object> group, Map<String, Object> values) {
      /** Copies the maps, keeping their order and their null values. */
      public Row {
        group = Collections.unmodifiableMap(new LinkedHashMap<>(group));
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
      }
    }
  }

  /**
   * {@code dump} or {@code format}: one text per node.
   *
   * @param query the query that ran
   * @param nodes the nodes, in order
   * @param lines one rendering per node (for {@code dump} a JSON object), then one per edge with
   *     {@code --with-edges}
   */
  record Rendered(Query query, List<Resource> nodes, List<String> lines) implements CommandResult {
    /** Copies the lists. */
    public Rendered {
      Objects.requireNonNull(query, "query");
      nodes = List.copyOf(nodes);
      lines = List.copyOf(lines);
    }

    @Override
    public String text() {
      return String.join("\n", lines);
    }
  }

  /**
   * {@code search --explain}: the canonical command line and how each search is evaluated; nothing
   * ran and nothing was marked.
   *
   * @param query the query after folding {@code sort}, {@code limit}, walks and later searches
   * @param plan the evaluation steps ({@link dev.inventory.query.CompiledQuery#explain()})
   */
  record Explained(Query query, String plan, String text) implements CommandResult {
    /** Checks the parts are given. */
    public Explained {
      Objects.requireNonNull(query, "query");
      Objects.requireNonNull(plan, "plan");
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * {@code count [path]}: the nodes per distinct value, sorted by count ascending, then by value.
   *
   * @param path empty for a plain {@code count}
   * @param groups one group per distinct value (none without a path)
   * @param matched nodes with a value (all nodes without a path)
   * @param unmatched nodes without a value
   */
  record Counted(Query query, Optional<Path> path, List<Group> groups, int matched, int unmatched, String text)
      implements CommandResult {
    public Counted {
      Objects.requireNonNull(query, "query");
      Objects.requireNonNull(path, "path");
      groups = List.copyOf(groups);
      Objects.requireNonNull(text, "text");
    }

    /**
     * One line of a count.
     *
     * @param value the value as {@code count} prints it ({@code jenkins}, {@code 42}, {@code true})
     * @param count how many nodes have it
     */
    public record Group(String value, int count) {
      public Group {
        Objects.requireNonNull(value, "value");
      }
    }
  }

  /**
   * {@code clean}, {@code protect}, {@code unclean} or {@code unprotect}.
   *
   * @param reason the reason given (empty when none was)
   * @param time when the marks were made: the line's {@code now}
   * @param ids the nodes whose state changed, in result order: for {@code clean} and {@code
   *     protect} every result node; for {@code unclean} and {@code unprotect} those that had the mark
   */
  record Marked(Query query, Action action, String reason, Instant time, List<String> ids, String text)
      implements CommandResult {
    public Marked {
      Objects.requireNonNull(query, "query");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(time, "time");
      ids = List.copyOf(ids);
      Objects.requireNonNull(text, "text");
    }

    /** What a marking command does to each node's state. */
    public enum Action {
      /** {@code clean}: sets {@code desired.clean} with reason, time and query. */
      CLEAN,
      /** {@code protect}: sets {@code metadata.protected} with reason, time and query. */
      PROTECT,
      /** {@code unclean}: clears {@code desired.clean}. */
      UNCLEAN,
      /** {@code unprotect}: clears {@code metadata.protected}. */
      UNPROTECT
    }
  }

  /** {@code help}: the commands with one example each. */
  record Help(String text) implements CommandResult {
    public Help {
      Objects.requireNonNull(text, "text");
    }
  }
}
