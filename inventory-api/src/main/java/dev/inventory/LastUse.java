package dev.inventory;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a credential was last used. Three states that must never be confused:
 *
 * <ul>
 *   <li>{@link Used}: used, at a known time;
 *   <li>{@link Never}: the source says it was never used (AWS reports {@code N/A});
 *   <li>{@link Unknown}: not collected, or the source failed. Unknown never counts as stale and is
 *       never cleaned.
 * </ul>
 *
 * In queries the property {@code last_use} reads {@code used}, {@code never} or {@code unknown}.
 */
public sealed interface LastUse permits LastUse.Used, LastUse.Never, LastUse.Unknown {

  /**
   * {@code used}, {@code never} or {@code unknown}.
   *
   * @return the state's label
   */
  String label();

  /**
   * The time of last use, present only for {@link Used}.
   *
   * @return the time, or empty
   */
  default Optional<Instant> at() {
    return Optional.empty();
  }

  /**
   * Used at {@code at}, optionally with the service and region of that use.
   *
   * @param at when the key was last used
   * @return the state
   */
  static Used usedAt(Instant at) {
    return new Used(at, Optional.empty(), Optional.empty());
  }

  /**
   * Never used.
   *
   * @return the state
   */
  static Never never() {
    return Never.INSTANCE;
  }

  /**
   * Not known.
   *
   * @return the state
   */
  static Unknown unknown() {
    return Unknown.INSTANCE;
  }

  /**
   * The state for a label, if the label is one of {@code used}, {@code never}, {@code unknown}.
   *
   * @param label the text to check
   * @return the label, or empty when it names no state
   */
  static Optional<String> checkLabel(String label) {
    return switch (label) {
      case "used", "never", "unknown" -> Optional.of(label);
      default -> Optional.empty();
    };
  }

  /** Last used at a known time. */
  record Used(Instant time, Optional<String> serviceName, Optional<String> region) implements LastUse {
    /**
     * Checks that the values are present.
     *
     * @param time when the key was last used
     * @param serviceName the AWS service it was used with, if known
     * @param region the region it was used in, if known
     */
    public Used {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(serviceName, "serviceName");
      Objects.requireNonNull(region, "region");
    }

    @Override
    public String label() {
      return "used";
    }

    @Override
    public Optional<Instant> at() {
      return Optional.of(time);
    }
  }

  /** Never used. */
  final class Never implements LastUse {
    static final Never INSTANCE = new Never();

    private Never() {}

    @Override
    public String label() {
      return "never";
    }

    @Override
    public String toString() {
      return "never";
    }
  }

  /** Not known: not collected, or the source failed. */
  final class Unknown implements LastUse {
    static final Unknown INSTANCE = new Unknown();

    private Unknown() {}

    @Override
    public String label() {
      return "unknown";
    }

    @Override
    public String toString() {
      return "unknown";
    }
  }
}
