package dev.inventory.query.ast;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A date-time literal, normalised to UTC. Unquoted ISO-8601 date-times with a time part are read as
 * this ({@code 2024-01-01T00:00:00Z}, {@code 2024-01-01T10:00:00}, {@code 2024-01-01T02:00:00-05:00});
 * a plain date or a quoted date-time stays a {@link StringValue} and is converted by the engine when
 * compared with a date-time property.
 *
 * <pre>{@code
 * DateTimeValue.of(Instant.parse("2024-01-01T00:00:00Z"));   // prints 2024-01-01T00:00:00Z
 * }</pre>
 *
 * @param instant a time in the years 1 to 9999 (so that it prints as an unquoted word)
 */
public record DateTimeValue(Instant instant) implements Value {
  public DateTimeValue {
    Objects.requireNonNull(instant, "instant");
    int year = instant.atOffset(ZoneOffset.UTC).getYear();
    if (year < 1 || year > 9999) {
      throw new IllegalArgumentException("a date-time literal must lie in the years 1 to 9999: " + instant);
    }
  }

  /** The literal for this instant. */
  public static DateTimeValue of(Instant instant) {
    return new DateTimeValue(instant);
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
