package dev.inventory;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helpers for plain property values: the Java representations listed in {@link ValueType}.
 */
public final class Values {
  private Values() {}

  /**
   * A short description of a value for error messages: its type and, for scalars, the value
   * ({@code string "abc"}, {@code number 12}, {@code an object}).
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

  /** Formats an instant the way fixtures and queries print it: UTC, seconds, {@code Z}. */
  public static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  /**
   * Returns a deeply unmodifiable copy of a plain value (maps keep their order). Use it when a
   * resource keeps caller-supplied nested values.
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

  /** {@link #freeze(Object)} for a map of values. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> freezeMap(Map<String, ?> values) {
    return (Map<String, Object>) freeze(values);
  }
}
