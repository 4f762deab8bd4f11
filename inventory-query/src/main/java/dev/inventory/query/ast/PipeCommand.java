package dev.inventory.query.ast;

import dev.inventory.query.internal.Lexical;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A command after {@code search} with its raw argument text, trimmed. The parser checks the
 * arguments of the commands whose syntax is fixed ({@code count [path]}, {@code head [n]}, {@code
 * tail [n]}, {@code sort ...}, {@code limit ...}, none for {@code unclean}/{@code unprotect}) so that
 * errors point into the command line; the command layer interprets them.
 *
 * <pre>{@code
 * new PipeCommand(PipeCommand.Name.CLEAN, "stale key");   // clean stale key
 * new PipeCommand(PipeCommand.Name.COUNT, "name");        // count name
 * }</pre>
 *
 * @param arguments the text after the command name, without surrounding white space; never
 *     contains a {@code |} outside double quotes or backticks
 */
public record PipeCommand(Name name, String arguments) implements Command {

  /** The commands a pipeline knows. */
  public enum Name {
    /** {@code count [path]}: nodes per distinct value. */
    COUNT,
    /** {@code list [path [as name], ...]}: one line per node. */
    LIST,
    /** {@code head [n]}: the first n nodes. */
    HEAD,
    /** {@code tail [n]}: the last n nodes. */
    TAIL,
    /** {@code sort path [asc|desc], ...}. */
    SORT,
    /** {@code limit [offset,] n}. */
    LIMIT,
    /** {@code clean [reason]}: mark for cleanup. */
    CLEAN,
    /** {@code protect [reason]}: never clean. */
    PROTECT,
    /** {@code unclean}: clear the cleanup mark. */
    UNCLEAN,
    /** {@code unprotect}: clear the protection. */
    UNPROTECT;

    /** The command word: {@code count}, {@code list}, ... */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The command with this word. */
    public static Optional<Name> fromWord(String word) {
      for (Name n : values()) {
        if (n.word().equals(word)) {
          return Optional.of(n);
        }
      }
      return Optional.empty();
    }

    @Override
    public String toString() {
      return word();
    }
  }

  public PipeCommand {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arguments, "arguments");
    if (!arguments.equals(arguments.strip())) {
      throw new IllegalArgumentException("command arguments are trimmed: '" + arguments + "'");
    }
    if (Lexical.indexOfPipe(arguments, 0, arguments.length()) >= 0) {
      throw new IllegalArgumentException("command arguments contain no unquoted '|': " + arguments);
    }
  }

  /** A command without arguments. */
  public static PipeCommand of(Name name) {
    return new PipeCommand(name, "");
  }

  @Override
  public String toString() {
    return arguments.isEmpty() ? name.word() : name.word() + " " + arguments;
  }
}
