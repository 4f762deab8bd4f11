package dev.inventory.query;

import dev.inventory.Inventory;
import dev.inventory.Resource;
import dev.inventory.query.ast.Aggregate;
import dev.inventory.query.ast.AllTerm;
import dev.inventory.query.ast.And;
import dev.inventory.query.ast.IsTerm;
import dev.inventory.query.ast.Limit;
import dev.inventory.query.ast.Navigation;
import dev.inventory.query.ast.Or;
import dev.inventory.query.ast.Part;
import dev.inventory.query.ast.PipeCommand;
import dev.inventory.query.ast.Pipeline;
import dev.inventory.query.ast.Query;
import dev.inventory.query.ast.SearchCommand;
import dev.inventory.query.ast.Sort;
import dev.inventory.query.ast.Term;
import dev.inventory.query.ast.WithCondition;
import dev.inventory.query.command.CommandResult;
import dev.inventory.query.command.Commands;
import dev.inventory.query.dsl.Property;
import dev.inventory.query.dsl.Walk;
import dev.inventory.query.internal.KindNames;
import dev.inventory.query.internal.Reroot;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The fluent front end of the query language: the one entry point for searches written in Java.
 * Each call returns a new, immutable {@code Search}; {@link #query()} gives the AST, the same
 * {@link Query} that {@code QueryParser.parse} builds for the text that {@link #toString()} prints.
 *
 * <pre>{@code
 * import static dev.inventory.query.Q.*;
 *
 * Search stale = Search.of(AccessKey.class)
 *     .where(lastAccess().olderThan(days(90)))
 *     .owner(User.class, name().notIn("jenkins", "ci"));
 * stale.toString();
 * // is(access_key) and last_access > 90days and /ancestors.user.reported.name not in [jenkins, ci]
 * stale.query().equals(QueryParser.parse(stale.toString()));   // true
 *
 * Search.of(AccessKey.class).where(lastAccess().olderThan(days(90))).predecessors(User.class);
 * // is(access_key) and last_access > 90days <-- is(user)
 * }</pre>
 *
 * <p><b>Parts.</b> A query is a chain of parts joined by navigations. {@link #predecessors}, {@link
 * #successors} and {@link #navigate} end the current part and start the next one; {@link #where},
 * {@link #and}, {@link #or}, {@link #owner}, {@link #with}, {@link #sort} and {@link #limit} work
 * on the current (last) part.
 *
 * <p><b>Conditions.</b> A part filters by its kind ({@code is(k)}, from {@link #of} or the
 * navigation) and by a condition. Calls join the condition in order, each wrapping what came before
 * it, so {@code .where(a).and(b).or(c)} is {@code (a and b) or c}; the kind always stays outside:
 * {@code is(k) and ((a and b) or c)}. An {@code or} can therefore never widen a search to other
 * kinds.
 *
 * <p>A {@code Search} holds the query state and nothing else; running it is the engine's job.
 */
public final class Search {
  private final List<Part> done; // every part before the current one; each ends with a navigation
  private final Optional<Term> kind;
  private final Optional<Term> condition;
  private final List<Sort> sort;
  private final Optional<Limit> limit;

  private Search(List<Part> done, Optional<Term> kind, Optional<Term> condition, List<Sort> sort,
      Optional<Limit> limit) {
    this.done = List.copyOf(done);
    this.kind = kind;
    this.condition = condition;
    this.sort = List.copyOf(sort);
    this.limit = limit;
  }

  /**
   * Every resource of the kind whose Java type is {@code type}, and of its subkinds: {@code
   * Search.of(AccessKey.class)} is {@code is(access_key)}. The kind comes from {@code
   * KindRegistry.standard()}.
   *
   * @throws IllegalArgumentException when no known kind has exactly this Java type
   */
  public static Search of(Class<? extends Resource> type) {
    return new Search(List.of(), Optional.of(IsTerm.of(KindNames.of(type))), Optional.empty(), List.of(),
        Optional.empty());
  }

  /** Every resource: {@code all}, or just the condition once one is given. */
  public static Search all() {
    return new Search(List.of(), Optional.empty(), Optional.empty(), List.of(), Optional.empty());
  }

  /**
   * Keeps what satisfies {@code condition}. The same as {@link #and}: the name reads better as the
   * first condition.
   */
  public Search where(Condition condition) {
    return and(condition);
  }

  /** {@code <condition so far> and condition}. */
  public Search and(Condition condition) {
    Objects.requireNonNull(condition, "condition");
    Term t = this.condition.<Term>map(c -> And.of(c, condition.term())).orElse(condition.term());
    return withCondition(t);
  }

  /**
   * {@code (<condition so far>) or condition}; the kind of the part stays a separate {@code and}.
   *
   * @throws IllegalStateException when the current part has no condition yet
   */
  public Search or(Condition condition) {
    Objects.requireNonNull(condition, "condition");
    Term before = this.condition.orElseThrow(() -> new IllegalStateException(
        "or(...) joins the condition before it; start with where(...)"));
    return withCondition(Or.of(before, condition.term()));
  }

  /**
   * The nearest ancestor of kind {@code owner} (walking {@code default} edges inward) satisfies
   * {@code condition}, joined with {@code and}: every path {@code p} of the condition is read as
   * {@code /ancestors.<owner kind>.reported.p}.
   *
   * <pre>{@code
   * Search.of(AccessKey.class).owner(User.class, name().notIn("jenkins", "ci"));
   * // is(access_key) and /ancestors.user.reported.name not in [jenkins, ci]
   * }</pre>
   *
   * @throws IllegalArgumentException when the condition holds something other than comparisons of
   *     properties ({@code is}, {@code id}, {@code all}, full text, {@code with}), or a path that
   *     already reads another node
   */
  public Search owner(Class<? extends Resource> owner, Condition condition) {
    Objects.requireNonNull(condition, "condition");
    return and(new Condition(Reroot.toAncestor(condition.term(), KindNames.of(owner))));
  }

  /**
   * Keeps the nodes whose walk reaches a number of nodes that satisfies {@code condition}, joined
   * with {@code and}: {@code .with(empty(), successors(AccessKey.class))} is {@code with(empty, -->
   * is(access_key))}.
   */
  public Search with(WithCondition condition, Walk walk) {
    return and(Q.with(condition, walk));
  }

  /** Ends this part with {@code <--} and continues with {@code is(kind)}: the direct predecessors. */
  public Search predecessors(Class<? extends Resource> kind) {
    return navigate(Q.predecessors(kind));
  }

  /** Ends this part with {@code -->} and continues with {@code is(kind)}: the direct successors. */
  public Search successors(Class<? extends Resource> kind) {
    return navigate(Q.successors(kind));
  }

  /**
   * Ends this part with the walk's navigation; the next part starts with the walk's filter (if
   * any) and takes the following conditions.
   */
  public Search navigate(Walk walk) {
    Objects.requireNonNull(walk, "walk");
    List<Part> parts = new ArrayList<>(done);
    parts.add(new Part(currentTerm(), sort, limit, Optional.of(walk.navigation())));
    return new Search(parts, walk.filter(), Optional.empty(), List.of(), Optional.empty());
  }

  /** Sorts the current part by these keys ({@code name().asc()}, {@code ctime().desc()}). */
  public Search sort(Sort first, Sort... more) {
    List<Sort> keys = new ArrayList<>();
    keys.add(Objects.requireNonNull(first, "first"));
    keys.addAll(Arrays.asList(more));
    return new Search(done, kind, condition, keys, limit);
  }

  /** Sorts the current part by these properties, ascending. */
  public Search sort(Property first, Property... more) {
    Objects.requireNonNull(first, "first");
    return sort(first.asc(), Arrays.stream(more).map(Property::asc).toArray(Sort[]::new));
  }

  /** Keeps the first {@code count} nodes of the current part: {@code limit count}. */
  public Search limit(int count) {
    return new Search(done, kind, condition, sort, Optional.of(Limit.of(count)));
  }

  /** Skips {@code offset} nodes and keeps the next {@code count}: {@code limit offset, count}. */
  public Search limit(int offset, int count) {
    return new Search(done, kind, condition, sort, Optional.of(new Limit(offset, count)));
  }

  /** The AST of this search. */
  public Query query() {
    List<Part> parts = new ArrayList<>(done);
    Optional<Term> term = currentTerm();
    if (term.isPresent() || !sort.isEmpty() || limit.isPresent()) {
      parts.add(new Part(term, sort, limit, Optional.empty()));
    }
    return new Query(parts);
  }

  // ---- terminal calls: run the search on the same engine and pipeline as the text commands ----

  /** Runs this search on a snapshot with the system clock and no marks. */
  public SearchResult run(Inventory inventory) {
    return run(QueryEngine.of(inventory), Clock.systemUTC());
  }

  /** Runs this search on a snapshot, reading {@code now} once from {@code clock}. */
  public SearchResult run(Inventory inventory, Clock clock) {
    return run(QueryEngine.of(inventory), clock);
  }

  /** Runs this search on an engine (a snapshot and its state store). */
  public SearchResult run(QueryEngine engine, Clock clock) {
    Objects.requireNonNull(engine, "engine");
    return engine.search(query(), Objects.requireNonNull(clock, "clock"));
  }

  /**
   * Counts the results by the value of {@code property}, exactly as {@code search ... | count path}
   * does: groups by count ascending, then the nodes with and without a value.
   *
   * @param engine the snapshot and state store to search (and whose caches to use)
   * @param property the value to count by
   * @param clock read once for the search
   * @return the counts
   */
  public CommandResult.Counted count(QueryEngine engine, Property property, Clock clock) {
    Objects.requireNonNull(property, "property");
    return (CommandResult.Counted) pipeline(engine, clock, new PipeCommand.Count(Optional.of(property.path())));
  }

  /**
   * Counts the results, as {@code search ... | count}.
   *
   * @param engine the snapshot and state store to search
   * @param clock read once for the search
   * @return the count
   */
  public CommandResult.Counted count(QueryEngine engine, Clock clock) {
    return (CommandResult.Counted) pipeline(engine, clock, new PipeCommand.Count(Optional.empty()));
  }

  /**
   * Aggregates the results, as {@code search ... | aggregate spec} does.
   *
   * <pre>{@code
   * Search.of(kind("access_key")).aggregate(engine, QueryParser.parseAggregate("account: sum(1) as keys"), clock);
   * }</pre>
   *
   * @param engine the snapshot and state store to search
   * @param aggregate the groups and functions
   * @param clock read once for the search
   * @return one row per group
   */
  public CommandResult.Aggregated aggregate(QueryEngine engine, Aggregate aggregate, Clock clock) {
    Objects.requireNonNull(aggregate, "aggregate");
    return (CommandResult.Aggregated) pipeline(engine, clock, new PipeCommand.AggregateBy(aggregate));
  }

  /**
   * Marks every result for cleanup in the engine's state store, with {@code reason}, the clock's
   * time and this search's query text, as {@code search ... | clean "reason"} does.
   *
   * @param engine the snapshot and the state store that receives the marks
   * @param reason why, empty for none
   * @param clock read once: the search's now and the marks' time
   * @return what was marked
   */
  public CommandResult.Marked clean(QueryEngine engine, String reason, Clock clock) {
    Objects.requireNonNull(reason, "reason");
    return (CommandResult.Marked) pipeline(engine, clock, PipeCommand.Mark.clean(reason.strip()));
  }

  private CommandResult pipeline(QueryEngine engine, Clock clock, PipeCommand command) {
    Objects.requireNonNull(engine, "engine");
    Commands commands = Commands.builder().engine(engine).clock(Objects.requireNonNull(clock, "clock")).build();
    return commands.execute(Pipeline.of(new SearchCommand(query()), command));
  }

  private Optional<Term> currentTerm() {
    if (kind.isPresent() && condition.isPresent()) {
      return Optional.of(And.of(kind.get(), condition.get()));
    }
    if (kind.isPresent() || condition.isPresent()) {
      return kind.isPresent() ? kind : condition;
    }
    // Search.all() on its own: the query "all". After a navigation an empty part stays empty.
    return done.isEmpty() ? Optional.of(AllTerm.of()) : Optional.empty();
  }

  private Search withCondition(Term t) {
    return new Search(done, kind, Optional.of(t), sort, limit);
  }

  /** Two searches are equal when they build equal queries. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Search other && query().equals(other.query());
  }

  @Override
  public int hashCode() {
    return query().hashCode();
  }

  /** The canonical query text, which {@code QueryParser.parse} reads back to an equal query. */
  @Override
  public String toString() {
    return query().toString();
  }
}
