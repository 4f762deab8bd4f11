package dev.inventory.workflow;

import java.util.Objects;
import java.util.Optional;

/**
 * An error during a run that did not stop it: a listener (a job) that threw when a step was
 * announced, or a step that failed.
 *
 * <pre>{@code
 * result.errors().forEach(e -> log.warn("{}", e));   // post_collect: listener clean_keys: boom
 * }</pre>
 *
 * @param step the step announced or running
 * @param source {@code step} for the step's own work, otherwise {@code listener } and the listener's
 *     {@code toString()}
 * @param message the exception's text
 * @param cause the exception
 */
public record WorkflowError(WorkflowStep step, String source, String message, Optional<Throwable> cause) {
  /**
   * Checks that the values are present.
   *
   * @param step the step that failed
   * @param source what failed in it, for example a collector's source
   * @param message what failed, for people
   * @param cause the error, if any
   */
  public WorkflowError {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(cause, "cause");
  }

  /** {@code step: source: message}. */
  @Override
  public String toString() {
    return step + ": " + source + ": " + message;
  }
}
