package dev.inventory.query.command;

import static dev.inventory.query.command.CommandFixtures.commands;
import static dev.inventory.query.command.CommandFixtures.golden;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inventory.query.ast.Column;
import dev.inventory.query.ast.ListFormat;
import dev.inventory.Resource;
import dev.inventory.query.parse.QueryParser;
import dev.inventory.state.StateStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The renderings of {@code count} and {@code list}, pinned by golden files. */
class CommandsRenderingTest {
  private static final String COLUMNS =
      "name, account, last_access, access_key_last_used.region as region, /ancestors.user.reported.mfa_active as mfa";
  private final Commands commands = commands(StateStore.inMemory());

  @Test
  void should_count_by_value_with_count_ascending_then_value() {
    // WHEN
    CommandResult r = commands.execute("search is(access_key) | count account");
    // THEN
    assertThat(r.text()).isEqualTo(golden("count-account.txt"));
    CommandResult.Counted c = (CommandResult.Counted) r;
    assertThat(c.groups()).containsExactly(
        new CommandResult.Counted.Group("staging", 1), new CommandResult.Counted.Group("prod", 4));
    assertThat(c.path()).contains(QueryParser.parsePath("account"));
  }

  @Test
  void should_count_nodes_without_a_value_as_unmatched() {
    CommandResult.Counted c = (CommandResult.Counted)
        commands.execute("search is(access_key) | count access_key_last_used.service_name");
    assertThat(c.text()).isEqualTo(golden("count-unmatched.txt"));
    assertThat(c.matched()).isEqualTo(1);
    assertThat(c.unmatched()).isEqualTo(4);
  }

  @Test
  void should_count_every_node_without_a_path() {
    assertThat(commands.execute("search is(user) | count").text()).isEqualTo("total matched: 4\ntotal unmatched: 0");
    assertThat(commands.execute("search is(user) and name == nobody | count").text())
        .isEqualTo("total matched: 0\ntotal unmatched: 0");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "'search is(access_key) | count last_use', '1', 'never: 1\nused: 4\ntotal matched: 5\ntotal unmatched: 0'",
      "'search is(aws_iam_user) | count mfa_active', '1', 'true: 1\nfalse: 3\ntotal matched: 4\ntotal unmatched: 0'",
      "'search is(access_key) | count access_key_last_used.last_used', '1', '2025-10-13T10:30:00Z: 1\n2025-12-02T10:30:00Z: 1\n2026-01-01T10:30:00Z: 1\n2026-04-30T10:30:00Z: 1\ntotal matched: 4\ntotal unmatched: 1'",
  })
  void should_render_values_as_json_text_without_quotes(String line, String unused, String expected) {
    // GIVEN strings without quotes, booleans as true/false
    assertThat(commands.execute(line).text()).isEqualTo(expected);
  }

  @Test
  void should_list_the_default_columns_with_the_properties_of_the_query() {
    // WHEN a search without a command
    CommandResult r = commands.execute("search is(access_key) and last_access > 90days");
    // THEN kind, id, name, the query's last_access, then age, account, region
    assertThat(r.text()).isEqualTo(golden("list-default.txt"));
    CommandResult.Listed l = (CommandResult.Listed) r;
    assertThat(l.columns()).extracting(Column::name)
        .containsExactly("kind", "id", "name", "last_access", "age", "account", "region");
    assertThat(l.format()).isEqualTo(ListFormat.PLAIN);
    assertThat(commands.execute("search is(access_key) and last_access > 90days | list").text())
        .isEqualTo(golden("list-default.txt"));
  }

  @Test
  void should_add_the_paths_of_predicates_and_sort_keys_to_the_default_columns() {
    CommandResult.Listed l = (CommandResult.Listed)
        commands.execute("search is(access_key) and access_key_status == Inactive and /ancestors.user.reported.mfa_active == true | sort ctime");
    assertThat(l.columns()).extracting(Column::name).containsExactly(
        "kind", "id", "name", "access_key_status", "/ancestors.user.reported.mfa_active", "ctime",
        "age", "last_access", "account", "region");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({
      "'', list-plain.txt",
      "'--csv ', list-csv.txt",
      "'--markdown ', list-markdown.txt",
  })
  void should_list_chosen_columns_in_each_format(String option, String file) {
    assertThat(commands.execute("search is(access_key) | sort ctime | list " + option + COLUMNS).text())
        .isEqualTo(golden(file));
  }

  @Test
  void should_list_json_with_typed_values_and_nulls() {
    String line = "search is(access_key) | sort ctime | list --json name, account, last_access, "
        + "access_key_last_used as used, /ancestors.user.reported.mfa_active as mfa";
    assertThat(commands.execute(line).text()).isEqualTo(golden("list-json.txt"));
    assertThat(commands.execute("search is(user) and name == nobody | list --json").text()).isEqualTo("[]");
  }

  @Test
  void should_quote_csv_cells_and_escape_markdown_cells() {
    // GIVEN a tag value with a comma, a quote and a pipe
    Commands c = Commands.builder()
        .inventory(dev.inventory.Inventory.builder()
            .add(dev.inventory.GenericResource.builder("x", "resource").name("a,b \"c\" | d").build())
            .build())
        .clock(CommandFixtures.CLOCK)
        .build();
    // WHEN / THEN
    assertThat(c.execute("search all | list --csv id, name").text()).isEqualTo("id,name\nx,\"a,b \"\"c\"\" | d\"");
    assertThat(c.execute("search all | list --markdown name").text())
        .isEqualTo("| name |\n| --- |\n| a,b \"c\" \\| d |");
  }

  @Test
  void should_take_the_output_option_after_the_columns_too() {
    Commands c = Commands.builder()
        .inventory(dev.inventory.Inventory.builder()
            .add(dev.inventory.GenericResource.builder("x", "resource").name("a").build())
            .build())
        .clock(CommandFixtures.CLOCK)
        .build();
    assertThat(c.execute("search all | list id, name --csv").text()).isEqualTo("id,name\nx,a");
    assertThat(c.execute("search all | list name --markdown ").text()).isEqualTo("| name |\n| --- |\n| a |");
    assertThatThrownBy(() -> c.execute("search all | list --csv name --json"))
        .isInstanceOf(dev.inventory.query.parse.QuerySyntaxException.class)
        .hasMessageContaining("'list' takes one output option");
    assertThatThrownBy(() -> c.execute("search all | list name --xml"))
        .hasMessageContaining("unknown option '--xml' of 'list'");
  }

  @Test
  void should_give_the_listed_nodes_in_order() {
    CommandResult.Listed l = (CommandResult.Listed) commands.execute("search is(user) | sort name desc, account desc | list name, account");
    assertThat(l.nodes()).extracting(r -> r.name().orElseThrow()).containsExactly("nancy", "jenkins", "jenkins", "ci");
    assertThat(l.nodes()).extracting(Resource::kind).containsOnly("aws_iam_user");
    assertThat(List.of(l.text().split("\n"))).containsExactly(
        "name=nancy, account=prod", "name=jenkins, account=staging", "name=jenkins, account=prod", "name=ci, account=prod");
  }
}
