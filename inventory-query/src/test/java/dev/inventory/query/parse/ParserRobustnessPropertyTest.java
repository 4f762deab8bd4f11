package dev.inventory.query.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.inventory.query.ast.AstGenerators;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.junit.jupiter.api.Test;

/**
 * The parser returns an AST or throws {@link QuerySyntaxException}, for any input,
 * and every error points inside the text.
 */
class ParserRobustnessPropertyTest {
  private static final List<String> PIECES = List.of(
      "is", "(", ")", "[", "]", "{", "}", ",", ".", "/", "*", ":", "-", "->", "<-", "<", ">", "=", "!", "~",
      "\"", "\\", "`", "|", " ", "\n", "\t", "and", "or", "not", "in", "all", "any", "with", "sort", "limit",
      "count", "empty", "search", "default", "delete", "name", "90days", "-3d", "1", "99999999999999999999",
      "2024-01-01T00:00:00Z", "@", "é", "\u0000", "\uD83D\uDE00", "\uD83D");

  /** Text glued together from tokens and fragments of the language. */
  private static Gen<String> queryLikeText() {
    return lists().of(Generate.pick(PIECES)).ofSizeBetween(0, 25).map(l -> String.join("", l));
  }

  /** A valid printed query with one random edit: a deletion or an insertion. */
  private static Gen<String> brokenQueries() {
    return AstGenerators.queries().map(Object::toString).zip(integers().between(0, 10_000),
        integers().between(0, 10_000), Generate.pick(PIECES), (text, a, b, piece) -> {
          int from = a % (text.length() + 1);
          int to = Math.min(text.length(), from + b % 5);
          return b % 2 == 0 ? text.substring(0, from) + text.substring(to) : text.substring(0, from) + piece + text.substring(from);
        });
  }

  private static void parsesOrFailsCleanly(String text) {
    for (boolean commandLine : new boolean[] {false, true}) {
      try {
        if (commandLine) {
          QueryParser.parseCommandLine("search " + text + " | count");
        } else {
          QueryParser.parse(text);
        }
      } catch (QuerySyntaxException e) {
        assertThat(e.offset()).isBetween(0, e.text().length());
        assertThat(e.line()).isPositive();
        assertThat(e.column()).isPositive();
        assertThat(e.getMessage()).startsWith("line " + e.line() + ":" + e.column() + ": ").contains("^");
      }
    }
  }

  @Test
  void should_only_throw_syntax_errors_for_query_like_text() {
    qt().withExamples(3000).forAll(queryLikeText()).checkAssert(ParserRobustnessPropertyTest::parsesOrFailsCleanly);
  }

  @Test
  void should_only_throw_syntax_errors_for_valid_queries_with_one_edit() {
    qt().withExamples(1500).forAll(brokenQueries()).checkAssert(ParserRobustnessPropertyTest::parsesOrFailsCleanly);
  }

  private static final List<String> COMMAND_PIECES = List.of("aggregate", "aggregate(", "sum(", "count(", "max(",
      " as ", "x", "/ancestors.account.reported.name", "1", "-", "2.5", "+", "*", "/", "%", "(", ")", ":", ",", " ",
      "|", "format ", "{", "}", "{{", "`a b`", "[*]", "--with-origin", "--explain", "--at", "\"", "predecessors ",
      "delete", "list ", "--csv", "--with-defaults", "dump", "head -", "tail ");

  @Test
  void should_only_throw_syntax_errors_for_command_like_text() {
    Gen<String> text = lists().of(Generate.pick(COMMAND_PIECES)).ofSizeBetween(0, 25).map(l -> String.join("", l));
    qt().withExamples(3000).forAll(text).checkAssert(t -> {
      for (String line : List.of("search " + t, "search all | " + t, "search aggregate(" + t)) {
        try {
          QueryParser.parseCommandLine(line);
        } catch (QuerySyntaxException e) {
          assertThat(e.offset()).isBetween(0, e.text().length());
          assertThat(e.getMessage()).startsWith("line " + e.line() + ":" + e.column() + ": ").contains("^");
        }
      }
    });
  }
}
