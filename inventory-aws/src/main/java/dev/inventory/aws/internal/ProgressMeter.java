package dev.inventory.aws.internal;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Counts the items of one step and reports progress now and then: when another 5% is done, when 2
 * seconds passed since the last report, and always for the last item. Thread-safe.
 */
public final class ProgressMeter {
  /** Receives {@code done} and {@code total}. */
  @FunctionalInterface
  public interface Sink {
    void report(long done, long total);
  }

  private static final long INTERVAL_NANOS = 2_000_000_000L;
  private static final int STEPS = 20;

  private final long total;
  private final Sink sink;
  private final LongSupplier nanoTime;
  private long done;
  private long lastStep;
  private long lastTime;

  public ProgressMeter(long total, Sink sink) {
    this(total, sink, System::nanoTime);
  }

  /** With its own clock, for tests. */
  public ProgressMeter(long total, Sink sink, LongSupplier nanoTime) {
    if (total < 0) {
      throw new IllegalArgumentException("total must not be negative, got " + total);
    }
    this.total = total;
    this.sink = Objects.requireNonNull(sink, "sink");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.lastTime = nanoTime.getAsLong();
  }

  /** Reports {@code 0 of total} (so that a step with nothing to do still shows up as done when total is 0). */
  public synchronized void start() {
    sink.report(0, total);
  }

  /** One more item done; reports when due. */
  public synchronized void advance() {
    if (done >= total) {
      throw new IllegalStateException("all " + total + " items are already done");
    }
    done++;
    long now = nanoTime.getAsLong();
    long step = done * STEPS / total;
    if (done == total || step > lastStep || now - lastTime >= INTERVAL_NANOS) {
      lastStep = step;
      lastTime = now;
      sink.report(done, total);
    }
  }

  /** Items done so far. */
  public synchronized long done() {
    return done;
  }
}
