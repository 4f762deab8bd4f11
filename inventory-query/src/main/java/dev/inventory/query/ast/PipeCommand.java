package dev.inventory.query.ast;

import dev.inventory.EdgeType;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * A command after {@code search} with its arguments parsed into typed values. The parser builds
 * one record per command; each prints back to canonical text that parses to an equal record.
 *
 * <pre>{@code
 * new PipeCommand.Count(Optional.of(Path.reported("name")));      // count name
 * PipeCommand.Mark.clean("unused for 90 days");                   // clean "unused for 90 days"
 * new PipeCommand.Walk(Name.PREDECESSORS, EdgeType.DELETE, true);  // predecessors --with-origin delete
 * }</pre>
 */
public sealed interface PipeCommand extends Command
    permits PipeCommand.Count, PipeCommand.Listing, PipeCommand.Head, PipeCommand.Tail, PipeCommand.SortBy,
        PipeCommand.LimitTo, PipeCommand.Mark, PipeCommand.Walk, PipeCommand.Dump, PipeCommand.Format,
        PipeCommand.AggregateBy {

  /** The number of nodes {@code head} and {@code tail} keep without a number. */
  int DEFAULT_HEAD = 100;

  /**
   * The command word of this command.
   *
   * @return the command's name
   */
  Name name();

  /** The commands a pipeline knows. */
  enum Name {
    /** {@code count [path]}: nodes per distinct value. */
    COUNT,
    /** {@code list [--csv|--json|--markdown] [path [as name], ...]}: one line per node. */
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
    UNPROTECT,
    /** {@code predecessors [--with-origin] [edge type]}: one step against the edges. */
    PREDECESSORS,
    /** {@code successors [--with-origin] [edge type]}: one step along the edges. */
    SUCCESSORS,
    /** {@code ancestors [--with-origin] [edge type]}: every step against the edges. */
    ANCESTORS,
    /** {@code descendants [--with-origin] [edge type]}: every step along the edges. */
    DESCENDANTS,
    /** {@code dump}: each node as a JSON object. */
    DUMP,
    /** {@code format template}: one line per node from a template with {@code {path}}. */
    FORMAT,
    /** {@code aggregate [group, ...:] function, ...}: grouped sums, counts, minima, ... */
    AGGREGATE;

    /**
     * The command word.
     *
     * @return {@code count}, {@code list}, ...
     */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The command with this word.
     *
     * @param word a command word such as {@code count}
     * @return the command, empty for an unknown word
     */
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

  /**
   * {@code count [path]}.
   *
   * @param path the value to group by; empty counts the nodes
   */
  record Count(Optional<Path> path) implements PipeCommand {
    /** Checks the path is given. */
    public Count {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public Name name() {
      return Name.COUNT;
    }

    @Override
    public String toString() {
      return path.map(p -> "count " + p).orElse("count");
    }
  }

  /**
   * {@code list [--csv|--json|--markdown] [--with-defaults] [path [as name], ...]}.
   *
   * @param format the rendering
   * @param columns the columns; empty means the default columns
   * @param withDefaults {@code --with-defaults}: the default columns first, then {@code columns}
   */
  record Listing(ListFormat format, List<Column> columns, boolean withDefaults) implements PipeCommand {
    /** Copies the columns. */
    public Listing {
      Objects.requireNonNull(format, "format");
      columns = List.copyOf(columns);
    }

    /**
     * {@code list} in this format with these columns.
     *
     * @param format the rendering
     * @param columns the columns; empty means the default columns
     */
    public Listing(ListFormat format, List<Column> columns) {
      this(format, columns, false);
    }

    @Override
    public Name name() {
      return Name.LIST;
    }

    @Override
    public String toString() {
      StringBuilder out = new StringBuilder("list");
      if (format != ListFormat.PLAIN) {
        out.append(" --").append(format.name().toLowerCase(Locale.ROOT));
      }
      if (withDefaults) {
        out.append(" --with-defaults");
      }
      if (!columns.isEmpty()) {
        out.append(' ').append(columns.stream().map(Column::toString).collect(Collectors.joining(", ")));
      }
      return out.toString();
    }
  }

  /**
   * {@code head [n]}.
   *
   * @param count how many nodes to keep, 0 or more ({@code head -5} keeps 5, as in Fix Inventory)
   */
  record Head(int count) implements PipeCommand {
    /** Checks the count is not negative. */
    public Head {
      if (count < 0) {
        throw new IllegalArgumentException("head keeps 0 or more nodes: " + count);
      }
    }

    @Override
    public Name name() {
      return Name.HEAD;
    }

    @Override
    public String toString() {
      return "head " + count;
    }
  }

  /**
   * {@code tail [n]}.
   *
   * @param count how many nodes to keep, 0 or more
   */
  record Tail(int count) implements PipeCommand {
    /** Checks the count is not negative. */
    public Tail {
      if (count < 0) {
        throw new IllegalArgumentException("tail keeps 0 or more nodes: " + count);
      }
    }

    @Override
    public Name name() {
      return Name.TAIL;
    }

    @Override
    public String toString() {
      return "tail " + count;
    }
  }

  /**
   * {@code sort path [asc|desc], ...}.
   *
   * @param keys one or more sort keys
   */
  record SortBy(List<Sort> keys) implements PipeCommand {
    /** Copies the keys and checks there is one. */
    public SortBy {
      keys = List.copyOf(keys);
      if (keys.isEmpty()) {
        throw new IllegalArgumentException("sort needs a key");
      }
    }

    @Override
    public Name name() {
      return Name.SORT;
    }

    @Override
    public String toString() {
      return "sort " + keys.stream().map(Sort::toString).collect(Collectors.joining(", "));
    }
  }

  /**
   * {@code limit [offset,] n}.
   *
   * @param limit the offset and count
   */
  record LimitTo(Limit limit) implements PipeCommand {
    /** Checks the limit is given. */
    public LimitTo {
      Objects.requireNonNull(limit, "limit");
    }

    @Override
    public Name name() {
      return Name.LIMIT;
    }

    @Override
    public String toString() {
      return limit.toString();
    }
  }

  /**
   * {@code clean [reason]}, {@code protect [reason]}, {@code unclean}, {@code unprotect}.
   *
   * @param name one of the four marking commands
   * @param reason the reason, without quotes; empty for none (always for unclean and unprotect)
   */
  record Mark(Name name, String reason) implements PipeCommand {
    /** Checks the command marks and that only clean and protect have a reason. */
    public Mark {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(reason, "reason");
      switch (name) {
        case CLEAN, PROTECT -> { }
        case UNCLEAN, UNPROTECT -> {
          if (!reason.isEmpty()) {
            throw new IllegalArgumentException("'" + name.word() + "' takes no reason");
          }
        }
        default -> throw new IllegalArgumentException("not a marking command: " + name.word());
      }
    }

    /**
     * {@code clean "reason"}.
     *
     * @param reason the reason, empty for none
     * @return the command
     */
    public static Mark clean(String reason) {
      return new Mark(Name.CLEAN, reason);
    }

    @Override
    public String toString() {
      if (reason.isEmpty()) {
        return name.word();
      }
      return name.word() + " \"" + reason.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
  }

  /**
   * {@code predecessors}, {@code successors}, {@code ancestors}, {@code descendants}: the nodes
   * reached from each node, as the navigation of {@link #navigation()}.
   *
   * @param name one of the four walking commands
   * @param edgeType the edges to follow (Fix Inventory's default: {@code default})
   * @param withOrigin {@code --with-origin}: the start nodes are part of the result
   */
  record Walk(Name name, EdgeType edgeType, boolean withOrigin) implements PipeCommand {
    /** Checks the command walks. */
    public Walk {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(edgeType, "edgeType");
      switch (name) {
        case PREDECESSORS, SUCCESSORS, ANCESTORS, DESCENDANTS -> { }
        default -> throw new IllegalArgumentException("not a walking command: " + name.word());
      }
    }

    /**
     * The navigation this command adds to the query: {@code <-[1:1]-} for predecessors, {@code
     * -[1:]->} for descendants, starting at 0 with {@code --with-origin}.
     *
     * @return the navigation
     */
    public Navigation navigation() {
      boolean in = name == Name.PREDECESSORS || name == Name.ANCESTORS;
      boolean oneStep = name == Name.PREDECESSORS || name == Name.SUCCESSORS;
      return new Navigation(in ? Navigation.Direction.IN : Navigation.Direction.OUT, List.of(edgeType),
          withOrigin ? 0 : 1, oneStep ? OptionalInt.of(1) : OptionalInt.empty());
    }

    @Override
    public String toString() {
      return name.word() + (withOrigin ? " --with-origin" : "") + (edgeType == EdgeType.DEFAULT ? "" : " " + edgeType);
    }
  }

  /** {@code dump}: every node as one JSON object. */
  record Dump() implements PipeCommand {
    @Override
    public Name name() {
      return Name.DUMP;
    }

    @Override
    public String toString() {
      return "dump";
    }
  }

  /**
   * {@code format template}.
   *
   * @param template the text with its {@code {path}} placeholders
   */
  record Format(Template template) implements PipeCommand {
    /** Checks the template is given. */
    public Format {
      Objects.requireNonNull(template, "template");
    }

    @Override
    public Name name() {
      return Name.FORMAT;
    }

    @Override
    public String toString() {
      return "format " + template;
    }
  }

  /**
   * {@code aggregate [group, ...:] function, ...}.
   *
   * @param aggregate the groups and functions
   */
  record AggregateBy(Aggregate aggregate) implements PipeCommand {
    /** Checks the aggregate is given. */
    public AggregateBy {
      Objects.requireNonNull(aggregate, "aggregate");
    }

    @Override
    public Name name() {
      return Name.AGGREGATE;
    }

    @Override
    public String toString() {
      return "aggregate " + aggregate.spec();
    }
  }
}
