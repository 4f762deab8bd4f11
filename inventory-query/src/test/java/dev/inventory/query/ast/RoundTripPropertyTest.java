package dev.inventory.query.ast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.inventory.query.parse.QueryParser;
import org.junit.jupiter.api.Test;

/** {@code parse(print(ast)).equals(ast)} for generated ASTs: every AST prints to text that reads back equal. */
class RoundTripPropertyTest {

  @Test
  void should_read_back_every_printed_query_as_an_equal_query() {
    qt().withExamples(1500).forAll(AstGenerators.queries()).checkAssert(q -> {
      // GIVEN a generated query WHEN printed and parsed
      Query back = QueryParser.parse(q.toString());

      // THEN it is equal and prints the same
      assertThat(back).as(q.toString()).isEqualTo(q);
      assertThat(back.toString()).isEqualTo(q.toString());
    });
  }

  @Test
  void should_read_back_every_printed_command_line_as_an_equal_pipeline() {
    qt().withExamples(500).forAll(AstGenerators.pipelines()).checkAssert(p -> {
      assertThat(QueryParser.parseCommandLine(p.toString())).as(p.toString()).isEqualTo(p);
    });
  }

  @Test
  void should_read_back_every_printed_path() {
    qt().withExamples(1000).forAll(AstGenerators.paths()).checkAssert(p -> {
      assertThat(QueryParser.parsePath(p.toString())).as(p.toString()).isEqualTo(p);
    });
  }

  @Test
  void should_read_back_every_printed_value_as_an_equal_value() {
    qt().withExamples(2000).forAll(AstGenerators.values()).checkAssert(v -> {
      // GIVEN a value in a predicate
      Query q = Query.of(new Predicate(Path.reported("x"), Operator.EQ, v));

      // WHEN
      Predicate back = (Predicate) QueryParser.parse(q.toString()).parts().get(0).term().orElseThrow();

      // THEN
      assertThat(back.value()).as(v.toString()).isEqualTo(v);
    });
  }
}
