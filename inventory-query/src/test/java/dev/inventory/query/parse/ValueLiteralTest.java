package dev.inventory.query.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.query.ast.BoolValue;
import dev.inventory.query.ast.DateTimeValue;
import dev.inventory.query.ast.DurationValue;
import dev.inventory.query.ast.ListValue;
import dev.inventory.query.ast.NullValue;
import dev.inventory.query.ast.NumberValue;
import dev.inventory.query.ast.Predicate;
import dev.inventory.query.ast.StringValue;
import dev.inventory.query.ast.Value;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ValueLiteralTest {

  private static Value value(String literal) {
    Predicate p = (Predicate) QueryParser.parse("x == " + literal).parts().get(0).term().orElseThrow();
    return p.value();
  }

  @Test
  void should_read_unquoted_words_as_strings() {
    assertThat(value("jenkins")).isEqualTo(StringValue.of("jenkins"));
    assertThat(value("foo-bar")).isEqualTo(StringValue.of("foo-bar"));
    assertThat(value("a:b/c.d_e")).isEqualTo(StringValue.of("a:b/c.d_e"));
    assertThat(value("12.3.4")).isEqualTo(StringValue.of("12.3.4"));
    assertThat(value("2024-01-01")).isEqualTo(StringValue.of("2024-01-01"));
  }

  @Test
  void should_read_true_false_and_null() {
    assertThat(value("true")).isEqualTo(BoolValue.of(true));
    assertThat(value("false")).isEqualTo(BoolValue.of(false));
    assertThat(value("null")).isEqualTo(NullValue.of());
    assertThat(value("\"true\"")).isEqualTo(StringValue.of("true"));
  }

  @Test
  void should_read_integers_as_longs_and_decimals_as_doubles() {
    assertThat(value("42")).isEqualTo(NumberValue.of(42));
    assertThat(value("-5")).isEqualTo(NumberValue.of(-5));
    assertThat(value("3.5")).isEqualTo(NumberValue.of(3.5));
    assertThat(value("9223372036854775807")).isEqualTo(NumberValue.of(Long.MAX_VALUE));
    assertThat(value("99999999999999999999")).isEqualTo(NumberValue.of(1e20));
  }

  @Test
  void should_read_durations_in_every_unit() {
    // GIVEN the units of §4.1 and what they mean
    Object[][] cases = {
        {"90days", Duration.ofDays(90)}, {"3d", Duration.ofDays(3)}, {"1w", Duration.ofDays(7)},
        {"2h30min", Duration.ofMinutes(150)}, {"1yr2mo", Duration.ofDays(365 + 62)},
        {"1y", Duration.ofDays(365)}, {"1M", Duration.ofDays(31)}, {"5m", Duration.ofMinutes(5)},
        {"10s", Duration.ofSeconds(10)}, {"1.5h", Duration.ofMinutes(90)}, {"-3d", Duration.ofDays(-3)},
        {"2weeks1day", Duration.ofDays(15)}, {"1hour", Duration.ofHours(1)}, {"0.5s", Duration.ofMillis(500)},
    };
    for (Object[] c : cases) {
      // WHEN
      Value v = value((String) c[0]);

      // THEN
      assertThat(v).as((String) c[0]).isEqualTo(DurationValue.of((Duration) c[1]));
      assertThat(v.toString()).isEqualTo(c[0]);
    }
  }

  @Test
  void should_not_read_quoted_durations_or_unknown_units_as_durations() {
    assertThat(value("\"90days\"")).isEqualTo(StringValue.of("90days"));
    assertThat(value("1ms")).isEqualTo(StringValue.of("1ms"));
    assertThat(value("3D")).isEqualTo(StringValue.of("3D"));
  }

  @Test
  void should_read_iso_datetimes_normalised_to_utc() {
    assertThat(value("2024-01-01T00:00:00Z")).isEqualTo(DateTimeValue.of(Instant.parse("2024-01-01T00:00:00Z")));
    assertThat(value("2024-01-01T10:00:00")).isEqualTo(DateTimeValue.of(Instant.parse("2024-01-01T10:00:00Z")));
    assertThat(value("2024-01-01T02:00:00-05:00")).isEqualTo(DateTimeValue.of(Instant.parse("2024-01-01T07:00:00Z")));
    assertThat(value("2024-01-01T02:00:00-05:00").toString()).isEqualTo("2024-01-01T07:00:00Z");
  }

  @Test
  void should_read_lists_including_nested_and_empty_ones() {
    assertThat(value("[jenkins, \"c i\", 3, [true]]")).isEqualTo(ListValue.of(
        StringValue.of("jenkins"), StringValue.of("c i"), NumberValue.of(3), ListValue.of(BoolValue.of(true))));
    assertThat(value("[]")).isEqualTo(ListValue.of());
    assertThat(value("[a,b]")).isEqualTo(ListValue.ofStrings("a", "b"));
  }

  @Test
  void should_read_double_quoted_strings_with_escapes() {
    assertThat(value("\"a \\\"b\\\" \\\\ c\"")).isEqualTo(StringValue.of("a \"b\" \\ c"));
    assertThat(value("\"foo.*\"")).isEqualTo(StringValue.of("foo.*"));
    assertThat(value("\"\"")).isEqualTo(StringValue.of(""));
  }

  @Test
  void should_quote_strings_that_would_read_back_as_something_else() {
    // GIVEN strings that look like other literals or contain odd characters
    String[][] cases = {
        {"jenkins", "jenkins"}, {"90days", "\"90days\""}, {"true", "\"true\""}, {"null", "\"null\""},
        {"42", "\"42\""}, {"foo.*", "\"foo.*\""}, {"", "\"\""}, {"a b", "\"a b\""},
        {"2024-01-01T00:00:00Z", "\"2024-01-01T00:00:00Z\""}, {"say \"hi\"", "\"say \\\"hi\\\"\""},
    };
    for (String[] c : cases) {
      // WHEN
      String printed = StringValue.of(c[0]).toString();

      // THEN
      assertThat(printed).as(c[0]).isEqualTo(c[1]);
      assertThat(value(printed)).isEqualTo(StringValue.of(c[0]));
    }
  }

  @Test
  void should_print_doubles_so_that_they_read_back_as_doubles() {
    assertThat(NumberValue.of(5.0).toString()).isEqualTo("5.0");
    assertThat(NumberValue.of(1e10).toString()).isEqualTo("10000000000.0");
    assertThat(NumberValue.of(-0.0)).isEqualTo(NumberValue.of(0.0));
    assertThat(value(NumberValue.of(1e-7).toString())).isEqualTo(NumberValue.of(1e-7));
  }
}
