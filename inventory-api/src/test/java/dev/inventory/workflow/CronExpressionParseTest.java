package dev.inventory.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The syntax of cron expressions: every field form, names, macros, equality and error messages. */
class CronExpressionParseTest {

  private static List<String> firings(String expression, String start, int count) {
    CronExpression cron = CronExpression.parse(expression);
    List<String> out = new ArrayList<>();
    ZonedDateTime t = ZonedDateTime.parse(start);
    for (int i = 0; i < count; i++) {
      t = cron.next(t).orElseThrow();
      out.add(t.toLocalDateTime().toString());
    }
    return out;
  }

  static Stream<Arguments> forms() {
    // 2024-01-01 is a Monday
    return Stream.of(
        Arguments.of("* * * * *", List.of("2024-01-01T00:01", "2024-01-01T00:02", "2024-01-01T00:03")),
        Arguments.of("5 * * * *", List.of("2024-01-01T00:05", "2024-01-01T01:05", "2024-01-01T02:05")),
        Arguments.of("10-12 * * * *", List.of("2024-01-01T00:10", "2024-01-01T00:11", "2024-01-01T00:12")),
        Arguments.of("1,30,59 * * * *", List.of("2024-01-01T00:01", "2024-01-01T00:30", "2024-01-01T00:59")),
        Arguments.of("*/20 * * * *", List.of("2024-01-01T00:20", "2024-01-01T00:40", "2024-01-01T01:00")),
        Arguments.of("10-30/10 * * * *", List.of("2024-01-01T00:10", "2024-01-01T00:20", "2024-01-01T00:30")),
        Arguments.of("45/5 * * * *", List.of("2024-01-01T00:45", "2024-01-01T00:50", "2024-01-01T00:55")),
        Arguments.of("0 22-23,3 * * *", List.of("2024-01-01T03:00", "2024-01-01T22:00", "2024-01-01T23:00")),
        Arguments.of("0 0 */10 * *", List.of("2024-01-11T00:00", "2024-01-21T00:00", "2024-01-31T00:00")),
        Arguments.of("0 0 1 feb-apr *", List.of("2024-02-01T00:00", "2024-03-01T00:00", "2024-04-01T00:00")),
        Arguments.of("0 0 1 JAN,Jul *", List.of("2024-07-01T00:00", "2025-01-01T00:00", "2025-07-01T00:00")),
        Arguments.of("0 0 1 */6 *", List.of("2024-07-01T00:00", "2025-01-01T00:00", "2025-07-01T00:00")),
        Arguments.of("0 9 * * MON-fri", List.of("2024-01-01T09:00", "2024-01-02T09:00", "2024-01-03T09:00")),
        Arguments.of("0 9 * * sat,SUN", List.of("2024-01-06T09:00", "2024-01-07T09:00", "2024-01-13T09:00")),
        Arguments.of("0 9 * * 7", List.of("2024-01-07T09:00", "2024-01-14T09:00", "2024-01-21T09:00")),
        Arguments.of("0 9 * * 0", List.of("2024-01-07T09:00", "2024-01-14T09:00", "2024-01-21T09:00")),
        Arguments.of("0 9 * * 5-7", List.of("2024-01-05T09:00", "2024-01-06T09:00", "2024-01-07T09:00")),
        Arguments.of("0 9 * * 1/2", List.of("2024-01-01T09:00", "2024-01-03T09:00", "2024-01-05T09:00")),
        Arguments.of("0 9 * * tue/3", List.of("2024-01-02T09:00", "2024-01-05T09:00", "2024-01-09T09:00")),
        Arguments.of("@hourly", List.of("2024-01-01T01:00", "2024-01-01T02:00", "2024-01-01T03:00")),
        Arguments.of("@daily", List.of("2024-01-02T00:00", "2024-01-03T00:00", "2024-01-04T00:00")),
        Arguments.of("@midnight", List.of("2024-01-02T00:00", "2024-01-03T00:00", "2024-01-04T00:00")),
        Arguments.of("@weekly", List.of("2024-01-07T00:00", "2024-01-14T00:00", "2024-01-21T00:00")),
        Arguments.of("@MONTHLY", List.of("2024-02-01T00:00", "2024-03-01T00:00", "2024-04-01T00:00")),
        Arguments.of("@yearly", List.of("2025-01-01T00:00", "2026-01-01T00:00", "2027-01-01T00:00")),
        Arguments.of("@annually", List.of("2025-01-01T00:00", "2026-01-01T00:00", "2027-01-01T00:00")),
        Arguments.of("  0\t12  * *   * ", List.of("2024-01-01T12:00", "2024-01-02T12:00", "2024-01-03T12:00")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void should_fire_at_the_known_times_for_each_syntax_form(String expression, List<String> expected) {
    // GIVEN an expression using one syntax form, and midnight on Monday 2024-01-01 in UTC
    // WHEN the next three firings are computed
    List<String> actual = firings(expression, "2024-01-01T00:00Z[UTC]", 3);

    // THEN they are the known answers
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void should_fire_on_either_day_when_both_day_fields_are_restricted() {
    // GIVEN the 13th of the month or any Friday (Vixie OR rule)
    // WHEN firings from 2024-09-01 (a Sunday) are computed
    List<String> actual = firings("0 0 13 * FRI", "2024-09-01T00:00Z[UTC]", 4);

    // THEN Fridays and the 13th both fire
    assertThat(actual).containsExactly("2024-09-06T00:00", "2024-09-13T00:00", "2024-09-20T00:00", "2024-09-27T00:00");
    assertThat(firings("0 0 13 * FRI", "2024-09-27T00:00Z[UTC]", 2)).containsExactly("2024-10-04T00:00", "2024-10-11T00:00");
    assertThat(firings("0 0 1 * 3", "2024-01-01T00:00Z[UTC]", 3))
        .containsExactly("2024-01-03T00:00", "2024-01-10T00:00", "2024-01-17T00:00");
  }

  @Test
  void should_count_only_the_restricted_day_field_when_the_other_is_a_star() {
    // GIVEN expressions with one of the day fields a plain star
    // WHEN firings are computed
    // THEN only the restricted field decides
    assertThat(firings("0 0 13 * *", "2024-09-01T00:00Z[UTC]", 2)).containsExactly("2024-09-13T00:00", "2024-10-13T00:00");
    assertThat(firings("0 0 * * FRI", "2024-09-01T00:00Z[UTC]", 2)).containsExactly("2024-09-06T00:00", "2024-09-13T00:00");
  }

  @Test
  void should_require_both_day_fields_when_one_starts_with_a_star_step() {
    // GIVEN odd days of the month (*/2 counts as unrestricted, as in Vixie cron) and Mondays
    // WHEN firings from 2024-01-01 (a Monday) are computed
    List<String> actual = firings("0 0 */2 * MON", "2023-12-31T00:00Z[UTC]", 3);

    // THEN only days that are both odd and Mondays fire
    assertThat(actual).containsExactly("2024-01-01T00:00", "2024-01-15T00:00", "2024-01-29T00:00");
  }

  @Test
  void should_be_equal_when_the_fields_are_the_same_and_keep_the_original_text() {
    // GIVEN three spellings of Sunday midnight and one of Monday midnight
    CronExpression numeric = CronExpression.parse("0 0 * * 7");
    CronExpression named = CronExpression.parse("0 0 * * sun");
    CronExpression macro = CronExpression.parse("@weekly");
    CronExpression monday = CronExpression.parse("0 0 * * 1");

    // WHEN compared / THEN equal by value, with the text as given
    assertThat(numeric).isEqualTo(named).isEqualTo(macro).hasSameHashCodeAs(macro).isNotEqualTo(monday);
    assertThat(numeric).hasToString("0 0 * * 7");
    assertThat(macro).hasToString("@weekly");
    assertThat(CronExpression.parse("0 0 * * *")).isNotEqualTo(CronExpression.parse("0 0 1-31 * *"));
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("61 * * * *", "cron \"61 * * * *\": minute field: 61 is out of range 0-59", "minute"),
        Arguments.of("x * * * *", "cron \"x * * * *\": minute field: \"x\" is not a number in 0-59", "minute"),
        Arguments.of("0 24 * * *", "cron \"0 24 * * *\": hour field: 24 is out of range 0-23", "hour"),
        Arguments.of("0 5-2 * * *", "cron \"0 5-2 * * *\": hour field: range 5-2 runs backwards (allowed 0-23)", "hour"),
        Arguments.of("0 0 0 * *", "cron \"0 0 0 * *\": day-of-month field: 0 is out of range 1-31", "day-of-month"),
        Arguments.of("0 0 32 * *", "cron \"0 0 32 * *\": day-of-month field: 32 is out of range 1-31", "day-of-month"),
        Arguments.of("0 0 1,,2 * *", "cron \"0 0 1,,2 * *\": day-of-month field: empty list item in \"1,,2\"", "day-of-month"),
        Arguments.of("0 0 * 13 *", "cron \"0 0 * 13 *\": month field: 13 is out of range 1-12", "month"),
        Arguments.of("0 0 * FOO *", "cron \"0 0 * FOO *\": month field: \"FOO\" is not a number in 1-12 or a name JAN-DEC", "month"),
        Arguments.of("0 0 * * 8", "cron \"0 0 * * 8\": day-of-week field: 8 is out of range 0-7", "day-of-week"),
        Arguments.of("0 0 * * MONDAY", "cron \"0 0 * * MONDAY\": day-of-week field: \"MONDAY\" is not a number in 0-7 or a name SUN-SAT", "day-of-week"),
        Arguments.of("*/0 * * * *", "cron \"*/0 * * * *\": minute field: step 0 in */0 is out of range 1-60", "minute"),
        Arguments.of("0 */25 * * *", "cron \"0 */25 * * *\": hour field: step 25 in */25 is out of range 1-24", "hour"),
        Arguments.of("*/x * * * *", "cron \"*/x * * * *\": minute field: step \"x\" in */x is not a number in 1-60", "minute"),
        Arguments.of("99999999999 * * * *", "cron \"99999999999 * * * *\": minute field: 99999999999 is out of range 0-59", "minute"),
        Arguments.of("-1 * * * *", "cron \"-1 * * * *\": minute field: \"\" is not a number in 0-59", "minute"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void should_reject_a_bad_field_naming_the_field_the_text_and_the_range(String expression, String message, String field) {
    // GIVEN a malformed expression
    // WHEN it is parsed / THEN the error names the field, the offending text and the allowed range
    assertThatThrownBy(() -> CronExpression.parse(expression))
        .isInstanceOf(CronException.class)
        .hasMessage(message)
        .satisfies(e -> {
          assertThat(((CronException) e).field()).contains(field);
          assertThat(((CronException) e).expression()).isEqualTo(expression);
        });
  }

  @Test
  void should_reject_a_wrong_field_count_and_an_unknown_macro() {
    // GIVEN expressions that are wrong as a whole
    // WHEN parsed / THEN the message says what is expected and no field is blamed
    assertThatThrownBy(() -> CronExpression.parse("* * *"))
        .isInstanceOf(CronException.class)
        .hasMessage("cron \"* * *\": expected 5 fields (minute hour day-of-month month day-of-week) but found 3")
        .satisfies(e -> assertThat(((CronException) e).field()).isEmpty());
    assertThatThrownBy(() -> CronExpression.parse("0 0 * * * 2024"))
        .hasMessage("cron \"0 0 * * * 2024\": expected 5 fields (minute hour day-of-month month day-of-week) but found 6");
    assertThatThrownBy(() -> CronExpression.parse(""))
        .hasMessage("cron \"\": expected 5 fields (minute hour day-of-month month day-of-week) but found 0");
    assertThatThrownBy(() -> CronExpression.parse("@every"))
        .isInstanceOf(CronException.class)
        .hasMessage("cron \"@every\": unknown macro @every; known: @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly");
    assertThatThrownBy(() -> CronExpression.parse(null)).isInstanceOf(NullPointerException.class).hasMessage("text");
  }
}
