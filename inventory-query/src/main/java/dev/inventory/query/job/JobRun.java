package dev.inventory.query.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One run of a {@link Job}: what started it, when, and what it printed or why it failed.
 *
 * <pre>{@code
 * JobRun run = jobs.run("count_keys").orElseThrow();
 * if (run.ok()) System.out.println(run.output());
 * }</pre>
 *
 * @param runId unique per run
 * @param jobId the job
 * @param trigger what started it: the event name, {@code schedule} or {@code manual}
 * @param started when it started
 * @param ended when it ended (or was given up, after a timeout)
 * @param ok whether the command line ran to the end without an error
 * @param output the command's output when ok, else the error
 */
public record JobRun(String runId, String jobId, String trigger, Instant started, Instant ended, boolean ok, String output) {
  public JobRun {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(ended, "ended");
    Objects.requireNonNull(output, "output");
  }

  /** How long the run took. */
  public Duration duration() {
    return Duration.between(started, ended);
  }

  /** One line, e.g. {@code job clean_keys at post_collect: ok}. */
  public String summary() {
    return "job " + jobId + " at " + trigger + ": " + (ok ? "ok" : "failed: " + output);
  }
}
