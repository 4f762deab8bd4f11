package dev.inventory.query.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.inventory.KindRegistry;
import dev.inventory.query.ast.And;
import dev.inventory.query.ast.IsTerm;
import dev.inventory.query.ast.Operator;
import dev.inventory.query.ast.Path;
import dev.inventory.query.ast.Predicate;
import dev.inventory.query.ast.Query;
import dev.inventory.query.ast.StringValue;
import org.junit.jupiter.api.Test;

class QueryValidatorTest {
  private static final KindRegistry KINDS = KindRegistry.builder().build();

  @Test
  void should_accept_known_kinds_everywhere() {
    // GIVEN base kinds only
    Parsed<Query> parsed = QueryParser.parseWithSource(
        "is(access_key) and account == prod and /ancestors.user.reported.name == x <-- is(user, resource)");

    // WHEN / THEN
    assertThatCode(() -> QueryValidator.checkKinds(parsed, KINDS)).doesNotThrowAnyException();
  }

  @Test
  void should_point_at_an_unknown_kind_and_suggest_close_ones() {
    // GIVEN
    Parsed<Query> parsed = QueryParser.parseWithSource("is(user) and last_access > 90d <-- is(acess_key)");

    // WHEN
    QuerySyntaxException e = catchThrowableOfType(QuerySyntaxException.class,
        () -> QueryValidator.checkKinds(parsed, KINDS));

    // THEN
    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_KIND);
    assertThat(e.expected()).containsExactly("'access_key'");
    assertThat(e.getMessage()).isEqualTo("""
        line 1:39: unknown kind 'acess_key'; did you mean 'access_key'?
        is(user) and last_access > 90d <-- is(acess_key)
                                              ^^^^^^^^^""");
  }

  @Test
  void should_check_ancestor_kinds_in_paths_of_a_command_line() {
    // GIVEN
    Parsed<?> parsed = QueryParser.parseCommandLineWithSource(
        "search is(access_key) and /ancestors.usr.reported.name == x | clean");

    // WHEN
    QuerySyntaxException e = catchThrowableOfType(QuerySyntaxException.class,
        () -> QueryValidator.checkKinds(parsed, KINDS));

    // THEN
    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_KIND);
    assertThat(e.column()).isEqualTo(38);
    assertThat(e.length()).isEqualTo(3);
    assertThat(e.reason()).startsWith("unknown kind 'usr'; did you mean");
    assertThat(e.expected()).contains("'user'");
  }

  @Test
  void should_point_into_the_printed_text_of_a_query_built_without_text() {
    // GIVEN a query built in code
    Query q = Query.of(And.of(IsTerm.of("access_key"),
        new Predicate(Path.reported("name"), Operator.EQ, StringValue.of("x")), IsTerm.of("zzzzzzzzzz")));

    // WHEN
    QuerySyntaxException e = catchThrowableOfType(QuerySyntaxException.class,
        () -> QueryValidator.checkKinds(q, KINDS));

    // THEN
    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_KIND);
    assertThat(e.text()).isEqualTo("is(access_key) and name == x and is(zzzzzzzzzz)");
    assertThat(e.column()).isEqualTo(37);
    assertThat(e.expected()).isEmpty();
    assertThat(e.reason()).isEqualTo("unknown kind 'zzzzzzzzzz'");
  }
}
