package dev.inventory.collect;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link dev.inventory.spi.Collector} gets for one collect: the run it belongs to, the clock
 * (so that fixtures and tests collect at a fixed time) and where progress goes.
 *
 * <pre>{@code
 * CollectResult result = collector.collect(CollectContext.of(Clock.systemUTC()));
 * }</pre>
 *
 * @param runId the workflow run, or empty text outside a workflow
 * @param clock the clock for collect times
 * @param progressListener receives every progress event; one that throws is logged and ignored, so
 *     that showing progress never breaks a collect
 */
public record CollectContext(String runId, Clock clock, Consumer<CollectProgress> progressListener) {
  private static final Logger LOG = LoggerFactory.getLogger(CollectContext.class);

  /**
   * Checks that the values are present.
   *
   * @param runId the run's id, in every progress event
   * @param clock the clock that stamps progress
   * @param progressListener receives progress events
   */
  public CollectContext {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(progressListener, "progressListener");
  }

  /**
   * A context outside any workflow, with progress discarded.
   *
   * @param clock the clock that stamps progress
   * @return the context
   */
  public static CollectContext of(Clock clock) {
    return new CollectContext("", clock, p -> {});
  }

  /**
   * A context outside any workflow, with progress sent to {@code progressListener}.
   *
   * @param clock the clock that stamps progress
   * @param progressListener receives progress events
   * @return the context
   */
  public static CollectContext of(Clock clock, Consumer<CollectProgress> progressListener) {
    return new CollectContext("", clock, progressListener);
  }

  /**
   * Reports progress for {@code source}, stamped with the context's clock, without counts.
   *
   * @param source the source, for example an account
   * @param message what is happening, for people
   */
  public void progress(String source, String message) {
    progress(source, message, CollectProgress.NOT_COUNTED, CollectProgress.NOT_COUNTED);
  }

  /**
   * Reports counted progress for {@code source} ({@code done} of {@code total} items; {@value
   * CollectProgress#NOT_COUNTED} for a count not known), stamped with the context's clock.
   *
   * <pre>{@code
   * context.progress("aws:111111111111", "access keys", 120, 400);
   * }</pre>
   *
   * @param source the source, for example an account
   * @param message what is happening, for people
   * @param done items done
   * @param total items in all
   * @throws IllegalArgumentException for counts that {@link CollectProgress} rejects
   */
  public void progress(String source, String message, long done, long total) {
    CollectProgress event = new CollectProgress(runId, source, message, clock.instant(), done, total);
    try {
      progressListener.accept(event);
    } catch (RuntimeException e) {
      LOG.warn("collect progress listener failed on {}: {}", event, e.toString(), e);
    }
  }
}
