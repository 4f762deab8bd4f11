package dev.inventory.query;

import static dev.inventory.query.EngineFixtures.CLOCK;
import static dev.inventory.query.EngineFixtures.ids;
import static dev.inventory.query.EngineFixtures.small;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.inventory.EdgeType;
import dev.inventory.GenericResource;
import dev.inventory.Inventory;
import dev.inventory.query.parse.ErrorCode;
import dev.inventory.query.parse.QueryParser;
import dev.inventory.query.parse.QuerySyntaxException;
import dev.inventory.state.Mark;
import dev.inventory.state.StateStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The meaning of the constructs taken from Fix Inventory's grammar, on the small inventory of
 * {@link EngineFixtures#small()}: a and b are users, a -> c, b -> c, c -> d (default edges),
 * a -delete-> b.
 */
class FixConstructsSemanticsTest {
  private final Inventory inv = small();

  /** small() plus an iam edge a -iam-> d and ip addresses on a and b. */
  private static Inventory withIam() {
    Inventory.Builder b = Inventory.builder();
    small().nodes().forEach(r -> {
      if (r.id().equals("a")) {
        b.add(GenericResource.builder("a", "user").name("alice").property("ip", "10.1.2.3").build());
      } else if (r.id().equals("b")) {
        b.add(GenericResource.builder("b", "user").name("bob").property("ip", List.of("192.168.0.7", "172.16.0.1"))
            .build());
      } else {
        b.add(r);
      }
    });
    small().edges().forEach(e -> b.edge(e.from(), e.to(), e.type()));
    b.edge("a", "d", EdgeType.IAM);
    return b.build();
  }

  @Test
  void should_filter_with_a_with_clause_after_the_term_as_fix_places_it() {
    // both users reach the key c; the key is reached from two users
    assertThat(ids(inv, "is(user) with(any, --> is(access_key))")).containsExactly("a", "b");
    assertThat(ids(inv, "is(user) with(empty, --> is(access_key))")).isEmpty();
    assertThat(ids(inv, "is(access_key) with(count == 2, <-- is(user))")).containsExactly("c");
    assertThat(ids(inv, "with(empty, <--)")).containsExactly("a", "b");
    // nested, then sort and limit after the clause
    assertThat(ids(inv, "is(user) with(any, --> with(any, --> is(aws_s3_bucket))) sort name desc limit 1"))
        .containsExactly("b");
    // the 'and' spelling means the same and prints in Fix's place
    assertThat(QueryParser.parse("is(user) and with(any, -->)")).isEqualTo(QueryParser.parse("is(user) with(any, -->)"));
    assertThat(QueryParser.parse("is(user) and with(any, -->)").toString()).isEqualTo("is(user) with(any, -->)");
  }

  @Test
  void should_walk_iam_edges_only_when_named() {
    Inventory iam = withIam();
    assertThat(ids(iam, "id(a) -iam->")).containsExactly("d");
    assertThat(ids(iam, "id(a) -->")).containsExactly("c");
    assertThat(ids(iam, "id(d) <-iam,delete-")).containsExactly("a");
    assertThat(ids(inv, "is(user) -iam->")).isEmpty();
  }

  @Test
  void should_walk_inward_and_outward_edge_types_of_a_mixed_arrow_separately() {
    // inward along delete from b reaches a; outward along default from b reaches c, then d
    assertThat(ids(inv, "id(b) <-delete[0:]default->")).containsExactly("a", "b", "c", "d");
    // as in Fix, types after the range of <--> are the outward ones: inward stays default
    assertThat(ids(inv, "id(c) <-[1:1]delete->")).containsExactly("a", "b");
    assertThat(ids(inv, "id(c) <-defaultdelete->")).containsExactly("a", "b");
    assertThat(ids(inv, "id(c) <-delete->")).isEmpty();
    assertThat(QueryParser.parse("id(c) <-[1]delete->").toString()).isEqualTo("id(c) <-default[1:1]delete->");
  }

  @Test
  void should_apply_an_edge_filter_as_on_edges_without_properties() {
    assertThat(ids(inv, "id(a) -{x == 1}->")).isEmpty();
    assertThat(ids(inv, "id(a) -{x == null}->")).containsExactly("c");
    assertThat(ids(inv, "id(a) -{not x == 1 and y != 2}->")).containsExactly("c");
    assertThat(ids(inv, "id(c) <-{x == 1 or all}-")).containsExactly("a", "b");

    QuerySyntaxException e = catchThrowableOfType(QuerySyntaxException.class,
        () -> QueryParser.parse("id(a) -{is(user)}->"));
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_EDGE_FILTER);
    assertThat(e.offset()).isEqualTo(8);
  }

  @Test
  void should_take_the_edge_types_of_bare_navigations_from_the_preamble() {
    assertThat(ids(inv, "(edge_type=delete): id(a) -->")).containsExactly("b");
    assertThat(ids(inv, "(edge_type=delete): id(a) -default->")).containsExactly("c");
    assertThat(ids(inv, "(edge_type=\"default,delete\"): id(a) -->")).containsExactly("b", "c");
    assertThat(ids(inv, "(edge_type=delete): is(user) with(any, -->)")).containsExactly("a");
    assertThat(QueryParser.parse("(edge_type=delete): id(a) -->").toString()).isEqualTo("id(a) -delete->");
    // without the colon it is a term in parentheses
    assertThat(ids(inv, "(edge_type == x)")).isEmpty();

    QuerySyntaxException e = catchThrowableOfType(QuerySyntaxException.class,
        () -> QueryParser.parse("(merge_with_ancestors=account): all"));
    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_PREAMBLE_PROPERTY);
    assertThat(e.reason()).contains("edge_type");
    // text that is no preamble is reported by the term reader
    QuerySyntaxException odd = catchThrowableOfType(QuerySyntaxException.class,
        () -> QueryParser.parse("(name=a@b): all"));
    assertThat(odd.code()).isEqualTo(ErrorCode.INVALID_UNQUOTED_VALUE);
  }

  @Test
  void should_reverse_the_order_of_a_part() {
    assertThat(ids(inv, "is(user) sort name")).containsExactly("a", "b");
    assertThat(ids(inv, "is(user) sort name reversed")).containsExactly("b", "a");
    assertThat(ids(inv, "is(user) limit 1 reversed")).containsExactly("a");
    assertThat(ids(inv, "all reversed")).containsExactly("d", "c", "b", "a");
  }

  @Test
  void should_add_the_nodes_of_a_tagged_part_to_the_result() {
    assertThat(ids(inv, "is(user)#owners --> is(access_key)")).containsExactly("a", "b", "c");
    assertThat(ids(inv, "id(a) #first --> #second --> is(aws_s3_bucket)")).containsExactly("a", "c", "d");
    assertThat(QueryParser.parse("is(user)#owners -->").toString()).isEqualTo("is(user) #owners -->");
  }

  @Test
  void should_evaluate_the_functions() {
    Inventory iam = withIam();
    assertThat(ids(inv, "has_key(tags, team)")).containsExactly("a");
    assertThat(ids(inv, "has_key(tags, [team, cost])")).isEmpty();
    assertThat(ids(inv, "has_key(nested, owner)")).containsExactly("d");
    assertThat(ids(iam, "in_subnet(ip, \"10.0.0.0/8\")")).containsExactly("a");
    assertThat(ids(iam, "in_subnet(ip, \"172.16.0.0/12\")")).containsExactly("b");
    assertThat(ids(iam, "not in_subnet(ip, \"10.1.2.3\")")).containsExactly("b", "c", "d");

    StateStore state = StateStore.inMemory();
    state.update("b", s -> s.withClean(Mark.of("stale", CLOCK.instant())));
    assertThat(ids(inv, state, "has_desired_change(clean)")).containsExactly("b");
  }

  @Test
  void should_refuse_function_arguments_that_do_not_fit_when_compiling() {
    // Fix's grammar takes them; its engine refuses them, and so does ours, pointing at the call
    QueryEngine engine = QueryEngine.of(inv);
    QuerySyntaxException e = catchThrowableOfType(QuerySyntaxException.class,
        () -> engine.compile(QueryParser.parse("is(user) and in_subnet(ip, 1)")));
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FUNCTION_ARGUMENT);
    assertThat(e.offset()).isEqualTo(13);
    assertThat(e.reason()).contains("in_subnet(ip, \"10.0.0.0/16\")");
  }

  @Test
  void should_compare_objects_and_arrays_of_objects_as_whole_values() {
    assertThat(ids(inv, "tags == {\"team\": \"data\"}")).containsExactly("a");
    assertThat(ids(inv, "tags == {team: other}")).isEmpty();
    assertThat(ids(inv, "tags != {team: data}")).containsExactly("b", "c", "d");
    assertThat(ids(inv, "items == [{a: 1, b: x}, {a: 2, b: y}]")).containsExactly("a");
    assertThat(ids(inv, "items in [{a: 2, b: y}]")).containsExactly("a");
    assertThat(ids(inv, "nested == {owner: {name: jenkins}}")).containsExactly("d");
  }

  @Test
  void should_read_single_quoted_strings_and_a_less_than_glued_to_a_negative_value() {
    assertThat(ids(inv, "name == 'alice'")).containsExactly("a");
    assertThat(ids(inv, "name in ['bob', \"alice\"]")).containsExactly("a", "b");
    assertThat(ids(inv, "atime<-50d")).containsExactly("a");
  }

  @Test
  void should_refuse_with_usage_naming_the_missing_metrics() {
    QuerySyntaxException e = catchThrowableOfType(QuerySyntaxException.class,
        () -> QueryParser.parse("with_usage(3w, cpu, mem) is(aws_ec2_instance)"));
    assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_FEATURE);
    assertThat(e.reason()).isEqualTo("with_usage(...) needs usage metrics, which this inventory does not keep");
    assertThat(e.offset()).isEqualTo(0);
  }
}
