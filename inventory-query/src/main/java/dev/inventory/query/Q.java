package dev.inventory.query;

import dev.inventory.Resource;
import dev.inventory.query.ast.AllTerm;
import dev.inventory.query.ast.And;
import dev.inventory.query.ast.DurationValue;
import dev.inventory.query.ast.FullText;
import dev.inventory.query.ast.FunctionTerm;
import dev.inventory.query.ast.IdTerm;
import dev.inventory.query.ast.IsTerm;
import dev.inventory.query.ast.ListValue;
import dev.inventory.query.ast.Navigation;
import dev.inventory.query.ast.Not;
import dev.inventory.query.ast.Operator;
import dev.inventory.query.ast.Or;
import dev.inventory.query.ast.Path;
import dev.inventory.query.ast.Section;
import dev.inventory.query.ast.StringValue;
import dev.inventory.query.ast.Term;
import dev.inventory.query.ast.Value;
import dev.inventory.query.ast.WithCondition;
import dev.inventory.query.dsl.BooleanProperty;
import dev.inventory.query.dsl.DateTimeProperty;
import dev.inventory.query.dsl.DurationProperty;
import dev.inventory.query.dsl.NumberProperty;
import dev.inventory.query.dsl.StringProperty;
import dev.inventory.query.dsl.Walk;
import dev.inventory.query.internal.Durations;
import dev.inventory.query.internal.KindNames;
import dev.inventory.query.parse.QueryParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The static-import hub of the fluent DSL: typed property references, durations, combinators and
 * navigations. Together with {@link Search#of} it is all a policy needs.
 *
 * <pre>{@code
 * import static dev.inventory.query.Q.*;
 *
 * Search stale = Search.of(AccessKey.class)
 *     .where(lastAccess().olderThan(days(90)))
 *     .owner(User.class, name().notIn("jenkins", "ci"));
 * // is(access_key) and last_access > 90days and /ancestors.user.reported.name not in [jenkins, ci]
 *
 * Search.of(AccessKey.class).where(unusedFor(days(90)).and(not(metadata("protected").isTrue())));
 * Search.all().where(anyOf(tag("owner").isNull(), fullText("temporary"))).sort(ctime().desc()).limit(10);
 * }</pre>
 *
 * <p><b>What is here.</b>
 *
 * <ul>
 *   <li>Properties every resource has: {@link #id()}, {@link #kind()}, {@link #name()}, {@link
 *       #ctime()}, {@link #mtime()}, {@link #atime()}, {@link #tag(String)}; the synthetic times
 *       {@link #age()}, {@link #lastAccess()}, {@link #lastUpdate()}; the state marks {@link
 *       #desired(String)} and {@link #metadata(String)}; any path by type: {@link
 *       #property(String)}, {@link #numberProperty(String)}, .... Per-kind properties are
 *       constants of {@link AccessKeys} and {@link Users}.
 *   <li>Durations, written as a person writes them in a query: {@link #days(long)} is {@code
 *       90days}, {@link #hours(long)} is {@code 2hours}; {@link #duration(String)} reads any
 *       duration text.
 *   <li>Combinators: {@link #not}, {@link #allOf}, {@link #anyOf}, {@link #all()}, {@link #is},
 *       {@link #id(String, String...)}, {@link #fullText}, {@link #unusedFor}.
 *   <li>Navigations for {@link Search#navigate} and {@code with} clauses: {@link #successors},
 *       {@link #predecessors}, {@link #neighbors}; with conditions {@link #empty()}, {@link
 *       #any()}, {@link #count}.
 * </ul>
 *
 * <p>Every factory builds the AST node the parser builds for the text in its documentation, so a
 * fluent query and the parsed text are {@code equals}.
 */
public final class Q {
  private static final long MINUTE = 60;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;

  private Q() {}

  // ------------------------------------------------------------------ properties of every resource

  /** {@code id}: the resource id (the ARN, or the access key id). */
  public static StringProperty id() {
    return new StringProperty(Path.reported("id"));
  }

  /** {@code kind}: the kind name ({@code aws_iam_access_key}). */
  public static StringProperty kind() {
    return new StringProperty(Path.reported("kind"));
  }

  /** {@code name}. */
  public static StringProperty name() {
    return new StringProperty(Path.reported("name"));
  }

  /** {@code ctime}: when the resource was created. */
  public static DateTimeProperty ctime() {
    return new DateTimeProperty(Path.reported("ctime"));
  }

  /** {@code mtime}: when the resource was last modified. */
  public static DateTimeProperty mtime() {
    return new DateTimeProperty(Path.reported("mtime"));
  }

  /** {@code atime}: when the resource was last accessed. */
  public static DateTimeProperty atime() {
    return new DateTimeProperty(Path.reported("atime"));
  }

  /** {@code age}: the time since {@code ctime}; {@code age().olderThan(days(30))} is {@code age > 30days}. */
  public static DurationProperty age() {
    return new DurationProperty(Path.reported("age"));
  }

  /** {@code last_access}: the time since {@code atime}. */
  public static DurationProperty lastAccess() {
    return new DurationProperty(Path.reported("last_access"));
  }

  /** {@code last_update}: the time since {@code mtime}. */
  public static DurationProperty lastUpdate() {
    return new DurationProperty(Path.reported("last_update"));
  }

  /** {@code tags.<key>}: {@code tag("owner:team")} is {@code tags.`owner:team`}. */
  public static StringProperty tag(String key) {
    return new StringProperty(Path.reported("tags", Objects.requireNonNull(key, "key")));
  }

  /** {@code /desired.<name>}: {@code desired("clean").isTrue()} is {@code /desired.clean == true}. */
  public static BooleanProperty desired(String name) {
    return new BooleanProperty(Path.of(Section.DESIRED, Objects.requireNonNull(name, "name")));
  }

  /** {@code /metadata.<name>}: {@code metadata("protected").isTrue()} is {@code /metadata.protected == true}. */
  public static BooleanProperty metadata(String name) {
    return new BooleanProperty(Path.of(Section.METADATA, Objects.requireNonNull(name, "name")));
  }

  // ------------------------------------------------------------------ properties by path

  /**
   * A string property at {@code path}, written as in a query: {@code property("access_key_status")},
   * {@code property("access_key_last_used.service_name")}, {@code property("/desired.reason")}.
   *
   * @throws dev.inventory.query.parse.QuerySyntaxException when {@code path} is not path syntax
   */
  public static StringProperty property(String path) {
    return stringProperty(path);
  }

  /** A string property at {@code path} (query path syntax). */
  public static StringProperty stringProperty(String path) {
    return new StringProperty(path(path));
  }

  /** A number property at {@code path} (query path syntax): {@code numberProperty("size").gt(100)}. */
  public static NumberProperty numberProperty(String path) {
    return new NumberProperty(path(path));
  }

  /** A boolean property at {@code path} (query path syntax): {@code booleanProperty("mfa_active").isFalse()}. */
  public static BooleanProperty booleanProperty(String path) {
    return new BooleanProperty(path(path));
  }

  /** A date-time property at {@code path} (query path syntax). */
  public static DateTimeProperty datetimeProperty(String path) {
    return new DateTimeProperty(path(path));
  }

  private static Path path(String text) {
    return QueryParser.parsePath(Objects.requireNonNull(text, "path"));
  }

  // ------------------------------------------------------------------ durations

  /** {@code n} minutes: {@code 30minutes} ({@code 1minute}). */
  public static DurationValue minutes(long n) {
    return Durations.of(n, MINUTE, "minute", "minutes");
  }

  /** {@code n} hours: {@code 2hours} ({@code 1hour}). */
  public static DurationValue hours(long n) {
    return Durations.of(n, HOUR, "hour", "hours");
  }

  /** {@code n} days: {@code 90days} ({@code 1day}). */
  public static DurationValue days(long n) {
    return Durations.of(n, DAY, "day", "days");
  }

  /** {@code n} weeks of 7 days: {@code 2weeks} ({@code 1week}). */
  public static DurationValue weeks(long n) {
    return Durations.of(n, 7 * DAY, "week", "weeks");
  }

  /** {@code n} months of 31 days, as the query language counts them: {@code 6months}. */
  public static DurationValue months(long n) {
    return Durations.of(n, 31 * DAY, "month", "months");
  }

  /** {@code n} years of 365 days, as the query language counts them: {@code 1year}. */
  public static DurationValue years(long n) {
    return Durations.of(n, 365 * DAY, "year", "years");
  }

  /**
   * A duration written as in a query: {@code duration("2h30min")}, {@code duration("1yr2mo")},
   * {@code duration("-3d")}.
   *
   * @throws IllegalArgumentException when the text is not duration syntax
   */
  public static DurationValue duration(String text) {
    Objects.requireNonNull(text, "text");
    return DurationValue.parse(text).orElseThrow(() -> new IllegalArgumentException("not a duration: '" + text + "'"));
  }

  /** A {@link Duration} as a literal in canonical text ({@code Duration.ofHours(26)} is {@code 1d2h}). */
  public static DurationValue duration(Duration duration) {
    return DurationValue.of(Objects.requireNonNull(duration, "duration"));
  }

  // ------------------------------------------------------------------ combinators

  /** {@code not c}. */
  public static Condition not(Condition c) {
    return new Condition(new Not(Objects.requireNonNull(c, "c").term()));
  }

  /** {@code all}: every node. */
  public static Condition all() {
    return new Condition(AllTerm.of());
  }

  /** {@code a and b and ...}; one condition is itself. */
  public static Condition allOf(Condition first, Condition... more) {
    List<Term> terms = terms(first, more);
    return terms.size() == 1 ? first : new Condition(new And(terms));
  }

  /** {@code a or b or ...}; one condition is itself. */
  public static Condition anyOf(Condition first, Condition... more) {
    List<Term> terms = terms(first, more);
    return terms.size() == 1 ? first : new Condition(new Or(terms));
  }

  private static List<Term> terms(Condition first, Condition... more) {
    List<Term> terms = new ArrayList<>();
    terms.add(Objects.requireNonNull(first, "first").term());
    for (Condition c : more) {
      terms.add(Objects.requireNonNull(c, "condition").term());
    }
    return terms;
  }

  /**
   * {@code has_key(path, key, ...)}: the object at {@code path} has every one of these keys.
   *
   * @param path the property, in query path syntax ({@code "tags"})
   * @param key a key
   * @param more further keys
   * @return the condition
   */
  public static Condition hasKey(String path, String key, String... more) {
    List<Value> keys = new ArrayList<>();
    keys.add(StringValue.of(Objects.requireNonNull(key, "key")));
    Arrays.stream(more).forEach(k -> keys.add(StringValue.of(k)));
    Value arg = keys.size() == 1 ? keys.get(0) : new ListValue(keys);
    return new Condition(new FunctionTerm(FunctionTerm.Function.HAS_KEY, path(path), List.of(arg)));
  }

  /**
   * {@code in_subnet(path, "network")}: the IPv4 address at {@code path} lies in the network.
   *
   * @param path the property, in query path syntax ({@code "private_ip"})
   * @param network such as {@code 10.0.0.0/16}
   * @return the condition
   * @throws IllegalArgumentException when {@code network} is not an IPv4 network
   */
  public static Condition inSubnet(String path, String network) {
    if (FunctionTerm.Subnet.parse(Objects.requireNonNull(network, "network")).isEmpty()) {
      throw new IllegalArgumentException("not an IPv4 network such as 10.0.0.0/16: " + network);
    }
    return new Condition(new FunctionTerm(FunctionTerm.Function.IN_SUBNET, path(path), List.of(StringValue.of(network))));
  }

  /**
   * {@code has_desired_change(path)}: {@code /desired.path} is set and differs from {@code
   * /reported.path}.
   *
   * @param path the property, in query path syntax ({@code "clean"})
   * @return the condition
   */
  public static Condition hasDesiredChange(String path) {
    return new Condition(new FunctionTerm(FunctionTerm.Function.HAS_DESIRED_CHANGE, path(path), List.of()));
  }

  /** {@code "text"}: the phrase occurs, case-insensitively, in some string value of the node. */
  public static Condition fullText(String text) {
    return new Condition(new FullText(Objects.requireNonNull(text, "text")));
  }

  /** {@code id(first, more...)}: the node id is one of these. */
  public static Condition id(String first, String... more) {
    List<String> ids = new ArrayList<>();
    ids.add(Objects.requireNonNull(first, "first"));
    ids.addAll(Arrays.asList(more));
    return new Condition(new IdTerm(ids));
  }

  /** {@code is(first, more...)}: the node's kind is one of these kinds or a subkind of one. */
  public static Condition is(String first, String... more) {
    List<String> kinds = new ArrayList<>();
    kinds.add(Objects.requireNonNull(first, "first"));
    kinds.addAll(Arrays.asList(more));
    return new Condition(new IsTerm(kinds));
  }

  /** {@code is(k)} for the kind whose Java type is {@code type}: {@code is(User.class)} is {@code is(user)}. */
  public static Condition is(Class<? extends Resource> type) {
    return new Condition(IsTerm.of(KindNames.of(type)));
  }

  /**
   * The common cleanup policy for access keys: used, and last used more than {@code d} ago; or never
   * used, and created more than {@code d} ago. A key whose last use is unknown never matches.
   *
   * <pre>{@code
   * unusedFor(days(90));
   * // (last_use == used and last_access > 90days) or (last_use == never and age > 90days)
   * }</pre>
   */
  public static Condition unusedFor(DurationValue d) {
    Objects.requireNonNull(d, "d");
    return anyOf(
        AccessKeys.LAST_USE.eq("used").and(lastAccess().olderThan(d)),
        AccessKeys.LAST_USE.eq("never").and(age().olderThan(d)));
  }

  // ------------------------------------------------------------------ navigation and with clauses

  /** {@code --> is(k)}: one step along {@code default} edges to nodes of kind {@code type}. */
  public static Walk successors(Class<? extends Resource> type) {
    return successors().where(is(type));
  }

  /** {@code -->}: one step along {@code default} edges. */
  public static Walk successors() {
    return Walk.of(Navigation.out());
  }

  /** {@code <-- is(k)}: one step against {@code default} edges to nodes of kind {@code type}. */
  public static Walk predecessors(Class<? extends Resource> type) {
    return predecessors().where(is(type));
  }

  /** {@code <--}: one step against {@code default} edges. */
  public static Walk predecessors() {
    return Walk.of(Navigation.in());
  }

  /** {@code <--> is(k)}: one step either way to nodes of kind {@code type}. */
  public static Walk neighbors(Class<? extends Resource> type) {
    return neighbors().where(is(type));
  }

  /** {@code <-->}: one step either way along {@code default} edges. */
  public static Walk neighbors() {
    return Walk.of(Navigation.inOut());
  }

  /** {@code with(condition, walk)} as a condition, to combine with others. */
  public static Condition with(WithCondition condition, Walk walk) {
    Objects.requireNonNull(condition, "condition");
    return new Condition(Objects.requireNonNull(walk, "walk").clause(condition));
  }

  /** The with condition {@code empty}: the walk reaches no node. */
  public static WithCondition empty() {
    return WithCondition.empty();
  }

  /** The with condition {@code any}: the walk reaches at least one node. */
  public static WithCondition any() {
    return WithCondition.any();
  }

  /** The with condition {@code count op n}: {@code count(Operator.GT, 2)} is {@code count > 2}. */
  public static WithCondition count(Operator operator, int n) {
    return WithCondition.count(operator, n);
  }
}
