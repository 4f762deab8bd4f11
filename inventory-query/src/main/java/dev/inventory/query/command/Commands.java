package dev.inventory.query.command;

import dev.inventory.Edge;
import dev.inventory.Inventory;
import dev.inventory.Resource;
import dev.inventory.query.CompiledQuery;
import dev.inventory.query.QueryEngine;
import dev.inventory.query.SearchResult;
import dev.inventory.query.ast.Aggregate;
import dev.inventory.query.ast.And;
import dev.inventory.query.ast.Column;
import dev.inventory.query.ast.Command;
import dev.inventory.query.ast.Limit;
import dev.inventory.query.ast.ListFormat;
import dev.inventory.query.ast.Navigation;
import dev.inventory.query.ast.Part;
import dev.inventory.query.ast.PipeCommand;
import dev.inventory.query.ast.Pipeline;
import dev.inventory.query.ast.Query;
import dev.inventory.query.ast.SearchCommand;
import dev.inventory.query.ast.Sort;
import dev.inventory.query.ast.Term;
import dev.inventory.query.internal.eval.Plan;
import dev.inventory.query.parse.ErrorCode;
import dev.inventory.query.parse.Parsed;
import dev.inventory.query.parse.QueryParser;
import dev.inventory.query.parse.QuerySyntaxException;
import dev.inventory.query.parse.SourceMap;
import dev.inventory.query.parse.Span;
import dev.inventory.state.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The text command pipeline: {@code search <query> [| command ...]} over one
 * snapshot and a state store. Used by the shell and by jobs; host code can call it too.
 *
 * <pre>{@code
 * Commands commands = Commands.builder().inventory(inventory).state(StateStore.jsonFile(file)).clock(clock).build();
 * commands.execute("search is(access_key) and last_access > 90days <-- is(user) | count name").text();
 * // ccm-sa: 1
 * // ...
 * // total matched: 29
 * // total unmatched: 0
 * commands.execute("search is(access_key) and last_access > 90days and /ancestors.user.reported.name not in [jenkins, ci]"
 *     + " | clean \"unused for 90 days\"");
 * }</pre>
 *
 * <p>Placeholders ({@code @UTC@}, {@code @NOW@}, {@code @TODAY@}, {@code @YESTERDAY@}, {@code
 * @TOMORROW@}) are replaced with the clock's time before parsing; the clock is read once per line
 * and that instant is the {@code now} of the search and the time of its marks.
 *
 * <p>{@code sort}, {@code limit} and {@code head} directly after a search fold into the last part of
 * its query (so a mark's stored query is what selected the node); {@code tail}, and {@code sort}
 * after a part that already has a limit, work on the result list. A marking command passes its
 * nodes on, so {@code clean | count} counts what was marked; {@code count}, {@code list}, {@code
 * dump}, {@code format} and {@code aggregate} end a line. The walks ({@code predecessors}, {@code
 * successors}, {@code ancestors}, {@code descendants}) fold into the query as a navigation. A search
 * without a command that prints lists its nodes; {@code search --explain} runs nothing.
 *
 * <p>Thread-safe: every line is independent, and the state store serialises marks.
 */
public final class Commands {
  private final QueryEngine engine;
  private final Clock clock;
  private final ZoneId zone;

  private Commands(Builder b) {
    this.engine = b.engine != null ? b.engine : QueryEngine.of(b.inventory, b.state);
    this.clock = b.clock;
    this.zone = b.zone;
  }

  /** Starts a builder; {@link Builder#inventory(Inventory)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The engine the commands search with (its inventory and state store). */
  public QueryEngine engine() {
    return engine;
  }

  /**
   * Runs one command line.
   *
   * @throws QuerySyntaxException for a syntax error, an unknown kind, a bad regular expression, and
   *     for usage errors (a bad {@code list} column, a command after {@code count}); nothing has
   *     been marked when it is thrown
   */
  public CommandResult execute(String commandLine) {
    Objects.requireNonNull(commandLine, "commandLine");
    Instant now = clock.instant();
    String line = Placeholders.replace(commandLine, now, zone);
    if (line.strip().equals("help")) {
      return new CommandResult.Help(help());
    }
    Parsed<Pipeline> parsed = QueryParser.parseCommandLineWithSource(line);
    return new Execution(line, parsed.value(), Optional.of(parsed.sourceMap()), now).run();
  }

  /**
   * Runs a command line given as its AST, as {@link #execute(String)} runs its text: the fluent
   * terminals of {@link dev.inventory.query.Search} use it, so nothing is printed and parsed again.
   * Errors point into the pipeline's canonical text.
   *
   * @param pipeline the commands
   * @return what the line did
   * @throws QuerySyntaxException as {@link #execute(String)}
   */
  public CommandResult execute(Pipeline pipeline) {
    Objects.requireNonNull(pipeline, "pipeline");
    return new Execution(pipeline.toString(), pipeline, Optional.empty(), clock.instant()).run();
  }

  /** One line per command with one example each. */
  public static String help() {
    String[][] rows = {
      {"search [--explain] [--with-edges] <query> [| command ...]", "search is(access_key) and last_access > 90days <-- is(user)"},
      {"search aggregate(<groups>: <functions>): <query>", "search aggregate(kind: sum(1) as count): all"},
      {"count [path]", "search is(access_key) and last_access > 90days <-- is(user) | count name"},
      {"list [--csv|--json|--markdown] [--with-defaults] [path [as name], ...]", "search is(user) | list name, account, age as created"},
      {"aggregate [group [as name], ...:] fn(expr) [as name], ...", "search is(access_key) | aggregate account: sum(1) as keys"},
      {"predecessors|successors [--with-origin] [edge type]", "search is(access_key) | predecessors"},
      {"ancestors|descendants [--with-origin] [edge type]", "search is(user) | descendants delete"},
      {"dump", "search is(user) and name == jenkins | dump"},
      {"format template", "search is(access_key) | format {id} of {/ancestors.user.reported.name}"},
      {"head [n]", "search is(access_key) | sort last_access desc | head 10"},
      {"tail [n]", "search is(access_key) | sort age | tail 5"},
      {"sort path [asc|desc], ...", "search is(user) | sort account, name desc"},
      {"limit [offset,] n", "search is(user) | limit 20, 10"},
      {"clean [reason]", "search is(access_key) and last_access > 90days | clean \"unused for 90 days\""},
      {"protect [reason]", "search is(user) and name == jenkins --> is(access_key) | protect \"break-glass key\""},
      {"unclean", "search /desired.clean == true and account == sandbox | unclean"},
      {"unprotect", "search /metadata.protected == true | unprotect"},
      {"help", "help"},
    };
    StringBuilder out = new StringBuilder();
    for (String[] r : rows) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(String.format("%-70s e.g. %s", r[0], r[1]));
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "Commands(" + engine.inventory() + ")";
  }

  /** The state of one line while its commands run. */
  private final class Execution {
    private final String line;
    private final Pipeline pipeline;
    private final Optional<SourceMap> sourceMap; // empty for a pipeline built in code
    private final Instant now;
    private Query query;
    private boolean withEdges;
    private SearchResult result; // set once the search ran
    private List<Resource> nodes;
    private CommandResult last;

    Execution(String line, Pipeline pipeline, Optional<SourceMap> sourceMap, Instant now) {
      this.line = line;
      this.pipeline = pipeline;
      this.sourceMap = sourceMap;
      this.now = now;
    }

    CommandResult run() {
      List<Command> commands = pipeline.commands();
      SearchCommand first = (SearchCommand) commands.get(0);
      query = first.query();
      validate(commands);
      withEdges = commands.stream().anyMatch(c -> c instanceof SearchCommand s && s.withEdges());
      if (commands.stream().anyMatch(c -> c instanceof SearchCommand s && s.explain())) {
        return explain(commands);
      }
      for (int i = 1; i < commands.size(); i++) {
        Command c = commands.get(i);
        if (c instanceof SearchCommand s) {
          query = combine(query, s.query());
        } else {
          pipe((PipeCommand) c);
        }
      }
      Optional<Aggregate> preamble = commands.stream()
          .flatMap(c -> c instanceof SearchCommand s ? s.aggregate().stream() : java.util.stream.Stream.empty())
          .findFirst();
      if (preamble.isPresent()) {
        search();
        return Aggregation.aggregate(query, preamble.get(), result, nodes);
      }
      if (last == null) {
        search();
        return listed(defaultColumns(), ListFormat.PLAIN);
      }
      return last;
    }

    /**
     * Checks the whole line before anything runs, so that a line that fails marks nothing: every
     * search (kinds, regular expressions) and the order of the commands.
     */
    private void validate(List<Command> commands) {
      boolean ran = false; // a command before this one needed the search result
      for (int i = 0; i < commands.size(); i++) {
        Command c = commands.get(i);
        if (i > 0 && ends(commands.get(i - 1))) {
          throw usage(c, "'" + word(c) + "' cannot follow '" + word(commands.get(i - 1))
              + "': count, list, dump, format and aggregate end a command line", List.of("the end of the line"));
        }
        if (c instanceof SearchCommand s) {
          if (ran) {
            throw usage(c, "a search cannot follow '" + word(commands.get(i - 1))
                + "'; only sort, limit, head and walks can come between two searches", List.of("the end of the line"));
          }
          if (sourceMap.isPresent()) {
            engine.compile(new Parsed<>(line, s.query(), sourceMap.get()));
          } else {
            engine.compile(s.query());
          }
        } else if (c instanceof PipeCommand.Walk w && ran) {
          throw usage(c, "'" + w.name().word() + "' cannot follow '" + word(commands.get(i - 1))
              + "'; walks come directly after a search, sort, limit or head", List.of("the end of the line"));
        } else if (!(c instanceof PipeCommand.SortBy || c instanceof PipeCommand.LimitTo
            || c instanceof PipeCommand.Head || c instanceof PipeCommand.Walk)) {
          ran = i > 0;
        }
      }
    }

    private CommandResult explain(List<Command> commands) {
      for (int i = 1; i < commands.size(); i++) {
        Command c = commands.get(i);
        if (c instanceof SearchCommand s) {
          query = combine(query, s.query());
        } else if (c instanceof PipeCommand.SortBy || c instanceof PipeCommand.LimitTo
            || c instanceof PipeCommand.Head || c instanceof PipeCommand.Walk) {
          pipe((PipeCommand) c);
        } else {
          break; // what follows works on the result, which explain does not compute
        }
      }
      String plan = compile().explain();
      String text = pipeline + "\nquery: " + query + "\n" + plan;
      return new CommandResult.Explained(query, plan, text);
    }

    private void pipe(PipeCommand c) {
      if (c instanceof PipeCommand.Head h) {
        limit(new Limit(0, h.count()));
      } else if (c instanceof PipeCommand.LimitTo l) {
        limit(l.limit());
      } else if (c instanceof PipeCommand.SortBy s) {
        sort(s.keys());
      } else if (c instanceof PipeCommand.Tail t) {
        search();
        nodes = nodes.subList(Math.max(0, nodes.size() - t.count()), nodes.size());
      } else if (c instanceof PipeCommand.Walk w) {
        query = foldNavigation(query, w.navigation());
      } else if (c instanceof PipeCommand.Count count) {
        search();
        last = Counting.count(query, result, nodes, count.path());
      } else if (c instanceof PipeCommand.Listing l) {
        search();
        List<Column> columns = new ArrayList<>();
        if (l.columns().isEmpty() || l.withDefaults()) {
          columns.addAll(defaultColumns());
        }
        columns.addAll(l.columns());
        last = listed(columns, l.format());
      } else if (c instanceof PipeCommand.Mark m) {
        search();
        last = Marking.mark(engine.state(), m.name(), m.reason(), now, query, result, nodes);
      } else if (c instanceof PipeCommand.Dump) {
        search();
        List<String> lines = new ArrayList<>();
        nodes.forEach(n -> lines.add(Output.dump(engine.inventory(), engine.state(), result, n)));
        edges().forEach(e -> lines.add(Output.dump(e)));
        last = new CommandResult.Rendered(query, nodes, lines);
      } else if (c instanceof PipeCommand.Format f) {
        search();
        List<String> lines = new ArrayList<>();
        nodes.forEach(n -> lines.add(Output.format(f.template(), result, n)));
        edges().forEach(e -> lines.add(Output.line(e)));
        last = new CommandResult.Rendered(query, nodes, lines);
      } else if (c instanceof PipeCommand.AggregateBy a) {
        search();
        last = Aggregation.aggregate(query, a.aggregate(), result, nodes);
      } else {
        throw new IllegalStateException("a command without an implementation: " + c.name());
      }
    }

    private void limit(Limit l) {
      if (result == null) {
        query = foldLimit(query, l);
        return;
      }
      int from = (int) Math.min(nodes.size(), (long) l.offset());
      int to = (int) Math.min(nodes.size(), (long) from + l.count());
      nodes = nodes.subList(from, to);
    }

    private void sort(List<Sort> keys) {
      Part lastPart = query.parts().get(query.parts().size() - 1);
      if (result == null && lastPart.limit().isEmpty()) {
        query = foldSort(query, keys);
        return;
      }
      // Sorting after a limit must not change which nodes the limit kept: sort the list.
      search();
      Inventory inv = engine.inventory();
      int[] indices = nodes.stream().mapToInt(r -> inv.indexOf(r.id())).toArray();
      List<Resource> sorted = new ArrayList<>(indices.length);
      for (int i : Plan.sort(inv, engine.state(), now, keys, indices)) {
        sorted.add(inv.node(i));
      }
      nodes = List.copyOf(sorted);
    }

    private CompiledQuery compile() {
      return sourceMap.isPresent()
          ? engine.compile(new Parsed<>(line, query, sourceMap.get()))
          : engine.compile(query);
    }

    private void search() {
      if (result != null) {
        return;
      }
      result = compile().run(Clock.fixed(now, ZoneOffset.UTC));
      nodes = result.nodes();
    }

    private List<Edge> edges() {
      return withEdges ? Output.edgesBetween(engine.inventory(), nodes) : List.of();
    }

    private CommandResult.Listed listed(List<Column> columns, ListFormat format) {
      List<Edge> edges = edges();
      String text = Rendering.list(result, nodes, columns, format);
      if (format == ListFormat.PLAIN && !edges.isEmpty()) {
        StringBuilder out = new StringBuilder(text);
        edges.forEach(e -> out.append(out.length() == 0 ? "" : "\n").append(Output.line(e)));
        text = out.toString();
      }
      return new CommandResult.Listed(query, format, columns, nodes, edges, text);
    }

    private List<Column> defaultColumns() {
      return DefaultColumns.of(query);
    }

    private QuerySyntaxException usage(Command c, String reason, List<String> expected) {
      Span span = sourceMap.flatMap(m -> m.span(c)).orElse(new Span(0, line.length()));
      return new QuerySyntaxException(ErrorCode.UNEXPECTED_TOKEN, reason, line, span.offset(), span.length(), expected);
    }
  }

  /** Whether nothing may follow this command: its output is not a list of nodes. */
  private static boolean ends(Command c) {
    return c instanceof SearchCommand s ? s.aggregate().isPresent()
        : c instanceof PipeCommand.Count || c instanceof PipeCommand.Listing || c instanceof PipeCommand.Dump
            || c instanceof PipeCommand.Format || c instanceof PipeCommand.AggregateBy;
  }

  /** Walks on from what the query returns: the last part's navigation, or a new part that walks. */
  static Query foldNavigation(Query q, Navigation navigation) {
    List<Part> parts = new ArrayList<>(q.parts());
    Part last = parts.get(parts.size() - 1);
    if (last.navigation().isPresent()) {
      parts.add(new Part(Optional.empty(), List.of(), Optional.empty(), Optional.of(navigation)));
    } else {
      parts.set(parts.size() - 1, new Part(last.term(), last.sort(), last.limit(), Optional.of(navigation)));
    }
    return new Query(parts);
  }

  private static String word(Command c) {
    return c instanceof PipeCommand p ? p.name().word() : "search";
  }

  /** {@code search A | search B}: B filters what A found (Fix Inventory's combine). */
  static Query combine(Query a, Query b) {
    List<Part> parts = new ArrayList<>(a.parts());
    Part lastA = parts.remove(parts.size() - 1);
    if (lastA.navigation().isPresent()) {
      parts.add(lastA);
      parts.addAll(b.parts());
      return new Query(parts);
    }
    Part firstB = b.parts().get(0);
    Optional<Term> term = lastA.term().isPresent() && firstB.term().isPresent()
        ? Optional.of(And.of(lastA.term().get(), firstB.term().get()))
        : lastA.term().or(firstB::term);
    List<Sort> sort = firstB.sort().isEmpty() ? lastA.sort() : firstB.sort();
    Optional<Limit> limit = firstB.limit().isEmpty() ? lastA.limit()
        : lastA.limit().isEmpty() ? firstB.limit()
        : Optional.of(new Limit(Math.max(lastA.limit().get().offset(), firstB.limit().get().offset()),
            Math.min(lastA.limit().get().count(), firstB.limit().get().count())));
    parts.add(new Part(term, sort, limit, firstB.navigation()));
    parts.addAll(b.parts().subList(1, b.parts().size()));
    return new Query(parts);
  }

  /** Applies a limit to what the query returns: a limit of the last part, or a new last part. */
  static Query foldLimit(Query q, Limit l) {
    List<Part> parts = new ArrayList<>(q.parts());
    Part last = parts.get(parts.size() - 1);
    if (last.navigation().isPresent()) {
      parts.add(new Part(Optional.empty(), List.of(), Optional.of(l), Optional.empty()));
    } else {
      Limit folded = last.limit()
          .map(old -> new Limit(
              (int) Math.min(Integer.MAX_VALUE, (long) old.offset() + l.offset()),
              Math.max(0, Math.min(old.count() - l.offset(), l.count()))))
          .orElse(l);
      parts.set(parts.size() - 1, new Part(last.term(), last.sort(), Optional.of(folded), Optional.empty()));
    }
    return new Query(parts);
  }

  /** Sorts what the query returns: replaces the last part's sort, or adds a sorting last part. */
  static Query foldSort(Query q, List<Sort> keys) {
    List<Part> parts = new ArrayList<>(q.parts());
    Part last = parts.get(parts.size() - 1);
    if (last.navigation().isPresent()) {
      parts.add(new Part(Optional.empty(), keys, Optional.empty(), Optional.empty()));
    } else {
      parts.set(parts.size() - 1, new Part(last.term(), keys, last.limit(), Optional.empty()));
    }
    return new Query(parts);
  }

  /**
   * Configures {@link Commands}.
   *
   * <pre>{@code
   * Commands.builder().inventory(inv).clock(Clock.fixed(now, ZoneOffset.UTC)).zone(ZoneId.of("Europe/Berlin")).build();
   * }</pre>
   */
  public static final class Builder {
    private QueryEngine engine;
    private Inventory inventory;
    private StateStore state;
    private Clock clock = Clock.systemUTC();
    private ZoneId zone = ZoneOffset.UTC;

    private Builder() {}

    /**
     * Searches with this engine: its snapshot, its state store and what it has cached; instead of
     * {@link #inventory(Inventory)} and {@link #state(StateStore)}.
     *
     * @param engine the engine
     * @return this builder
     */
    public Builder engine(QueryEngine engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
      return this;
    }

    /** The snapshot to search (required unless an engine is given). */
    public Builder inventory(Inventory inventory) {
      this.inventory = Objects.requireNonNull(inventory, "inventory");
      return this;
    }

    /** Where marks go and {@code /desired}, {@code /metadata} come from; default: a new in-memory store. */
    public Builder state(StateStore state) {
      this.state = Objects.requireNonNull(state, "state");
      return this;
    }

    /** The clock, read once per line; default {@link Clock#systemUTC()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The zone of {@code @NOW@}, {@code @TODAY@}, {@code @YESTERDAY@}, {@code @TOMORROW@}; default UTC. */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /**
     * The commands.
     *
     * @throws IllegalStateException without an inventory or an engine, or with both
     */
    public Commands build() {
      if (engine != null && (inventory != null || state != null)) {
        throw new IllegalStateException("Commands.builder() takes an engine(...) or an inventory(...) and state(...)");
      }
      if (engine != null) {
        return new Commands(this);
      }
      if (inventory == null) {
        throw new IllegalStateException("Commands.builder() needs an inventory(...)");
      }
      if (state == null) {
        state = StateStore.inMemory();
      }
      return new Commands(this);
    }
  }
}
