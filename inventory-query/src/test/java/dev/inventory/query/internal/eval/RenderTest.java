package dev.inventory.query.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How values print in {@code count} and {@code list}. */
class RenderTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "P181D, 5mo26d",
      "PT2H30M, 2h30min",
      "P1DT5M, 1d5min",
      "P400D, 1yr1mo",
      "P365D, 1yr",
      "PT59S, 59s",
      "PT0S, 0s",
      "PT0.9S, 0s",
      "P7D, 7d",
      "-P3D, -3d",
      "-PT1.5S, -1s",
  })
  void should_print_durations_with_at_most_two_units(String iso, String expected) {
    assertThat(Render.duration(Duration.parse(iso))).isEqualTo(expected);
  }

  @Test
  void should_print_values_as_json_text_without_quotes_around_a_plain_string() {
    assertThat(Render.text("jenkins")).isEqualTo("jenkins");
    assertThat(Render.text(42L)).isEqualTo("42");
    assertThat(Render.text(2.5)).isEqualTo("2.5");
    assertThat(Render.text(3.0)).isEqualTo("3.0");
    assertThat(Render.text(true)).isEqualTo("true");
    assertThat(Render.text(Instant.parse("2026-01-01T00:00:00Z"))).isEqualTo("2026-01-01T00:00:00Z");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("a", List.of(1L, "x\"y"));
    m.put("b", null);
    assertThat(Render.text(m)).isEqualTo("{\"a\":[1,\"x\\\"y\"],\"b\":null}");
    assertThat(Render.json("tab\there\u0001")).isEqualTo("\"tab\\there\\u0001\"");
  }
}
