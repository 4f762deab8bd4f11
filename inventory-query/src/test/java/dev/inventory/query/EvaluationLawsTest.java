package dev.inventory.query;

import static dev.inventory.query.EngineFixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.inventory.EdgeType;
import dev.inventory.Inventory;
import dev.inventory.Resource;
import dev.inventory.query.ast.AllTerm;
import dev.inventory.query.ast.And;
import dev.inventory.query.ast.ArrayModifier;
import dev.inventory.query.ast.DurationValue;
import dev.inventory.query.ast.FullText;
import dev.inventory.query.ast.IdTerm;
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
import dev.inventory.query.ast.WithClause;
import dev.inventory.query.ast.WithCondition;
import dev.inventory.testing.InventoryGenerators;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Laws of evaluation over generated inventories ({@link InventoryGenerators#inventories()}) and
 * generated terms: De Morgan, commutativity of {@code and} and {@code or}, {@code all} as the
 * identity of {@code and}, and navigation results that are distinct, ordered and exactly the
 * neighbours of the start nodes.
 */
class EvaluationLawsTest {
  private static final int EXAMPLES = 300;
  private static final List<String> PROPERTIES = List.of("name", "size", "arn", "path", "x-y", "id", "kind");
  private static final List<Operator> OPERATORS = List.of(Operator.values());

  /** An inventory and two terms over it. */
  record Case(Inventory inventory, Term a, Term b) {
    @Override
    public String toString() {
      return "a = " + a + "\nb = " + b + "\n" + inventory.nodes() + "\n" + inventory.edges();
    }
  }

  @Test
  void should_satisfy_de_morgan() {
    qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
      // GIVEN two generated terms
      // WHEN both forms of the law are run
      List<String> left = ids(c.inventory(), new Not(And.of(c.a(), c.b())));
      List<String> right = ids(c.inventory(), Or.of(new Not(c.a()), new Not(c.b())));
      List<String> left2 = ids(c.inventory(), new Not(Or.of(c.a(), c.b())));
      List<String> right2 = ids(c.inventory(), And.of(new Not(c.a()), new Not(c.b())));
      // THEN they find the same nodes
      assertThat(left).isEqualTo(right);
      assertThat(left2).isEqualTo(right2);
    });
  }

  @Test
  void should_treat_and_and_or_as_commutative() {
    qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
      assertThat(ids(c.inventory(), And.of(c.a(), c.b()))).isEqualTo(ids(c.inventory(), And.of(c.b(), c.a())));
      assertThat(ids(c.inventory(), Or.of(c.a(), c.b()))).isEqualTo(ids(c.inventory(), Or.of(c.b(), c.a())));
    });
  }

  @Test
  void should_treat_all_as_the_identity_of_and() {
    qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
      List<String> plain = ids(c.inventory(), c.a());
      assertThat(ids(c.inventory(), And.of(c.a(), AllTerm.of()))).isEqualTo(plain);
      assertThat(ids(c.inventory(), And.of(AllTerm.of(), c.a()))).isEqualTo(plain);
      // and a term selects a subset of all, in snapshot order
      List<String> all = c.inventory().nodes().stream().map(Resource::id).toList();
      assertThat(all).containsAll(plain);
      assertThat(plain).isEqualTo(all.stream().filter(plain::contains).toList());
    });
  }

  @Test
  void should_return_distinct_ordered_neighbours_from_a_navigation() {
    qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
      Inventory inv = c.inventory();
      for (Navigation nav : List.of(Navigation.out(), Navigation.in(), Navigation.inOut(),
          Navigation.out().edgeTypes(EdgeType.DEFAULT, EdgeType.DELETE), Navigation.out().unbounded(1),
          Navigation.in().range(0, 2), Navigation.out().edgeTypes(EdgeType.IAM),
          Navigation.inOut().edgeTypes(EdgeType.DELETE).outEdgeTypes(EdgeType.DEFAULT).unbounded(0),
          Navigation.inOut().outEdgeTypes(EdgeType.DELETE, EdgeType.DEFAULT).range(1, 2))) {
        // GIVEN the start nodes of a term
        List<String> starts = ids(inv, c.a());
        // WHEN the navigation runs from them
        Query q = Query.of(Part.of(c.a(), nav));
        List<String> reached = QueryEngine.of(inv).search(q, CLOCK).nodes().stream().map(Resource::id).toList();
        // THEN every node appears once, in snapshot order, and exactly the expected ones
        assertThat(reached).as("%s", q).doesNotHaveDuplicates();
        assertThat(reached).isEqualTo(inv.nodes().stream().map(Resource::id).filter(reached::contains).toList());
        assertThat(Set.copyOf(reached)).as("%s", q).isEqualTo(expectedReach(inv, starts, nav));
      }
    });
  }

  @Test
  void should_walk_every_edge_or_none_under_an_edge_filter_as_on_an_empty_document() {
    Term holds = new Predicate(Path.reported("weight"), Optional.empty(), Operator.EQ, NullValue.of());
    Term fails = new Predicate(Path.reported("weight"), Optional.empty(), Operator.GT, NumberValue.of(1L));
    qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
      Inventory inv = c.inventory();
      for (Navigation nav : List.of(Navigation.out(), Navigation.inOut().unbounded(0), Navigation.in().range(1, 3))) {
        List<String> plain = ids(inv, Query.of(Part.of(c.a(), nav)));
        assertThat(ids(inv, Query.of(Part.of(c.a(), nav.edgeFilter(holds))))).isEqualTo(plain);
        assertThat(ids(inv, Query.of(Part.of(c.a(), nav.edgeFilter(new Not(fails)))))).isEqualTo(plain);
        List<String> starts = nav.start() == 0 ? ids(inv, c.a()) : List.of();
        assertThat(ids(inv, Query.of(Part.of(c.a(), nav.edgeFilter(fails))))).isEqualTo(starts);
      }
    });
  }

  @Test
  void should_reverse_a_part_and_add_a_tagged_part_before_the_last() {
    qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
      Inventory inv = c.inventory();
      List<String> plain = ids(inv, c.a());
      List<String> reversed = new ArrayList<>(plain);
      Collections.reverse(reversed);
      assertThat(ids(inv, Query.of(Part.of(c.a()).reverse()))).isEqualTo(reversed);

      Part first = Part.of(c.a(), Navigation.out());
      List<String> last = ids(inv, new Query(List.of(first, Part.of(c.b()))));
      List<String> tagged = ids(inv, new Query(List.of(first.tagged("t"), Part.of(c.b()))));
      Set<String> expected = new LinkedHashSet<>(plain);
      expected.addAll(last);
      assertThat(tagged).isEqualTo(List.copyOf(expected));
    });
  }

  private static List<String> ids(Inventory inv, Query q) {
    return QueryEngine.of(inv).search(q, CLOCK).nodes().stream().map(Resource::id).toList();
  }

  /** A plain re-statement of the navigation rules: one breadth-first walk per start, edge type and direction. */
  private static Set<String> expectedReach(Inventory inv, List<String> starts, Navigation nav) {
    Set<String> out = new LinkedHashSet<>();
    int end = nav.end().orElse(250);
    for (String s : starts) {
      if (nav.start() == 0) {
        out.add(s);
      }
      for (boolean inward : directions(nav)) {
        for (EdgeType type : inward ? nav.edgeTypes() : nav.outwardEdgeTypes()) {
          Set<String> seen = new LinkedHashSet<>(List.of(s));
          List<String> frontier = List.of(s);
          for (int depth = 1; depth <= end && !frontier.isEmpty(); depth++) {
            List<String> next = new ArrayList<>();
            for (String u : frontier) {
              List<Resource> nb = inward ? inv.predecessors(u, type) : inv.successors(u, type);
              for (Resource r : nb) {
                if (seen.add(r.id())) {
                  next.add(r.id());
                  if (depth >= nav.start()) {
                    out.add(r.id());
                  }
                }
              }
            }
            frontier = next;
          }
        }
      }
    }
    return out;
  }

  private static List<Boolean> directions(Navigation nav) {
    return switch (nav.direction()) {
      case OUT -> List.of(false);
      case IN -> List.of(true);
      case INOUT -> List.of(false, true);
    };
  }

  private static List<String> ids(Inventory inv, Term t) {
    return QueryEngine.of(inv).search(Query.of(t), CLOCK).nodes().stream().map(Resource::id).toList();
  }

  // ---- generators ---------------------------------------------------------------------------

  private static Gen<Case> cases() {
    return in -> {
      Inventory inv = InventoryGenerators.inventories().generate(in);
      List<String> ids = inv.nodes().stream().map(Resource::id).toList();
      // kinds the snapshot knows: the declared base kinds and the kinds its nodes have
      List<String> kinds = InventoryGenerators.KINDS.stream().filter(k -> inv.kinds().contains(k)).toList();
      return new Case(inv, term(in, ids, kinds, 3), term(in, ids, kinds, 3));
    };
  }

  private static Term term(RandomnessSource in, List<String> ids, List<String> kinds, int depth) {
    int choice = between(in, 0, depth == 0 ? 5 : 9);
    return switch (choice) {
      case 0 -> IsTerm.of(pick(in, kinds));
      case 1 -> predicate(in);
      case 2 -> new Predicate(Path.reported(pick(in, List.of("last_access", "age", "last_update"))),
          pick(in, List.of(Operator.GT, Operator.LT, Operator.GE, Operator.EQ)),
          DurationValue.of(Duration.ofDays(between(in, 0, 5000))));
      case 3 -> new Predicate(Path.reported(pick(in, PROPERTIES)), pick(in, List.of(Operator.EQ, Operator.NE)), NullValue.of());
      case 4 -> ids.isEmpty() ? AllTerm.of() : IdTerm.of(pick(in, ids));
      case 5 -> between(in, 0, 1) == 0 ? AllTerm.of() : new FullText(word(in));
      case 6 -> new Not(term(in, ids, kinds, depth - 1));
      case 7 -> And.of(term(in, ids, kinds, depth - 1), term(in, ids, kinds, depth - 1));
      case 8 -> Or.of(term(in, ids, kinds, depth - 1), term(in, ids, kinds, depth - 1));
      default -> new WithClause(
          pick(in, List.of(WithCondition.empty(), WithCondition.any(), WithCondition.count(Operator.GE, 2))),
          pick(in, List.of(Navigation.out(), Navigation.in(), Navigation.out().unbounded(1))),
          between(in, 0, 1) == 0 ? Optional.empty() : Optional.of(term(in, ids, kinds, 0)),
          Optional.empty());
    };
  }

  private static Predicate predicate(RandomnessSource in) {
    Operator op = pick(in, OPERATORS);
    Path path = Path.reported(pick(in, PROPERTIES));
    Optional<ArrayModifier> modifier = between(in, 0, 4) == 0
        ? Optional.of(pick(in, List.of(ArrayModifier.values())))
        : Optional.empty();
    Value value;
    if (op.takesList()) {
      value = ListValue.of(scalar(in), scalar(in));
    } else if (op == Operator.MATCHES || op == Operator.NOT_MATCHES) {
      value = StringValue.of(word(in)); // letters only: always a valid pattern
    } else {
      value = scalar(in);
    }
    return new Predicate(path, modifier, op, value);
  }

  private static Value scalar(RandomnessSource in) {
    return switch (between(in, 0, 2)) {
      case 0 -> NumberValue.of(between(in, -3, 3));
      case 1 -> NumberValue.of(between(in, -30, 30) / 4.0);
      default -> StringValue.of(word(in));
    };
  }

  private static String word(RandomnessSource in) {
    int length = between(in, 1, 3);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append((char) between(in, 'a', 'e'));
    }
    return s.toString();
  }

  private static <T> T pick(RandomnessSource in, List<T> from) {
    return from.get(between(in, 0, from.size() - 1));
  }

  private static int between(RandomnessSource in, int min, int max) {
    return (int) in.next(Constraint.between(min, max));
  }
}
