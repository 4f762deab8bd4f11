package dev.inventory.query.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inventory.query.parse.QuerySyntaxException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobsCommandTest {
  private static final String CLEAN =
      "search is(access_key) and last_access > 90days and /ancestors.user.reported.name not in [jenkins, ci] | clean";

  private final Jobs jobs = Jobs.builder().runner(line -> "ran: " + line).build();
  private final JobsCommand command = new JobsCommand(jobs);

  @Test
  void should_add_a_job_waiting_for_an_event() {
    // WHEN
    String out = command.execute("add --id clean_outdated_access_keys --wait-for-event post_collect '" + CLEAN + "'");
    // THEN
    assertThat(out).isEqualTo("Job clean_outdated_access_keys added.");
    Job job = jobs.show("clean_outdated_access_keys").orElseThrow();
    assertThat(job.commandLine()).isEqualTo(CLEAN);
    assertThat(job.waitForEvent()).contains("post_collect");
    assertThat(job.timeout()).isEqualTo(Job.DEFAULT_TIMEOUT);
  }

  @Test
  void should_show_a_scheduled_job_as_fix_inventory_does() {
    // GIVEN
    command.execute("add --id hourly --schedule \"0 * * * *\" --timeout 60 search is(user) | count");
    // WHEN
    String out = command.execute("show hourly");
    // THEN
    assertThat(out).isEqualTo(String.join("\n", "id: hourly", "command: search is(user) | count", "active: true",
        "trigger:", "  cron_expression: 0 * * * *", "timeout: 60"));
    assertThat(jobs.show("hourly").orElseThrow().timeout()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void should_list_run_deactivate_and_delete() {
    // GIVEN
    command.execute("add --id a 'search is(user) | count'");
    command.execute("add --id b --wait-for-event post_collect 'search is(role) | count'");
    // WHEN / THEN
    assertThat(command.execute("list")).startsWith("id: a\n").contains("---\nid: b\n");
    assertThat(command.execute("run a")).startsWith("Job a started with id ").endsWith("ran: search is(user) | count");
    assertThat(command.execute("deactivate b")).contains("active: false");
    assertThat(command.execute("activate b")).contains("active: true");
    assertThat(command.execute("delete a")).isEqualTo("Job a deleted.");
    assertThatThrownBy(() -> command.execute("show a")).isInstanceOf(JobException.class)
        .hasMessage("no job with the id 'a' (did you mean 'b'?); jobs: b");
    assertThatThrownBy(() -> command.execute("run zzz")).isInstanceOf(JobException.class)
        .hasMessage("no job with the id 'zzz'; jobs: b");
  }

  @Test
  void should_print_the_usage_without_a_sub_command() {
    assertThat(command.execute("")).isEqualTo(JobsCommand.USAGE).contains("jobs add --id ID").contains("jobs list");
    assertThat(command.execute("help")).isEqualTo(JobsCommand.USAGE);
  }

  @Test
  void should_fail_with_a_syntax_error_and_add_nothing_for_a_broken_query() {
    assertThatThrownBy(() -> command.execute("add --id x 'search is(access_key) and / not in [jenkins, ci] | clean'"))
        .isInstanceOf(QuerySyntaxException.class);
    assertThat(jobs.list()).isEmpty();
  }

  @Test
  void should_report_usage_errors_as_syntax_errors() {
    assertThatThrownBy(() -> command.execute("frobnicate")).isInstanceOf(QuerySyntaxException.class)
        .hasMessageContaining("unknown jobs command 'frobnicate'");
    assertThatThrownBy(() -> command.execute("add --id x --timeout soon 'search is(user)'"))
        .isInstanceOf(QuerySyntaxException.class).hasMessageContaining("--timeout expects a number");
    assertThatThrownBy(() -> command.execute("add --id x --schedule \"61 * * * *\" 'search is(user)'"))
        .isInstanceOf(QuerySyntaxException.class);
    assertThatThrownBy(() -> command.execute("add --id x")).isInstanceOf(QuerySyntaxException.class)
        .hasMessageContaining("needs a command line");
    assertThat(jobs.list()).isEmpty();
  }
}
