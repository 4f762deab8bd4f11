package dev.inventory.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one step of a run: its own work only (errors of listeners announced for the step
 * are {@link WorkflowError}s of the run).
 *
 * <pre>{@code
 * result.step(WorkflowStep.CLEANUP).orElseThrow().message();   // "cleanup is disabled (cleanup: false)"
 * }</pre>
 *
 * @param step the step
 * @param status ok, failed or skipped
 * @param message what the step did or why it did not, for people; empty for a step without work
 * @param error what the step threw, when it failed
 * @param started when the step was announced
 * @param duration from the announcement to the end of the step's work, listeners included
 */
public record StepResult(
    WorkflowStep step, Status status, String message, Optional<Throwable> error, Instant started, Duration duration) {

  /**
   * Checks that the values are present.
   *
   * @param step the step
   * @param status how it ended
   * @param message what happened, for people
   * @param error the error, when it failed
   * @param started when it started
   * @param duration how long it took
   */
  public StepResult {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(duration, "duration");
  }

  /** How a step ended. */
  public enum Status {
    /** The step did its work (or had none). */
    OK,
    /** The step threw; the workflow went on. */
    FAILED,
    /** The step did not do its work, for the reason in the message. */
    SKIPPED;

    /**
     * The lower-case name, for example {@code skipped}.
     *
     * @return the label
     */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** {@code step: status[: message]}. */
  @Override
  public String toString() {
    return step + ": " + status.label() + (message.isEmpty() ? "" : ": " + message);
  }
}
