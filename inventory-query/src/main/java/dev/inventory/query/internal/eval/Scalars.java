package dev.inventory.query.internal.eval;

import dev.inventory.ValueType;
import dev.inventory.Values;
import dev.inventory.query.ast.BoolValue;
import dev.inventory.query.ast.DateTimeValue;
import dev.inventory.query.ast.DurationValue;
import dev.inventory.query.ast.ListValue;
import dev.inventory.query.ast.ObjectValue;
import dev.inventory.query.ast.NullValue;
import dev.inventory.query.ast.NumberValue;
import dev.inventory.query.ast.StringValue;
import dev.inventory.query.ast.Value;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Value coercion, equality and ordering with the query language's rules: literals are coerced to the
 * declared type of the property; numbers compare by value whatever their Java type; values of
 * different kinds are never ordered.
 */
final class Scalars {
  /** {@code 2024-05-01T12:00:00+0200}: the form of Fix Inventory's {@code @NOW@} placeholder. */
  private static final DateTimeFormatter COMPACT_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss[.SSSSSSSSS]xx");

  /** Marks "no value of this type": incomparable and unequal to everything. */
  static final Object NONE = new Object() {
    @Override
    public String toString() {
      return "<no value>";
    }
  };

  private Scalars() {}

  /** Integers become longs, floats doubles, enums their names; maps and lists stay as they are. */
  static Object normalize(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    if (v instanceof Enum<?> e) {
      return e.toString();
    }
    if (v instanceof Optional<?> o) {
      return o.map(Scalars::normalize).orElse(null);
    }
    return v;
  }

  /** The natural Java value of a literal; durations stay {@link Duration}s. */
  static Object natural(Value v) {
    if (v instanceof StringValue s) {
      return s.value();
    }
    if (v instanceof NumberValue n) {
      return n.number();
    }
    if (v instanceof BoolValue b) {
      return b.value();
    }
    if (v instanceof DurationValue d) {
      return d.duration();
    }
    if (v instanceof DateTimeValue d) {
      return d.instant();
    }
    if (v instanceof ListValue l) {
      List<Object> out = new ArrayList<>();
      l.values().forEach(e -> out.add(natural(e)));
      return out;
    }
    if (v instanceof ObjectValue o) {
      Map<String, Object> out = new LinkedHashMap<>();
      o.entries().forEach((k, e) -> out.put(k, natural(e)));
      return out;
    }
    return NONE; // null literal
  }

  /** The text a literal stands for when compared with a string property. */
  static String text(Value v) {
    if (v instanceof StringValue s) {
      return s.value();
    }
    if (v instanceof DateTimeValue d) {
      return Values.format(d.instant());
    }
    return v.toString();
  }

  /** A scalar as text for a regular expression; empty for maps, lists and nulls. */
  static Optional<String> regexText(Object v) {
    if (v instanceof String s) {
      return Optional.of(s);
    }
    if (v instanceof Number || v instanceof Boolean) {
      return Optional.of(v.toString());
    }
    if (v instanceof Instant i) {
      return Optional.of(Values.format(i));
    }
    if (v instanceof Duration d) {
      return Optional.of(Render.duration(d));
    }
    return Optional.empty();
  }

  /**
   * The literal as a value of {@code type}, or {@link #NONE} when it cannot be one. A datetime
   * literal given as a duration is {@code now + duration}.
   */
  static Object coerce(Value v, ValueType type, Instant now) {
    if (v instanceof NullValue) {
      return NONE;
    }
    if (v instanceof ListValue) {
      return natural(v);
    }
    switch (type) {
      case STRING:
        return text(v);
      case INT:
      case DOUBLE:
        if (v instanceof NumberValue n) {
          return n.number();
        }
        if (v instanceof StringValue s) {
          return parseNumber(s.value()).orElse(NONE);
        }
        return NONE;
      case BOOLEAN:
        if (v instanceof BoolValue b) {
          return b.value();
        }
        if (v instanceof StringValue s) {
          return parseBoolean(s.value()).map(b -> (Object) b).orElse(NONE);
        }
        return NONE;
      case DATETIME:
        return datetime(v, now).map(i -> (Object) i).orElse(NONE);
      default:
        return natural(v);
    }
  }

  /** A literal as an instant: a datetime, {@code now + duration}, or ISO / duration text. */
  static Optional<Instant> datetime(Value v, Instant now) {
    if (v instanceof DateTimeValue d) {
      return Optional.of(d.instant());
    }
    if (v instanceof DurationValue d) {
      return plus(now, d.duration());
    }
    if (v instanceof StringValue s) {
      Optional<Instant> parsed = parseDatetime(s.value());
      if (parsed.isPresent()) {
        return parsed;
      }
      return DurationValue.parseDuration(s.value().strip()).flatMap(d -> plus(now, d));
    }
    return Optional.empty();
  }

  static Optional<Instant> plus(Instant now, Duration d) {
    try {
      return Optional.of(now.plus(d));
    } catch (ArithmeticException | java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  static Optional<Instant> minus(Instant now, Duration d) {
    try {
      return Optional.of(now.minus(d));
    } catch (ArithmeticException | java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  static Optional<Instant> parseDatetime(String text) {
    Optional<Instant> iso = Values.parseDatetime(text.strip());
    if (iso.isPresent()) {
      return iso;
    }
    try {
      return Optional.of(OffsetDateTime.parse(text.strip(), COMPACT_OFFSET).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static Optional<Object> parseNumber(String s) {
    String t = s.strip();
    try {
      return Optional.of(Long.parseLong(t));
    } catch (NumberFormatException e) {
      // not an integer
    }
    try {
      double d = Double.parseDouble(t);
      return Double.isFinite(d) && !t.endsWith("d") && !t.endsWith("D") && !t.endsWith("f") && !t.endsWith("F")
          ? Optional.of(d) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static Optional<Boolean> parseBoolean(String s) {
    return switch (s.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> Optional.of(true);
      case "false", "no", "off" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  /** Equality: numbers by value, maps and lists element-wise, everything else by {@code equals}. */
  static boolean equal(Object a, Object b) {
    if (a == NONE || b == NONE || a == null || b == null) {
      return false;
    }
    if (a instanceof Number x && b instanceof Number y) {
      return compareNumbers(x, y) == 0;
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!equal(normalize(x.get(i)), normalize(y.get(i)))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : x.entrySet()) {
        if (!y.containsKey(e.getKey()) || !equal(normalize(e.getValue()), normalize(y.get(e.getKey())))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /**
   * Ordering of two values of the same kind (numbers, strings, instants, durations, booleans);
   * empty when they are of different kinds or not ordered at all (maps, lists).
   */
  static Optional<Integer> compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Optional.of(compareNumbers(x, y));
    }
    if (a instanceof String x && b instanceof String y) {
      return Optional.of(x.compareTo(y));
    }
    if (a instanceof Instant x && b instanceof Instant y) {
      return Optional.of(x.compareTo(y));
    }
    if (a instanceof Duration x && b instanceof Duration y) {
      return Optional.of(x.compareTo(y));
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return Optional.of(x.compareTo(y));
    }
    return Optional.empty();
  }

  /** A total order for sorting: by kind of value first, then within the kind. */
  static int sortOrder(Object a, Object b) {
    int ra = rank(a);
    int rb = rank(b);
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    return compare(a, b).orElseGet(() -> Render.json(a).compareTo(Render.json(b)));
  }

  private static int rank(Object v) {
    if (v instanceof Boolean) {
      return 0;
    }
    if (v instanceof Number) {
      return 1;
    }
    if (v instanceof Duration) {
      return 2;
    }
    if (v instanceof Instant) {
      return 3;
    }
    if (v instanceof String) {
      return 4;
    }
    if (v instanceof List) {
      return 5;
    }
    return 6;
  }

  static int compareNumbers(Number x, Number y) {
    if (x instanceof Long a && y instanceof Long b) {
      return Long.compare(a, b);
    }
    return toBig(x).compareTo(toBig(y));
  }

  private static BigDecimal toBig(Number n) {
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return BigDecimal.valueOf(n.longValue());
    }
    if (n instanceof BigDecimal b) {
      return b;
    }
    double d = n.doubleValue();
    if (!Double.isFinite(d)) {
      // Infinite values do not occur in fixtures; order them beyond every finite number.
      return BigDecimal.valueOf(d > 0 ? Double.MAX_VALUE : -Double.MAX_VALUE).multiply(BigDecimal.TEN);
    }
    return new BigDecimal(d);
  }

  /** A deep copy of a map with normalised values, for reading. */
  static Map<String, Object> normalizeMap(Map<String, ?> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, normalize(v)));
    return out;
  }
}
