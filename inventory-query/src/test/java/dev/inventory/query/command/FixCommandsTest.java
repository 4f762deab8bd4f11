package dev.inventory.query.command;

import static dev.inventory.query.command.CommandFixtures.CLOCK;
import static dev.inventory.query.command.CommandFixtures.commands;
import static dev.inventory.query.command.CommandFixtures.organisation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.inventory.GenericResource;
import dev.inventory.Inventory;
import dev.inventory.Resource;
import dev.inventory.query.QueryEngine;
import dev.inventory.query.Search;
import dev.inventory.query.ast.Aggregate;
import dev.inventory.query.ast.Column;
import dev.inventory.query.ast.ListFormat;
import dev.inventory.query.parse.ErrorCode;
import dev.inventory.query.parse.QueryParser;
import dev.inventory.query.parse.QuerySyntaxException;
import dev.inventory.state.StateStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The commands that follow Fix Inventory's: aggregate, the walks, dump, format and the search options. */
class FixCommandsTest {
  private final Commands org = commands(StateStore.inMemory());

  /** Four volumes: v1 (10, ssd), v2 (20, ssd), v3 (30, hdd), v4 (no size, hdd). */
  private static Inventory volumes() {
    return Inventory.builder()
        .add(volume("v1", 10L, "ssd"))
        .add(volume("v2", 20L, "ssd"))
        .add(volume("v3", 30L, "hdd"))
        .add(GenericResource.builder("v4", "volume").name("v4").property("volume_type", "hdd").build())
        .build();
  }

  private static Resource volume(String id, long size, String type) {
    return GenericResource.builder(id, "volume").name(id).property("volume_size", size)
        .property("volume_type", type).build();
  }

  private static Commands onVolumes() {
    return Commands.builder().inventory(volumes()).clock(CLOCK).build();
  }

  private static Map<String, Object> map(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  // ---------------------------------------------------------------- aggregate

  @Test
  void should_aggregate_per_group_with_every_function() {
    // WHEN volumes are grouped by type
    CommandResult.Aggregated a = (CommandResult.Aggregated) onVolumes().execute("search is(volume) | aggregate"
        + " volume_type as type: sum(volume_size) as size, count(volume_size) as sized, min(volume_size) as min,"
        + " max(volume_size) as max, avg(volume_size) as avg, stddev(volume_size) as sd, variance(volume_size) as var");

    // THEN one row per type, in the order of the group values; v4 without a size counts in no function
    assertThat(a.rows()).containsExactly(
        new CommandResult.Aggregated.Row(map("type", "hdd"),
            map("size", 30L, "sized", 1L, "min", 30L, "max", 30L, "avg", 30L, "sd", 0L, "var", 0L)),
        new CommandResult.Aggregated.Row(map("type", "ssd"),
            map("size", 30L, "sized", 2L, "min", 10L, "max", 20L, "avg", 15L, "sd", 5L, "var", 25L)));
    assertThat(a.text()).isEqualTo(
        "{\"group\":{\"type\":\"hdd\"},\"size\":30,\"sized\":1,\"min\":30,\"max\":30,\"avg\":30,\"sd\":0,\"var\":0}\n"
            + "{\"group\":{\"type\":\"ssd\"},\"size\":30,\"sized\":2,\"min\":10,\"max\":20,\"avg\":15,\"sd\":5,\"var\":25}");
  }

  @Test
  void should_evaluate_arithmetic_with_precedence_and_parentheses() {
    CommandResult.Aggregated a = (CommandResult.Aggregated) onVolumes().execute(
        "search is(volume) | aggregate sum(volume_size * 2 + 1) as a, sum((volume_size + 1) * 2) as b,"
            + " max(volume_size % 7) as c, avg(volume_size / 4) as d, sum(1) as n");
    // 21 + 41 + 61; 22 + 42 + 62; 3, 6, 2; 2.5, 5, 7.5; and all four nodes for sum(1)
    assertThat(a.rows()).containsExactly(
        new CommandResult.Aggregated.Row(map(), map("a", 123L, "b", 126L, "c", 6L, "d", 5L, "n", 4L)));
    assertThat(a.text()).isEqualTo("{\"a\":123,\"b\":126,\"c\":6,\"d\":5,\"n\":4}");
  }

  @Test
  void should_name_groups_and_functions_as_fix_inventory_does() {
    CommandResult.Aggregated a = (CommandResult.Aggregated) org.execute(
        "search is(access_key) | aggregate /ancestors.account.reported.name: sum(1), max(age)");
    // the group is named after the last segment; functions <fn>_of_<argument>
    assertThat(a.rows()).extracting(r -> r.group().keySet(), r -> r.values().keySet())
        .containsOnly(tuple(Set.of("name"), Set.of("sum_of_1", "max_of_age")));
    assertThat(a.rows()).extracting(r -> r.group().get("name"), r -> r.values().get("sum_of_1"))
        .containsExactly(tuple("prod", 4L), tuple("staging", 1L));
    // a duration counts in seconds: the oldest prod key was created 500 days ago
    assertThat(a.rows().get(0).values().get("max_of_age")).isEqualTo(500L * 86_400);
  }

  @Test
  void should_aggregate_in_a_preamble_as_in_a_command() {
    CommandResult.Aggregated preamble = (CommandResult.Aggregated) org.execute(
        "search aggregate(account as a, kind: sum(1) as count): is(access_key) or is(user)");
    CommandResult.Aggregated command = (CommandResult.Aggregated) org.execute(
        "search is(access_key) or is(user) | aggregate account as a, kind: sum(1) as count");
    assertThat(preamble.rows()).isEqualTo(command.rows());
    assertThat(preamble.text()).isEqualTo(
        "{\"group\":{\"a\":\"prod\",\"kind\":\"aws_iam_access_key\"},\"count\":4}\n"
            + "{\"group\":{\"a\":\"prod\",\"kind\":\"aws_iam_user\"},\"count\":3}\n"
            + "{\"group\":{\"a\":\"staging\",\"kind\":\"aws_iam_access_key\"},\"count\":1}\n"
            + "{\"group\":{\"a\":\"staging\",\"kind\":\"aws_iam_user\"},\"count\":1}");
  }

  @Test
  void should_aggregate_from_the_fluent_search_on_the_given_engine() {
    QueryEngine engine = QueryEngine.of(volumes());
    CommandResult.Aggregated a = Search.all()
        .aggregate(engine, QueryParser.parseAggregate("volume_type: sum(volume_size) as size"), CLOCK);
    assertThat(a.rows()).extracting(r -> r.values().get("size")).containsExactly(30L, 30L);
    assertThat(a.aggregate()).isEqualTo(QueryParser.parseAggregate("volume_type: sum(volume_size) as size"));
  }

  @Test
  void should_print_an_aggregate_canonically() {
    Aggregate a = QueryParser.parseAggregate("kind as k ,/ancestors.account.reported.name:sum( 1 )as count,"
        + "max((volume_size*2)-1) as m, min(a - (b - 3))");
    assertThat(a.spec()).isEqualTo(
        "kind as k, account: sum(1) as count, max(volume_size * 2 - 1) as m, min(a - (b - 3))");
    assertThat(QueryParser.parseAggregate(a.spec())).isEqualTo(a);
  }

  // ---------------------------------------------------------------- walks

  @Test
  void should_walk_one_step_or_all_the_way_with_and_without_the_origin() {
    String key = "search id(AKIACI00000000000001)";
    assertThat(ids(org.execute(key + " | predecessors"))).containsExactly("AIDAXTFAQAKWQJBHHPL3X");
    assertThat(ids(org.execute(key + " | predecessors --with-origin default")))
        .containsExactlyInAnyOrder("AIDAXTFAQAKWQJBHHPL3X", "AKIACI00000000000001");
    // ancestors: the user, the region, the account and the cloud
    assertThat(ids(org.execute(key + " | ancestors")))
        .containsExactlyInAnyOrder("AIDAXTFAQAKWQJBHHPL3X", "111111111111/global", "111111111111", "aws");
    assertThat(ids(org.execute(key + " | ancestors --with-origin"))).hasSize(5);
    String user = "search is(user) and name == ci and account == prod";
    assertThat(ids(org.execute(user + " | successors"))).containsExactly("AKIACI00000000000001");
    assertThat(ids(org.execute(user + " | descendants --with-origin"))).hasSize(2);
  }

  @Test
  void should_fold_a_walk_into_the_query_so_that_later_commands_see_its_nodes() {
    CommandResult.Counted c = (CommandResult.Counted) org.execute(
        "search is(access_key) | predecessors | search is(user) | count name");
    assertThat(c.query().toString()).isEqualTo("is(access_key) <-- is(user)");
    assertThat(c.text()).isEqualTo("ci: 1\nnancy: 1\njenkins: 2\ntotal matched: 4\ntotal unmatched: 0");
    CommandResult.Listed l = (CommandResult.Listed) org.execute("search is(user) | descendants delete | list id");
    assertThat(l.query().toString()).isEqualTo("is(user) -delete[1:]->");
  }

  // ---------------------------------------------------------------- dump, format, --with-edges

  @Test
  void should_dump_a_node_as_fix_inventory_shapes_it() {
    CommandResult.Rendered r = (CommandResult.Rendered) org.execute("search id(AKIACI00000000000001) | dump");
    assertThat(r.lines()).containsExactly("{\"id\":\"AKIACI00000000000001\",\"type\":\"node\","
        + "\"reported\":{\"id\":\"AKIACI00000000000001\",\"kind\":\"aws_iam_access_key\",\"name\":\"ci\",\"tags\":{},"
        + "\"ctime\":\"2024-12-17T10:30:00Z\",\"access_key_status\":\"Active\",\"last_use\":\"never\",\"user_name\":\"ci\"},"
        + "\"desired\":{\"clean\":false},\"metadata\":{\"protected\":false,\"cleaned\":false},"
        + "\"ancestors\":{\"cloud\":{\"reported\":{\"id\":\"aws\",\"name\":\"aws\"}},"
        + "\"account\":{\"reported\":{\"id\":\"111111111111\",\"name\":\"prod\"}},"
        + "\"region\":{\"reported\":{\"id\":\"111111111111/global\",\"name\":\"global\"}}}}");
  }

  @Test
  void should_show_a_mark_in_the_dump() {
    org.execute("search id(AKIACI00000000000001) | clean \"never used\"");
    String dump = org.execute("search id(AKIACI00000000000001) | dump").text();
    assertThat(dump).contains("\"desired\":{\"clean\":true");
  }

  @Test
  void should_format_each_node_with_its_template() {
    CommandResult r = org.execute(
        "search is(access_key) and account == staging | format {id} of {/ancestors.user.reported.name}: {{{account}}} {nothing}");
    assertThat(r.text()).isEqualTo("AKIASTAGING000000001 of jenkins: {staging} null");
  }

  @Test
  void should_list_and_dump_the_edges_between_result_nodes_with_edges() {
    String line = "search --with-edges is(user) and name == ci -[0:1]->";
    CommandResult.Listed l = (CommandResult.Listed) org.execute(line);
    assertThat(l.edges()).extracting(dev.inventory.Edge::toString).hasSize(2);
    assertThat(l.text()).endsWith("\nAIDAXTFAQAKWQJBHHPL3X -default-> AKIACI00000000000001"
        + "\nAIDAXTFAQAKWQJBHHPL3X -delete-> AKIACI00000000000001");
    assertThat(org.execute(line + " | dump").text())
        .contains("{\"type\":\"edge\",\"from\":\"AIDAXTFAQAKWQJBHHPL3X\",\"to\":\"AKIACI00000000000001\",\"edge_type\":\"default\"}");
    // without the option: no edges
    assertThat(((CommandResult.Listed) org.execute("search is(user) and name == ci -[0:1]->")).edges()).isEmpty();
  }

  @Test
  void should_list_the_default_columns_and_more_with_defaults() {
    CommandResult.Listed l = (CommandResult.Listed) org.execute(
        "search is(user) and name == ci | list --with-defaults /ancestors.account.reported.id as account_id --csv");
    assertThat(l.columns()).extracting(Column::name)
        .containsExactly("kind", "id", "name", "age", "last_access", "account", "region", "account_id");
    assertThat(l.format()).isEqualTo(ListFormat.CSV);
  }

  @Test
  void should_accept_fix_inventory_command_aliases() {
    assertThat(QueryParser.parseCommandLine("query is(user) | predecessor | lists name").toString())
        .isEqualTo("search is(user) | predecessors | list name");
  }

  // ---------------------------------------------------------------- --explain, --at

  @Test
  void should_explain_without_running_or_marking() {
    StateStore store = StateStore.inMemory();
    CommandResult.Explained e = (CommandResult.Explained) commands(store).execute(
        "search --explain is(access_key) and last_access > 90days <-- is(user) | head 3 | clean");
    assertThat(e.query().toString()).isEqualTo("is(access_key) and last_access > 90days <-- is(user) limit 3");
    assertThat(e.text()).isEqualTo("search --explain is(access_key) and last_access > 90days <-- is(user) | head 3 | clean\n"
        + "query: is(access_key) and last_access > 90days <-- is(user) limit 3\n"
        + "part 1: is(access_key) and last_access > 90days <--\n"
        + "  candidates: kind index of access_key (5 nodes)\n"
        + "  test each candidate: last_access > 90days\n"
        + "  walk from every node kept: <--, each reached node once\n"
        + "\n"
        + "part 2: is(user) limit 3\n"
        + "  candidates: kind index of user (4 nodes), within the nodes the walk of part 1 reached\n"
        + "  test each candidate: nothing\n"
        + "  limit 3");
    assertThat(store.all()).isEmpty();
  }

  @Test
  void should_reject_history_options_with_their_own_code() {
    for (String option : List.of("--at 2024-01-01", "--history", "--before 2d", "--after 2d", "--change")) {
      String line = "search " + option + " is(user)";
      QuerySyntaxException e = catchThrowableOfType(QuerySyntaxException.class, () -> org.execute(line));
      assertThat(e.code()).as(line).isEqualTo(ErrorCode.UNSUPPORTED_FEATURE);
      assertThat(e.offset()).isEqualTo("search ".length());
      assertThat(e.reason()).contains("history").contains(option.split(" ")[0]);
    }
    // anywhere in the search, as Fix Inventory takes options out of the text
    QuerySyntaxException e = catchThrowableOfType(QuerySyntaxException.class,
        () -> org.execute("search is(user) --at 1w | count"));
    assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_FEATURE);
    assertThat(e.offset()).isEqualTo("search is(user) ".length());
    // but not inside a string
    assertThat(org.execute("search name == \"a --at b\"").text()).isEmpty();
  }

  @Test
  void should_take_trailing_search_options() {
    assertThat(QueryParser.parseCommandLine("search is(user) --> --with-edges --explain | count").toString())
        .isEqualTo("search --with-edges --explain is(user) --> | count");
  }

  // ---------------------------------------------------------------- bad arguments

  @Test
  void should_point_at_bad_arguments() {
    assertError("search all | aggregate kind: total(1)", ErrorCode.UNEXPECTED_TOKEN, "total(1)");
    assertError("search all | aggregate kind", ErrorCode.UNEXPECTED_END, "");
    assertError("search all | aggregate sum(1 +)", ErrorCode.UNEXPECTED_TOKEN, ")");
    assertError("search all | aggregate sum(1) as", ErrorCode.UNEXPECTED_TOKEN, "");
    assertError("search all | aggregate sum(1) as -", ErrorCode.UNEXPECTED_TOKEN, "-");
    assertError("search all | aggregate sum(1), sum(1)", ErrorCode.UNEXPECTED_TOKEN, "");
    assertError("search aggregate(sum(1) is(user)", ErrorCode.UNEXPECTED_TOKEN, "is(user)");
    assertError("search aggregate(sum(1)) is(user)", ErrorCode.UNEXPECTED_TOKEN, "is(user)");
    assertError("search all | aggregate sum(" + "(".repeat(200) + "1" + ")".repeat(200) + ")",
        ErrorCode.NESTING_TOO_DEEP, "(");
    assertError("search all | predecessors sideways", ErrorCode.UNKNOWN_EDGE_TYPE, "sideways");
    assertError("search all | successors --with-target", ErrorCode.UNKNOWN_OPTION, "--with-target");
    assertError("search all | ancestors delete default", ErrorCode.UNEXPECTED_ARGUMENT, "default");
    assertError("search all | format {name", ErrorCode.UNEXPECTED_END, "{name");
    assertError("search all | format {/}", ErrorCode.EXPECTED_PROPERTY_NAME, "/}");
    assertError("search all | format", ErrorCode.UNEXPECTED_END, "");
    assertError("search all | format --json", ErrorCode.UNSUPPORTED_FEATURE, "--json");
    assertError("search all | format --dot", ErrorCode.UNSUPPORTED_FEATURE, "--dot");
    assertError("search all | format --fancy {name}", ErrorCode.UNKNOWN_OPTION, "--fancy");
    assertError("search all | dump all", ErrorCode.UNEXPECTED_ARGUMENT, "all");
    assertError("search all | head ten", ErrorCode.UNEXPECTED_TOKEN, "ten");
    assertError("search --verbose all", ErrorCode.UNKNOWN_OPTION, "--verbose");
    assertError("search all | dump | count", ErrorCode.UNEXPECTED_TOKEN, "count");
    assertError("search all | tail 3 | predecessors", ErrorCode.UNEXPECTED_TOKEN, "predecessors");
    assertError("search aggregate(sum(1) as n): all | head 3", ErrorCode.UNSUPPORTED_FEATURE, "head 3");
    assertError("search all | aggregate", ErrorCode.UNSUPPORTED_FEATURE, "");
    assertError("search all | aggregate kind as k:", ErrorCode.UNSUPPORTED_FEATURE, "");
    assertError("search aggregate(\"{kind}_x\" as k: sum(1) as n): all", ErrorCode.UNSUPPORTED_FEATURE, "\"");
    assertError("search all | jq .name", ErrorCode.UNSUPPORTED_FEATURE, "jq");
    assertError("search all | list id, /desired", ErrorCode.UNSUPPORTED_FEATURE, "/desired");
  }

  private void assertError(String line, ErrorCode code, String at) {
    CommandFixtures.assertLineError(org, line, code, at);
  }

  private static List<String> ids(CommandResult r) {
    return ((CommandResult.Listed) r).nodes().stream().map(Resource::id).toList();
  }

  @Test
  void fixture_has_the_organisation() {
    assertThat(organisation().size()).isGreaterThan(10);
  }
}
