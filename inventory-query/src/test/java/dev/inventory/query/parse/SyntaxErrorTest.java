package dev.inventory.query.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden error renderings: code, position, expected set and the exact message with its caret.
 * Columns are 1-based and the caret sits under the column.
 */
class SyntaxErrorTest {

  private static QuerySyntaxException queryError(String query) {
    return catchThrowableOfType(QuerySyntaxException.class, () -> QueryParser.parse(query));
  }

  private static QuerySyntaxException lineError(String line) {
    return catchThrowableOfType(QuerySyntaxException.class, () -> QueryParser.parseCommandLine(line));
  }

  @Test
  void should_point_at_the_bare_slash_of_the_guide() {
    // GIVEN the guide's step 4 as printed, with the path cut down to '/'
    String line = "search is(access_key) and last_access > 90days and / not in [jenkins, ci] | clean";

    // WHEN
    QuerySyntaxException e = lineError(line);

    // THEN
    assertThat(e.code()).isEqualTo(ErrorCode.EXPECTED_PROPERTY_NAME);
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.column()).isEqualTo(52);
    assertThat(e.offset()).isEqualTo(line.indexOf('/'));
    assertThat(e.expected()).containsExactly("'ancestors'", "'descendants'", "'desired'", "'metadata'", "'reported'");
    assertThat(e.getMessage()).isEqualTo("""
        line 1:52: expected a property name after '/'
        search is(access_key) and last_access > 90days and / not in [jenkins, ci] | clean
                                                           ^""");
  }

  @Test
  void should_show_both_readings_when_and_and_or_are_mixed() {
    // GIVEN
    String query = "is(access_key) and age > 90d or name == ci";

    // WHEN
    QuerySyntaxException e = queryError(query);

    // THEN
    assertThat(e.code()).isEqualTo(ErrorCode.AMBIGUOUS_AND_OR);
    assertThat(e.column()).isEqualTo(30);
    assertThat(e.length()).isEqualTo(2);
    assertThat(e.getMessage()).isEqualTo("""
        line 1:30: 'and' and 'or' mixed without parentheses; write '(is(access_key) and age > 90d) or name == ci' or 'is(access_key) and (age > 90d or name == ci)'
        is(access_key) and age > 90d or name == ci
                                     ^^""");
  }

  @Test
  void should_report_and_or_mixing_inside_parentheses_too() {
    // GIVEN
    String query = "is(user) and (a == 1 or b == 2 and c == 3)";

    // WHEN
    QuerySyntaxException e = queryError(query);

    // THEN
    assertThat(e.code()).isEqualTo(ErrorCode.AMBIGUOUS_AND_OR);
    assertThat(e.column()).isEqualTo(32);
    assertThat(e.reason()).isEqualTo(
        "'and' and 'or' mixed without parentheses; write 'a == 1 or (b == 2 and c == 3)' or '(a == 1 or b == 2) and c == 3'");
  }

  @Test
  void should_expect_a_term_after_a_dangling_and() {
    // GIVEN / WHEN
    QuerySyntaxException e = queryError("is(access_key) and");

    // THEN
    assertThat(e.code()).isEqualTo(ErrorCode.UNEXPECTED_END);
    assertThat(e.column()).isEqualTo(19);
    assertThat(e.expected()).containsExactly("a term");
    assertThat(e.getMessage()).isEqualTo("""
        line 1:19: expected a term, found the end of the query
        is(access_key) and
                          ^""");
  }

  @Test
  void should_report_leftover_input_with_what_could_follow() {
    // GIVEN / WHEN
    QuerySyntaxException e = queryError("is(user) is(access_key)");

    // THEN
    assertThat(e.code()).isEqualTo(ErrorCode.TRAILING_INPUT);
    assertThat(e.column()).isEqualTo(10);
    assertThat(e.expected()).containsExactly(
        "'and'", "'limit'", "'or'", "'sort'", "a navigation", "the end of the query");
    assertThat(e.getMessage()).isEqualTo("""
        line 1:10: expected one of 'and', 'limit', 'or', 'sort', a navigation, the end of the query, found 'is'
        is(user) is(access_key)
                 ^^""");
  }

  @Test
  void should_reject_a_bare_word_as_full_text() {
    // GIVEN Fix Inventory needs quotes for full text
    QuerySyntaxException e = queryError("jenkins");

    // THEN the word is read as a path that lacks an operator
    assertThat(e.code()).isEqualTo(ErrorCode.UNEXPECTED_END);
    assertThat(e.expected()).contains("an operator", "'in'", "'not in'", "'all'", "'any'", "'none'");
    assertThat(e.column()).isEqualTo(8);
  }

  @Test
  void should_ask_for_quotes_around_regex_characters() {
    // GIVEN / WHEN
    QuerySyntaxException e = queryError("name =~ foo.*");

    // THEN
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_UNQUOTED_VALUE);
    assertThat(e.getMessage()).isEqualTo("""
        line 1:13: '*' is not allowed in an unquoted value; put the value in double quotes
        name =~ foo.*
                    ^""");
  }

  @Test
  void should_report_an_unterminated_string_at_its_opening_quote() {
    // GIVEN / WHEN
    QuerySyntaxException e = queryError("name == \"abc");

    // THEN
    assertThat(e.code()).isEqualTo(ErrorCode.UNTERMINATED_STRING);
    assertThat(e.column()).isEqualTo(9);
    assertThat(e.length()).isEqualTo(4);
    assertThat(e.getMessage()).isEqualTo("""
        line 1:9: string is not closed with '"'
        name == "abc
                ^^^^""");
  }

  @Test
  void should_reject_unknown_escapes() {
    // GIVEN / WHEN
    QuerySyntaxException e = queryError("name == \"a\\nb\"");

    // THEN
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ESCAPE);
    assertThat(e.column()).isEqualTo(11);
    assertThat(e.length()).isEqualTo(2);
  }

  @Test
  void should_require_a_list_after_in() {
    // GIVEN / WHEN
    QuerySyntaxException e = queryError("name in jenkins");

    // THEN
    assertThat(e.code()).isEqualTo(ErrorCode.LIST_EXPECTED);
    assertThat(e.expected()).containsExactly("'['");
    assertThat(e.getMessage()).isEqualTo("""
        line 1:9: expected a list such as [a, b] after 'in'
        name in jenkins
                ^^^^^^^""");
  }

  @Test
  void should_name_the_unknown_edge_type() {
    // GIVEN / WHEN
    QuerySyntaxException e = queryError("is(user) -owns-> all");

    // THEN
    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_EDGE_TYPE);
    assertThat(e.expected()).containsExactly("'default'", "'delete'", "'iam'");
    assertThat(e.getMessage()).isEqualTo("""
        line 1:11: unknown edge type 'owns'
        is(user) -owns-> all
                  ^^^^""");
  }

  @Test
  void should_reject_a_range_that_ends_before_it_starts() {
    // GIVEN / WHEN
    QuerySyntaxException e = queryError("is(user) -[3:1]-> all");

    // THEN
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RANGE);
    assertThat(e.column()).isEqualTo(11);
    assertThat(e.length()).isEqualTo(5);
  }

  @Test
  void should_expect_the_end_of_a_navigation() {
    // GIVEN / WHEN
    QuerySyntaxException e = queryError("is(user) <-[2] (is(access_key))");

    // THEN
    assertThat(e.code()).isEqualTo(ErrorCode.UNEXPECTED_TOKEN);
    assertThat(e.expected()).containsExactly("'-'", "'->'", "an edge type");
    assertThat(e.column()).isEqualTo(16);
  }

  @Test
  void should_name_the_unknown_section() {
    // GIVEN / WHEN
    QuerySyntaxException e = queryError("/wanted.clean == true");

    // THEN
    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_SECTION);
    assertThat(e.expected()).contains("'desired'", "'reported'");
    assertThat(e.getMessage()).isEqualTo("""
        line 1:2: unknown section 'wanted'
        /wanted.clean == true
         ^^^^^^""");
  }

  @Test
  void should_expect_a_property_name_after_a_trailing_dot() {
    // GIVEN / WHEN
    QuerySyntaxException e = queryError("tags. == x");

    // THEN
    assertThat(e.code()).isEqualTo(ErrorCode.EXPECTED_PROPERTY_NAME);
    assertThat(e.column()).isEqualTo(5);
    assertThat(e.expected()).containsExactly("a property name");
  }

  @Test
  void should_reject_characters_that_start_no_token() {
    // GIVEN / WHEN
    QuerySyntaxException e = queryError("is(user) and @x == 1");

    // THEN
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CHARACTER);
    assertThat(e.getMessage()).isEqualTo("""
        line 1:14: unexpected character '@'
        is(user) and @x == 1
                     ^""");
  }

  @Test
  void should_reject_numbers_that_do_not_fit() {
    // GIVEN / WHEN
    QuerySyntaxException e = queryError("is(user) limit 99999999999");

    // THEN
    assertThat(e.code()).isEqualTo(ErrorCode.NUMBER_OUT_OF_RANGE);
    assertThat(e.column()).isEqualTo(16);
    assertThat(e.length()).isEqualTo(11);
  }

  @Test
  void should_reject_deep_nesting_instead_of_overflowing_the_stack() {
    // GIVEN
    String query = "(".repeat(10_000) + "a == 1" + ")".repeat(10_000);

    // WHEN
    QuerySyntaxException e = queryError(query);

    // THEN
    assertThat(e.code()).isEqualTo(ErrorCode.NESTING_TOO_DEEP);
  }

  @Test
  void should_count_lines_and_columns_in_multi_line_text() {
    // GIVEN
    String query = "is(access_key)\n  and last_access >\n  <-- is(user)";

    // WHEN
    QuerySyntaxException e = queryError(query);

    // THEN the caret is under the '<-' on line 3
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(3);
    assertThat(e.expected()).containsExactly("a value");
    assertThat(e.getMessage()).isEqualTo("""
        line 3:3: expected a value, found '<-'
          <-- is(user)
          ^^""");
  }

  @Test
  void should_reject_an_empty_query() {
    // GIVEN / WHEN
    QuerySyntaxException e = queryError("   ");

    // THEN
    assertThat(e.code()).isEqualTo(ErrorCode.UNEXPECTED_END);
    assertThat(e.expected()).containsExactly("'limit'", "'sort'", "a navigation", "a term");
    assertThat(e.column()).isEqualTo(4);
  }

  @Test
  void should_require_a_comparison_for_with_count() {
    // GIVEN / WHEN
    QuerySyntaxException e = queryError("with(count in 2, -->)");

    // THEN
    assertThat(e.code()).isEqualTo(ErrorCode.UNEXPECTED_TOKEN);
    assertThat(e.expected()).containsExactlyElementsOf(List.of("'!='", "'<'", "'<='", "'=='", "'>'", "'>='"));
  }

  @Test
  void should_point_at_a_backticked_name_that_is_not_closed() {
    // WHEN
    QuerySyntaxException e = queryError("tags.`owner:team == x");
    // THEN
    assertThat(e.code()).isEqualTo(ErrorCode.UNTERMINATED_NAME);
    assertThat(e.column()).isEqualTo(6);
    assertThat(e.expected()).containsExactly("'`'");
    assertThat(e.getMessage()).isEqualTo("""
        line 1:6: name is not closed with '`' on its line
        tags.`owner:team == x
             ^^^^^^^^^^^^^^^^""");
  }

  @Test
  void should_point_at_an_empty_backticked_name() {
    // WHEN
    QuerySyntaxException e = queryError("tags.`` == x");
    // THEN
    assertThat(e.code()).isEqualTo(ErrorCode.EMPTY_NAME);
    assertThat(e.column()).isEqualTo(6);
    assertThat(e.getMessage()).isEqualTo("""
        line 1:6: a name in backticks is not empty
        tags.`` == x
             ^^""");
  }
}
