package dev.inventory.query;

import dev.inventory.AccessKey;
import dev.inventory.Account;
import dev.inventory.Cloud;
import dev.inventory.EdgeType;
import dev.inventory.Group;
import dev.inventory.Region;
import dev.inventory.Resource;
import dev.inventory.Role;
import dev.inventory.User;
import dev.inventory.query.ast.DurationValue;
import dev.inventory.query.ast.Index;
import dev.inventory.query.ast.Navigation;
import dev.inventory.query.ast.Operator;
import dev.inventory.query.ast.Path;
import dev.inventory.query.ast.Section;
import dev.inventory.query.ast.Segment;
import dev.inventory.query.ast.Sort;
import dev.inventory.query.ast.WithCondition;
import dev.inventory.query.dsl.BooleanProperty;
import dev.inventory.query.dsl.DateTimeProperty;
import dev.inventory.query.dsl.DurationProperty;
import dev.inventory.query.dsl.NumberProperty;
import dev.inventory.query.dsl.Property;
import dev.inventory.query.dsl.StringProperty;
import dev.inventory.query.dsl.Walk;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * QuickTheories generators of fluent searches and conditions, built only through the DSL's
 * factories and operators ({@link Q}, {@link Search}, the property types): random property
 * references, operators, values, {@code not}/{@code and}/{@code or} nesting, {@code with} clauses,
 * owners, navigations, sorts and limits.
 *
 * <pre>{@code
 * qt().forAll(FluentGenerators.searches()).checkAssert(s -> assertThat(parse(s.toString())).isEqualTo(s.query()));
 * }</pre>
 */
final class FluentGenerators {
  private static final List<Class<? extends Resource>> TYPES = List.of(
      Resource.class, Cloud.class, Account.class, Region.class, User.class, Group.class, Role.class, AccessKey.class);

  // Values that the printer must quote or that read as another kind of literal when unquoted.
  private static final List<String> TRICKY = List.of(
      "jenkins", "ci", "90days", "-3d", "true", "false", "null", "42", "-7", "2.5", "1e5",
      "2024-01-01T00:00:00Z", "2024-01-01", "foo.*", "a b", "", "\"", "\\", "a,b", "[x]", "all", "and",
      "not in", "/", "a:b/c.d", "日本", "é", "tab\there", "line\nbreak", "|pipe", "`tick`", "@NOW@");

  // Segment names: identifiers, keywords, shorthands and names that need backticks.
  private static final List<String> SEGMENTS = List.of(
      "name", "tags", "size", "x", "all", "and", "or", "not", "with", "sort", "limit", "is", "id", "in",
      "account", "region", "cloud", "reported", "desired", "owner:team", "a b", "a-b", "a-", "9lives",
      "日本", "-", "with.dot", "empty", "count", "any", "none", "asc", "desc");

  private FluentGenerators() {}

  /** Random fluent searches: a start, then where/and/or/owner/with/navigate/sort/limit steps. */
  static Gen<Search> searches() {
    return in -> {
      Search s = between(in, 0, 4) == 0 ? Search.all() : Search.of(pick(in, TYPES));
      boolean hasCondition = false;
      int steps = between(in, 0, 6);
      for (int i = 0; i < steps; i++) {
        switch (between(in, 0, 9)) {
          case 0, 1 -> {
            s = s.where(condition(in, 3, false));
            hasCondition = true;
          }
          case 2 -> {
            s = s.and(condition(in, 2, false));
            hasCondition = true;
          }
          case 3 -> {
            if (hasCondition) {
              s = s.or(condition(in, 2, false));
            }
          }
          case 4 -> {
            s = s.owner(pick(in, TYPES), condition(in, 2, true));
            hasCondition = true;
          }
          case 5 -> {
            s = s.with(withCondition(in), walk(in, 1));
            hasCondition = true;
          }
          case 6 -> {
            s = switch (between(in, 0, 2)) {
              case 0 -> s.predecessors(pick(in, TYPES));
              case 1 -> s.successors(pick(in, TYPES));
              default -> s.navigate(walk(in, 1));
            };
            hasCondition = false;
          }
          case 7 -> s = between(in, 0, 1) == 0
              ? s.sort(property(in, false), property(in, false))
              : s.sort(sortKey(in), sortKey(in), sortKey(in));
          default -> s = between(in, 0, 1) == 0 ? s.limit(between(in, 0, 1000)) : s.limit(between(in, 0, 50), between(in, 0, 50));
        }
      }
      return s;
    };
  }

  /** Random conditions of nesting depth up to {@code depth}. */
  static Gen<Condition> conditions(int depth) {
    return in -> condition(in, depth, false);
  }

  /**
   * A condition; {@code ownerSafe} ones compare only properties of reported, desired or metadata
   * paths, so that they can be moved onto an owner.
   */
  static Condition condition(RandomnessSource in, int depth, boolean ownerSafe) {
    int choice = depth <= 0 ? 0 : between(in, 0, ownerSafe ? 5 : 11);
    return switch (choice) {
      case 0, 1 -> predicate(in, ownerSafe);
      case 2 -> Q.not(condition(in, depth - 1, ownerSafe));
      case 3 -> condition(in, depth - 1, ownerSafe).and(condition(in, depth - 1, ownerSafe));
      case 4 -> condition(in, depth - 1, ownerSafe).or(condition(in, depth - 1, ownerSafe));
      case 5 -> between(in, 0, 1) == 0
          ? Q.allOf(condition(in, depth - 1, ownerSafe), conditions(in, depth - 1, ownerSafe))
          : Q.anyOf(condition(in, depth - 1, ownerSafe), conditions(in, depth - 1, ownerSafe));
      case 6 -> Q.fullText(string(in));
      case 7 -> between(in, 0, 1) == 0 ? Q.id(string(in), strings(in)) : Q.is(kindName(in), kindNames(in));
      case 8 -> between(in, 0, 1) == 0 ? Q.all() : Q.is(pick(in, TYPES));
      case 9 -> Q.with(withCondition(in), walk(in, depth - 1));
      case 10 -> switch (between(in, 0, 2)) {
        case 0 -> Q.hasKey(pick(in, List.of("tags", "nested", "a.b")), string(in), strings(in));
        case 1 -> Q.inSubnet(pick(in, List.of("ip", "private_ips[*]")), pick(in, List.of("10.0.0.0/8", "1.2.3.4", "0.0.0.0/0")));
        default -> Q.hasDesiredChange(pick(in, List.of("clean", "name")));
      };
      default -> Q.unusedFor(duration(in));
    };
  }

  private static Condition[] conditions(RandomnessSource in, int depth, boolean ownerSafe) {
    Condition[] out = new Condition[between(in, 0, 2)];
    for (int i = 0; i < out.length; i++) {
      out[i] = condition(in, depth, ownerSafe);
    }
    return out;
  }

  private static Condition predicate(RandomnessSource in, boolean ownerSafe) {
    Property p = property(in, ownerSafe);
    if (between(in, 0, 9) == 0) {
      return between(in, 0, 1) == 0 ? p.isNull() : p.isNotNull();
    }
    if (p instanceof StringProperty s) {
      return switch (between(in, 0, 5)) {
        case 0 -> s.eq(string(in));
        case 1 -> s.ne(string(in));
        case 2 -> s.in(stringList(in));
        case 3 -> s.notIn(stringList(in));
        case 4 -> s.matches(string(in));
        default -> s.notMatches(string(in));
      };
    }
    if (p instanceof NumberProperty n) {
      boolean integral = between(in, 0, 1) == 0;
      long l = in.next(Constraint.none().withShrinkPoint(0));
      double d = decimal(in);
      return switch (between(in, 0, 7)) {
        case 0 -> integral ? n.eq(l) : n.eq(d);
        case 1 -> integral ? n.ne(l) : n.ne(d);
        case 2 -> integral ? n.gt(l) : n.gt(d);
        case 3 -> integral ? n.ge(l) : n.ge(d);
        case 4 -> integral ? n.lt(l) : n.lt(d);
        case 5 -> integral ? n.le(l) : n.le(d);
        case 6 -> integral ? n.in(l, between(in, -5, 5)) : n.in(d, decimal(in));
        default -> integral ? n.notIn(l) : n.notIn(d);
      };
    }
    if (p instanceof DateTimeProperty t) {
      Instant at = instant(in);
      DurationValue d = duration(in);
      return switch (between(in, 0, 10)) {
        case 0 -> t.gt(at);
        case 1 -> t.ge(at);
        case 2 -> t.lt(at);
        case 3 -> t.le(at);
        case 4 -> t.before(at);
        case 5 -> t.after(at);
        case 6 -> t.gt(d);
        case 7 -> t.ge(d);
        case 8 -> t.lt(d);
        case 9 -> t.le(d);
        default -> t.withinLast(d);
      };
    }
    if (p instanceof DurationProperty t) {
      DurationValue d = duration(in);
      return switch (between(in, 0, 5)) {
        case 0 -> t.olderThan(d);
        case 1 -> t.newerThan(d);
        case 2 -> t.gt(d);
        case 3 -> t.ge(d);
        case 4 -> t.lt(d);
        default -> t.le(d);
      };
    }
    BooleanProperty b = (BooleanProperty) p;
    return switch (between(in, 0, 2)) {
      case 0 -> b.isTrue();
      case 1 -> b.isFalse();
      default -> b.eq(between(in, 0, 1) == 0);
    };
  }

  /** A property from the hub, the per-kind constants or a random path of any type. */
  static Property property(RandomnessSource in, boolean ownerSafe) {
    Property p = switch (between(in, 0, 22)) {
      case 0 -> Q.name();
      case 1 -> Q.id();
      case 2 -> Q.kind();
      case 3 -> Q.tag(pick(in, SEGMENTS));
      case 4 -> Q.ctime();
      case 5 -> Q.mtime();
      case 6 -> Q.atime();
      case 7 -> Q.age();
      case 8 -> Q.lastAccess();
      case 9 -> Q.lastUpdate();
      case 10 -> Q.desired(pick(in, SEGMENTS));
      case 11 -> Q.metadata(pick(in, SEGMENTS));
      case 12 -> Q.property("access_key_status");
      case 13 -> pick(in, List.of(AccessKeys.ACCESS_KEY_STATUS, AccessKeys.LAST_USE, AccessKeys.USER_NAME,
          AccessKeys.LAST_USED_SERVICE, AccessKeys.LAST_USED_REGION, Users.ARN, Users.PATH));
      case 14 -> pick(in, List.<Property>of(AccessKeys.LAST_USED, Users.PASSWORD_ENABLED, Users.MFA_ACTIVE));
      case 15 -> Q.numberProperty("size");
      case 16 -> Q.booleanProperty("mfa_active");
      case 17 -> Q.datetimeProperty("access_key_last_used.last_used");
      case 18 -> new StringProperty(path(in, ownerSafe));
      case 19 -> new NumberProperty(path(in, ownerSafe));
      case 20 -> new DateTimeProperty(path(in, ownerSafe));
      case 21 -> new BooleanProperty(path(in, ownerSafe));
      default -> ownerSafe ? Q.name() : Q.property(pick(in, List.of(
          "account", "region.id", "cloud", "/ancestors.user.reported.name", "/descendants.access_key.reported.id")));
    };
    return modifier(in, p);
  }

  private static Property modifier(RandomnessSource in, Property p) {
    int m = between(in, 0, 6);
    if (m > 2) {
      return p;
    }
    if (p instanceof StringProperty s) {
      return m == 0 ? s.allElements() : m == 1 ? s.anyElement() : s.noElement();
    }
    if (p instanceof NumberProperty n) {
      return m == 0 ? n.allElements() : m == 1 ? n.anyElement() : n.noElement();
    }
    if (p instanceof DateTimeProperty t) {
      return m == 0 ? t.allElements() : m == 1 ? t.anyElement() : t.noElement();
    }
    if (p instanceof BooleanProperty b) {
      return m == 0 ? b.allElements() : m == 1 ? b.anyElement() : b.noElement();
    }
    return p;
  }

  private static Path path(RandomnessSource in, boolean ownerSafe) {
    List<Segment> segments = new ArrayList<>();
    int n = between(in, 1, 3);
    for (int i = 0; i < n; i++) {
      Optional<Index> index = switch (between(in, 0, 4)) {
        case 0 -> Optional.of(Index.any());
        case 1 -> Optional.of(Index.at(between(in, 0, 20)));
        default -> Optional.empty();
      };
      segments.add(new Segment(pick(in, SEGMENTS), index));
    }
    int section = between(in, 0, ownerSafe ? 4 : 6);
    return switch (section) {
      case 0, 1, 2 -> new Path(Section.REPORTED, Optional.empty(), segments);
      case 3 -> new Path(Section.DESIRED, Optional.empty(), segments);
      case 4 -> new Path(Section.METADATA, Optional.empty(), segments);
      default -> {
        List<Segment> rooted = new ArrayList<>();
        rooted.add(Segment.of(pick(in, List.of("reported", "desired", "metadata"))));
        rooted.addAll(segments);
        yield new Path(section == 5 ? Section.ANCESTORS : Section.DESCENDANTS, Optional.of(kindName(in)), rooted);
      }
    };
  }

  private static Sort sortKey(RandomnessSource in) {
    Property p = property(in, false);
    return between(in, 0, 1) == 0 ? p.asc() : p.desc();
  }

  static Walk walk(RandomnessSource in, int depth) {
    Walk w = switch (between(in, 0, 5)) {
      case 0 -> Q.successors();
      case 1 -> Q.predecessors();
      case 2 -> Q.neighbors();
      case 3 -> Q.successors(pick(in, TYPES));
      case 4 -> Q.predecessors(pick(in, TYPES));
      default -> Q.neighbors(pick(in, TYPES));
    };
    switch (between(in, 0, 5)) {
      case 0 -> w = w.edges(EdgeType.DELETE);
      case 1 -> w = w.edges(EdgeType.DELETE, EdgeType.DEFAULT);
      case 2 -> w = w.edges(EdgeType.IAM);
      default -> { }
    }
    if (w.navigation().direction() == Navigation.Direction.INOUT && between(in, 0, 2) == 0) {
      w = w.outEdges(pick(in, List.of(EdgeType.DEFAULT, EdgeType.DELETE, EdgeType.IAM)));
    }
    if (depth > 0 && between(in, 0, 4) == 0) {
      w = w.edgesWhere(predicate(in, true));
    }
    int start = between(in, 0, 3);
    switch (between(in, 0, 4)) {
      case 0 -> w = w.depth(start);
      case 1 -> w = w.depth(start, start + between(in, 0, 3));
      case 2 -> w = w.depthFrom(start);
      default -> { }
    }
    if (depth > 0 && between(in, 0, 2) == 0) {
      w = w.where(condition(in, depth - 1, false));
    }
    if (depth > 0 && between(in, 0, 3) == 0) {
      w = w.with(withCondition(in), walk(in, depth - 1));
    }
    return w;
  }

  private static WithCondition withCondition(RandomnessSource in) {
    return switch (between(in, 0, 2)) {
      case 0 -> Q.empty();
      case 1 -> Q.any();
      default -> Q.count(pick(in, List.of(Operator.EQ, Operator.NE, Operator.LT, Operator.LE, Operator.GT, Operator.GE)),
          between(in, 0, 100));
    };
  }

  private static DurationValue duration(RandomnessSource in) {
    long n = between(in, -1000, 1000);
    return switch (between(in, 0, 7)) {
      case 0 -> Q.minutes(n);
      case 1 -> Q.hours(n);
      case 2 -> Q.days(n);
      case 3 -> Q.weeks(n);
      case 4 -> Q.months(n);
      case 5 -> Q.years(n);
      case 6 -> Q.duration(Duration.ofSeconds(in.next(Constraint.between(-10_000_000_000L, 10_000_000_000L)),
          between(in, 0, 2) == 0 ? between(in, 0, 999_999_999) : 0));
      default -> Q.duration(pick(in, List.of("2h30min", "1yr2mo", "-1.5h", "3d", "1w", "90days", "0s", "10M")));
    };
  }

  private static Instant instant(RandomnessSource in) {
    long min = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    long second = in.next(Constraint.between(min, max).withShrinkPoint(1_700_000_000L));
    int nanos = between(in, 0, 3) == 0 ? between(in, 0, 999_999_999) : 0;
    return Instant.ofEpochSecond(second, nanos);
  }

  private static double decimal(RandomnessSource in) {
    if (between(in, 0, 2) == 0) {
      double d = Double.longBitsToDouble(in.next(Constraint.none()));
      return Double.isFinite(d) ? d : 0.5;
    }
    return between(in, -100_000, 100_000) / 8.0;
  }

  private static String string(RandomnessSource in) {
    if (between(in, 0, 2) > 0) {
      return pick(in, TRICKY);
    }
    StringBuilder s = new StringBuilder();
    int length = between(in, 0, 8);
    for (int i = 0; i < length; i++) {
      int cp = switch (between(in, 0, 3)) {
        case 0, 1 -> between(in, 0x20, 0x7e);
        case 2 -> between(in, 0x00, 0x1f);
        default -> between(in, 0xa0, 0x2fff);
      };
      s.appendCodePoint(cp);
    }
    return s.toString();
  }

  private static String[] strings(RandomnessSource in) {
    String[] out = new String[between(in, 0, 2)];
    for (int i = 0; i < out.length; i++) {
      out[i] = string(in);
    }
    return out;
  }

  private static List<String> stringList(RandomnessSource in) {
    return List.of(strings(in));
  }

  private static String kindName(RandomnessSource in) {
    return pick(in, List.of("access_key", "user", "aws_iam_user", "k8s-pod", "odd kind", "with", "all", "日本"));
  }

  private static String[] kindNames(RandomnessSource in) {
    String[] out = new String[between(in, 0, 2)];
    for (int i = 0; i < out.length; i++) {
      out[i] = kindName(in);
    }
    return out;
  }

  private static <T> T pick(RandomnessSource in, List<T> values) {
    return values.get(between(in, 0, values.size() - 1));
  }

  private static int between(RandomnessSource in, int min, int max) {
    return (int) in.next(Constraint.between(min, max));
  }
}
