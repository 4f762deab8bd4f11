package dev.inventory.query.command;

import static dev.inventory.query.command.CommandFixtures.CLOCK;
import static dev.inventory.query.command.CommandFixtures.NOW;
import static dev.inventory.query.command.CommandFixtures.commands;
import static dev.inventory.query.command.CommandFixtures.golden;
import static dev.inventory.query.command.CommandFixtures.organisation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inventory.query.parse.ErrorCode;
import dev.inventory.query.parse.QueryParser;
import dev.inventory.query.parse.QuerySyntaxException;
import dev.inventory.state.Mark;
import dev.inventory.state.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command pipeline: folding, marking, placeholders, usage errors, help. */
class CommandsPipelineTest {
  private final CountingStateStore state = new CountingStateStore();
  private final Commands commands = commands(state);

  private List<String> names(String line) {
    return ((CommandResult.Listed) commands.execute(line)).nodes().stream()
        .map(r -> r.name().orElseThrow()).toList();
  }

  @Test
  void should_fold_sort_limit_and_head_into_the_last_part_of_the_query() {
    // WHEN
    CommandResult.Listed l = (CommandResult.Listed) commands.execute("search is(user) | sort name desc | head 2");
    // THEN
    assertThat(l.query()).isEqualTo(QueryParser.parse("is(user) sort name desc limit 2"));
    assertThat(l.nodes()).extracting(r -> r.name().orElseThrow()).containsExactly("nancy", "jenkins");
    // limits compose: the second limit works on what the first kept
    assertThat(((CommandResult.Listed) commands.execute("search is(user) | sort name | limit 1, 3 | head 1")).query())
        .isEqualTo(QueryParser.parse("is(user) sort name limit 1, 1"));
    assertThat(names("search is(user) | sort name | limit 1, 3 | limit 1, 5")).containsExactly("jenkins", "nancy");
  }

  @Test
  void should_fold_into_a_new_part_after_a_navigation() {
    CommandResult.Listed l = (CommandResult.Listed) commands.execute(
        "search is(access_key) and last_access > 90days <-- | sort name desc | head 1");
    assertThat(l.query()).isEqualTo(QueryParser.parse(
        "is(access_key) and last_access > 90days <-- sort name desc limit 1"));
    assertThat(l.nodes()).extracting(r -> r.name().orElseThrow()).containsExactly("nancy");
  }

  @Test
  void should_take_the_last_nodes_with_tail_and_the_first_hundred_by_default() {
    assertThat(names("search is(user) | sort name | tail 2")).containsExactly("jenkins", "nancy");
    assertThat(names("search is(user) | sort name | tail")).containsExactly("ci", "jenkins", "jenkins", "nancy");
    assertThat(((CommandResult.Listed) commands.execute("search is(user) | head")).query())
        .isEqualTo(QueryParser.parse("is(user) limit 100"));
  }

  @Test
  void should_sort_after_a_limit_without_changing_which_nodes_the_limit_kept() {
    // the limit keeps ci and jenkins (by name); sorting them desc must not bring in nancy
    assertThat(names("search is(user) sort name limit 2 | sort name desc")).containsExactly("jenkins", "ci");
  }

  @Test
  void should_combine_a_second_search_with_the_first() {
    assertThat(names("search is(user) | search name == nancy")).containsExactly("nancy");
    assertThat(names("search is(user) and name == nancy --> | search last_access < 90days")).containsExactly("nancy");
  }

  @Test
  void should_mark_every_result_node_in_one_write_with_reason_time_and_query() {
    // WHEN
    CommandResult r = commands.execute(
        "search is(access_key) and last_access > 90days and /ancestors.user.reported.name == jenkins | clean \"unused for 90 days\"");
    // THEN
    assertThat(r.text()).isEqualTo(golden("clean.txt"));
    CommandResult.Marked m = (CommandResult.Marked) r;
    assertThat(m.action()).isEqualTo(CommandResult.Marked.Action.CLEAN);
    assertThat(m.ids()).containsExactly("AKIAJENKINS000000001", "AKIASTAGING000000001");
    assertThat(m.time()).isEqualTo(NOW);
    assertThat(state.updateAlls).isEqualTo(1);
    assertThat(state.updates).isZero();
    String query = "is(access_key) and last_access > 90days and /ancestors.user.reported.name == jenkins";
    assertThat(state.get("AKIAJENKINS000000001").clean())
        .contains(Mark.of("unused for 90 days", NOW, query));
    assertThat(commands.execute("search /desired.clean == true | count").text())
        .isEqualTo("total matched: 2\ntotal unmatched: 0");
  }

  @Test
  void should_mark_without_a_reason_and_with_an_unquoted_one() {
    commands.execute("search id(AKIACI00000000000001) | clean");
    commands.execute("search id(AKIANANCY00000000002) | clean never used again");
    assertThat(state.get("AKIACI00000000000001").clean().orElseThrow().reason()).isEmpty();
    assertThat(state.get("AKIANANCY00000000002").clean().orElseThrow().reason()).isEqualTo("never used again");
  }

  @Test
  void should_protect_unprotect_and_unclean() {
    // GIVEN a marked and protected key
    commands.execute("search name == jenkins and is(access_key) | clean stale");
    CommandResult p = commands.execute("search account == staging and is(access_key) | protect \"break-glass\"");
    // THEN protect marks metadata.protected with its reason
    assertThat(p.text()).startsWith("protected 1 node: break-glass\n");
    assertThat(state.get("AKIASTAGING000000001").protection().orElseThrow().reason()).isEqualTo("break-glass");
    assertThat(commands.execute("search /metadata.protected == true | count").text()).startsWith("total matched: 1\n");
    // WHEN cleaning again, the protected node is named
    assertThat(commands.execute("search name == jenkins and is(access_key) | clean stale").text())
        .contains("1 node is protected and will not be cleaned up");
    // unclean clears only marked nodes, unprotect only protected ones
    CommandResult.Marked u = (CommandResult.Marked) commands.execute("search is(access_key) | unclean");
    assertThat(u.ids()).containsExactly("AKIAJENKINS000000001", "AKIASTAGING000000001");
    assertThat(u.text()).startsWith("cleared the cleanup mark of 2 nodes\n");
    CommandResult.Marked up = (CommandResult.Marked) commands.execute("search all | unprotect");
    assertThat(up.ids()).containsExactly("AKIASTAGING000000001");
    assertThat(state.all()).isEmpty();
    // nothing to clear: no write
    int writes = state.updateAlls;
    assertThat(commands.execute("search all | unclean").text()).isEqualTo("cleared the cleanup mark of 0 nodes");
    assertThat(state.updateAlls).isEqualTo(writes);
  }

  @Test
  void should_pass_marked_nodes_on_to_count_and_list() {
    CommandResult r = commands.execute("search is(access_key) and last_use == never | clean | count name");
    assertThat(r.text()).isEqualTo("ci: 1\ntotal matched: 1\ntotal unmatched: 0");
    assertThat(state.get("AKIACI00000000000001").isMarkedForCleanup()).isTrue();
  }

  @Test
  void should_replace_placeholders_with_the_time_of_the_line() {
    // GIVEN a clock at 2026-05-01T10:30:00Z and the zone Europe/Berlin (+02:00)
    Commands berlin = Commands.builder().inventory(organisation()).clock(CLOCK).zone(ZoneId.of("Europe/Berlin")).build();
    // WHEN / THEN @UTC@ works unquoted, @NOW@ quoted
    assertThat(berlin.execute("search is(access_key) and atime < @UTC@ | count").text()).startsWith("total matched: 4\n");
    assertThat(berlin.execute("search is(access_key) and atime < \"@NOW@\" | count").text()).startsWith("total matched: 4\n");
    assertThat(berlin.execute("search is(access_key) and atime > @today@ | count").text()).startsWith("total matched: 0\n");
    assertThat(berlin.execute("search is(access_key) and atime > @YESTERDAY@T00:00:00Z | count").text())
        .startsWith("total matched: 1\n");
  }

  @Test
  void should_format_placeholders_like_fix_inventory() {
    Instant now = Instant.parse("2026-05-01T23:30:00.123Z");
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    assertThat(Placeholders.replace("@UTC@ @NOW@ @TODAY@ @YESTERDAY@ @TOMORROW@ @today@ @UTC", now, berlin))
        .isEqualTo("2026-05-01T23:30:00Z 2026-05-02T01:30:00+0200 2026-05-02 2026-05-01 2026-05-03 2026-05-02 @UTC");
    assertThat(Placeholders.replace("@NOW@", now, ZoneOffset.UTC)).isEqualTo("2026-05-01T23:30:00+0000");
  }

  @Test
  void should_read_the_clock_once_per_line() {
    // GIVEN a clock that moves a day on every read
    Clock moving = new Clock() {
      private Instant next = NOW;

      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public synchronized Instant instant() {
        Instant now = next;
        next = next.plusSeconds(86_400);
        return now;
      }
    };
    StateStore store = StateStore.inMemory();
    Commands c = Commands.builder().inventory(organisation()).state(store).clock(moving).build();
    // WHEN one line searches, folds, marks and uses a placeholder
    CommandResult.Marked m = (CommandResult.Marked) c.execute("search atime < @UTC@ and is(access_key) | head 10 | clean x");
    // THEN everything used the first reading
    assertThat(m.time()).isEqualTo(NOW);
    assertThat(m.ids()).hasSize(4);
    assertThat(store.get(m.ids().get(0)).clean().orElseThrow().time()).contains(NOW);
  }

  @Test
  void should_reject_usage_errors_pointing_into_the_line_and_mark_nothing() {
    assertUsage("search is(user) | list --xml name", ErrorCode.UNKNOWN_OPTION, "--xml");
    assertUsage("search is(user) | list --csv --json name", ErrorCode.UNEXPECTED_ARGUMENT, "--json");
    assertUsage("search is(user) | list name --csv --json", ErrorCode.UNEXPECTED_ARGUMENT, "--csv");
    assertUsage("search is(user) | list name, / as x", ErrorCode.EXPECTED_PROPERTY_NAME, "/ as x");
    assertUsage("search is(user) | count name | clean", ErrorCode.UNEXPECTED_TOKEN, "clean");
    assertUsage("search is(user) | list | search all", ErrorCode.UNEXPECTED_TOKEN, "search all");
    assertUsage("search is(user) | clean | search all", ErrorCode.UNEXPECTED_TOKEN, "search all");
    assertUsage("search is(user) | clean | list --xml", ErrorCode.UNKNOWN_OPTION, "--xml");
    assertUsage("search is(user) | protect | count name | list", ErrorCode.UNEXPECTED_TOKEN, "list");
    assertUsage("search is(usr) | clean", ErrorCode.UNKNOWN_KIND, "usr) | clean");
    assertUsage("search is(user) | head 3 | search is(usr) | clean", ErrorCode.UNKNOWN_KIND, "usr)");
    assertUsage("search is(user) and name =~ \"(\" | clean", ErrorCode.BAD_REGEX, "\"(\" | clean");
    assertThat(state.updateAlls).isZero();
    assertThat(state.all()).isEmpty();
  }

  private void assertUsage(String line, ErrorCode code, String at) {
    CommandFixtures.assertLineError(commands, line, code, at);
  }

  @Test
  void should_reject_a_line_that_is_not_a_search() {
    assertThatThrownBy(() -> commands.execute("count name")).isInstanceOf(QuerySyntaxException.class);
    assertThatThrownBy(() -> commands.execute("")).isInstanceOf(QuerySyntaxException.class);
  }

  @Test
  void should_list_every_command_with_an_example_in_help() {
    String help = Commands.help();
    List<String> lines = List.of(help.split("\n"));
    assertThat(lines).hasSize(18).allSatisfy(l -> assertThat(l).contains(" e.g. "));
    for (String command : List.of("search", "count", "list", "head", "tail", "sort", "limit", "clean", "protect",
        "unclean", "unprotect", "aggregate", "predecessors|successors", "ancestors|descendants", "dump", "format",
        "help")) {
      assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(command + " "));
    }
    assertThat(commands.execute("help")).isEqualTo(new CommandResult.Help(help));
    // every example (but help itself) runs on the fixture
    Commands fresh = commands(StateStore.inMemory());
    for (String l : lines) {
      String example = l.substring(l.indexOf(" e.g. ") + 6);
      assertThat(fresh.execute(example).text()).as(example).isNotNull();
    }
  }

  @Test
  void should_require_an_inventory() {
    assertThatThrownBy(() -> Commands.builder().build()).isInstanceOf(IllegalStateException.class);
    Commands c = Commands.builder().inventory(organisation()).build();
    assertThat(c.engine().state().all()).isEmpty();
    assertThat(c.engine().inventory().size()).isEqualTo(organisation().size());
  }

}
