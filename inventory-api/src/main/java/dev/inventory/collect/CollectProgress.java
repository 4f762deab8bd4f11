package dev.inventory.collect;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A progress event of a collect, for a host or a shell to show.
 *
 * <pre>{@code
 * CollectContext context = CollectContext.of(clock, p -> System.out.println(
 *     p.source() + ": " + p.message() + (p.counted() ? " (" + p.done() + "/" + p.total() + ")" : "")));
 * }</pre>
 *
 * @param runId the run of the workflow that collects, or empty text outside a workflow
 * @param source what is being collected, for example {@code aws:111111111111}
 * @param message what happened, for example {@code access keys}
 * @param time when, from the context's clock
 * @param done how many items of this step are done, or {@value #NOT_COUNTED} when the event does not count
 * @param total how many items the step has, or {@value #NOT_COUNTED} when not known
 */
public record CollectProgress(String runId, String source, String message, Instant time, long done, long total) {
  /** The value of {@code done} and {@code total} for an event that does not count anything. */
  public static final long NOT_COUNTED = -1;

  /**
   * Checks the values.
   *
   * @param runId the run's id
   * @param source the source, for example an account
   * @param message what is happening, for people
   * @param time when it was reported
   * @param done items done, or {@value #NOT_COUNTED}
   * @param total items in all, or {@value #NOT_COUNTED}
   * @throws IllegalArgumentException for counts below {@value #NOT_COUNTED}, or {@code done > total}
   *     when both are counted
   */
  public CollectProgress {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(time, "time");
    if (done < NOT_COUNTED || total < NOT_COUNTED) {
      throw new IllegalArgumentException(
          "progress counts are -1 (not counted) or more, got done " + done + " and total " + total);
    }
    if (done >= 0 && total >= 0 && done > total) {
      throw new IllegalArgumentException("progress done " + done + " exceeds total " + total + " (" + source + ": " + message + ")");
    }
  }

  /**
   * An event that counts nothing ({@code done} and {@code total} are {@value #NOT_COUNTED}).
   *
   * @param runId the run's id
   * @param source the source, for example an account
   * @param message what is happening, for people
   * @param time when it was reported
   */
  public CollectProgress(String runId, String source, String message, Instant time) {
    this(runId, source, message, time, NOT_COUNTED, NOT_COUNTED);
  }

  /**
   * Whether {@code done} and {@code total} are both known.
   *
   * @return whether both counts are known
   */
  public boolean counted() {
    return done >= 0 && total >= 0;
  }

  /**
   * {@code done / total} between 0 and 1, when both are known (1 for a total of 0).
   *
   * @return the fraction done, or empty when a count is not known
   */
  public OptionalDouble fraction() {
    if (!counted()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(total == 0 ? 1.0 : (double) done / total);
  }
}
