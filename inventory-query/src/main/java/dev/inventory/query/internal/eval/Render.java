package dev.inventory.query.internal.eval;

import dev.inventory.Values;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How engine values print: as JSON text, and as the plain text that {@code count} and {@code list}
 * show (JSON text without the quotes of a top-level string).
 *
 * <p>Engine values are what {@link dev.inventory.query.SearchResult#values} returns: {@link String},
 * {@link Long}, {@link Double}, {@link Boolean}, {@link Instant} (ISO-8601 UTC), {@link Duration}
 * (the synthetic {@code age}, {@code last_update}, {@code last_access}, printed with at most two units
 * such as {@code 5mo26d}), and {@link Map}s and {@link List}s of these.
 *
 * <pre>{@code
 * Render.text("jenkins");                       // jenkins
 * Render.text(Duration.ofDays(181));            // 5mo26d
 * Render.json(Map.of("a", List.of(1L, "x")));   // {"a":[1,"x"]}
 * }</pre>
 */
public final class Render {
  private static final long[] UNIT_SECONDS = {365L * 86_400, 31L * 86_400, 86_400, 3_600, 60, 1};
  private static final String[] UNIT_NAMES = {"yr", "mo", "d", "h", "min", "s"};

  private Render() {}

  /** The plain text of a value: strings as they are, everything else as its JSON text. */
  public static String text(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Instant i) {
      return Values.format(i);
    }
    if (value instanceof Duration d) {
      return duration(d);
    }
    return json(value);
  }

  /** The JSON text of a value; instants and durations become strings. */
  public static String json(Object value) {
    StringBuilder out = new StringBuilder();
    json(value, out);
    return out.toString();
  }

  /**
   * A duration with at most two units out of {@code yr} (365 days), {@code mo} (31 days), {@code d},
   * {@code h}, {@code min}, {@code s}: the two largest units that are not zero, as Fix Inventory
   * prints {@code age}: {@code 5mo26d}, {@code 2h30min}, {@code 1d5min}, {@code 0s}; a negative
   * duration gets a leading {@code -}. Seconds are whole (the fraction is dropped).
   */
  public static String duration(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    long seconds = duration.getSeconds();
    StringBuilder out = new StringBuilder();
    if (seconds < 0) {
      out.append('-');
      // Duration.getSeconds() floors; for a negative duration with nanos that is one second too many.
      seconds = -(duration.getNano() > 0 ? seconds + 1 : seconds);
    }
    int units = 0;
    for (int i = 0; i < UNIT_SECONDS.length && units < 2; i++) {
      long n = seconds / UNIT_SECONDS[i];
      if (n > 0) {
        out.append(n).append(UNIT_NAMES[i]);
        seconds -= n * UNIT_SECONDS[i];
        units++;
      }
    }
    if (units == 0) {
      return "0s";
    }
    return out.toString();
  }

  private static void json(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(s, out);
    } else if (value instanceof Instant i) {
      string(Values.format(i), out);
    } else if (value instanceof Duration d) {
      string(duration(d), out);
    } else if (value instanceof Double d) {
      out.append(Double.isFinite(d) ? number(d) : "null");
    } else if (value instanceof Float f) {
      json(f.doubleValue(), out);
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Map<?, ?> m) {
      out.append('{');
      Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> e = it.next();
        string(String.valueOf(e.getKey()), out);
        out.append(':');
        json(e.getValue(), out);
        if (it.hasNext()) {
          out.append(',');
        }
      }
      out.append('}');
    } else if (value instanceof List<?> l) {
      out.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        json(l.get(i), out);
      }
      out.append(']');
    } else {
      string(value.toString(), out);
    }
  }

  private static String number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return BigDecimal.valueOf(d).setScale(1).toPlainString();
    }
    return Double.toString(d);
  }

  /** Appends {@code s} as a JSON string literal. */
  static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
