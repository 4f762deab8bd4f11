package dev.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Helpers for plain property values: the Java representations listed in {@link ValueType}.
 */
public final class Values {
  private static final Instant MIN_DATETIME = LocalDateTime.MIN.toInstant(ZoneOffset.UTC);
  private static final Instant MAX_DATETIME = LocalDateTime.MAX.toInstant(ZoneOffset.UTC);

  private Values() {}

  /**
   * A short description of a value for error messages: its type and, for scalars, the value
   * ({@code string "abc"}, {@code number 12}, {@code an object}).
   *
   * @param value a plain value
   * @return the description
   */
  public static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
      return "string \"" + shown + "\"";
    }
    if (value instanceof Long || value instanceof Double || value instanceof Integer) {
      return "number " + value;
    }
    if (value instanceof Boolean) {
      return "boolean " + value;
    }
    if (value instanceof Instant i) {
      return "datetime " + format(i);
    }
    if (value instanceof Map) {
      return "an object";
    }
    if (value instanceof List) {
      return "an array";
    }
    return value.getClass().getSimpleName();
  }

  /**
   * Formats an instant the way fixtures and queries print it: UTC, seconds, {@code Z}.
   *
   * @param instant the instant
   * @return the text
   */
  public static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  /**
   * Parses ISO-8601 date-time text with or without an offset ({@code 2024-01-01T00:00:00Z}, {@code
   * 2024-01-01T02:00:00+02:00}, {@code 2024-01-01T00:00:00} read as UTC) or a plain date ({@code
   * 2024-01-01}, midnight UTC).
   *
   * @param text the text
   * @return the instant, or empty if the text is not such a date-time
   */
  public static Optional<Instant> parseDatetime(String text) {
    try {
      return inFormattableRange(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      // try the forms without an offset
    }
    try {
      return inFormattableRange(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      // try a plain date
    }
    try {
      return inFormattableRange(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * An offset can push an instant past the years a UTC date-time can hold ({@code
   * +999999999-12-31T23:59:59-18:00}); {@link #format} would then print text this method cannot
   * parse, so such instants are not accepted.
   */
  private static Optional<Instant> inFormattableRange(Instant instant) {
    return instant.isBefore(MIN_DATETIME) || instant.isAfter(MAX_DATETIME) ? Optional.empty() : Optional.of(instant);
  }

  /**
   * Returns a deeply unmodifiable copy of a plain value (maps keep their order). Use it when a
   * resource keeps caller-supplied nested values.
   *
   * @param value a plain value
   * @return the unmodifiable copy
   */
  @SuppressWarnings("unchecked")
  public static Object freeze(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put(String.valueOf(k), freeze(v)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l.size());
      for (Object v : l) {
        copy.add(freeze(v));
      }
      return Collections.unmodifiableList(copy);
    }
    if (value instanceof Integer i) {
      return i.longValue();
    }
    return value;
  }

  /**
   * {@link #freeze(Object)} for a map of values.
   *
   * @param values the values by name
   * @return the unmodifiable copy
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> freezeMap(Map<String, ?> values) {
    return (Map<String, Object>) freeze(values);
  }
}
