package dev.inventory.query.command;

import dev.inventory.query.ast.ListFormat;
import dev.inventory.query.ast.Column;
import dev.inventory.Resource;
import dev.inventory.query.SearchResult;
import dev.inventory.query.ast.Path;
import dev.inventory.query.ast.PipeCommand;
import dev.inventory.query.ast.Query;
import dev.inventory.state.Mark;
import dev.inventory.state.NodeState;
import dev.inventory.state.StateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code clean}, {@code protect}, {@code unclean}, {@code unprotect}: one {@link
 * StateStore#updateAll} for all nodes, so that a line marks everything or nothing. Marks carry the
 * reason, the line's time and the canonical text of the query that selected the nodes.
 */
final class Marking {
  private static final List<Column> NODE_COLUMNS = List.of(
      Column.of(Path.reported("kind")), Column.of(Path.reported("id")), Column.of(Path.reported("name")));

  private Marking() {}

  static CommandResult.Marked mark(
      StateStore state, PipeCommand.Name command, String reason, Instant now, Query query,
      SearchResult result, List<Resource> nodes) {
    Mark mark = Mark.of(reason, now, query.toString());
    CommandResult.Marked.Action action;
    UnaryOperator<NodeState> change;
    List<Resource> changed = new ArrayList<>();
    String headline;
    switch (command) {
      case CLEAN -> {
        action = CommandResult.Marked.Action.CLEAN;
        change = s -> s.withClean(mark);
        changed.addAll(nodes);
        headline = "marked " + nodes(changed.size()) + " for cleanup" + because(reason);
      }
      case PROTECT -> {
        action = CommandResult.Marked.Action.PROTECT;
        change = s -> s.withProtection(mark);
        changed.addAll(nodes);
        headline = "protected " + nodes(changed.size()) + because(reason);
      }
      case UNCLEAN -> {
        action = CommandResult.Marked.Action.UNCLEAN;
        change = NodeState::withoutClean;
        nodes.stream().filter(n -> state.get(n.id()).isMarkedForCleanup()).forEach(changed::add);
        headline = "cleared the cleanup mark of " + nodes(changed.size());
      }
      default -> {
        action = CommandResult.Marked.Action.UNPROTECT;
        change = NodeState::withoutProtection;
        nodes.stream().filter(n -> state.get(n.id()).isProtected()).forEach(changed::add);
        headline = "cleared the protection of " + nodes(changed.size());
      }
    }
    List<String> ids = changed.stream().map(Resource::id).toList();
    if (!ids.isEmpty()) {
      state.updateAll(ids, change);
    }
    StringBuilder text = new StringBuilder(headline);
    if (action == CommandResult.Marked.Action.CLEAN) {
      long protectedCount = ids.stream().filter(id -> state.get(id).isProtected()).count();
      if (protectedCount > 0) {
        text.append("\n").append(nodes((int) protectedCount)).append(protectedCount == 1 ? " is" : " are")
            .append(" protected and will not be cleaned up");
      }
    }
    if (!changed.isEmpty()) {
      text.append('\n').append(Rendering.list(result, changed, NODE_COLUMNS, ListFormat.PLAIN));
    }
    return new CommandResult.Marked(query, action, reason, now, ids, text.toString());
  }

  private static String nodes(int n) {
    return n == 1 ? "1 node" : n + " nodes";
  }

  private static String because(String reason) {
    return reason.isEmpty() ? " (no reason given)" : ": " + reason;
  }
}
