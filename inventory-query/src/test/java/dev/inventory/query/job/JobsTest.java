package dev.inventory.query.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inventory.query.parse.QuerySyntaxException;
import dev.inventory.workflow.CronExpression;
import dev.inventory.workflow.WorkflowEvent;
import dev.inventory.workflow.WorkflowStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobsTest {
  private static final Instant NOW = Instant.parse("2026-05-01T10:30:00Z");
  private static final String COUNT_KEYS = "search is(access_key) | count";

  private final List<String> executed = new ArrayList<>();

  private Jobs jobs(Path file) {
    Jobs.Builder b = Jobs.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).runner(line -> {
      executed.add(line);
      if (line.contains("boom")) {
        throw new IllegalStateException("boom failed");
      }
      return "ran " + line;
    });
    return (file == null ? b : b.file(file)).build();
  }

  private static WorkflowEvent event(WorkflowStep step) {
    return new WorkflowEvent("run-1", "collect_and_cleanup", step, NOW);
  }

  @Test
  void should_reject_a_broken_command_line_at_add_and_add_nothing() {
    // GIVEN
    Jobs jobs = jobs(null);
    // WHEN / THEN
    assertThatThrownBy(() -> jobs.add(Job.manual("bad", "search is(access_key) and / not in [a]")))
        .isInstanceOf(QuerySyntaxException.class);
    assertThat(jobs.list()).isEmpty();
  }

  @Test
  void should_refuse_a_duplicate_id() {
    // GIVEN
    Jobs jobs = jobs(null);
    jobs.add(Job.manual("a", COUNT_KEYS));
    // WHEN / THEN
    assertThatThrownBy(() -> jobs.add(Job.manual("a", COUNT_KEYS))).isInstanceOf(JobException.class)
        .hasMessageContaining("a job with the id a exists already");
    assertThat(jobs.list()).hasSize(1);
  }

  @Test
  void should_give_a_random_id_when_none_is_given() {
    // GIVEN
    Jobs jobs = jobs(null);
    // WHEN
    Job first = jobs.add(COUNT_KEYS);
    Job second = jobs.add(COUNT_KEYS);
    // THEN
    assertThat(first.id()).isNotBlank().isNotEqualTo(second.id());
    assertThat(jobs.list()).hasSize(2);
  }

  @Test
  void should_replace_placeholders_when_the_job_runs_not_when_it_is_added() {
    // GIVEN
    Jobs jobs = jobs(null);
    jobs.add(Job.manual("p", "search ctime < @UTC@ | count"));
    // WHEN
    JobRun run = jobs.run("p").orElseThrow();
    // THEN
    assertThat(jobs.show("p").orElseThrow().commandLine()).isEqualTo("search ctime < @UTC@ | count");
    assertThat(executed).containsExactly("search ctime < 2026-05-01T10:30:00Z | count");
    assertThat(run.ok()).isTrue();
    assertThat(run.trigger()).isEqualTo("manual");
  }

  @Test
  void should_run_active_jobs_waiting_for_the_event_in_order_of_id() {
    // GIVEN
    Jobs jobs = jobs(null);
    jobs.add(Job.onEvent("b", "post_collect", "search is(user) | count"));
    jobs.add(Job.onEvent("a", "post_collect", COUNT_KEYS));
    jobs.add(Job.onEvent("c", "pre_collect", "search is(role) | count"));
    jobs.add(Job.onEvent("d", "post_collect", "search is(group) | count"));
    jobs.deactivate("d");
    // WHEN
    jobs.onEvent(event(WorkflowStep.POST_COLLECT));
    // THEN
    assertThat(executed).containsExactly(COUNT_KEYS, "search is(user) | count");
    assertThat(jobs.runs("post_collect")).extracting(JobRun::jobId).containsExactly("a", "b");
  }

  @Test
  void should_record_a_failing_job_without_throwing_to_the_workflow() {
    // GIVEN
    Jobs jobs = jobs(null);
    jobs.add(Job.onEvent("a", "post_collect", "search name == boom | count"));
    jobs.add(Job.onEvent("b", "post_collect", COUNT_KEYS));
    // WHEN
    jobs.onEvent(event(WorkflowStep.POST_COLLECT));
    // THEN
    assertThat(jobs.runs()).extracting(JobRun::jobId, JobRun::ok).containsExactly(
        org.assertj.core.groups.Tuple.tuple("a", false), org.assertj.core.groups.Tuple.tuple("b", true));
    assertThat(jobs.runs().get(0).output()).isEqualTo("boom failed");
  }

  @Test
  void should_stop_a_job_that_exceeds_its_timeout_and_record_it_as_failed() throws Exception {
    // GIVEN a job whose command blocks until it is interrupted
    CountDownLatch interrupted = new CountDownLatch(1);
    Jobs jobs = Jobs.builder().runner(line -> {
      try {
        new CountDownLatch(1).await();
        return "never";
      } catch (InterruptedException e) {
        interrupted.countDown();
        return "interrupted";
      }
    }).build();
    jobs.add(Job.manual("slow", COUNT_KEYS).withTimeout(Duration.ofMillis(50)));
    // WHEN
    JobRun run = jobs.run("slow").orElseThrow();
    // THEN
    assertThat(run.ok()).isFalse();
    assertThat(run.output()).startsWith("timed out");
    assertThat(interrupted.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    jobs.close();
  }

  @Test
  void should_keep_jobs_in_a_file_across_a_restart(@TempDir Path dir) throws Exception {
    // GIVEN
    Path file = dir.resolve("jobs.json");
    Jobs jobs = jobs(file);
    jobs.add(new Job("hourly", COUNT_KEYS, Optional.empty(), Optional.of(CronExpression.parse("0 * * * *")),
        Duration.ofSeconds(60), true));
    jobs.add(Job.onEvent("on_collect", "post_collect", "search is(user) | count"));
    jobs.deactivate("on_collect");
    // WHEN
    Jobs reloaded = jobs(file);
    // THEN
    assertThat(reloaded.list()).isEqualTo(jobs.list());
    assertThat(reloaded.show("on_collect").orElseThrow().active()).isFalse();
    assertThat(reloaded.show("hourly").orElseThrow().timeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(Files.list(dir)).containsExactly(file);
    // AND a delete is kept too
    reloaded.delete("hourly");
    assertThat(jobs(file).list()).extracting(Job::id).containsExactly("on_collect");
  }

  @Test
  void should_report_unknown_ids_as_empty() {
    // GIVEN
    Jobs jobs = jobs(null);
    // WHEN / THEN
    assertThat(jobs.show("x")).isEmpty();
    assertThat(jobs.run("x")).isEmpty();
    assertThat(jobs.activate("x")).isEmpty();
    assertThat(jobs.delete("x")).isFalse();
  }

  @Test
  void should_name_the_place_and_the_closest_key_of_an_unknown_key_in_the_jobs_file(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("jobs.json"),
        "[\n  {\"id\": \"a\", \"command\": \"search all | count\"},\n  {\"id\": \"b\", \"comand\": \"x\"}\n]\n");
    assertThatThrownBy(() -> jobs(file)).isInstanceOf(JobException.class)
        .hasMessage(file + ":3:15: unknown key \"comand\" (did you mean 'command'?); a job has the keys "
            + "id, command, wait_for_event, schedule, timeout, active");
  }

  @Test
  void should_name_the_place_of_a_bad_value_or_broken_json_in_the_jobs_file(@TempDir Path dir) throws Exception {
    Path wrongType = Files.writeString(dir.resolve("a.json"), "[{\"id\": \"a\", \"command\": \"x\", \"timeout\": \"soon\"}]");
    assertThatThrownBy(() -> jobs(wrongType)).hasMessage(wrongType + ":1:41: \"timeout\" expects a number of seconds");
    Path notArray = Files.writeString(dir.resolve("b.json"), "{}");
    assertThatThrownBy(() -> jobs(notArray)).hasMessage(notArray + ":1:1: expected a JSON array of jobs");
    Path broken = Files.writeString(dir.resolve("c.json"), "[{\"id\": ");
    assertThatThrownBy(() -> jobs(broken)).isInstanceOf(JobException.class)
        .hasMessageStartingWith(broken + ":1:").hasMessageContaining("not valid JSON");
    Path noCommand = Files.writeString(dir.resolve("d.json"), "[\n {\"id\": \"a\"}]");
    assertThatThrownBy(() -> jobs(noCommand)).hasMessage(noCommand + ":2:2: a job without \"command\"");
  }

  @Test
  void should_check_command_lines_with_the_hosts_check() {
    Jobs jobs = Jobs.builder().runner(line -> "ran " + line).check(line -> {
      if (!line.startsWith("cleanup ")) {
        throw new JobException("not a cleanup: " + line);
      }
    }).build();
    assertThat(jobs.add(Job.manual("c", "cleanup run")).id()).isEqualTo("c");
    assertThatThrownBy(() -> jobs.add(Job.manual("s", "search all"))).hasMessage("not a cleanup: search all");
    assertThat(jobs.list()).extracting(Job::id).containsExactly("c");
  }
}
