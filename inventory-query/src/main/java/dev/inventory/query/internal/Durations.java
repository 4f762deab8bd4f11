package dev.inventory.query.internal;

import dev.inventory.query.ast.DurationValue;
import java.time.Duration;
import java.util.Objects;

/**
 * Duration literals for the fluent DSL, written the way a person writes them in a query ({@code
 * 90days}, {@code 1hour}), so that a fluent query prints the text of the parsed one. Not API.
 */
public final class Durations {
  private Durations() {}

  /**
   * {@code n} units as a literal: {@code 90days}, {@code 1day}, {@code -3days}.
   *
   * @param unitSeconds the length of one unit, as the parser counts it (a month is 31 days)
   * @throws IllegalArgumentException when the duration does not fit a {@link Duration}
   */
  public static DurationValue of(long n, long unitSeconds, String singular, String plural) {
    String text = n + (n == 1 || n == -1 ? singular : plural);
    Duration duration;
    try {
      duration = Duration.ofSeconds(Math.multiplyExact(n, unitSeconds));
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("duration too large: " + text, e);
    }
    return new DurationValue(duration, text);
  }

  /** The literal for minus {@code d}: {@code 3days} becomes {@code -3days} and back. */
  public static DurationValue negate(DurationValue d) {
    Objects.requireNonNull(d, "d");
    String text = d.text().startsWith("-") ? d.text().substring(1) : "-" + d.text();
    try {
      return new DurationValue(d.duration().negated(), text);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("duration too large to negate: " + d.text(), e);
    }
  }
}
