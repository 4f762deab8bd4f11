package dev.inventory.query.ast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inventory.EdgeType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class AstTest {
  private static final Term A = IsTerm.of("a");
  private static final Term B = IsTerm.of("b");
  private static final Term C = IsTerm.of("c");

  @Test
  void should_flatten_nested_ands_and_ors_on_construction() {
    // GIVEN / WHEN
    And and = And.of(And.of(A, B), C);
    Or or = Or.of(A, Or.of(B, C));

    // THEN
    assertThat(and.terms()).containsExactly(A, B, C);
    assertThat(and).isEqualTo(And.of(A, And.of(B, C)));
    assertThat(or.terms()).containsExactly(A, B, C);
  }

  @Test
  void should_not_flatten_an_or_inside_an_and() {
    // GIVEN / WHEN
    And and = And.of(Or.of(A, B), C);

    // THEN
    assertThat(and.terms()).containsExactly(Or.of(A, B), C);
  }

  @Test
  void should_copy_lists_so_that_callers_cannot_change_nodes() {
    // GIVEN
    List<String> kinds = new ArrayList<>(List.of("a"));
    IsTerm is = new IsTerm(kinds);

    // WHEN
    kinds.add("b");

    // THEN
    assertThat(is.kinds()).containsExactly("a");
    assertThatThrownBy(() -> is.kinds().add("c")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void should_reject_invalid_nodes_in_their_constructors() {
    assertThatThrownBy(() -> new And(List.of(A))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IsTerm(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Predicate(Path.reported("x"), Operator.IN, StringValue.of("a")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Navigation.out().range(3, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Limit(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WithCondition.count(Operator.MATCHES, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Segment.of("a`b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Path(Section.ANCESTORS, Optional.empty(), List.of(Segment.of("x"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Part(Optional.empty(), List.of(), Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Query.of(Part.of(A), Part.of(B))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NumberValue.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DurationValue(Duration.ofDays(1), "2d")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DateTimeValue.of(Instant.parse("+10000-01-01T00:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void should_compare_durations_by_value_and_keep_their_text() {
    // GIVEN
    DurationValue written = DurationValue.parse("90days").orElseThrow();
    DurationValue built = DurationValue.of(Duration.ofDays(90));

    // WHEN / THEN
    assertThat(written).isEqualTo(built).hasSameHashCodeAs(built);
    assertThat(written.toString()).isEqualTo("90days");
    assertThat(built.toString()).isEqualTo("90d");
  }

  @Test
  void should_format_durations_with_the_non_zero_units_from_days_to_seconds() {
    assertThat(DurationValue.format(Duration.ofMinutes(150))).isEqualTo("2h30min");
    assertThat(DurationValue.format(Duration.ofDays(181))).isEqualTo("181d");
    assertThat(DurationValue.format(Duration.ofSeconds(90061))).isEqualTo("1d1h1min1s");
    assertThat(DurationValue.format(Duration.ofMillis(-1500))).isEqualTo("-1.5s");
    assertThat(DurationValue.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(DurationValue.parseDuration(DurationValue.format(Duration.ofSeconds(Long.MIN_VALUE))))
        .contains(Duration.ofSeconds(Long.MIN_VALUE));
  }

  @Test
  void should_reject_durations_finer_than_a_nanosecond_or_too_large() {
    assertThat(DurationValue.parseDuration("0.0000000001s")).isEmpty();
    assertThat(DurationValue.parseDuration("99999999999999999999y")).isEmpty();
    assertThat(DurationValue.parseDuration("-")).isEmpty();
    assertThat(DurationValue.parseDuration("1d2")).isEmpty();
  }

  @Test
  void should_keep_edge_types_as_a_sorted_set() {
    // GIVEN / WHEN
    Navigation n = new Navigation(Navigation.Direction.OUT,
        List.of(EdgeType.DELETE, EdgeType.DEFAULT, EdgeType.DELETE), 1, OptionalInt.of(1));

    // THEN
    assertThat(n.edgeTypes()).containsExactly(EdgeType.DEFAULT, EdgeType.DELETE);
    assertThat(n).isEqualTo(Navigation.out().edgeTypes(EdgeType.DEFAULT, EdgeType.DELETE));
  }

  @Test
  void should_map_operator_symbols_and_aliases() {
    assertThat(Operator.fromSymbol("=")).contains(Operator.EQ);
    assertThat(Operator.fromSymbol("~")).contains(Operator.MATCHES);
    assertThat(Operator.fromSymbol("not in")).contains(Operator.NOT_IN);
    assertThat(Operator.fromSymbol("<>")).isEmpty();
    assertThat(Operator.NOT_MATCHES.symbol()).isEqualTo("!~");
  }

  @Test
  void should_require_pipelines_to_start_with_a_search() {
    assertThatThrownBy(() -> Pipeline.of(new PipeCommand.Count(java.util.Optional.empty())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(PipeCommand.Mark.clean("a | \"b\"").toString()).isEqualTo("clean \"a | \\\"b\\\"\"");
    assertThatThrownBy(() -> new PipeCommand.Mark(PipeCommand.Name.UNCLEAN, "why"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PipeCommand.Walk(PipeCommand.Name.COUNT, dev.inventory.EdgeType.DEFAULT, false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
