package dev.inventory.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Next-fire computation: known answers, calendar edges, impossible dates and daylight saving time. */
class CronExpressionNextTest {

  /** The next {@code count} firings after {@code start}, printed with their offsets. */
  private static List<String> firings(String expression, String start, int count) {
    CronExpression cron = CronExpression.parse(expression);
    List<String> out = new ArrayList<>();
    ZonedDateTime t = ZonedDateTime.parse(start);
    for (int i = 0; i < count; i++) {
      t = cron.next(t).orElseThrow();
      assertThat(cron.matches(t)).as("next(t) matches: %s", t).isTrue();
      out.add(t.toOffsetDateTime().toString());
    }
    return out;
  }

  @Test
  void should_fire_at_the_top_of_every_hour_strictly_after_the_start() {
    // GIVEN the default workflow schedule
    // WHEN the next firings after a time with seconds, and after a top of the hour, are computed
    // THEN each is the next whole hour, never the start itself
    assertThat(firings("0 * * * *", "2024-05-01T10:15:30Z[UTC]", 3))
        .containsExactly("2024-05-01T11:00Z", "2024-05-01T12:00Z", "2024-05-01T13:00Z");
    assertThat(firings("0 * * * *", "2024-05-01T11:00Z[UTC]", 1)).containsExactly("2024-05-01T12:00Z");
    assertThat(firings("0 * * * *", "2024-12-31T23:00:59Z[UTC]", 1)).containsExactly("2025-01-01T00:00Z");
  }

  @Test
  void should_ignore_the_seconds_of_the_start() {
    // GIVEN every minute, and a start half-way through a minute
    // WHEN next is computed / THEN it is the following whole minute
    assertThat(firings("* * * * *", "2024-05-01T10:15:59.999Z[UTC]", 1)).containsExactly("2024-05-01T10:16Z");
    assertThat(CronExpression.parse("15 10 * * *").matches(ZonedDateTime.parse("2024-05-01T10:15:42Z[UTC]"))).isTrue();
    assertThat(CronExpression.parse("15 10 * * *").matches(ZonedDateTime.parse("2024-05-01T10:16:00Z[UTC]"))).isFalse();
  }

  @Test
  void should_skip_months_without_the_day() {
    // GIVEN the 31st of every month
    // WHEN firings from January are computed / THEN months with 30 days or fewer are skipped
    assertThat(firings("0 0 31 * *", "2024-01-01T00:00Z[UTC]", 4))
        .containsExactly("2024-01-31T00:00Z", "2024-03-31T00:00Z", "2024-05-31T00:00Z", "2024-07-31T00:00Z");
    assertThat(firings("59 23 30 * *", "2024-01-31T00:00Z[UTC]", 2))
        .containsExactly("2024-03-30T23:59Z", "2024-04-30T23:59Z");
  }

  @Test
  void should_fire_on_the_29th_of_february_only_in_leap_years() {
    // GIVEN 29 February
    // WHEN firings from 2023 are computed
    // THEN only leap years fire, and 2100 (not a leap year) is skipped
    assertThat(firings("0 0 29 2 *", "2023-03-01T00:00Z[UTC]", 3))
        .containsExactly("2024-02-29T00:00Z", "2028-02-29T00:00Z", "2032-02-29T00:00Z");
    assertThat(firings("0 0 29 2 *", "2096-03-01T00:00Z[UTC]", 1)).containsExactly("2104-02-29T00:00Z");
  }

  @Test
  void should_return_empty_for_a_date_that_never_exists_and_do_so_quickly() {
    // GIVEN expressions for dates that do not exist
    ZonedDateTime start = ZonedDateTime.parse("2024-01-01T00:00+01:00[Europe/Berlin]");
    long began = System.nanoTime();

    // WHEN next is computed
    Optional<ZonedDateTime> feb30 = CronExpression.parse("0 0 30 2 *").next(start);
    Optional<ZonedDateTime> apr31 = CronExpression.parse("* * 31 4,6,9,11 *").next(start);

    // THEN nothing fires, and the search does not walk minute by minute
    assertThat(feb30).isEmpty();
    assertThat(apr31).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void should_run_a_job_in_the_berlin_spring_gap_at_the_first_instant_after_it() {
    // GIVEN 02:30 daily; on 2024-03-31 Berlin clocks jump from 02:00 (+01:00) to 03:00 (+02:00)
    // WHEN firings around the change are computed
    // THEN the skipped 02:30 runs at 03:00 +02:00, once
    assertThat(firings("30 2 * * *", "2024-03-30T12:00+01:00[Europe/Berlin]", 3))
        .containsExactly("2024-03-31T03:00+02:00", "2024-04-01T02:30+02:00", "2024-04-02T02:30+02:00");
    assertThat(CronExpression.parse("30 2 * * *").matches(ZonedDateTime.parse("2024-03-31T03:00+02:00[Europe/Berlin]")))
        .isTrue();
  }

  @Test
  void should_run_once_at_the_end_of_the_gap_when_several_skipped_minutes_match() {
    // GIVEN every 15 minutes, and also 03:00 itself which is the end of the Berlin gap
    // WHEN firings from just before the gap are computed
    // THEN 02:00, 02:15, 02:30, 02:45 and 03:00 collapse into one run at 03:00 +02:00
    assertThat(firings("*/15 * * * *", "2024-03-31T01:40+01:00[Europe/Berlin]", 3))
        .containsExactly("2024-03-31T01:45+01:00", "2024-03-31T03:00+02:00", "2024-03-31T03:15+02:00");
    // AND a start one minute before the gap lands on the gap end
    assertThat(firings("30 2 * * *", "2024-03-31T01:59+01:00[Europe/Berlin]", 1))
        .containsExactly("2024-03-31T03:00+02:00");
  }

  @Test
  void should_run_a_fixed_time_once_in_the_berlin_autumn_overlap() {
    // GIVEN 02:30 daily; on 2024-10-27 Berlin clocks go back from 03:00 (+02:00) to 02:00 (+01:00)
    // WHEN firings from before the change, and from inside the repeated hour, are computed
    // THEN 02:30 runs at its first occurrence only
    assertThat(firings("30 2 * * *", "2024-10-26T12:00+02:00[Europe/Berlin]", 2))
        .containsExactly("2024-10-27T02:30+02:00", "2024-10-28T02:30+01:00");
    assertThat(firings("30 2 * * *", "2024-10-27T02:10+01:00[Europe/Berlin]", 1))
        .containsExactly("2024-10-28T02:30+01:00");
    assertThat(CronExpression.parse("30 2 * * *").matches(ZonedDateTime.parse("2024-10-27T02:30+01:00[Europe/Berlin]")))
        .isFalse();
  }

  @Test
  void should_run_an_hourly_job_in_both_real_hours_of_the_berlin_overlap() {
    // GIVEN the hourly default schedule (hour field unrestricted)
    // WHEN firings across the autumn change are computed
    // THEN every real hour fires, including both 02:00s
    assertThat(firings("0 * * * *", "2024-10-27T00:30+02:00[Europe/Berlin]", 4))
        .containsExactly("2024-10-27T01:00+02:00", "2024-10-27T02:00+02:00", "2024-10-27T02:00+01:00",
            "2024-10-27T03:00+01:00");
    assertThat(firings("45 * * * *", "2024-10-27T02:50+02:00[Europe/Berlin]", 2))
        .containsExactly("2024-10-27T02:45+01:00", "2024-10-27T03:45+01:00");
  }

  @Test
  void should_handle_both_new_york_changes() {
    // GIVEN New York: 2024-03-10 02:00 -> 03:00 (-05:00 -> -04:00), 2024-11-03 02:00 -> 01:00 (-04:00 -> -05:00)
    // WHEN daily and hourly firings across each change are computed
    // THEN the spring gap runs at 03:00 -04:00, the fixed time in the autumn overlap runs once
    assertThat(firings("15 2 * * *", "2024-03-09T12:00-05:00[America/New_York]", 2))
        .containsExactly("2024-03-10T03:00-04:00", "2024-03-11T02:15-04:00");
    assertThat(firings("30 1 * * *", "2024-11-02T12:00-04:00[America/New_York]", 2))
        .containsExactly("2024-11-03T01:30-04:00", "2024-11-04T01:30-05:00");
    assertThat(firings("30 * * * *", "2024-11-03T00:45-04:00[America/New_York]", 3))
        .containsExactly("2024-11-03T01:30-04:00", "2024-11-03T01:30-05:00", "2024-11-03T02:30-05:00");
    assertThat(firings("0 9 * * MON-FRI", "2024-03-08T10:00-05:00[America/New_York]", 2))
        .containsExactly("2024-03-11T09:00-04:00", "2024-03-12T09:00-04:00");
  }

  @Test
  void should_evaluate_in_the_zone_of_the_start() {
    // GIVEN 09:00 daily and the same instant in two zones
    CronExpression nine = CronExpression.parse("0 9 * * *");
    ZonedDateTime utc = ZonedDateTime.parse("2024-06-01T06:00Z[UTC]");

    // WHEN next is computed in each zone
    ZonedDateTime inUtc = nine.next(utc).orElseThrow();
    ZonedDateTime inTokyo = nine.next(utc.withZoneSameInstant(java.time.ZoneId.of("Asia/Tokyo"))).orElseThrow();

    // THEN each is 09:00 wall-clock time of its own zone
    assertThat(inUtc.toOffsetDateTime()).hasToString("2024-06-01T09:00Z");
    assertThat(inTokyo.toOffsetDateTime()).hasToString("2024-06-02T09:00+09:00");
  }
}
