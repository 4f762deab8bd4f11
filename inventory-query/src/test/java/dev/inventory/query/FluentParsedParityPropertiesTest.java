package dev.inventory.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.inventory.query.ast.Query;
import dev.inventory.query.parse.QueryParser;
import org.junit.jupiter.api.Test;

/**
 * Fluent/parsed parity: whatever the DSL builds prints as text that the parser reads
 * back to an equal AST, which prints the same text again.
 */
class FluentParsedParityPropertiesTest {

  @Test
  void should_parse_the_printed_text_of_any_fluent_search_back_to_an_equal_query() {
    qt().withExamples(300)
        .forAll(FluentGenerators.searches().describedAs(FluentParsedParityPropertiesTest::describe))
        .checkAssert(search -> {
          // GIVEN a search built through the DSL
          Query fluent = search.query();

          // WHEN its text is parsed
          String text = search.toString();
          Query parsed = QueryParser.parse(text);

          // THEN the ASTs are equal and print the same text
          assertThat(parsed).isEqualTo(fluent);
          assertThat(parsed.toString()).isEqualTo(text);
        });
  }

  @Test
  void should_parse_the_printed_text_of_any_fluent_condition_back_to_an_equal_term() {
    qt().withExamples(300)
        .forAll(FluentGenerators.conditions(4).describedAs(c -> c.toString()))
        .checkAssert(condition -> {
          // GIVEN a deeply nested condition built through the DSL
          // WHEN its text is parsed as a query
          Query parsed = QueryParser.parse(condition.toString());

          // THEN it is one part whose term equals the condition's term, printed as a query of that
          // term prints (a last "and with(...)" of the term goes to Fix Inventory's place)
          assertThat(parsed.parts()).hasSize(1);
          assertThat(parsed.parts().get(0).term()).contains(condition.term());
          assertThat(parsed.toString()).isEqualTo(Query.of(condition.term()).toString());
        });
  }

  private static String describe(Search search) {
    return search.toString();
  }
}
