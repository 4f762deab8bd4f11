package dev.inventory.query;

import static dev.inventory.query.Q.age;
import static dev.inventory.query.Q.all;
import static dev.inventory.query.Q.allOf;
import static dev.inventory.query.Q.any;
import static dev.inventory.query.Q.anyOf;
import static dev.inventory.query.Q.atime;
import static dev.inventory.query.Q.booleanProperty;
import static dev.inventory.query.Q.count;
import static dev.inventory.query.Q.ctime;
import static dev.inventory.query.Q.datetimeProperty;
import static dev.inventory.query.Q.days;
import static dev.inventory.query.Q.desired;
import static dev.inventory.query.Q.duration;
import static dev.inventory.query.Q.empty;
import static dev.inventory.query.Q.fullText;
import static dev.inventory.query.Q.hours;
import static dev.inventory.query.Q.id;
import static dev.inventory.query.Q.is;
import static dev.inventory.query.Q.kind;
import static dev.inventory.query.Q.lastAccess;
import static dev.inventory.query.Q.lastUpdate;
import static dev.inventory.query.Q.metadata;
import static dev.inventory.query.Q.minutes;
import static dev.inventory.query.Q.months;
import static dev.inventory.query.Q.mtime;
import static dev.inventory.query.Q.name;
import static dev.inventory.query.Q.neighbors;
import static dev.inventory.query.Q.not;
import static dev.inventory.query.Q.numberProperty;
import static dev.inventory.query.Q.predecessors;
import static dev.inventory.query.Q.property;
import static dev.inventory.query.Q.stringProperty;
import static dev.inventory.query.Q.successors;
import static dev.inventory.query.Q.tag;
import static dev.inventory.query.Q.unusedFor;
import static dev.inventory.query.Q.weeks;
import static dev.inventory.query.Q.with;
import static dev.inventory.query.Q.years;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inventory.AccessKey;
import dev.inventory.User;
import dev.inventory.query.ast.Operator;
import dev.inventory.query.ast.Query;
import dev.inventory.query.ast.Term;
import dev.inventory.query.parse.QuerySyntaxException;
import dev.inventory.query.parse.QueryParser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every factory and operator of the DSL builds the term the parser builds for its text, and prints
 * that text. One row per factory or operator.
 */
class FactoryParityTest {
  private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

  static Stream<Arguments> rows() {
    return Stream.of(
        // string properties
        row(name().eq("jenkins"), "name == jenkins"),
        row(name().ne("jenkins"), "name != jenkins"),
        row(name().in("jenkins", "ci"), "name in [jenkins, ci]"),
        row(name().in(List.of("a")), "name in [a]"),
        row(name().notIn("jenkins", "ci"), "name not in [jenkins, ci]"),
        row(name().notIn(List.of()), "name not in []"),
        row(name().matches("^ci-.*"), "name =~ \"^ci-.*\""),
        row(name().notMatches("bot"), "name !~ bot"),
        row(name().isNull(), "name == null"),
        row(name().isNotNull(), "name != null"),
        row(name().eq("90days"), "name == \"90days\""),
        row(name().eq("true"), "name == \"true\""),
        row(name().eq("null"), "name == \"null\""),
        row(name().eq("42"), "name == \"42\""),
        row(name().eq("say \"hi\" \\ bye"), "name == \"say \\\"hi\\\" \\\\ bye\""),
        row(name().eq(""), "name == \"\""),
        row(id().eq("AKIAEXAMPLE"), "id == AKIAEXAMPLE"),
        row(kind().eq("aws_iam_access_key"), "kind == aws_iam_access_key"),
        row(tag("owner").eq("ops"), "tags.owner == ops"),
        row(tag("owner:team").eq("ops"), "tags.`owner:team` == ops"),
        row(property("access_key_status").eq("Active"), "access_key_status == Active"),
        row(stringProperty("access_key_last_used.service_name").eq("s3"), "access_key_last_used.service_name == s3"),
        row(property("region").eq("us-east-1"), "region == us-east-1"),
        row(property("/reported.region").eq("x"), "/reported.region == x"),
        row(property("list[*]").allElements().eq("a"), "list[*] all == a"),
        row(property("list").anyElement().ne("a"), "list any != a"),
        row(property("list").noElement().matches("a"), "list none =~ a"),
        row(AccessKeys.ACCESS_KEY_STATUS.eq("Active"), "access_key_status == Active"),
        row(AccessKeys.LAST_USE.eq("never"), "last_use == never"),
        row(AccessKeys.USER_NAME.in("ci"), "user_name in [ci]"),
        row(AccessKeys.LAST_USED.before(T), "access_key_last_used.last_used < 2024-01-01T00:00:00Z"),
        row(AccessKeys.LAST_USED_SERVICE.eq("iam"), "access_key_last_used.service_name == iam"),
        row(AccessKeys.LAST_USED_REGION.eq("eu-west-1"), "access_key_last_used.region == eu-west-1"),
        row(Users.ARN.eq("arn:aws:iam::1:user/ci"), "arn == arn:aws:iam::1:user/ci"),
        row(Users.PATH.eq("/"), "path == /"),
        row(Users.PASSWORD_ENABLED.isTrue(), "password_enabled == true"),
        row(Users.MFA_ACTIVE.isFalse(), "mfa_active == false"),
        // number properties
        row(numberProperty("size").eq(3), "size == 3"),
        row(numberProperty("size").eq(2.5), "size == 2.5"),
        row(numberProperty("size").ne(-3), "size != -3"),
        row(numberProperty("size").ne(0.5), "size != 0.5"),
        row(numberProperty("size").gt(100), "size > 100"),
        row(numberProperty("size").gt(1.5), "size > 1.5"),
        row(numberProperty("size").ge(1), "size >= 1"),
        row(numberProperty("size").ge(1.0), "size >= 1.0"),
        row(numberProperty("size").lt(7), "size < 7"),
        row(numberProperty("size").lt(7.25), "size < 7.25"),
        row(numberProperty("size").le(8), "size <= 8"),
        row(numberProperty("size").le(8.5), "size <= 8.5"),
        row(numberProperty("port").in(22, 3389), "port in [22, 3389]"),
        row(numberProperty("port").in(0.5, 1.5), "port in [0.5, 1.5]"),
        row(numberProperty("port").notIn(22), "port not in [22]"),
        row(numberProperty("port").notIn(2.5), "port not in [2.5]"),
        row(numberProperty("sizes").allElements().ge(1), "sizes all >= 1"),
        row(numberProperty("sizes").anyElement().lt(1), "sizes any < 1"),
        row(numberProperty("sizes").noElement().eq(0), "sizes none == 0"),
        row(numberProperty("size").isNull(), "size == null"),
        // date-time properties
        row(ctime().gt(T), "ctime > 2024-01-01T00:00:00Z"),
        row(ctime().ge(T), "ctime >= 2024-01-01T00:00:00Z"),
        row(ctime().lt(T), "ctime < 2024-01-01T00:00:00Z"),
        row(ctime().le(T), "ctime <= 2024-01-01T00:00:00Z"),
        row(mtime().before(T), "mtime < 2024-01-01T00:00:00Z"),
        row(atime().after(T), "atime > 2024-01-01T00:00:00Z"),
        row(ctime().gt(days(-3)), "ctime > -3days"),
        row(ctime().ge(hours(-2)), "ctime >= -2hours"),
        row(ctime().lt(days(-30)), "ctime < -30days"),
        row(ctime().le(weeks(1)), "ctime <= 1week"),
        row(ctime().withinLast(days(3)), "ctime > -3days"),
        row(datetimeProperty("expires").allElements().lt(T), "expires all < 2024-01-01T00:00:00Z"),
        row(datetimeProperty("expires").anyElement().gt(T), "expires any > 2024-01-01T00:00:00Z"),
        row(datetimeProperty("expires").noElement().gt(T), "expires none > 2024-01-01T00:00:00Z"),
        // synthetic durations
        row(lastAccess().olderThan(days(90)), "last_access > 90days"),
        row(lastAccess().newerThan(days(1)), "last_access < 1day"),
        row(age().gt(years(1)), "age > 1year"),
        row(age().ge(months(6)), "age >= 6months"),
        row(lastUpdate().lt(minutes(30)), "last_update < 30minutes"),
        row(lastUpdate().le(duration("2h30min")), "last_update <= 2h30min"),
        row(age().olderThan(duration(Duration.ofHours(26))), "age > 1d2h"),
        row(age().isNotNull(), "age != null"),
        // booleans and state
        row(desired("clean").isTrue(), "/desired.clean == true"),
        row(metadata("protected").isFalse(), "/metadata.protected == false"),
        row(booleanProperty("mfa_active").eq(true), "mfa_active == true"),
        row(booleanProperty("flags").allElements().eq(false), "flags all == false"),
        row(booleanProperty("flags").anyElement().isTrue(), "flags any == true"),
        row(booleanProperty("flags").noElement().isTrue(), "flags none == true"),
        // combinators
        row(not(name().eq("a")), "not name == a"),
        row(not(not(all())), "not not all"),
        row(not(allOf(name().eq("a"), name().eq("b"))), "not (name == a and name == b)"),
        row(all(), "all"),
        row(allOf(name().eq("a")), "name == a"),
        row(allOf(name().eq("a"), name().eq("b"), name().eq("c")), "name == a and name == b and name == c"),
        row(anyOf(name().eq("a")), "name == a"),
        row(anyOf(name().eq("a"), name().eq("b")), "name == a or name == b"),
        row(anyOf(allOf(name().eq("a"), name().eq("b")), name().eq("c")), "(name == a and name == b) or name == c"),
        row(allOf(anyOf(name().eq("a"), name().eq("b")), name().eq("c")), "(name == a or name == b) and name == c"),
        row(name().eq("a").and(name().eq("b")).or(name().eq("c")), "(name == a and name == b) or name == c"),
        row(name().eq("a").and(name().eq("b").or(name().eq("c"))), "name == a and (name == b or name == c)"),
        row(fullText("jenkins"), "\"jenkins\""),
        row(fullText("a \"quoted\" word"), "\"a \\\"quoted\\\" word\""),
        row(id("AKIA1"), "id(AKIA1)"),
        row(id("AKIA1", "arn:aws:iam::1:user/ci", "odd id"), "id(AKIA1, arn:aws:iam::1:user/ci, \"odd id\")"),
        row(is("access_key"), "is(access_key)"),
        row(is("aws_iam_user", "user"), "is(aws_iam_user, user)"),
        row(is(User.class), "is(user)"),
        row(unusedFor(weeks(2)),
            "(last_use == used and last_access > 2weeks) or (last_use == never and age > 2weeks)"),
        // with clauses
        row(with(empty(), successors(AccessKey.class)), "with(empty, --> is(access_key))"),
        row(with(any(), predecessors()), "with(any, <--)"),
        row(with(count(Operator.GE, 3), neighbors(User.class)), "with(count >= 3, <--> is(user))"),
        row(with(count(Operator.EQ, 0), successors().depth(1, 3).where(name().eq("x"))),
            "with(count == 0, -[1:3]-> name == x)"),
        row(with(any(), successors().where(with(empty(), successors()))), "with(any, --> (with(empty, -->)))"),
        row(with(any(), successors().with(empty(), successors())), "with(any, --> with(empty, -->))"));
  }

  private static Arguments row(Condition fluent, String text) {
    return Arguments.of(text, fluent);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void should_build_the_term_the_parser_builds_for_the_text(String text, Condition fluent) {
    // GIVEN a condition from one factory or operator, and its text
    // WHEN the text is parsed
    Query parsed = QueryParser.parse(text);
    Term term = parsed.parts().get(0).term().orElseThrow();

    // THEN the fluent term equals the parsed one and both print the text
    assertThat(parsed.parts()).hasSize(1);
    assertThat(fluent.term()).isEqualTo(term);
    assertThat(fluent).hasToString(text);
    assertThat(term).hasToString(text);
  }

  @Test
  void should_refuse_paths_and_durations_that_are_not_query_syntax() {
    // GIVEN malformed path and duration text
    // WHEN / THEN the factories fail like the parser would
    assertThatThrownBy(() -> property("a..b")).isInstanceOf(QuerySyntaxException.class);
    assertThatThrownBy(() -> property("/")).isInstanceOf(QuerySyntaxException.class);
    assertThatThrownBy(() -> duration("90 days")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("90 days");
    assertThatThrownBy(() -> days(Long.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class);
  }
}
