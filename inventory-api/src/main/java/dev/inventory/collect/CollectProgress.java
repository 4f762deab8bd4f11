package dev.inventory.collect;

import java.time.Instant;
import java.util.Objects;

/**
 * A progress event of a collect, for a host or a shell to show.
 *
 * <pre>{@code
 * CollectContext context = CollectContext.of(clock, p -> System.out.println(p.source() + ": " + p.message()));
 * }</pre>
 *
 * @param runId the run of the workflow that collects, or empty text outside a workflow
 * @param source what is being collected, for example {@code aws:111111111111}
 * @param message what happened, for example {@code 12 users, 31 access keys}
 * @param time when, from the context's clock
 */
public record CollectProgress(String runId, String source, String message, Instant time) {
  public CollectProgress {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(time, "time");
  }
}
