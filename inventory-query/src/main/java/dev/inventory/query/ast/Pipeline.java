package dev.inventory.query.ast;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A text command line: {@code search <query> | command | ...}. The first command is a {@link
 * SearchCommand}.
 *
 * <pre>{@code
 * Pipeline p = QueryParser.parseCommandLine("search is(access_key) and last_access > 90days | clean");
 * p.toString();   // search is(access_key) and last_access > 90days | clean
 * }</pre>
 */
public record Pipeline(List<Command> commands) {
  public Pipeline {
    commands = List.copyOf(Objects.requireNonNull(commands, "commands"));
    if (commands.isEmpty() || !(commands.get(0) instanceof SearchCommand)) {
      throw new IllegalArgumentException("a pipeline starts with a search command");
    }
  }

  /** A pipeline of these commands. */
  public static Pipeline of(Command... commands) {
    return new Pipeline(Arrays.asList(commands));
  }

  @Override
  public String toString() {
    return commands.stream().map(Command::toString).collect(Collectors.joining(" | "));
  }
}
