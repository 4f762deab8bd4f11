package dev.inventory.query.ast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration literal such as {@code 90days}, {@code 3d}, {@code 2h30min} or {@code -3d}.
 *
 * <p>Syntax: an optional {@code -}, then one or more {@code number unit} pairs, where the number may
 * have a decimal part and the unit is one of {@code years|year|yr|y} (365 days), {@code
 * months|month|mo|M} (31 days), {@code days|day|d}, {@code weeks|week|w}, {@code hours|hour|h},
 * {@code minutes|minute|min|m}, {@code seconds|second|s} (case-sensitive, as in Fix Inventory).
 *
 * <p>Two literals are {@code equal} when their durations are equal ({@code 90days} equals {@code
 * 90d} and {@code 2160h}). The literal keeps the text it was written with and prints it unchanged,
 * so that a query prints the way its author wrote it and a string property compared with the
 * literal sees the same text. A literal made from a {@link Duration} alone ({@link #of(Duration)})
 * gets its canonical text: the non-zero units from days down to seconds ({@code 90d}, {@code
 * 2h30min}, {@code 1d0.5s}). Years and months (approximations of 365 and 31 days) appear only when
 * the author wrote them.
 *
 * <pre>{@code
 * DurationValue.of(Duration.ofDays(90));        // prints 90d
 * DurationValue.parse("90days").orElseThrow();  // prints 90days, equals the one above
 * }</pre>
 *
 * @param duration the length of time; negative for text starting with {@code -}
 * @param text the text of the literal; must be duration syntax for exactly {@code duration}
 */
public record DurationValue(Duration duration, String text) implements Value {
  private static final Pattern PAIR = Pattern.compile(
      "\\G([0-9]+(?:\\.[0-9]+)?)(years|year|yr|y|months|month|mo|M|days|day|d|weeks|week|w"
          + "|hours|hour|h|minutes|minute|min|m|seconds|second|s)");
  private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000L);

  public DurationValue {
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(text, "text");
    Optional<Duration> parsed = parseDuration(text);
    if (parsed.isEmpty()) {
      throw new IllegalArgumentException("not a duration: '" + text + "'");
    }
    if (!parsed.get().equals(duration)) {
      throw new IllegalArgumentException(
          "'" + text + "' is " + parsed.get() + ", not " + duration);
    }
  }

  /** A literal for {@code duration} with its canonical text. */
  public static DurationValue of(Duration duration) {
    return new DurationValue(duration, format(duration));
  }

  /** The literal written as {@code text}, if it is duration syntax. */
  public static Optional<DurationValue> parse(String text) {
    Objects.requireNonNull(text, "text");
    return parseDuration(text).map(d -> new DurationValue(d, text));
  }

  /**
   * Reads duration syntax ({@code 90days}, {@code 1yr2mo}, {@code -1.5h}).
   *
   * @return the duration, or empty when the text is not duration syntax or does not fit a {@link
   *     Duration} exactly (more than nanosecond precision, or too large)
   */
  public static Optional<Duration> parseDuration(String text) {
    boolean negative = text.startsWith("-");
    int start = negative ? 1 : 0;
    if (start == text.length()) {
      return Optional.empty();
    }
    Matcher m = PAIR.matcher(text);
    m.region(start, text.length());
    BigDecimal seconds = BigDecimal.ZERO;
    int end = start;
    while (end < text.length() && m.find()) {
      seconds = seconds.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitSeconds(m.group(2)))));
      end = m.end();
    }
    if (end != text.length()) {
      return Optional.empty();
    }
    return toDuration(negative ? seconds.negate() : seconds);
  }

  /**
   * The canonical text of a duration: an optional {@code -}, then the non-zero units among {@code
   * d}, {@code h}, {@code min}, {@code s} (seconds with a decimal part when needed); {@code 0s} for
   * zero.
   */
  public static String format(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    BigDecimal total = BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9));
    StringBuilder out = new StringBuilder();
    if (total.signum() < 0) {
      out.append('-');
      total = total.negate();
    }
    BigDecimal[] days = total.divideAndRemainder(BigDecimal.valueOf(86_400));
    BigDecimal[] hours = days[1].divideAndRemainder(BigDecimal.valueOf(3_600));
    BigDecimal[] minutes = hours[1].divideAndRemainder(BigDecimal.valueOf(60));
    int mark = out.length();
    appendUnit(out, days[0], "d");
    appendUnit(out, hours[0], "h");
    appendUnit(out, minutes[0], "min");
    appendUnit(out, minutes[1], "s");
    if (out.length() == mark) {
      return "0s";
    }
    return out.toString();
  }

  private static void appendUnit(StringBuilder out, BigDecimal amount, String unit) {
    if (amount.signum() != 0) {
      out.append(amount.stripTrailingZeros().toPlainString()).append(unit);
    }
  }

  private static Optional<Duration> toDuration(BigDecimal seconds) {
    try {
      long whole = seconds.setScale(0, RoundingMode.FLOOR).longValueExact();
      BigDecimal nanos = seconds.subtract(BigDecimal.valueOf(whole)).multiply(BILLION);
      if (nanos.stripTrailingZeros().scale() > 0) {
        return Optional.empty(); // finer than a nanosecond
      }
      return Optional.of(Duration.ofSeconds(whole, nanos.intValueExact()));
    } catch (ArithmeticException e) {
      return Optional.empty(); // does not fit a Duration
    }
  }

  private static long unitSeconds(String unit) {
    return switch (unit) {
      case "years", "year", "yr", "y" -> 365L * 86_400;
      case "months", "month", "mo", "M" -> 31L * 86_400;
      case "weeks", "week", "w" -> 7L * 86_400;
      case "days", "day", "d" -> 86_400;
      case "hours", "hour", "h" -> 3_600;
      case "minutes", "minute", "min", "m" -> 60;
      default -> 1; // seconds, second, s: the pattern admits nothing else
    };
  }

  /** Equal when the durations are equal, whatever the text. */
  @Override
  public boolean equals(Object o) {
    return o instanceof DurationValue other && duration.equals(other.duration);
  }

  @Override
  public int hashCode() {
    return duration.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
