package dev.inventory.query.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.inventory.EdgeType;
import dev.inventory.GenericResource;
import dev.inventory.Inventory;
import dev.inventory.query.ast.And;
import dev.inventory.query.ast.BoolValue;
import dev.inventory.query.ast.DateTimeValue;
import dev.inventory.query.ast.DurationValue;
import dev.inventory.query.ast.IsTerm;
import dev.inventory.query.ast.ListValue;
import dev.inventory.query.ast.Navigation;
import dev.inventory.query.ast.Not;
import dev.inventory.query.ast.NullValue;
import dev.inventory.query.ast.NumberValue;
import dev.inventory.query.ast.Operator;
import dev.inventory.query.ast.Or;
import dev.inventory.query.ast.Part;
import dev.inventory.query.ast.Path;
import dev.inventory.query.ast.Predicate;
import dev.inventory.query.ast.Query;
import dev.inventory.query.ast.StringValue;
import dev.inventory.query.ast.Term;
import dev.inventory.query.ast.Value;
import dev.inventory.state.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * The engine's fast paths (string columns with per-value answers, the time-column filter, cached kind
 * sets, column-backed {@code values}) give exactly what plain node-by-node evaluation gives: every
 * generated query runs once over a {@link SnapshotCache} that remembers nothing (the plain path)
 * and twice over one shared cache that earlier queries have already partly filled, in another order.
 * Names come from a pool with duplicates, case and Unicode variants, blanks, digits and absent
 * values; properties include declared strings ({@code name}, {@code kind}, {@code id}, {@code
 * access_key_status}) and undeclared ones with mixed types ({@code team}). The plain run also tests
 * {@code is(...)} node by node instead of through the kind index.
 */
class CachedEvaluationPropertiesTest {
  private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
  private static final StateStore STATE = StateStore.inMemory();
  private static final List<String> KINDS = List.of("user", "access_key", "account", "resource", "aws_s3_bucket");
  private static final List<String> WORDS = List.of(
      "jenkins", "Jenkins", "JENKINS", "ci", "CI", "ci ", "", "日本", "straße", "STRASSE", "e\u0301", "\u00e9",
      "123", "1.5", "true", "null", "Active", "user");
  private static final List<String> PATHS = List.of("name", "kind", "id", "access_key_status", "team", "last_use");
  private static final List<Operator> STRING_OPERATORS = List.of(
      Operator.EQ, Operator.NE, Operator.IN, Operator.NOT_IN, Operator.EQ, Operator.NE, Operator.IN, Operator.NOT_IN,
      Operator.LT, Operator.MATCHES, Operator.NOT_MATCHES);
  private static final List<Integer> DAYS = List.of(-5, 0, 1, 30, 89, 90, 91, 400);
  private static final List<Operator> TIME_OPERATORS = List.of(
      Operator.GT, Operator.GE, Operator.LT, Operator.LE, Operator.EQ, Operator.NE);

  /** An inventory and queries to run in turn over one engine cache. */
  record Case(Inventory inventory, List<Query> queries) {
    @Override
    public String toString() {
      return queries + "\n" + inventory.nodes() + "\n" + inventory.edges();
    }
  }

  @Test
  void should_find_what_plain_evaluation_finds_with_a_warm_or_cold_cache() {
    qt().withExamples(400).forAll(cases()).checkAssert(c -> {
      // GIVEN one cache shared by all the queries of the case, filled by each in turn
      SnapshotCache shared = SnapshotCache.of(c.inventory());
      for (Query q : c.queries()) {
        // WHEN the query runs plainly, then twice over the shared cache
        int[] plain = Plan.compile(nodeByNode(q), SnapshotCache.none(c.inventory()), STATE, Optional.empty()).run(NOW);
        Plan cached = Plan.compile(q, shared, STATE, Optional.empty());
        int[] first = cached.run(NOW);
        int[] again = cached.run(NOW);
        // THEN all three find the same nodes in the same order
        assertThat(first).as("cached, first run of %s", q).containsExactly(plain);
        assertThat(again).as("cached, second run of %s", q).containsExactly(plain);
      }
    });
  }

  @Test
  void should_read_and_count_the_same_values_through_a_string_column() {
    qt().withExamples(300).forAll(cases()).checkAssert(c -> {
      // GIVEN a cache whose columns the case's queries have partly filled
      SnapshotCache shared = SnapshotCache.of(c.inventory());
      for (Query q : c.queries()) {
        Plan.compile(q, shared, STATE, Optional.empty()).run(NOW);
      }
      int[] all = new int[c.inventory().size()];
      Arrays.setAll(all, i -> i);
      int[] backwards = new int[all.length];
      Arrays.setAll(backwards, i -> all.length - 1 - i);
      for (String p : PATHS) {
        Path path = Path.reported(p);
        // WHEN the values of every node are read with and without the cache, in both orders
        List<List<Object>> plain = Plan.values(c.inventory(), STATE, NOW, path, all);
        List<List<Object>> cached = Plan.values(shared, STATE, NOW, path, all);
        List<List<Object>> cachedBackwards = Plan.values(SnapshotCache.of(c.inventory()), STATE, NOW, path, backwards);
        // THEN they are equal, node by node
        assertThat(cached).as(p).isEqualTo(plain);
        List<List<Object>> reversed = new ArrayList<>(cachedBackwards);
        java.util.Collections.reverse(reversed);
        assertThat(reversed).as(p + " backwards").isEqualTo(plain);
        // AND the value counts, with or without the cache, are the per-node values grouped
        Map<List<Object>, Integer> grouped = new java.util.HashMap<>();
        plain.stream().filter(v -> !v.isEmpty()).forEach(v -> grouped.merge(v, 1, Integer::sum));
        assertThat(Plan.valueCounts(shared, STATE, NOW, path, backwards)).as(p + " counts").isEqualTo(grouped);
        assertThat(Plan.valueCounts(SnapshotCache.none(c.inventory()), STATE, NOW, path, all)).isEqualTo(grouped);
      }
    });
  }

  @Test
  void should_answer_not_in_on_names_as_the_design_says() {
    // GIVEN users named jenkins, Jenkins, ci and none at all, and a key that is not a user
    Inventory inv = Inventory.builder()
        .add(GenericResource.builder("u1", "user").name("jenkins").build())
        .add(GenericResource.builder("u2", "user").name("Jenkins").build())
        .add(GenericResource.builder("u3", "user").build())
        .add(GenericResource.builder("u4", "user").name("ci").build())
        .add(GenericResource.builder("u5", "user").name("日本").build())
        .add(GenericResource.builder("k1", "access_key").name("jenkins").build())
        .build();
    SnapshotCache cache = SnapshotCache.of(inv);
    Query notIn = Query.of(And.of(IsTerm.of("user"),
        new Predicate(Path.reported("name"), Operator.NOT_IN, ListValue.ofStrings("jenkins", "ci"))));
    Query ne = Query.of(new Predicate(Path.reported("name"), Operator.NE, StringValue.of("jenkins")));
    // WHEN they run twice over one cache
    for (int round = 0; round < 2; round++) {
      // THEN not in is case-sensitive and skips the user without a name; != keeps it
      assertThat(ids(inv, Plan.compile(notIn, cache, STATE, Optional.empty()).run(NOW))).containsExactly("u2", "u5");
      assertThat(ids(inv, Plan.compile(ne, cache, STATE, Optional.empty()).run(NOW)))
          .containsExactly("u2", "u3", "u4", "u5");
    }
    assertThat(Plan.values(cache, STATE, NOW, Path.reported("name"), new int[] {2, 4, 1}))
        .containsExactly(List.of(), List.of("日本"), List.of("Jenkins"));
  }

  /**
   * The query with every {@code is(...)} that the kind index would apply written as {@code not not
   * is(...)}, which the plan tests node by node.
   */
  private static Query nodeByNode(Query q) {
    List<Part> parts = new ArrayList<>();
    for (Part p : q.parts()) {
      Optional<Term> term = p.term().map(t -> {
        if (t instanceof IsTerm) {
          return new Not(new Not(t));
        }
        if (t instanceof And a) {
          return new And(a.terms().stream().map(x -> x instanceof IsTerm ? (Term) new Not(new Not(x)) : x).toList());
        }
        return t;
      });
      parts.add(new Part(term, p.sort(), p.limit(), p.navigation()));
    }
    return new Query(parts);
  }

  private static List<String> ids(Inventory inv, int[] nodes) {
    return Arrays.stream(nodes).mapToObj(i -> inv.node(i).id()).toList();
  }

  // ---- generators ---------------------------------------------------------------------------

  private static Gen<Case> cases() {
    return in -> {
      Inventory inv = inventory(in);
      int n = between(in, 1, 4);
      List<Query> queries = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        queries.add(query(in));
      }
      return new Case(inv, queries);
    };
  }

  private static Inventory inventory(RandomnessSource in) {
    int size = between(in, 0, 25);
    Inventory.Builder b = Inventory.builder();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      String id = "n" + i;
      ids.add(id);
      String kind = pick(in, KINDS);
      GenericResource.Builder r = GenericResource.builder(id, kind);
      if (between(in, 0, 4) > 0) {
        r.name(pick(in, WORDS));
      }
      if (between(in, 0, 2) > 0) {
        r.ctime(NOW.minus(Duration.ofDays(pick(in, DAYS))));
      }
      if (between(in, 0, 2) > 0) {
        r.atime(NOW.minus(Duration.ofDays(pick(in, DAYS))));
      }
      if (between(in, 0, 9) == 0) {
        r.mtime(Instant.MIN); // a time no long holds in nanoseconds
      }
      if (kind.equals("access_key") && between(in, 0, 1) == 0) {
        r.property("access_key_status", between(in, 0, 1) == 0 ? "Active" : "Inactive");
      }
      if (between(in, 0, 4) == 0) {
        r.resourceId(pick(in, WORDS)); // a resource id unlike the graph id
      }
      switch (between(in, 0, 5)) {
        case 0 -> r.property("team", pick(in, WORDS));
        case 1 -> r.property("team", (long) between(in, 0, 200));
        case 2 -> r.property("team", List.of(pick(in, WORDS), pick(in, WORDS)));
        case 3 -> r.property("team", Map.of("name", pick(in, WORDS)));
        case 4 -> r.property("team", true);
        default -> { }
      }
      b.add(r.build());
    }
    int edges = size < 2 ? 0 : between(in, 0, 30);
    for (int i = 0; i < edges; i++) {
      int from = between(in, 0, size - 1);
      int to = (from + between(in, 1, size - 1)) % size;
      b.edge(ids.get(from), ids.get(to), between(in, 0, 3) == 0 ? EdgeType.DELETE : EdgeType.DEFAULT);
    }
    return b.build();
  }

  private static Query query(RandomnessSource in) {
    Term t = term(in);
    return switch (between(in, 0, 5)) {
      case 0 -> Query.of(t);
      case 1 -> Query.of(And.of(IsTerm.of(pick(in, KINDS)), t));
      case 2 -> Query.of(And.of(IsTerm.of(pick(in, KINDS), pick(in, KINDS)), t));
      case 3 -> Query.of(new Not(t));
      case 4 -> Query.of(Or.of(t, term(in)));
      default -> Query.of(
          Part.of(term(in), pick(in, List.of(Navigation.in(), Navigation.out(), Navigation.out().unbounded(0)))),
          Part.of(between(in, 0, 1) == 0 ? And.of(IsTerm.of(pick(in, KINDS), pick(in, KINDS)), t) : t));
    };
  }

  private static Term term(RandomnessSource in) {
    if (between(in, 0, 3) == 0) {
      Path path = Path.reported(pick(in, List.of("last_access", "age", "last_update")));
      Value v = between(in, 0, 3) == 0
          ? DateTimeValue.of(NOW.minus(Duration.ofDays(pick(in, DAYS))))
          : DurationValue.of(Duration.ofDays(Math.abs(pick(in, DAYS))));
      return new Predicate(path, pick(in, TIME_OPERATORS), v);
    }
    Operator op = pick(in, STRING_OPERATORS);
    Path path = Path.reported(pick(in, PATHS));
    Value value;
    if (op.takesList()) {
      int n = between(in, 0, 3);
      List<Value> values = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        values.add(scalar(in));
      }
      value = new ListValue(values);
    } else if (op == Operator.MATCHES || op == Operator.NOT_MATCHES) {
      value = StringValue.of(pick(in, List.of("jen", "^ci$", "日", "a")));
    } else {
      value = between(in, 0, 9) == 0 ? ListValue.ofStrings(pick(in, WORDS)) : scalar(in);
    }
    return new Predicate(path, op, value);
  }

  private static Value scalar(RandomnessSource in) {
    return switch (between(in, 0, 6)) {
      case 0 -> NumberValue.of(between(in, 0, 200));
      case 1 -> BoolValue.of(true);
      case 2 -> NullValue.of();
      default -> StringValue.of(pick(in, WORDS));
    };
  }

  private static <T> T pick(RandomnessSource in, List<T> from) {
    return from.get(between(in, 0, from.size() - 1));
  }

  private static int between(RandomnessSource in, int min, int max) {
    return (int) in.next(Constraint.between(min, max));
  }
}
