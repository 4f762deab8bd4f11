package dev.inventory.query.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.inventory.query.ast.Pipeline;
import dev.inventory.query.ast.Query;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the parser: for any text it returns an AST that prints back to an
 * equal AST, or throws {@link QuerySyntaxException}; nothing else.
 *
 * <p>A plain {@code mvn verify} runs the seed corpus in {@code QueryParserFuzzTestInputs/parseAnyText}
 * (test resources). To fuzz: {@code JAZZER_FUZZ=1 mvn test -Dtest=QueryParserFuzzTest}.
 */
class QueryParserFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void parseAnyText(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    try {
      Query q = QueryParser.parse(text);
      assertThat(QueryParser.parse(q.toString())).isEqualTo(q);
    } catch (QuerySyntaxException e) {
      assertSpanInside(e, text);
    }
    try {
      Pipeline p = QueryParser.parseCommandLine(text);
      assertThat(QueryParser.parseCommandLine(p.toString())).isEqualTo(p);
    } catch (QuerySyntaxException e) {
      assertSpanInside(e, text);
    }
  }

  private static void assertSpanInside(QuerySyntaxException e, String text) {
    assertThat(e.offset()).isBetween(0, text.length());
    assertThat(e.offset() + e.length()).isBetween(e.offset(), text.length());
    assertThat(e.text()).isEqualTo(text);
  }
}
