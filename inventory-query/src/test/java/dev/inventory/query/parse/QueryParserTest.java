package dev.inventory.query.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.EdgeType;
import dev.inventory.query.ast.AllTerm;
import dev.inventory.query.ast.And;
import dev.inventory.query.ast.ArrayModifier;
import dev.inventory.query.ast.ContextTerm;
import dev.inventory.query.ast.DurationValue;
import dev.inventory.query.ast.FullText;
import dev.inventory.query.ast.IdTerm;
import dev.inventory.query.ast.Index;
import dev.inventory.query.ast.IsTerm;
import dev.inventory.query.ast.Limit;
import dev.inventory.query.ast.ListValue;
import dev.inventory.query.ast.Navigation;
import dev.inventory.query.ast.Not;
import dev.inventory.query.ast.NumberValue;
import dev.inventory.query.ast.Operator;
import dev.inventory.query.ast.Or;
import dev.inventory.query.ast.Part;
import dev.inventory.query.ast.Path;
import dev.inventory.query.ast.Predicate;
import dev.inventory.query.ast.Query;
import dev.inventory.query.ast.Section;
import dev.inventory.query.ast.Segment;
import dev.inventory.query.ast.Sort;
import dev.inventory.query.ast.StringValue;
import dev.inventory.query.ast.Term;
import dev.inventory.query.ast.WithClause;
import dev.inventory.query.ast.WithCondition;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class QueryParserTest {

  private static final Predicate STALE =
      new Predicate(Path.reported("last_access"), Operator.GT, DurationValue.of(Duration.ofDays(90)));
  private static final Predicate NOT_JENKINS_OR_CI =
      new Predicate(Path.reported("name"), Operator.NOT_IN, ListValue.ofStrings("jenkins", "ci"));

  private static Term term(String query) {
    Query q = QueryParser.parse(query);
    assertThat(q.parts()).hasSize(1);
    return q.parts().get(0).term().orElseThrow();
  }

  private static Predicate eq(String path, long n) {
    return new Predicate(Path.reported(path), Operator.EQ, NumberValue.of(n));
  }

  @Test
  void should_parse_the_guide_step_2_query_into_two_parts() {
    // GIVEN the guide's query for stale keys and their users
    String text = "is(access_key) and last_access > 90days <-- is(user)";

    // WHEN
    Query q = QueryParser.parse(text);

    // THEN the keys are filtered, the walk goes inward one step, users are kept
    assertThat(q).isEqualTo(Query.of(
        Part.of(And.of(IsTerm.of("access_key"), STALE), Navigation.in()),
        Part.of(IsTerm.of("user"))));
    assertThat(q.toString()).isEqualTo(text);
  }

  @Test
  void should_parse_the_guide_step_3_query_with_not_in_on_the_users() {
    // GIVEN
    String text = "is(access_key) and last_access > 90days <-- is(user) and name not in [jenkins, ci]";

    // WHEN
    Query q = QueryParser.parse(text);

    // THEN
    assertThat(q).isEqualTo(Query.of(
        Part.of(And.of(IsTerm.of("access_key"), STALE), Navigation.in()),
        Part.of(And.of(IsTerm.of("user"), NOT_JENKINS_OR_CI))));
  }

  @Test
  void should_parse_the_guide_step_4_query_with_an_ancestor_path() {
    // GIVEN
    String text = "is(access_key) and last_access > 90days and /ancestors.user.reported.name not in [jenkins, ci]";

    // WHEN
    Query q = QueryParser.parse(text);

    // THEN one part: the keys whose owning user is not jenkins or ci
    Predicate owner = new Predicate(
        Path.ancestor("user", "reported", "name"), Operator.NOT_IN, ListValue.ofStrings("jenkins", "ci"));
    assertThat(q).isEqualTo(Query.of(And.of(IsTerm.of("access_key"), STALE, owner)));
    assertThat(q.toString()).isEqualTo(text);
  }

  @Test
  void should_read_durations_by_value_whatever_the_unit_spelling() {
    // GIVEN / WHEN
    Term days = term("last_access > 90days");
    Term d = term("last_access > 90d");
    Term hours = term("last_access > 2160h");

    // THEN
    assertThat(days).isEqualTo(d).isEqualTo(hours).isEqualTo(STALE);
    assertThat(days.toString()).isEqualTo("last_access > 90days");
  }

  @Test
  void should_parse_all() {
    assertThat(term("all")).isEqualTo(AllTerm.of());
  }

  @Test
  void should_parse_is_with_several_kinds_in_both_list_forms() {
    // GIVEN / WHEN
    Term plain = term("is(aws_iam_user, aws_root_user)");
    Term bracketed = term("is([aws_iam_user, \"aws_root_user\"])");

    // THEN
    assertThat(plain).isEqualTo(bracketed).isEqualTo(IsTerm.of("aws_iam_user", "aws_root_user"));
  }

  @Test
  void should_parse_id_terms_with_unquoted_arns_and_quoted_ids() {
    // GIVEN / WHEN
    Term t = term("id(arn:aws:iam::123456789012:user/jenkins, \"odd id\", AKIA1)");

    // THEN
    assertThat(t).isEqualTo(IdTerm.of("arn:aws:iam::123456789012:user/jenkins", "odd id", "AKIA1"));
  }

  @Test
  void should_treat_id_and_is_without_parentheses_as_property_names() {
    // GIVEN / WHEN
    Term t = term("id == AKIA1 and is == x");

    // THEN
    assertThat(t).isEqualTo(And.of(
        new Predicate(Path.reported("id"), Operator.EQ, StringValue.of("AKIA1")),
        new Predicate(Path.reported("is"), Operator.EQ, StringValue.of("x"))));
  }

  @Test
  void should_parse_every_operator_and_its_aliases() {
    // GIVEN the operators and their canonical form
    String[][] cases = {
        {"==", "=="}, {"=", "=="}, {"!=", "!="}, {"<", "<"}, {"<=", "<="}, {">", ">"}, {">=", ">="},
        {"=~", "=~"}, {"~", "=~"}, {"!~", "!~"},
    };
    for (String[] c : cases) {
      // WHEN
      Predicate p = (Predicate) term("x " + c[0] + " 1");

      // THEN
      assertThat(p.operator().symbol()).as(c[0]).isEqualTo(c[1]);
    }
    assertThat(((Predicate) term("x in [1]")).operator()).isEqualTo(Operator.IN);
    assertThat(((Predicate) term("x not in [1]")).operator()).isEqualTo(Operator.NOT_IN);
  }

  @Test
  void should_parse_operators_without_spaces() {
    // GIVEN / WHEN
    Term t = term("a=1 and b!=2 and c<=3 and d=~x");

    // THEN
    assertThat(t.toString()).isEqualTo("a == 1 and b != 2 and c <= 3 and d =~ x");
  }

  @Test
  void should_parse_array_modifiers() {
    // GIVEN / WHEN
    Predicate all = (Predicate) term("tags_list all >= 1");
    Predicate any = (Predicate) term("tags_list any == 1");
    Predicate none = (Predicate) term("tags_list none == 1");

    // THEN
    assertThat(all.modifier()).contains(ArrayModifier.ALL);
    assertThat(any.modifier()).contains(ArrayModifier.ANY);
    assertThat(none.modifier()).contains(ArrayModifier.NONE);
    assertThat(all.operator()).isEqualTo(Operator.GE);
  }

  @Test
  void should_parse_paths_with_indexes_backticks_and_sections() {
    // GIVEN / WHEN
    Predicate p = (Predicate) term("a[3].b[*].c[].`owner:team` == x");
    Predicate desired = (Predicate) term("/desired.clean == true");
    Predicate metadata = (Predicate) term("/metadata.protected == true");
    Predicate reported = (Predicate) term("/reported.name == x");
    Predicate descendants = (Predicate) term("/descendants.access_key.reported.id == x");

    // THEN
    assertThat(p.path()).isEqualTo(new Path(Section.REPORTED, Optional.empty(), List.of(
        new Segment("a", Optional.of(Index.at(3))),
        new Segment("b", Optional.of(Index.any())),
        new Segment("c", Optional.of(Index.any())),
        Segment.of("owner:team"))));
    assertThat(desired.path()).isEqualTo(Path.of(Section.DESIRED, "clean"));
    assertThat(metadata.path()).isEqualTo(Path.of(Section.METADATA, "protected"));
    assertThat(reported.path()).isEqualTo(Path.reported("name"));
    assertThat(descendants.path()).isEqualTo(Path.descendant("access_key", "reported", "id"));
  }

  @Test
  void should_normalise_cloud_account_and_region_shorthands_to_ancestor_paths() {
    // GIVEN / WHEN
    Predicate account = (Predicate) term("account == prod");
    Predicate regionId = (Predicate) term("region.id == global");
    Predicate literal = (Predicate) term("/reported.account == prod");

    // THEN
    assertThat(account.path()).isEqualTo(Path.ancestor("account", "reported", "name"));
    assertThat(term("/ancestors.account.reported.name == prod")).isEqualTo(account);
    assertThat(regionId.path()).isEqualTo(Path.ancestor("region", "reported", "id"));
    assertThat(literal.path()).isEqualTo(Path.reported("account"));
    assertThat(account.toString()).isEqualTo("account == prod");
    assertThat(literal.toString()).isEqualTo("/reported.account == prod");
  }

  @Test
  void should_parse_a_context_term() {
    // GIVEN / WHEN
    Term t = term("group_ip_permissions[*].{from_port >= 22 and to_port <= 22}");

    // THEN
    assertThat(t).isEqualTo(new ContextTerm(
        new Path(Section.REPORTED, Optional.empty(), List.of(new Segment("group_ip_permissions", Optional.of(Index.any())))),
        And.of(
            new Predicate(Path.reported("from_port"), Operator.GE, NumberValue.of(22)),
            new Predicate(Path.reported("to_port"), Operator.LE, NumberValue.of(22)))));
  }

  @Test
  void should_parse_full_text_with_escapes() {
    assertThat(term("\"say \\\"hi\\\" \\\\ there\"")).isEqualTo(new FullText("say \"hi\" \\ there"));
  }

  @Test
  void should_parse_not_as_binding_tighter_than_and() {
    // GIVEN / WHEN
    Term t = term("not a == 1 and is(user)");

    // THEN
    assertThat(t).isEqualTo(And.of(new Not(eq("a", 1)), IsTerm.of("user")));
  }

  @Test
  void should_parse_parenthesised_groups_and_flatten_same_operators() {
    // GIVEN / WHEN
    Term grouped = term("(a == 1 or b == 2) and (c == 3 and d == 4)");
    Term negated = term("not (a == 1 or b == 2)");

    // THEN
    assertThat(grouped).isEqualTo(And.of(Or.of(eq("a", 1), eq("b", 2)), eq("c", 3), eq("d", 4)));
    assertThat(negated).isEqualTo(new Not(Or.of(eq("a", 1), eq("b", 2))));
    assertThat(grouped.toString()).isEqualTo("(a == 1 or b == 2) and c == 3 and d == 4");
  }

  @Test
  void should_parse_a_long_chain_of_one_operator() {
    // GIVEN
    String text = "a == 1 or b == 2 or c == 3 or d == 4";

    // WHEN / THEN
    assertThat(term(text)).isEqualTo(Or.of(eq("a", 1), eq("b", 2), eq("c", 3), eq("d", 4)));
  }

  @Test
  void should_parse_with_clauses_with_term_and_nested_clause() {
    // GIVEN / WHEN
    Term empty = term("with(empty, --> is(access_key))");
    Term count = term("with(count > 2, <-- is(user) with(any, -->))");
    Term nestedOnly = term("with(any, <-- with(empty, -delete->))");

    // THEN
    assertThat(empty).isEqualTo(new WithClause(
        WithCondition.empty(), Navigation.out(), Optional.of(IsTerm.of("access_key")), Optional.empty()));
    assertThat(count).isEqualTo(new WithClause(
        WithCondition.count(Operator.GT, 2), Navigation.in(), Optional.of(IsTerm.of("user")),
        Optional.of(new WithClause(WithCondition.any(), Navigation.out(), Optional.empty(), Optional.empty()))));
    assertThat(nestedOnly).isEqualTo(new WithClause(
        WithCondition.any(), Navigation.in(), Optional.empty(),
        Optional.of(new WithClause(WithCondition.empty(), Navigation.out().edgeTypes(EdgeType.DELETE),
            Optional.empty(), Optional.empty()))));
  }

  @Test
  void should_parse_every_navigation_form() {
    // GIVEN the forms of the guide and the grammar
    Object[][] cases = {
        {"-->", Navigation.out()},
        {"<--", Navigation.in()},
        {"<-->", Navigation.inOut()},
        {"-[2]->", Navigation.out().range(2, 2)},
        {"-[1:]->", Navigation.out().unbounded(1)},
        {"-[0:1]->", Navigation.out().range(0, 1)},
        {"<-[1:2]-", Navigation.in().range(1, 2)},
        {"-delete->", Navigation.out().edgeTypes(EdgeType.DELETE)},
        {"<-default,delete-", Navigation.in().edgeTypes(EdgeType.DEFAULT, EdgeType.DELETE)},
        {"<-delete,default-", Navigation.in().edgeTypes(EdgeType.DEFAULT, EdgeType.DELETE)},
        {"-delete[1:]->", Navigation.out().edgeTypes(EdgeType.DELETE).unbounded(1)},
        {"-[1:]delete->", Navigation.out().edgeTypes(EdgeType.DELETE).unbounded(1)},
        {"<-delete[0:2]->", Navigation.inOut().edgeTypes(EdgeType.DELETE).range(0, 2)},
    };
    for (Object[] c : cases) {
      // WHEN
      Query q = QueryParser.parse("is(user) " + c[0] + " is(access_key)");

      // THEN
      assertThat(q.parts().get(0).navigation()).as((String) c[0]).contains((Navigation) c[1]);
      assertThat(q.parts().get(1).term()).contains(IsTerm.of("access_key"));
    }
  }

  @Test
  void should_parse_navigations_written_without_spaces() {
    // GIVEN / WHEN
    Query q = QueryParser.parse("is(user)-->is(access_key)<--all");

    // THEN
    assertThat(q.toString()).isEqualTo("is(user) --> is(access_key) <-- all");
  }

  @Test
  void should_allow_a_query_to_end_with_a_navigation_or_start_with_one() {
    // GIVEN / WHEN
    Query ending = QueryParser.parse("is(user) -->");
    Query starting = QueryParser.parse("--> is(user)");

    // THEN
    assertThat(ending).isEqualTo(Query.of(Part.of(IsTerm.of("user"), Navigation.out())));
    assertThat(starting.parts().get(0).term()).isEmpty();
    assertThat(starting.parts().get(0).navigation()).contains(Navigation.out());
  }

  @Test
  void should_parse_sort_and_limit_per_part() {
    // GIVEN
    String text = "is(volume) sort volume_size desc, name asc limit 3 <-[2]- sort name limit 5, 1";

    // WHEN
    Query q = QueryParser.parse(text);

    // THEN
    assertThat(q).isEqualTo(Query.of(
        new Part(Optional.of(IsTerm.of("volume")),
            List.of(Sort.desc(Path.reported("volume_size")), Sort.asc(Path.reported("name"))),
            Optional.of(Limit.of(3)), Optional.of(Navigation.in().range(2, 2))),
        new Part(Optional.empty(), List.of(Sort.asc(Path.reported("name"))), Optional.of(new Limit(5, 1)),
            Optional.empty())));
    assertThat(q.toString()).isEqualTo("is(volume) sort volume_size desc, name limit 3 <-[2]- sort name limit 5, 1");
  }

  @Test
  void should_parse_text_spread_over_several_lines() {
    // GIVEN
    String text = "is(access_key)\n  and last_access > 90days\n<--\n  is(user)";

    // WHEN / THEN
    assertThat(QueryParser.parse(text).toString())
        .isEqualTo("is(access_key) and last_access > 90days <-- is(user)");
  }

  @Test
  void should_parse_a_path_on_its_own() {
    // GIVEN / WHEN
    Path p = QueryParser.parsePath("/ancestors.user.reported.tags.`owner:team`");

    // THEN
    assertThat(p).isEqualTo(new Path(Section.ANCESTORS, Optional.of("user"),
        List.of(Segment.of("reported"), Segment.of("tags"), Segment.of("owner:team"))));
  }

  @Test
  void should_record_source_spans_outside_the_ast() {
    // GIVEN
    String text = "is(access_key) and name == x";

    // WHEN
    Parsed<Query> parsed = QueryParser.parseWithSource(text);
    And and = (And) parsed.value().parts().get(0).term().orElseThrow();

    // THEN
    Span nameSpan = parsed.sourceMap().span(and.terms().get(1)).orElseThrow();
    assertThat(text.substring(nameSpan.offset(), nameSpan.end())).isEqualTo("name == x");
    assertThat(parsed.sourceMap().kindSpans((IsTerm) and.terms().get(0))).containsExactly(new Span(3, 10));
    assertThat(parsed.value()).isEqualTo(QueryParser.parse("  is(access_key)   and name == x  "));
  }

  @Test
  void should_keep_range_ends_optional_only_when_unbounded() {
    // GIVEN / WHEN
    Navigation n = QueryParser.parse("--> -[3:]->").parts().get(1).navigation().orElseThrow();

    // THEN
    assertThat(n.start()).isEqualTo(3);
    assertThat(n.end()).isEqualTo(OptionalInt.empty());
  }
}
