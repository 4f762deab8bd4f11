package dev.inventory.query;

import static dev.inventory.query.Q.age;
import static dev.inventory.query.Q.all;
import static dev.inventory.query.Q.anyOf;
import static dev.inventory.query.Q.ctime;
import static dev.inventory.query.Q.days;
import static dev.inventory.query.Q.desired;
import static dev.inventory.query.Q.empty;
import static dev.inventory.query.Q.fullText;
import static dev.inventory.query.Q.hours;
import static dev.inventory.query.Q.is;
import static dev.inventory.query.Q.lastAccess;
import static dev.inventory.query.Q.metadata;
import static dev.inventory.query.Q.name;
import static dev.inventory.query.Q.not;
import static dev.inventory.query.Q.predecessors;
import static dev.inventory.query.Q.property;
import static dev.inventory.query.Q.successors;
import static dev.inventory.query.Q.tag;
import static dev.inventory.query.Q.unusedFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inventory.AccessKey;
import dev.inventory.Account;
import dev.inventory.EdgeType;
import dev.inventory.GenericResource;
import dev.inventory.Resource;
import dev.inventory.User;
import dev.inventory.query.ast.And;
import dev.inventory.query.ast.IsTerm;
import dev.inventory.query.ast.Or;
import dev.inventory.query.ast.Path;
import dev.inventory.query.ast.Query;
import dev.inventory.query.ast.Term;
import dev.inventory.query.parse.QueryParser;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The fluent {@link Search} against the parser: guide queries, grouping, owner, navigation, sort, limit. */
class SearchTest {

  private static void assertSameAsText(Search search, String text) {
    Query parsed = QueryParser.parse(text);
    assertThat(search.query()).isEqualTo(parsed);
    assertThat(search.toString()).isEqualTo(text);
    assertThat(parsed.toString()).isEqualTo(text);
  }

  @Test
  void should_build_the_guide_clean_query_equal_to_its_parsed_text() {
    // GIVEN the guide's step 4 query written fluently
    Search search = Search.of(AccessKey.class)
        .where(lastAccess().olderThan(days(90)))
        .owner(User.class, name().notIn("jenkins", "ci"));

    // WHEN it is built and printed
    Query query = search.query();

    // THEN it equals the parsed text and prints that text
    String text = "is(access_key) and last_access > 90days and /ancestors.user.reported.name not in [jenkins, ci]";
    assertThat(query).isEqualTo(QueryParser.parse(text));
    assertThat(search).hasToString(text);
    assertThat(query).hasToString(text);
  }

  @Test
  void should_build_the_guide_count_query_with_a_navigation_to_users() {
    // GIVEN the guide's step 2 query (its search part)
    Search search = Search.of(AccessKey.class).where(lastAccess().olderThan(days(90))).predecessors(User.class);

    // WHEN / THEN it equals the parsed text, in two parts
    assertSameAsText(search, "is(access_key) and last_access > 90days <-- is(user)");
    assertThat(search.query().parts()).hasSize(2);
  }

  @Test
  void should_filter_the_users_part_in_the_guide_step_3_query() {
    // GIVEN the guide's step 3 query: the user condition applies to the second part
    Search search = Search.of(AccessKey.class)
        .where(lastAccess().olderThan(days(90)))
        .predecessors(User.class)
        .and(name().notIn("jenkins", "ci"));

    // WHEN / THEN
    assertSameAsText(search, "is(access_key) and last_access > 90days <-- is(user) and name not in [jenkins, ci]");
  }

  @Test
  void should_wrap_the_previous_condition_when_or_follows_and() {
    // GIVEN where(a).and(b).or(c) on a kind
    Search search = Search.of(AccessKey.class)
        .where(lastAccess().olderThan(days(90)))
        .and(name().eq("ci"))
        .or(age().olderThan(days(365)));

    // WHEN it is built
    Term term = search.query().parts().get(0).term().orElseThrow();

    // THEN the kind stays outside and (a and b) is grouped before 'or', as the parenthesised text
    assertSameAsText(search, "is(access_key) and ((last_access > 90days and name == ci) or age > 365days)");
    assertThat(term).isInstanceOf(And.class);
    assertThat(((And) term).terms().get(1)).isInstanceOf(Or.class);
  }

  @Test
  void should_wrap_the_previous_or_when_and_follows_it() {
    // GIVEN where(a).or(b).and(c)
    Search search = Search.of(User.class).where(name().eq("a")).or(name().eq("b")).and(tag("team").isNotNull());

    // WHEN / THEN it is (a or b) and c, with the kind joined to the same 'and'
    assertSameAsText(search, "is(user) and (name == a or name == b) and tags.team != null");
  }

  @Test
  void should_flatten_consecutive_ors_like_the_parser() {
    // GIVEN three alternatives joined by .or
    Search search = Search.all().where(name().eq("a")).or(name().eq("b")).or(name().eq("c"));

    // WHEN / THEN one 'or' node with three terms, as "a or b or c" parses
    assertSameAsText(search, "name == a or name == b or name == c");
    assertThat(((Or) search.query().parts().get(0).term().orElseThrow()).terms()).hasSize(3);
  }

  @Test
  void should_refuse_or_without_a_condition_before_it() {
    // GIVEN a search with only a kind
    Search search = Search.of(User.class);

    // WHEN / THEN 'or' has nothing to join and says so
    assertThatThrownBy(() -> search.or(name().eq("x")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("where(");
  }

  @Test
  void should_reroot_nested_owner_conditions_into_ancestor_paths() {
    // GIVEN an owner condition with not, or, and, a tag, a state mark and an array modifier
    Search search = Search.of(AccessKey.class).owner(User.class,
        not(name().eq("root"))
            .and(anyOf(tag("team").in("ops", "sre"), desired("clean").isTrue()))
            .and(property("emails[*]").allElements().matches("@example\\.com$")));

    // WHEN / THEN every path reads the user ancestor, in its own section
    assertSameAsText(search,
        "is(access_key) and not /ancestors.user.reported.name == root"
            + " and (/ancestors.user.reported.tags.team in [ops, sre] or /ancestors.user.desired.clean == true)"
            + " and /ancestors.user.reported.emails[*] all =~ \"@example\\\\.com$\"");
  }

  @Test
  void should_reroot_only_the_outer_path_of_a_context_term() {
    // GIVEN a parsed context term, wrapped as a condition
    Condition context = Condition.of(QueryParser.parse("keys[*].{status == Active and age > 1day}").parts().get(0)
        .term().orElseThrow());

    // WHEN it becomes an owner condition
    Search search = Search.of(AccessKey.class).owner(User.class, context);

    // THEN the array path reads the owner; paths inside stay relative to the element
    assertSameAsText(search,
        "is(access_key) and /ancestors.user.reported.keys[*].{status == Active and age > 1day}");
  }

  @Test
  void should_print_a_shorthand_when_the_owner_is_an_account() {
    // GIVEN an owner condition on the account's name
    Search search = Search.of(User.class).owner(Account.class, name().eq("prod"));

    // WHEN / THEN the ancestor path is the 'account' shorthand of the text language
    assertThat(search.query().parts().get(0).term().orElseThrow())
        .isEqualTo(And.of(IsTerm.of("user"), QueryParser.parse("account == prod").parts().get(0).term().orElseThrow()));
    assertSameAsText(search, "is(user) and account == prod");
  }

  @Test
  void should_refuse_owner_conditions_that_do_not_compare_properties() {
    // GIVEN conditions that cannot be read from an ancestor
    Search search = Search.of(AccessKey.class);

    // WHEN / THEN each is refused with a message naming the owner kind
    assertThatThrownBy(() -> search.owner(User.class, is(User.class)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user");
    assertThatThrownBy(() -> search.owner(User.class, fullText("x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> search.owner(User.class, all()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> search.owner(User.class, property("account").eq("prod")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already reads another node");
  }

  @Test
  void should_expand_unused_for_into_ordinary_nodes() {
    // GIVEN the common cleanup policy
    Search search = Search.of(AccessKey.class).where(unusedFor(days(90)));

    // WHEN / THEN it is the guide's text, parenthesised inside the kind's 'and'
    assertSameAsText(search,
        "is(access_key) and ((last_use == used and last_access > 90days) or (last_use == never and age > 90days))");
    assertThat(unusedFor(days(90)).term())
        .isEqualTo(QueryParser.parse("(last_use == used and last_access > 90days) or (last_use == never and age > 90days)")
            .parts().get(0).term().orElseThrow());
  }

  @Test
  void should_map_classes_to_their_kinds() {
    // GIVEN base types
    // WHEN / THEN each starts is(<its kind>)
    assertSameAsText(Search.of(AccessKey.class), "is(access_key)");
    assertSameAsText(Search.of(User.class), "is(user)");
    assertSameAsText(Search.of(Resource.class), "is(resource)");
  }

  @Test
  void should_refuse_a_class_that_is_no_kind_naming_it() {
    // GIVEN a Java type that no kind declares (GenericResource stands for discovered kinds)
    // WHEN / THEN
    assertThatThrownBy(() -> Search.of(GenericResource.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(GenericResource.class.getName());
  }

  @Test
  void should_build_all_for_an_unfiltered_search() {
    // GIVEN Search.all with and without a condition
    // WHEN / THEN 'all' alone, or just the condition
    assertSameAsText(Search.all(), "all");
    assertSameAsText(Search.all().where(fullText("jenkins")), "\"jenkins\"");
    assertSameAsText(Search.all().successors(AccessKey.class), "all --> is(access_key)");
  }

  @Test
  void should_sort_and_limit_each_part() {
    // GIVEN sort and limit before and after a navigation
    Search search = Search.of(AccessKey.class)
        .sort(ctime().desc(), name().asc())
        .limit(5, 10)
        .predecessors(User.class)
        .sort(name())
        .limit(3);

    // WHEN / THEN each part carries its own clauses
    assertSameAsText(search, "is(access_key) sort ctime desc, name limit 5, 10 <-- is(user) sort name limit 3");
  }

  @Test
  void should_navigate_with_edge_types_depths_and_filters() {
    // GIVEN walks with edge types, ranges, filters and no kind
    Search search = Search.of(User.class)
        .navigate(successors(AccessKey.class).edges(EdgeType.DELETE).depthFrom(1).where(name().eq("k")))
        .navigate(predecessors().depth(0, 2))
        .navigate(successors().edges(EdgeType.DEFAULT, EdgeType.DELETE).depth(2));

    // WHEN / THEN
    assertSameAsText(search,
        "is(user) -delete[1:]-> is(access_key) and name == k <-[0:2]- -default,delete[2]->");
  }

  @Test
  void should_build_with_clauses_from_walks() {
    // GIVEN users without keys, and users with more than two active keys
    Search none = Search.of(User.class).with(empty(), successors(AccessKey.class));
    Search many = Search.of(User.class)
        .with(Q.count(dev.inventory.query.ast.Operator.GT, 2),
            successors(AccessKey.class).where(AccessKeys.ACCESS_KEY_STATUS.eq("Active")));
    Search nested = Search.of(Account.class)
        .with(Q.any(), successors().with(empty(), successors(AccessKey.class)));

    // WHEN / THEN
    assertSameAsText(none, "is(user) with(empty, --> is(access_key))");
    assertSameAsText(many, "is(user) with(count > 2, --> is(access_key) and access_key_status == Active)");
    assertSameAsText(nested, "is(account) with(any, --> with(empty, --> is(access_key)))");
  }

  @Test
  void should_join_a_nested_with_clause_into_the_next_part_when_navigating() {
    // GIVEN a walk with a nested with clause used as a navigation
    Search search = Search.of(Account.class)
        .navigate(successors(User.class).with(empty(), successors(AccessKey.class)));

    // WHEN / THEN the next part keeps the users the clause keeps
    assertSameAsText(search, "is(account) --> is(user) with(empty, --> is(access_key))");
  }

  @Test
  void should_keep_searches_immutable() {
    // GIVEN a base search
    Search base = Search.of(AccessKey.class);

    // WHEN it is refined
    Search refined = base.where(metadata("protected").isFalse()).limit(1);

    // THEN the base is unchanged and equality follows the query
    assertThat(base).hasToString("is(access_key)");
    assertThat(refined).hasToString("is(access_key) and /metadata.protected == false limit 1");
    assertThat(refined).isEqualTo(Search.of(AccessKey.class).where(metadata("protected").isFalse()).limit(1));
    assertThat(refined.hashCode())
        .isEqualTo(Search.of(AccessKey.class).where(metadata("protected").isFalse()).limit(1).hashCode());
    assertThat(refined).isNotEqualTo(base);
  }

  @Test
  void should_print_durations_as_written_and_compare_them_by_length() {
    // GIVEN fluent durations
    // WHEN / THEN they print as a person writes them and equal any spelling of the same length
    assertThat(days(90)).hasToString("90days").isEqualTo(Q.duration("90d")).isEqualTo(Q.duration(Duration.ofDays(90)));
    assertThat(days(1)).hasToString("1day");
    assertThat(hours(-1)).hasToString("-1hour");
    assertSameAsText(Search.all().where(ctime().withinLast(days(3))), "ctime > -3days");
    assertThat(Path.reported("age")).isEqualTo(age().path());
  }
}
