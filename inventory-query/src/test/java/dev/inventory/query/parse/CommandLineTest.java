package dev.inventory.query.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.inventory.query.ast.Column;
import dev.inventory.query.ast.Limit;
import dev.inventory.query.ast.ListFormat;
import dev.inventory.query.ast.Path;
import dev.inventory.query.ast.PipeCommand;
import dev.inventory.query.ast.Pipeline;
import dev.inventory.query.ast.SearchCommand;
import dev.inventory.query.ast.Sort;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandLineTest {

  private static QuerySyntaxException lineError(String line) {
    return catchThrowableOfType(QuerySyntaxException.class, () -> QueryParser.parseCommandLine(line));
  }

  @Test
  void should_split_the_guide_pipeline_into_search_and_count() {
    // GIVEN
    String line = "search is(access_key) and last_access > 90days <-- is(user) and name not in [jenkins, ci] | count name";

    // WHEN
    Pipeline p = QueryParser.parseCommandLine(line);

    // THEN
    assertThat(p.commands()).containsExactly(
        new SearchCommand(QueryParser.parse(
            "is(access_key) and last_access > 90days <-- is(user) and name not in [jenkins, ci]")),
        new PipeCommand.Count(Optional.of(Path.reported("name"))));
    assertThat(p.toString()).isEqualTo(line);
  }

  @Test
  void should_parse_the_guide_clean_pipeline() {
    // GIVEN
    String line = "search is(access_key) and last_access > 90days and /ancestors.user.reported.name not in [jenkins, ci] | clean";

    // WHEN
    Pipeline p = QueryParser.parseCommandLine(line);

    // THEN
    assertThat(p.commands()).hasSize(2);
    assertThat(p.commands().get(1)).isEqualTo(PipeCommand.Mark.clean(""));
    assertThat(p.toString()).isEqualTo(line);
  }

  @Test
  void should_not_split_at_pipes_inside_quotes_or_backticks() {
    // GIVEN
    String line = "search name == \"a|b\" and `x|y` == 1 | clean \"reason | with bar\"";

    // WHEN
    Pipeline p = QueryParser.parseCommandLine(line);

    // THEN
    assertThat(p.commands()).hasSize(2);
    assertThat(p.commands().get(1)).isEqualTo(PipeCommand.Mark.clean("reason | with bar"));
  }

  @Test
  void should_parse_the_arguments_of_every_command_into_records() {
    // GIVEN
    String line = "search all | head 10 | tail | sort name desc, ctime | limit 5, 2 | list   kind, name as n  "
        + "| protect keep this | unprotect | unclean | count";

    // WHEN
    Pipeline p = QueryParser.parseCommandLine(line);

    // THEN
    assertThat(p.commands()).containsExactly(
        new SearchCommand(QueryParser.parse("all")),
        new PipeCommand.Head(10),
        new PipeCommand.Tail(PipeCommand.DEFAULT_HEAD),
        new PipeCommand.SortBy(List.of(new Sort(Path.reported("name"), Sort.Order.DESC),
            new Sort(Path.reported("ctime"), Sort.Order.ASC))),
        new PipeCommand.LimitTo(new Limit(5, 2)),
        new PipeCommand.Listing(ListFormat.PLAIN, List.of(Column.of(Path.reported("kind")),
            new Column("n", Path.reported("name")))),
        new PipeCommand.Mark(PipeCommand.Name.PROTECT, "keep this"),
        new PipeCommand.Mark(PipeCommand.Name.UNPROTECT, ""),
        new PipeCommand.Mark(PipeCommand.Name.UNCLEAN, ""),
        new PipeCommand.Count(Optional.empty()));
    assertThat(p.toString()).isEqualTo("search all | head 10 | tail 100 | sort name desc, ctime | limit 5, 2"
        + " | list kind, name as n | protect \"keep this\" | unprotect | unclean | count");
  }

  @Test
  void should_point_search_errors_into_the_whole_line() {
    // GIVEN
    String line = "search is(access_key) and | count";

    // WHEN
    QuerySyntaxException e = lineError(line);

    // THEN the search ends at the '|'
    assertThat(e.code()).isEqualTo(ErrorCode.UNEXPECTED_END);
    assertThat(e.column()).isEqualTo(27);
    assertThat(e.text()).isEqualTo(line);
  }

  @Test
  void should_reject_unknown_and_misplaced_commands() {
    // GIVEN / WHEN
    QuerySyntaxException unknown = lineError("search all | cleanup now");
    QuerySyntaxException first = lineError("count name");

    // THEN
    assertThat(unknown.code()).isEqualTo(ErrorCode.UNKNOWN_COMMAND);
    assertThat(unknown.getMessage()).isEqualTo("""
        line 1:14: unknown command 'cleanup'
        search all | cleanup now
                     ^^^^^^^""");
    assertThat(unknown.expected()).contains("'clean'", "'count'", "'search'");
    assertThat(first.code()).isEqualTo(ErrorCode.UNKNOWN_COMMAND);
    assertThat(first.expected()).containsExactly("'search'");
  }

  @Test
  void should_reject_empty_commands() {
    // GIVEN / WHEN
    QuerySyntaxException e = lineError("search all || count");

    // THEN
    assertThat(e.code()).isEqualTo(ErrorCode.EMPTY_COMMAND);
    assertThat(e.column()).isEqualTo(13);
    assertThat(lineError("").code()).isEqualTo(ErrorCode.EMPTY_COMMAND);
  }

  @Test
  void should_check_the_arguments_of_commands_with_fixed_syntax() {
    // GIVEN / WHEN
    QuerySyntaxException head = lineError("search all | head ten");
    QuerySyntaxException count = lineError("search all | count / x");
    QuerySyntaxException limit = lineError("search all | limit 5,");
    QuerySyntaxException unclean = lineError("search all | unclean now");

    // THEN
    assertThat(head.code()).isEqualTo(ErrorCode.UNEXPECTED_TOKEN);
    assertThat(head.column()).isEqualTo(19);
    assertThat(count.code()).isEqualTo(ErrorCode.EXPECTED_PROPERTY_NAME);
    assertThat(count.column()).isEqualTo(20);
    assertThat(limit.code()).isEqualTo(ErrorCode.UNEXPECTED_END);
    assertThat(unclean.code()).isEqualTo(ErrorCode.UNEXPECTED_ARGUMENT);
    assertThat(unclean.column()).isEqualTo(22);
  }
}
