package dev.inventory.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.inventory.Inventory;
import dev.inventory.query.command.CommandResult;
import dev.inventory.query.command.Commands;
import dev.inventory.query.parse.ErrorCode;
import dev.inventory.query.parse.QuerySyntaxException;
import dev.inventory.state.NodeState;
import dev.inventory.state.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guide "How to Clean Up AWS IAM Access Keys" end
 * to end on the demo organisation, through {@link Commands}, on several days.
 */
class GuideCommandsTest {
  private static final String STALE = "search is(access_key) and last_access > 90days";
  private static final String CLEAN_LINE =
      STALE + " and /ancestors.user.reported.name not in [jenkins, ci] | clean \"unused for 90 days\"";

  private static Commands commands(String day, StateStore state) {
    Clock clock = Clock.fixed(Instant.parse(day), ZoneOffset.UTC);
    Inventory inv = DemoOrganisation.build(clock);
    return Commands.builder().inventory(inv).state(state).clock(clock).build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-05-01T00:00:00Z", "2027-02-28T13:45:00Z"})
  void should_count_the_owners_of_stale_keys_by_name(String day) {
    // GIVEN
    Commands commands = commands(day, StateStore.inMemory());
    // WHEN
    CommandResult result = commands.execute(STALE + " <-- is(user) | count name");
    // THEN
    assertThat(result.text()).isEqualTo(String.join("\n",
        "ccm-sa: 1",
        "jenkins: 1",
        "nancy: 1",
        "ci: 2",
        "db-runner: 3",
        "packer-ami: 9",
        "test-max: 12",
        "total matched: 29",
        "total unmatched: 0"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-05-01T00:00:00Z", "2027-02-28T13:45:00Z"})
  void should_count_the_owners_other_than_jenkins_and_ci(String day) {
    // GIVEN
    Commands commands = commands(day, StateStore.inMemory());
    // WHEN
    CommandResult result = commands.execute(STALE + " <-- is(user) and name not in [jenkins, ci] | count name");
    // THEN
    assertThat(result.text()).isEqualTo(String.join("\n",
        "ccm-sa: 1",
        "nancy: 1",
        "db-runner: 3",
        "packer-ami: 9",
        "test-max: 12",
        "total matched: 26",
        "total unmatched: 0"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-05-01T00:00:00Z", "2031-12-31T23:59:59Z"})
  void should_mark_exactly_the_26_stale_keys_and_find_them_by_their_mark(String day) {
    // GIVEN
    StateStore state = StateStore.inMemory();
    Commands commands = commands(day, state);
    // WHEN
    CommandResult result = commands.execute(CLEAN_LINE);
    // THEN 26 keys, not users, carry the mark with reason, time and query
    assertThat(result).isInstanceOf(CommandResult.Marked.class);
    assertThat(((CommandResult.Marked) result).ids()).hasSize(26);
    assertThat(result.text()).startsWith("marked 26 nodes for cleanup: unused for 90 days\n");
    Map<String, NodeState> marked = state.all();
    assertThat(marked).hasSize(26);
    Inventory inv = commands.engine().inventory();
    assertThat(marked.keySet()).allSatisfy(id -> assertThat(inv.node(id).orElseThrow().kind()).isEqualTo("aws_iam_access_key"));
    assertThat(marked.values()).allSatisfy(s -> {
      assertThat(s.clean().orElseThrow().reason()).isEqualTo("unused for 90 days");
      assertThat(s.clean().orElseThrow().time()).contains(Instant.parse(day));
      assertThat(s.clean().orElseThrow().query()).contains(
          "is(access_key) and last_access > 90days and /ancestors.user.reported.name not in [jenkins, ci]");
    });
    assertThat(commands.execute("search /desired.clean == true | count").text())
        .isEqualTo("total matched: 26\ntotal unmatched: 0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-05-01T00:00:00Z"})
  void should_reject_the_guides_bare_slash_and_mark_nothing(String day) {
    // GIVEN the line as the public guide prints it
    StateStore state = StateStore.inMemory();
    Commands commands = commands(day, state);
    String line = STALE + " and / not in [jenkins, ci] | clean";
    // WHEN
    QuerySyntaxException e = catchThrowableOfType(QuerySyntaxException.class, () -> commands.execute(line));
    // THEN a caret under the '/', and nothing marked
    assertThat(e.code()).isEqualTo(ErrorCode.EXPECTED_PROPERTY_NAME);
    assertThat(e.offset()).isEqualTo(line.indexOf(" / ") + 1);
    assertThat(e.getMessage()).endsWith(line + "\n" + " ".repeat(line.indexOf(" / ") + 1) + "^");
    assertThat(state.all()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-05-01T00:00:00Z"})
  void should_reject_mixed_and_or_showing_both_readings(String day) {
    // GIVEN
    Commands commands = commands(day, StateStore.inMemory());
    // WHEN
    QuerySyntaxException e = catchThrowableOfType(QuerySyntaxException.class,
        () -> commands.execute(STALE + " or name == nancy and age > 1d"));
    // THEN
    assertThat(e.code()).isEqualTo(ErrorCode.AMBIGUOUS_AND_OR);
    assertThat(e.getMessage())
        .contains("(is(access_key) and last_access > 90days) or (name == nancy and age > 1d)")
        .contains("is(access_key) and (last_access > 90days or name == nancy) and age > 1d");
  }
}
