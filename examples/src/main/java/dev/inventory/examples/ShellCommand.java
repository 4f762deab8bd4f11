package dev.inventory.examples;

import dev.inventory.query.parse.ErrorCode;
import dev.inventory.query.parse.QuerySyntaxException;
import java.util.List;

/**
 * One of the shell's own commands ({@code cleanup}, {@code workflow}, {@code config} ...): its
 * names and what it does with a command line that starts with one of them.
 */
interface ShellCommand {
  /** The name a line starts with; the first is the one {@code help} shows. */
  List<String> names();

  /**
   * Runs the line and returns what to print.
   *
   * @throws QuerySyntaxException for a usage error (exit code 2)
   * @throws dev.inventory.InventoryException for any other error (exit code 1)
   */
  String run(String line);

  /** Whether {@code line} starts with one of the names, followed by a space or nothing. */
  default boolean accepts(String line) {
    return names().stream().anyMatch(n -> line.equals(n) || line.startsWith(n + " "));
  }

  /** A usage error pointing at the arguments (after the command word) of {@code line}. */
  static QuerySyntaxException usage(String line, String reason, List<String> expected) {
    int at = line.indexOf(' ') < 0 ? line.length() : line.indexOf(' ') + 1;
    return new QuerySyntaxException(ErrorCode.UNEXPECTED_ARGUMENT, reason, line, at,
        Math.max(0, line.length() - at), expected);
  }
}
