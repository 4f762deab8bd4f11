package dev.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  private static final List<String> SECTIONS = List.of("worker", "jobs", "workflows");

  @Test
  void suggestsTheClosestName() {
    assertThat(Suggestions.closest("workr", SECTIONS)).contains("worker");
    assertThat(Suggestions.didYouMean("workr", SECTIONS)).isEqualTo(" (did you mean 'worker'?)");
  }

  @Test
  void suggestsNothingWhenNothingIsClose() {
    assertThat(Suggestions.closest("zzzzzzzz", SECTIONS)).isEmpty();
    assertThat(Suggestions.didYouMean("zzzzzzzz", SECTIONS)).isEmpty();
  }

  @Test
  void ordersByDistanceThenAlphabetically() {
    assertThat(Suggestions.closest("job", List.of("jobs", "job_", "mob"), 3)).containsExactly("job_", "jobs", "mob");
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
  }
}
