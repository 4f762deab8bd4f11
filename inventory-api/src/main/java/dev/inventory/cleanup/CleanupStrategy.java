package dev.inventory.cleanup;

import java.time.Duration;
import java.util.Objects;

/**
 * How a resource is cleaned, built from a {@link dev.inventory.spi.Cleaner}'s primitive calls by the
 * executor, so that every cleaner gets the same safety rules, whoever wrote it:
 *
 * <ul>
 *   <li>{@link Delete} ({@code delete}): delete at once;
 *   <li>{@link Deactivate} ({@code deactivate}): deactivate, and count that as cleaned;
 *   <li>{@link DeactivateThenDelete} ({@code deactivate_then_delete}): the first run deactivates and
 *       records when (progress key {@value #DEACTIVATED_AT}); a later run deletes only when the grace
 *       period has passed and the refreshed resource is still inactive. A resource found active
 *       again is never deleted: its mark is cleared and the report says so.
 * </ul>
 *
 * <pre>{@code
 * CleanupExecutor.builder()
 *     .cleaner(new IamAccessKeyCleaner(iam))
 *     .strategy("aws_iam_access_key", CleanupStrategy.deactivateThenDelete(Duration.ofDays(30)))
 *     .build();
 * }</pre>
 */
public sealed interface CleanupStrategy
    permits CleanupStrategy.Delete, CleanupStrategy.Deactivate, CleanupStrategy.DeactivateThenDelete {

  /** The progress key that records when a resource was deactivated (ISO-8601 UTC). */
  String DEACTIVATED_AT = "deactivated_at";

  /** The default grace period of {@link DeactivateThenDelete}: 14 days. */
  Duration DEFAULT_GRACE_PERIOD = Duration.ofDays(14);

  /**
   * {@code delete}, {@code deactivate} or {@code deactivate_then_delete}.
   *
   * @return the strategy's name
   */
  String name();

  /**
   * Delete at once.
   *
   * @return the strategy
   */
  static Delete delete() {
    return Delete.INSTANCE;
  }

  /**
   * Deactivate only.
   *
   * @return the strategy
   */
  static Deactivate deactivate() {
    return Deactivate.INSTANCE;
  }

  /**
   * Deactivate, then delete after {@link #DEFAULT_GRACE_PERIOD}.
   *
   * @return the strategy
   */
  static DeactivateThenDelete deactivateThenDelete() {
    return new DeactivateThenDelete(DEFAULT_GRACE_PERIOD);
  }

  /**
   * Deactivate, then delete after {@code gracePeriod}.
   *
   * @param gracePeriod how long a key stays inactive before it is deleted
   * @return the strategy
   */
  static DeactivateThenDelete deactivateThenDelete(Duration gracePeriod) {
    return new DeactivateThenDelete(gracePeriod);
  }

  /** Delete at once. */
  record Delete() implements CleanupStrategy {
    static final Delete INSTANCE = new Delete();

    @Override
    public String name() {
      return "delete";
    }

    @Override
    public String toString() {
      return name();
    }
  }

  /** Deactivate only; the resource is cleaned once it is inactive. */
  record Deactivate() implements CleanupStrategy {
    static final Deactivate INSTANCE = new Deactivate();

    @Override
    public String name() {
      return "deactivate";
    }

    @Override
    public String toString() {
      return name();
    }
  }

  /**
   * Deactivate first, delete on a later run once {@code gracePeriod} has passed.
   *
   * @param gracePeriod how long a resource stays inactive before it is deleted; positive
   */
  record DeactivateThenDelete(Duration gracePeriod) implements CleanupStrategy {
    /**
     * Checks the grace period.
     *
     * @param gracePeriod how long a resource stays deactivated before it is deleted, not negative
     */
    public DeactivateThenDelete {
      Objects.requireNonNull(gracePeriod, "gracePeriod");
      if (gracePeriod.isNegative() || gracePeriod.isZero()) {
        throw new IllegalArgumentException("gracePeriod must be positive, got " + gracePeriod);
      }
    }

    @Override
    public String name() {
      return "deactivate_then_delete";
    }

    @Override
    public String toString() {
      return name() + "(" + gracePeriod + ")";
    }
  }
}
