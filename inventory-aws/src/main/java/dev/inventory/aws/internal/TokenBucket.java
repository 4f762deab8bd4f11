package dev.inventory.aws.internal;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A client-side rate limit: a token bucket refilled at {@code permitsPerSecond} that holds at most
 * {@code burst} tokens. {@link #acquire()} takes one token, waiting when there is none; callers are
 * served in the order they asked (each waits for the debt in front of it). Thread-safe.
 */
public final class TokenBucket {
  /** Waits for a number of nanoseconds; tests replace it. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(long nanos) throws InterruptedException;
  }

  private final double permitsPerSecond;
  private final double burst;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private double tokens;
  private long last;

  private TokenBucket(double permitsPerSecond, double burst, LongSupplier nanoTime, Sleeper sleeper) {
    this.permitsPerSecond = permitsPerSecond;
    this.burst = burst;
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
    this.tokens = burst;
    this.last = nanoTime.getAsLong();
  }

  /**
   * A bucket of {@code permitsPerSecond} with a burst of one second's worth (at least 1); a rate of
   * 0 or infinity means no limit.
   */
  public static TokenBucket perSecond(double permitsPerSecond) {
    return of(permitsPerSecond, Math.max(1, permitsPerSecond), System::nanoTime, TimeUnit.NANOSECONDS::sleep);
  }

  /** A bucket with its own clock and sleeper, for tests. */
  public static TokenBucket of(double permitsPerSecond, double burst, LongSupplier nanoTime, Sleeper sleeper) {
    if (Double.isNaN(permitsPerSecond) || permitsPerSecond < 0) {
      throw new IllegalArgumentException("a rate limit is 0 (off) or a positive number of requests per second, got " + permitsPerSecond);
    }
    if (!(burst >= 1)) {
      throw new IllegalArgumentException("a burst is at least 1, got " + burst);
    }
    return new TokenBucket(permitsPerSecond, burst, nanoTime, sleeper);
  }

  /** Whether this bucket limits at all. */
  public boolean limits() {
    return permitsPerSecond > 0 && !Double.isInfinite(permitsPerSecond);
  }

  /** The configured rate. */
  public double permitsPerSecond() {
    return permitsPerSecond;
  }

  /**
   * Takes a token, waiting as long as needed.
   *
   * @return the nanoseconds this call waited
   * @throws InterruptedException when interrupted while waiting (the token stays taken)
   */
  public long acquire() throws InterruptedException {
    if (!limits()) {
      return 0;
    }
    long wait;
    synchronized (this) {
      long now = nanoTime.getAsLong();
      tokens = Math.min(burst, tokens + (now - last) * permitsPerSecond / 1e9);
      last = now;
      tokens -= 1;
      wait = tokens >= 0 ? 0 : (long) Math.ceil(-tokens / permitsPerSecond * 1e9);
    }
    if (wait > 0) {
      sleeper.sleep(wait);
    }
    return wait;
  }
}
