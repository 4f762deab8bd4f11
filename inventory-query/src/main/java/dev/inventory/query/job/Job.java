package dev.inventory.query.job;

import dev.inventory.workflow.CronExpression;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A command line kept to run later: when a workflow event fires ({@code waitForEvent}), on a cron
 * {@code schedule}, or on demand.
 *
 * <pre>{@code
 * Job job = Job.onEvent("clean_outdated_access_keys", "post_collect",
 *     "search is(access_key) and last_access > 90days | clean");
 * }</pre>
 *
 * @param id unique among the jobs of one {@link Jobs}
 * @param commandLine the line, with placeholders ({@code @UTC@} ...) kept raw until the job runs
 * @param waitForEvent the workflow event (step name, e.g. {@code post_collect}) that starts the job
 * @param schedule the cron expression that starts the job
 * @param timeout how long one run may take before it is stopped and recorded as failed
 * @param active whether events and the schedule start the job ({@link Jobs#run} always does)
 */
public record Job(
    String id,
    String commandLine,
    Optional<String> waitForEvent,
    Optional<CronExpression> schedule,
    Duration timeout,
    boolean active) {

  /** Fix Inventory's default job timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3600);

  public Job {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(commandLine, "commandLine");
    Objects.requireNonNull(waitForEvent, "waitForEvent");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(timeout, "timeout");
    if (id.isBlank() || !id.strip().equals(id)) {
      throw new IllegalArgumentException("a job id must be non-blank without surrounding spaces, got '" + id + "'");
    }
    if (commandLine.isBlank()) {
      throw new IllegalArgumentException("job " + id + ": the command line is empty");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("job " + id + ": the timeout must be positive, got " + timeout);
    }
  }

  /** An active job without trigger (it runs only through {@link Jobs#run}) and the default timeout. */
  public static Job manual(String id, String commandLine) {
    return new Job(id, commandLine, Optional.empty(), Optional.empty(), DEFAULT_TIMEOUT, true);
  }

  /** An active job started by the workflow event {@code event}, with the default timeout. */
  public static Job onEvent(String id, String event, String commandLine) {
    return new Job(id, commandLine, Optional.of(event), Optional.empty(), DEFAULT_TIMEOUT, true);
  }

  /** An active job started by the cron {@code schedule}, with the default timeout. */
  public static Job scheduled(String id, CronExpression schedule, String commandLine) {
    return new Job(id, commandLine, Optional.empty(), Optional.of(schedule), DEFAULT_TIMEOUT, true);
  }

  /** A random id, for a job added without one. */
  public static String randomId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** This job with another timeout. */
  public Job withTimeout(Duration timeout) {
    return new Job(id, commandLine, waitForEvent, schedule, timeout, active);
  }

  /** This job, active or not. */
  public Job withActive(boolean active) {
    return new Job(id, commandLine, waitForEvent, schedule, timeout, active);
  }

  /** Whether an event or a schedule starts this job. */
  public boolean hasTrigger() {
    return waitForEvent.isPresent() || schedule.isPresent();
  }

  /**
   * Fix Inventory's rendering of a job, e.g.
   *
   * <pre>
   * id: clean_outdated_access_keys
   * command: search is(access_key) | clean
   * active: true
   * trigger:
   *   message_type: post_collect
   * timeout: 3600
   * </pre>
   */
  public String render() {
    StringBuilder b = new StringBuilder();
    b.append("id: ").append(id).append('\n');
    b.append("command: ").append(commandLine).append('\n');
    b.append("active: ").append(active).append('\n');
    if (schedule.isPresent()) {
      b.append("trigger:\n  cron_expression: ").append(schedule.get()).append('\n');
      waitForEvent.ifPresent(e -> b.append("wait:\n  message_type: ").append(e).append('\n'));
    } else {
      waitForEvent.ifPresent(e -> b.append("trigger:\n  message_type: ").append(e).append('\n'));
    }
    b.append("timeout: ").append(timeout.toSeconds());
    return b.toString();
  }
}
