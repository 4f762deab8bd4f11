package dev.inventory.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A standard 5-field cron expression: minute (0-59), hour (0-23), day of month (1-31), month (1-12 or
 * JAN-DEC) and day of week (0-7 or SUN-SAT, 0 and 7 both Sunday). Each field is {@code *}, a number
 * or name, a range {@code a-b}, a list {@code a,b,c}, or a step {@code *}{@code /n}, {@code a-b/n} or
 * {@code a/n} (from {@code a} to the end of the range); names are case-insensitive. The macros
 * {@code @yearly} ({@code @annually}), {@code @monthly}, {@code @weekly}, {@code @daily}
 * ({@code @midnight}) and {@code @hourly} stand for their usual expressions.
 *
 * <pre>{@code
 * CronExpression hourly = CronExpression.parse("0 * * * *");
 * Optional<ZonedDateTime> next = hourly.next(ZonedDateTime.now(ZoneId.of("Europe/Berlin")));
 * }</pre>
 *
 * <p><b>Day of month and day of week</b> follow Vixie cron: a field counts as unrestricted when its
 * text starts with {@code *}. When both are restricted, a day fires when either matches
 * ({@code 0 0 1 * MON} runs on the 1st and on every Monday); otherwise a day must match both, which
 * means only the restricted one counts when the other is a plain {@code *}.
 *
 * <p><b>Time zones.</b> {@link #next} and {@link #matches} read wall-clock time in the zone of their
 * argument. A wall-clock time that does not exist (a daylight saving gap) fires at the first valid
 * instant after the gap, once, even if several skipped minutes match. A wall-clock time that occurs
 * twice (an overlap) fires at its first occurrence only, unless the hour field is unrestricted (starts
 * with {@code *}): such an expression fires every hour anyway, so it fires in both real hours, the way
 * Vixie cron treats its wildcard jobs. {@code 30 2 * * *} therefore runs once on the night the clocks go
 * back, and {@code 0 * * * *} runs every real hour.
 *
 * <p>Instances are immutable and thread-safe. {@link #toString()} returns the text as given; two
 * expressions are {@link #equals equal} when they parse to the same fields and day rule, so
 * {@code 0 0 * * 7}, {@code 0 0 * * sun} and {@code @weekly} are equal.
 */
public final class CronExpression {

  /** How far {@link #next} looks ahead; the rarest satisfiable date, 29 February, recurs within 8 years. */
  static final int HORIZON_YEARS = 10;

  private static final Map<String, String> MACROS = Map.of(
      "@yearly", "0 0 1 1 *",
      "@annually", "0 0 1 1 *",
      "@monthly", "0 0 1 * *",
      "@weekly", "0 0 * * 0",
      "@daily", "0 0 * * *",
      "@midnight", "0 0 * * *",
      "@hourly", "0 * * * *");

  private final String text;
  private final long minutes;
  private final long hours;
  private final long daysOfMonth;
  private final long months;
  private final long daysOfWeek;
  private final boolean dayOfMonthStar;
  private final boolean dayOfWeekStar;
  private final boolean hourStar;

  private CronExpression(String text, String[] fields) {
    this.text = text;
    this.minutes = CronField.MINUTE.parse(fields[0], text);
    this.hours = CronField.HOUR.parse(fields[1], text);
    this.daysOfMonth = CronField.DAY_OF_MONTH.parse(fields[2], text);
    this.months = CronField.MONTH.parse(fields[3], text);
    this.daysOfWeek = CronField.DAY_OF_WEEK.parse(fields[4], text);
    this.hourStar = fields[1].startsWith("*");
    this.dayOfMonthStar = fields[2].startsWith("*");
    this.dayOfWeekStar = fields[4].startsWith("*");
  }

  /**
   * Parses a 5-field expression or a macro.
   *
   * <pre>{@code
   * CronExpression weekdays = CronExpression.parse("30 8 * * MON-FRI");
   * }</pre>
   *
   * @param text the expression, for example {@code 0 3 * * *} or {@code @daily}
   * @return the expression
   * @throws CronException naming the field, the offending text and the allowed range
   */
  public static CronExpression parse(String text) {
    Objects.requireNonNull(text, "text");
    String trimmed = text.trim();
    if (trimmed.startsWith("@")) {
      String expansion = MACROS.get(trimmed.toLowerCase(Locale.ROOT));
      if (expansion == null) {
        throw new CronException(text, null, "unknown macro " + trimmed
            + "; known: @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly");
      }
      return new CronExpression(text, expansion.split(" "));
    }
    String[] fields = trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
    if (fields.length != 5) {
      throw new CronException(text, null, "expected 5 fields (minute hour day-of-month month day-of-week) but found "
          + fields.length);
    }
    return new CronExpression(text, fields);
  }

  /**
   * The first firing strictly after {@code after} (whose seconds are ignored), in the zone of
   * {@code after}; empty when nothing fires within the next ten years ({@code 0 0 30 2 *}).
   *
   * <pre>{@code
   * CronExpression.parse("0 * * * *").next(ZonedDateTime.parse("2024-05-01T10:15:30Z[UTC]"))
   *     // Optional[2024-05-01T11:00Z[UTC]]
   * }</pre>
   *
   * @param after the time to search from
   * @return the next firing time, or empty
   */
  public Optional<ZonedDateTime> next(ZonedDateTime after) {
    Objects.requireNonNull(after, "after");
    ZoneId zone = after.getZone();
    ZoneRules rules = zone.getRules();
    Instant start = after.truncatedTo(ChronoUnit.MINUTES).toInstant().plus(1, ChronoUnit.MINUTES);
    Instant horizon = after.plusYears(HORIZON_YEARS).toInstant();
    // Walk the timeline one constant-offset segment at a time: inside a segment wall-clock time moves
    // with the instant, so the fast field-by-field search below is exact; the seams are the gaps and
    // overlaps, handled explicitly.
    Instant position = start;
    while (position.isBefore(horizon)) {
      if (gapEndingAt(rules, position).filter(this::gapFires).isPresent()) {
        return Optional.of(ZonedDateTime.ofInstant(position, zone));
      }
      ZoneOffset offset = rules.getOffset(position);
      ZoneOffsetTransition transition = rules.nextTransition(position);
      Instant segmentEnd = transition == null || transition.getInstant().isAfter(horizon)
          ? horizon : transition.getInstant();
      LocalDateTime limit = LocalDateTime.ofInstant(segmentEnd, offset);
      LocalDateTime from = LocalDateTime.ofInstant(position, offset);
      while (true) {
        Optional<LocalDateTime> found = firstMatch(from, limit);
        if (found.isEmpty()) {
          break;
        }
        LocalDateTime local = found.get();
        ZoneOffsetTransition overlap = rules.getTransition(local);
        if (overlap != null && overlap.isOverlap() && offset.equals(overlap.getOffsetAfter()) && !hourStar) {
          // second occurrence of a wall-clock time that already fired: go on after the repeated hour
          from = overlap.getDateTimeBefore();
          continue;
        }
        return Optional.of(ZonedDateTime.ofInstant(local.toInstant(offset), zone));
      }
      position = segmentEnd;
    }
    return Optional.empty();
  }

  /**
   * Whether this expression fires in the minute of {@code time} (seconds are ignored), with the same
   * gap and overlap rules as {@link #next}: {@code next(t)} always {@code matches}.
   *
   * <pre>{@code
   * CronExpression.parse("0 9 * * MON").matches(ZonedDateTime.parse("2024-05-06T09:00:42+02:00[Europe/Berlin]")) // true
   * }</pre>
   *
   * @param time the time to test
   * @return whether the expression fires in that minute
   */
  public boolean matches(ZonedDateTime time) {
    Objects.requireNonNull(time, "time");
    ZonedDateTime minute = time.truncatedTo(ChronoUnit.MINUTES);
    ZoneRules rules = minute.getZone().getRules();
    LocalDateTime local = minute.toLocalDateTime();
    if (matchesFields(local)) {
      ZoneOffsetTransition overlap = rules.getTransition(local);
      boolean secondOccurrence = overlap != null && overlap.isOverlap()
          && minute.getOffset().equals(overlap.getOffsetAfter());
      if (!secondOccurrence || hourStar) {
        return true;
      }
    }
    return gapEndingAt(rules, minute.toInstant()).filter(this::gapFires).isPresent();
  }

  /** The gap transition that ends exactly at {@code instant}, if any. */
  private static Optional<ZoneOffsetTransition> gapEndingAt(ZoneRules rules, Instant instant) {
    ZoneOffsetTransition previous = rules.previousTransition(instant.plusNanos(1));
    return previous != null && previous.isGap() && previous.getInstant().equals(instant)
        ? Optional.of(previous) : Optional.empty();
  }

  /** Whether some skipped wall-clock minute of the gap matches. */
  private boolean gapFires(ZoneOffsetTransition gap) {
    return firstMatch(gap.getDateTimeBefore(), gap.getDateTimeAfter()).isPresent();
  }

  /**
   * The first wall-clock minute at or after {@code from} (rounded up to a whole minute) and before
   * {@code limit} that matches the fields. Skips whole months, days and hours that cannot match, so
   * a search over years costs a few thousand steps at most.
   */
  private Optional<LocalDateTime> firstMatch(LocalDateTime from, LocalDateTime limit) {
    LocalDateTime t = from.truncatedTo(ChronoUnit.MINUTES);
    if (t.isBefore(from)) {
      t = t.plusMinutes(1);
    }
    while (t.isBefore(limit)) {
      if (!bit(months, t.getMonthValue())) {
        t = t.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay();
      } else if (!matchesDay(t.toLocalDate())) {
        t = t.toLocalDate().plusDays(1).atStartOfDay();
      } else if (!bit(hours, t.getHour())) {
        t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
      } else {
        int minute = nextBit(minutes, t.getMinute());
        if (minute < 0) {
          t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
        } else {
          t = t.withMinute(minute);
          return t.isBefore(limit) ? Optional.of(t) : Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private boolean matchesFields(LocalDateTime local) {
    return bit(minutes, local.getMinute())
        && bit(hours, local.getHour())
        && bit(months, local.getMonthValue())
        && matchesDay(local.toLocalDate());
  }

  private boolean matchesDay(LocalDate date) {
    boolean dom = bit(daysOfMonth, date.getDayOfMonth());
    boolean dow = bit(daysOfWeek, date.getDayOfWeek().getValue() % 7);
    return dayOfMonthStar || dayOfWeekStar ? dom && dow : dom || dow;
  }

  private static boolean bit(long bits, int value) {
    return (bits & (1L << value)) != 0;
  }

  /** The smallest set bit at or above {@code from}, or -1. */
  private static int nextBit(long bits, int from) {
    long rest = bits & (-1L << from);
    return rest == 0 ? -1 : Long.numberOfTrailingZeros(rest);
  }

  /** The expression text as given to {@link #parse(String)}. */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CronExpression that
        && minutes == that.minutes
        && hours == that.hours
        && daysOfMonth == that.daysOfMonth
        && months == that.months
        && daysOfWeek == that.daysOfWeek
        && dayOfMonthStar == that.dayOfMonthStar
        && dayOfWeekStar == that.dayOfWeekStar
        && hourStar == that.hourStar;
  }

  @Override
  public int hashCode() {
    return Objects.hash(minutes, hours, daysOfMonth, months, daysOfWeek, dayOfMonthStar, dayOfWeekStar, hourStar);
  }
}
