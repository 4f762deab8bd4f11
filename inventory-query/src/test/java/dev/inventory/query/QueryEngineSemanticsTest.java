package dev.inventory.query;

import static dev.inventory.query.EngineFixtures.CLOCK;
import static dev.inventory.query.EngineFixtures.NOW;
import static dev.inventory.query.EngineFixtures.daysAgo;
import static dev.inventory.query.EngineFixtures.ids;
import static dev.inventory.query.EngineFixtures.small;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.inventory.GenericResource;
import dev.inventory.Inventory;
import dev.inventory.query.ast.And;
import dev.inventory.query.ast.IsTerm;
import dev.inventory.query.ast.Operator;
import dev.inventory.query.ast.Path;
import dev.inventory.query.ast.Predicate;
import dev.inventory.query.ast.Query;
import dev.inventory.query.ast.StringValue;
import dev.inventory.query.parse.ErrorCode;
import dev.inventory.query.parse.QueryParser;
import dev.inventory.query.parse.QuerySyntaxException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The meaning of each term on a small hand-made inventory (see {@link EngineFixtures#small()}). */
class QueryEngineSemanticsTest {
  private final Inventory inv = small();

  @Test
  void should_match_a_kind_and_its_subkinds_including_discovered_kinds() {
    // GIVEN the base kind 'resource' is a base of every kind, also of the discovered aws_s3_bucket
    // WHEN / THEN
    assertThat(ids(inv, "is(user)")).containsExactly("a", "b");
    assertThat(ids(inv, "is(aws_s3_bucket)")).containsExactly("d");
    assertThat(ids(inv, "is(resource)")).containsExactly("a", "b", "c", "d");
    assertThat(ids(inv, "is(user, access_key)")).containsExactly("a", "b", "c");
  }

  @Test
  void should_reject_an_unknown_kind_naming_close_matches() {
    // GIVEN
    QueryEngine engine = QueryEngine.of(inv);
    // WHEN
    QuerySyntaxException e = catchThrowableOfType(QuerySyntaxException.class,
        () -> engine.compile(QueryParser.parse("is(usr)")));
    // THEN
    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_KIND);
    assertThat(e.expected()).contains("'user'");
    assertThat(e.offset()).isEqualTo(3);
  }

  @Test
  void should_select_by_node_id_and_all() {
    assertThat(ids(inv, "id(c, a)")).containsExactly("a", "c");
    assertThat(ids(inv, "all")).containsExactly("a", "b", "c", "d");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "size == 5              | a",
      "size > 4               | a,b",
      "size < 5               | d",
      "size >= 5              | a,b",
      "size <= 2.5            | d",
      "size == 2.5            | d",
      "size == \"7\"          | c",
      "size in [5, 12]        | a,b",
      "size not in [5]        | b,c,d",
      "flag == true           | b",
      "code == 123            | ''",
      "code == \"123\"        | c",
  })
  void should_compare_undeclared_properties_by_their_natural_type(String query, String expected) {
    // GIVEN numbers compare numerically (Long vs Double), a string never equals or orders with a number
    // WHEN
    List<String> found = ids(inv, query);
    // THEN
    assertThat(found).containsExactlyElementsOf(expected.isEmpty() ? List.of() : List.of(expected.split(",")));
  }

  @Test
  void should_coerce_literals_to_the_declared_type_of_the_property() {
    // GIVEN name is a declared string property, ctime a declared datetime
    Inventory numbers = Inventory.builder()
        .add(GenericResource.builder("x", "user").name("123").ctime(daysAgo(2)).build())
        .add(GenericResource.builder("y", "user").name("abc").ctime(daysAgo(10)).build())
        .build();
    // WHEN / THEN a number literal compares with its text
    assertThat(ids(numbers, "name == 123")).containsExactly("x");
    assertThat(ids(numbers, "name in [123, 7]")).containsExactly("x");
    // a duration compared with a datetime property means now + duration
    assertThat(ids(numbers, "ctime > -3d")).containsExactly("x");
    assertThat(ids(numbers, "ctime < -3d")).containsExactly("y");
    // ISO text, a plain date and Fix Inventory's @NOW@ form are datetimes too
    assertThat(ids(numbers, "ctime > 2025-12-25T00:00:00Z")).containsExactly("x");
    assertThat(ids(numbers, "ctime > 2025-12-25")).containsExactly("x");
    assertThat(ids(numbers, "ctime < \"2025-12-25T02:00:00+0200\"")).containsExactly("y");
  }

  @Test
  void should_read_nested_maps_and_array_positions() {
    assertThat(ids(inv, "nested.owner.name == jenkins")).containsExactly("d");
    assertThat(ids(inv, "tags.team == data")).containsExactly("a");
    assertThat(ids(inv, "list[1] == 2")).containsExactly("a");
    assertThat(ids(inv, "list[1] == 5")).containsExactly("b");
    assertThat(ids(inv, "list[7] == 5")).isEmpty();
    assertThat(ids(inv, "items[1].b == y")).containsExactly("a");
  }

  @Test
  void should_match_an_array_when_any_element_matches() {
    assertThat(ids(inv, "list == 2")).containsExactly("a");
    assertThat(ids(inv, "list[*] == 5")).containsExactly("b");
    assertThat(ids(inv, "list any > 4")).containsExactly("b");
    assertThat(ids(inv, "items[*].b == y")).containsExactly("a");
  }

  @Test
  void should_match_an_array_with_all_only_when_every_element_matches_and_it_is_not_empty() {
    assertThat(ids(inv, "list all > 0")).containsExactly("a", "b");
    assertThat(ids(inv, "list all > 3")).containsExactly("b");
    // an empty array has no element that matches: 'all' is false (documented choice)
    assertThat(ids(inv, "empty all == 1")).isEmpty();
  }

  @Test
  void should_match_an_array_with_none_when_no_element_matches() {
    assertThat(ids(inv, "list none == 2")).containsExactly("b");
    assertThat(ids(inv, "empty none == 1")).containsExactly("a");
    // a missing array is missing, not empty
    assertThat(ids(inv, "list none == 99")).containsExactly("a", "b");
  }

  @Test
  void should_compare_whole_arrays_with_a_list_literal() {
    assertThat(ids(inv, "list == [4, 5]")).containsExactly("b");
    assertThat(ids(inv, "list != [4, 5]")).containsExactly("a", "c", "d");
  }

  @Test
  void should_hold_every_inner_predicate_for_the_same_element_in_a_context_term() {
    assertThat(ids(inv, "items[*].{a == 1 and b == x}")).containsExactly("a");
    // a == 1 holds for the first element, b == y for the second: not the same element
    assertThat(ids(inv, "items[*].{a == 1 and b == y}")).isEmpty();
    assertThat(ids(inv, "items[*].{a == 2 and b == y}")).containsExactly("a");
    assertThat(ids(inv, "nested.{owner.name == jenkins}")).containsExactly("d");
  }

  @Test
  void should_search_full_text_case_insensitively_in_every_string_of_the_node() {
    // nested string values, the name, the kind and the id all count
    assertThat(ids(inv, "\"JENKINS\"")).containsExactly("d");
    assertThat(ids(inv, "\"kins-buc\"")).containsExactly("d");
    assertThat(ids(inv, "\"access_key\"")).containsExactly("c");
    assertThat(ids(inv, "\"data\"")).containsExactly("a");
    assertThat(ids(inv, "\"no such text\"")).isEmpty();
  }

  @Test
  void should_search_regular_expressions_unanchored_and_case_insensitive() {
    assertThat(ids(inv, "name =~ LIC")).containsExactly("a");
    assertThat(ids(inv, "name =~ \"^b\"")).containsExactly("b");
    assertThat(ids(inv, "name ~ \"bucket$\"")).containsExactly("d");
    assertThat(ids(inv, "size =~ \"^1\"")).containsExactly("b");
  }

  @Test
  void should_fail_to_compile_a_bad_regular_expression_pointing_at_the_value() {
    // GIVEN
    String text = "is(user) and name =~ \"a(b\"";
    // WHEN
    QuerySyntaxException e = catchThrowableOfType(QuerySyntaxException.class,
        () -> QueryEngine.of(inv).compile(QueryParser.parse(text)));
    // THEN
    assertThat(e.code()).isEqualTo(ErrorCode.BAD_REGEX);
    assertThat(e.offset()).isEqualTo(text.indexOf('"'));
    assertThat(e.length()).isEqualTo("\"a(b\"".length());
    assertThat(e.reason()).contains("a(b");
  }

  @Test
  void should_point_a_bad_regular_expression_of_a_query_built_in_code_into_its_canonical_text() {
    // GIVEN a query built without text
    Query q = Query.of(And.of(IsTerm.of("user"),
        new Predicate(Path.reported("name"), Operator.MATCHES, StringValue.of("[x"))));
    // WHEN
    QuerySyntaxException e = catchThrowableOfType(QuerySyntaxException.class, () -> QueryEngine.of(inv).compile(q));
    // THEN
    assertThat(e.code()).isEqualTo(ErrorCode.BAD_REGEX);
    assertThat(e.text()).isEqualTo("is(user) and name =~ \"[x\"");
    assertThat(e.offset()).isEqualTo(e.text().indexOf('"'));
  }

  @Test
  void should_combine_terms_with_and_or_and_not() {
    assertThat(ids(inv, "is(user) and size > 10")).containsExactly("b");
    assertThat(ids(inv, "is(access_key) or size > 10")).containsExactly("b", "c");
    assertThat(ids(inv, "not is(user)")).containsExactly("c", "d");
    assertThat(ids(inv, "not (is(user) or is(access_key))")).containsExactly("d");
  }

  @Test
  void should_keep_nodes_by_what_their_navigation_reaches_with_a_with_clause() {
    // a and b point at c; c points at d
    assertThat(ids(inv, "with(empty, -->)")).containsExactly("d");
    assertThat(ids(inv, "with(any, --> is(access_key))")).containsExactly("a", "b");
    assertThat(ids(inv, "with(count == 2, <--)")).containsExactly("c");
    assertThat(ids(inv, "with(count >= 1, <-- is(user))")).containsExactly("c");
    assertThat(ids(inv, "with(count > 1, -[1:]-> is(aws_s3_bucket))")).isEmpty();
    assertThat(ids(inv, "with(count == 2, -[1:]->)")).containsExactly("a", "b");
    // the nested clause filters the reached nodes too: users whose key points at a bucket
    assertThat(ids(inv, "is(user) and with(any, --> is(access_key) with(any, --> is(aws_s3_bucket)))"))
        .containsExactly("a", "b");
  }

  @Test
  void should_sort_with_missing_values_last_in_both_directions() {
    assertThat(ids(inv, "all sort name")).containsExactly("d", "a", "b", "c");
    assertThat(ids(inv, "all sort name desc")).containsExactly("b", "a", "d", "c");
    assertThat(ids(inv, "all sort size")).containsExactly("d", "a", "b", "c");
    // age sorts by ctime, youngest first
    assertThat(ids(inv, "all sort age")).containsExactly("b", "a", "c", "d");
  }

  @Test
  void should_apply_limit_with_offset_after_sorting() {
    assertThat(ids(inv, "all sort name limit 2")).containsExactly("d", "a");
    assertThat(ids(inv, "all sort name limit 1, 2")).containsExactly("a", "b");
    assertThat(ids(inv, "all limit 10, 2")).isEmpty();
  }

  @Test
  void should_filter_then_sort_then_limit_then_navigate_per_part() {
    // b is the first user by name desc; it points at c; c is an access key
    assertThat(ids(inv, "is(user) sort name desc limit 1 --> is(access_key)")).containsExactly("c");
    assertThat(ids(inv, "is(user) sort name desc limit 1 --> is(user)")).isEmpty();
    assertThat(ids(inv, "is(user) --> --> is(aws_s3_bucket)")).containsExactly("d");
  }

  @Test
  void should_report_the_instant_it_read_from_the_clock() {
    // WHEN
    SearchResult r = QueryEngine.of(inv).search(QueryParser.parse("is(user)"), CLOCK);
    // THEN
    assertThat(r.now()).isEqualTo(NOW);
    assertThat(r.size()).isEqualTo(2);
    assertThat(r.query()).isEqualTo(QueryParser.parse("is(user)"));
  }

  @Test
  void should_read_values_as_the_engine_does() {
    // GIVEN
    SearchResult r = QueryEngine.of(inv).search(QueryParser.parse("is(user)"), CLOCK);
    // WHEN / THEN synthetic times are durations until now, arrays through [*] give one value per element
    assertThat(r.values(QueryParser.parsePath("age"), r.nodes().get(0))).containsExactly(Duration.ofDays(400));
    assertThat(r.values(QueryParser.parsePath("last_access"), r.nodes().get(1))).containsExactly(Duration.ofDays(10));
    assertThat(r.values(QueryParser.parsePath("list[*]"), r.nodes().get(0))).containsExactly(1L, 2L, 3L);
    assertThat(r.values(QueryParser.parsePath("list"), r.nodes().get(0))).containsExactly(List.of(1L, 2L, 3L));
    assertThat(r.values(QueryParser.parsePath("owner"), r.nodes().get(0))).isEmpty();
    assertThat(r.values(QueryParser.parsePath("name"), r.nodes().get(1))).containsExactly("bob");
  }

  @Test
  void should_tell_whether_a_node_would_be_in_the_result() {
    // GIVEN
    QueryEngine engine = QueryEngine.of(inv);
    CompiledQuery single = engine.compile(QueryParser.parse("is(user) and size > 10"));
    CompiledQuery navigating = engine.compile(QueryParser.parse("is(user) -->"));
    CompiledQuery limited = engine.compile(QueryParser.parse("is(user) sort name limit 1"));
    // WHEN / THEN
    assertThat(single.matches("b", CLOCK)).isTrue();
    assertThat(single.matches("a", CLOCK)).isFalse();
    assertThat(single.matches("nope", CLOCK)).isFalse();
    assertThat(navigating.matches("c", CLOCK)).isTrue();
    assertThat(navigating.matches("a", CLOCK)).isFalse();
    assertThat(limited.matches("a", CLOCK)).isTrue();
    assertThat(limited.matches("b", CLOCK)).isFalse();
  }
}
