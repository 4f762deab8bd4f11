package dev.inventory.query.command;

import dev.inventory.Resource;
import dev.inventory.query.ast.Path;
import dev.inventory.query.ast.Query;
import java.time.Instant;
import java.util.List;
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
    permits CommandResult.Listed, CommandResult.Counted, CommandResult.Marked, CommandResult.Help {

  /** The rendering a shell prints, without a trailing newline; empty for an empty listing. */
  String text();

  /**
   * {@code list} (also a search without a command): one row per node.
   *
   * @param query the query that ran, with the folded {@code sort}/{@code limit}/{@code head}
   * @param columns the columns, in order
   * @param nodes the listed nodes, in order
   */
  record Listed(Query query, ListFormat format, List<Column> columns, List<Resource> nodes, String text)
      implements CommandResult {
    public Listed {
      Objects.requireNonNull(query, "query");
      Objects.requireNonNull(format, "format");
      columns = List.copyOf(columns);
      nodes = List.copyOf(nodes);
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
