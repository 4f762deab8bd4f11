package dev.inventory.query.ast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.EdgeType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Canonical text of nodes built in code. */
class PrinterTest {

  @Test
  void should_print_the_guide_step_4_query_built_in_code() {
    // GIVEN
    Query q = Query.of(And.of(
        IsTerm.of("access_key"),
        new Predicate(Path.reported("last_access"), Operator.GT, DurationValue.of(Duration.ofDays(90))),
        new Predicate(Path.ancestor("user", "reported", "name"), Operator.NOT_IN, ListValue.ofStrings("jenkins", "ci"))));

    // WHEN / THEN
    assertThat(q.toString()).isEqualTo(
        "is(access_key) and last_access > 90d and /ancestors.user.reported.name not in [jenkins, ci]");
  }

  @Test
  void should_parenthesise_or_inside_and_and_groups_under_not() {
    // GIVEN
    Term a = IsTerm.of("a");
    Term b = IsTerm.of("b");
    Term c = IsTerm.of("c");

    // WHEN / THEN
    assertThat(And.of(Or.of(a, b), c).toString()).isEqualTo("(is(a) or is(b)) and is(c)");
    assertThat(Or.of(And.of(a, b), c).toString()).isEqualTo("(is(a) and is(b)) or is(c)");
    assertThat(new Not(And.of(a, b)).toString()).isEqualTo("not (is(a) and is(b))");
    assertThat(new Not(new Not(a)).toString()).isEqualTo("not not is(a)");
  }

  @Test
  void should_print_navigations_in_their_shortest_form() {
    assertThat(Navigation.out().toString()).isEqualTo("-->");
    assertThat(Navigation.in().toString()).isEqualTo("<--");
    assertThat(Navigation.inOut().toString()).isEqualTo("<-->");
    assertThat(Navigation.out().range(2, 2).toString()).isEqualTo("-[2]->");
    assertThat(Navigation.out().unbounded(1).toString()).isEqualTo("-[1:]->");
    assertThat(Navigation.out().range(0, 1).toString()).isEqualTo("-[0:1]->");
    assertThat(Navigation.out().edgeTypes(EdgeType.DELETE).toString()).isEqualTo("-delete->");
    assertThat(Navigation.in().edgeTypes(EdgeType.DELETE, EdgeType.DEFAULT).toString()).isEqualTo("<-default,delete-");
    assertThat(Navigation.inOut().edgeTypes(EdgeType.DELETE).unbounded(0).toString()).isEqualTo("<-delete[0:]->");
  }

  @Test
  void should_print_paths_with_backticks_sections_and_shorthands() {
    assertThat(Path.reported("tags", "owner:team").toString()).isEqualTo("tags.`owner:team`");
    assertThat(Path.reported("all").toString()).isEqualTo("/reported.all");
    assertThat(Path.reported("account").toString()).isEqualTo("/reported.account");
    assertThat(Path.ancestor("account", "reported", "name").toString()).isEqualTo("account");
    assertThat(Path.ancestor("region", "reported", "id").toString()).isEqualTo("region.id");
    assertThat(Path.ancestor("user", "reported", "name").toString()).isEqualTo("/ancestors.user.reported.name");
    assertThat(Path.ancestor("account", "desired", "clean").toString()).isEqualTo("/ancestors.account.desired.clean");
    assertThat(Path.of(Section.METADATA, "protected").toString()).isEqualTo("/metadata.protected");
    assertThat(new Path(Section.REPORTED, Optional.empty(),
        List.of(new Segment("a", Optional.of(Index.at(0))), new Segment("b", Optional.of(Index.any())))).toString())
        .isEqualTo("a[0].b[*]");
  }

  @Test
  void should_print_with_clauses_so_that_a_with_term_is_not_read_as_the_nested_clause() {
    // GIVEN a with clause whose term is itself a with clause
    WithClause inner = new WithClause(WithCondition.empty(), Navigation.out(), Optional.empty(), Optional.empty());
    WithClause asTerm = new WithClause(WithCondition.any(), Navigation.in(), Optional.of(inner), Optional.empty());
    WithClause asNested = new WithClause(WithCondition.any(), Navigation.in(), Optional.empty(), Optional.of(inner));

    // WHEN / THEN
    assertThat(asTerm.toString()).isEqualTo("with(any, <-- (with(empty, -->)))");
    assertThat(asNested.toString()).isEqualTo("with(any, <-- with(empty, -->))");
    assertThat(new WithClause(WithCondition.count(Operator.GE, 3), Navigation.out(),
        Optional.of(IsTerm.of("access_key")), Optional.empty()).toString())
        .isEqualTo("with(count >= 3, --> is(access_key))");
  }

  @Test
  void should_print_parts_with_sort_limit_and_navigation() {
    // GIVEN
    Part part = new Part(Optional.of(AllTerm.of()), List.of(Sort.desc(Path.reported("ctime")), Sort.asc(Path.reported("name"))),
        Optional.of(new Limit(10, 5)), Optional.of(Navigation.out()));

    // WHEN / THEN
    assertThat(part.toString()).isEqualTo("all sort ctime desc, name limit 10, 5 -->");
    assertThat(Limit.of(3).toString()).isEqualTo("limit 3");
  }

  @Test
  void should_quote_kinds_and_ids_that_are_not_plain_words() {
    assertThat(IsTerm.of("aws_iam_user", "odd kind").toString()).isEqualTo("is(aws_iam_user, \"odd kind\")");
    assertThat(IdTerm.of("arn:aws:iam::1:user/x", "a b").toString()).isEqualTo("id(arn:aws:iam::1:user/x, \"a b\")");
    assertThat(new FullText("say \"hi\"").toString()).isEqualTo("\"say \\\"hi\\\"\"");
  }
}
