package dev.inventory.query.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.Inventory;
import dev.inventory.collect.FixtureCollector;
import dev.inventory.workflow.CronExpression;
import dev.inventory.workflow.Workflows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SchedulerTest {
  private static final Instant START = Instant.parse("2026-05-01T10:30:00Z");

  /** A clock the test moves by hand. */
  private static final class HandClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(START);

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  private final HandClock clock = new HandClock();

  private Workflows workflows(FixtureCollector collector) {
    return Workflows.builder().collector(collector).clock(clock).build();
  }

  private Workflows workflows() {
    return workflows(FixtureCollector.of(Inventory::empty));
  }

  @Test
  void should_run_collect_and_cleanup_hourly_by_default() {
    // GIVEN
    Workflows workflows = workflows();
    Scheduler scheduler = Scheduler.builder(workflows).zone(ZoneOffset.UTC).clock(clock).build();
    // WHEN
    Scheduler.Tick before = scheduler.tick(Instant.parse("2026-05-01T10:59:59Z"));
    Scheduler.Tick atHour = scheduler.tick(Instant.parse("2026-05-01T11:00:00Z"));
    Scheduler.Tick between = scheduler.tick(Instant.parse("2026-05-01T11:30:00Z"));
    Scheduler.Tick manyMissed = scheduler.tick(Instant.parse("2026-05-01T15:05:00Z"));
    // THEN
    assertThat(before.workflow()).isEmpty();
    assertThat(atHour.workflow()).hasValueSatisfying(r -> assertThat(r.workflow()).isEqualTo("collect_and_cleanup"));
    assertThat(between.workflow()).isEmpty();
    assertThat(manyMissed.workflow()).isPresent();
    assertThat(workflows.history()).hasSize(2);
  }

  @Test
  void should_read_the_cron_in_the_configured_zone() {
    // GIVEN 09:00 in Berlin is 07:00 UTC in May (summer time)
    Workflows workflows = workflows();
    Scheduler scheduler = Scheduler.builder(workflows).cron("0 9 * * *").zone(ZoneId.of("Europe/Berlin"))
        .clock(Clock.fixed(Instant.parse("2026-05-01T06:00:00Z"), ZoneOffset.UTC)).build();
    // WHEN
    Scheduler.Tick early = scheduler.tick(Instant.parse("2026-05-01T06:59:00Z"));
    Scheduler.Tick due = scheduler.tick(Instant.parse("2026-05-01T07:00:00Z"));
    // THEN
    assertThat(early.workflow()).isEmpty();
    assertThat(due.workflow()).isPresent();
  }

  @Test
  void should_not_start_a_second_run_while_one_is_going() throws Exception {
    // GIVEN a collect that blocks until released, run by another thread
    CountDownLatch collecting = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean block = new AtomicBoolean(true);
    Workflows workflows = workflows(FixtureCollector.of(() -> {
      if (block.getAndSet(false)) {
        collecting.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return Inventory.empty();
    }));
    Thread manual = new Thread(() -> workflows.run("collect_and_cleanup"));
    manual.start();
    assertThat(collecting.await(10, TimeUnit.SECONDS)).isTrue();
    Scheduler scheduler = Scheduler.builder(workflows).zone(ZoneOffset.UTC).clock(clock).build();
    // WHEN the hour falls due while the manual run is going
    Scheduler.Tick tick = scheduler.tick(Instant.parse("2026-05-01T11:00:00Z"));
    release.countDown();
    manual.join(10_000);
    // THEN
    assertThat(tick.workflowSkipped()).isTrue();
    assertThat(tick.workflow()).isEmpty();
    assertThat(scheduler.skipped()).isEqualTo(1);
    assertThat(workflows.history()).hasSize(1);
  }

  @Test
  void should_run_active_scheduled_jobs_when_due() {
    // GIVEN
    List<String> ran = new ArrayList<>();
    Jobs jobs = Jobs.builder().runner(line -> {
      ran.add(line);
      return "";
    }).build();
    jobs.add(Job.scheduled("every_15", CronExpression.parse("*/15 * * * *"), "search is(user) | count"));
    jobs.add(Job.scheduled("daily", CronExpression.parse("0 0 * * *"), "search is(role) | count"));
    jobs.add(Job.scheduled("inactive", CronExpression.parse("* * * * *"), "search is(group) | count"));
    jobs.deactivate("inactive");
    Scheduler scheduler = Scheduler.builder(workflows()).jobs(jobs).cron("0 0 1 1 *").zone(ZoneOffset.UTC)
        .clock(clock).build();
    // WHEN
    Scheduler.Tick tick = scheduler.tick(Instant.parse("2026-05-01T10:45:00Z"));
    // THEN
    assertThat(tick.jobs()).extracting(JobRun::jobId).containsExactly("every_15");
    assertThat(tick.jobs()).allSatisfy(r -> assertThat(r.trigger()).isEqualTo("schedule"));
    assertThat(ran).containsExactly("search is(user) | count");
    assertThat(tick.workflow()).isEmpty();
  }

  @Test
  void should_run_only_the_jobs_without_a_workflow_and_tell_the_listener() throws Exception {
    // GIVEN
    Workflows workflows = workflows();
    Jobs jobs = Jobs.builder().runner(line -> "ran " + line).build();
    jobs.add(Job.scheduled("every_minute", CronExpression.parse("* * * * *"), "search is(user) | count"));
    List<Scheduler.Tick> told = new java.util.concurrent.CopyOnWriteArrayList<>();
    Scheduler scheduler = Scheduler.builder(workflows).jobs(jobs).withoutWorkflow().zone(ZoneOffset.UTC)
        .clock(clock).pollInterval(Duration.ofMillis(5)).listener(told::add).build();
    // WHEN the clock passes the hour, which would start the hourly workflow
    assertThat(scheduler.tick(Instant.parse("2026-05-01T11:00:00Z")).workflow()).isEmpty();
    scheduler.start();
    clock.now.set(Instant.parse("2026-05-01T11:01:00Z"));
    long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (told.isEmpty() && System.nanoTime() < end) {
      Thread.sleep(5);
    }
    scheduler.stop();
    // THEN
    assertThat(workflows.history()).isEmpty();
    assertThat(told).hasSize(1);
    assertThat(told.get(0).jobs()).extracting(JobRun::output).containsExactly("ran search is(user) | count");
  }

  @Test
  void should_tick_on_its_thread_and_wait_for_the_work_when_stopped() throws Exception {
    // GIVEN
    Workflows workflows = workflows();
    Scheduler scheduler = Scheduler.builder(workflows).zone(ZoneOffset.UTC).clock(clock)
        .pollInterval(Duration.ofMillis(5)).build();
    scheduler.start();
    // WHEN the clock passes the hour
    clock.now.set(Instant.parse("2026-05-01T11:00:00Z"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (workflows.history().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    scheduler.stop();
    // THEN
    assertThat(workflows.history()).hasSize(1);
    assertThat(scheduler.isStarted()).isFalse();
    assertThat(workflows.isRunning()).isFalse();
    assertThat(Optional.of(scheduler.skipped())).contains(0);
  }
}
