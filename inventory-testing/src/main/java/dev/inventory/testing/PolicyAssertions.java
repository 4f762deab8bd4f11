package dev.inventory.testing;

import dev.inventory.cleanup.CleanupPlan;
import dev.inventory.cleanup.CleanupReport;
import dev.inventory.query.Search;
import dev.inventory.query.ast.Query;
import dev.inventory.query.parse.QueryParser;
import java.util.Objects;

/**
 * The entry points of the policy-testing kit: assertions on policies, cleanup plans and reports
 * that read like the policy and say, on failure, which values decided.
 *
 * <pre>{@code
 * import static dev.inventory.testing.PolicyAssertions.assertThat;
 * import static dev.inventory.testing.PolicyAssertions.assertThatPolicy;
 *
 * assertThatPolicy(POLICY).on(inventory).at(clock).selects("AKIA1").doesNotSelect("AKIA2");
 * assertThat(CleanupPlan.of(inventory, state)).cleansInOrder("AKIA1", "alice");
 * assertThat(report).hasCleaned("AKIA1");
 * }</pre>
 */
public final class PolicyAssertions {
  private PolicyAssertions() {}

  /**
   * Assertions on what a policy selects.
   *
   * @param policy the policy, built with the Java DSL
   * @return the assertion; say {@code on(inventory)} and {@code at(clock)} next
   */
  public static PolicyAssert assertThatPolicy(Search policy) {
    return new PolicyAssert(Objects.requireNonNull(policy, "policy").query());
  }

  /**
   * Assertions on what a query selects.
   *
   * @param query the query
   * @return the assertion; say {@code on(inventory)} and {@code at(clock)} next
   */
  public static PolicyAssert assertThatPolicy(Query query) {
    return new PolicyAssert(Objects.requireNonNull(query, "query"));
  }

  /**
   * Assertions on what a query in Fix Inventory's search syntax selects.
   *
   * @param query the query text, such as {@code is(access_key) and last_access > 90days}
   * @return the assertion; say {@code on(inventory)} and {@code at(clock)} next
   * @throws dev.inventory.query.parse.QuerySyntaxException when the text is not a query
   */
  public static PolicyAssert assertThatPolicy(String query) {
    return new PolicyAssert(QueryParser.parse(Objects.requireNonNull(query, "query")));
  }

  /**
   * Assertions on a cleanup plan.
   *
   * @param plan the plan
   * @return the assertion
   */
  public static CleanupPlanAssert assertThat(CleanupPlan plan) {
    return new CleanupPlanAssert(plan);
  }

  /**
   * Assertions on a cleanup report.
   *
   * @param report the report
   * @return the assertion
   */
  public static CleanupReportAssert assertThat(CleanupReport report) {
    return new CleanupReportAssert(report);
  }
}
