package dev.inventory.testing;

import static dev.inventory.aws.Fixtures.daysAgo;
import static dev.inventory.query.Q.days;
import static dev.inventory.query.Q.name;
import static dev.inventory.query.Q.unusedFor;
import static dev.inventory.testing.PolicyAssertions.assertThat;
import static dev.inventory.testing.PolicyAssertions.assertThatPolicy;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inventory.AccessKey;
import dev.inventory.EdgeType;
import dev.inventory.Inventory;
import dev.inventory.User;
import dev.inventory.aws.Fixtures;
import dev.inventory.cleanup.CleanupConfig;
import dev.inventory.cleanup.CleanupExecutor;
import dev.inventory.cleanup.CleanupPlan;
import dev.inventory.cleanup.CleanupReport;
import dev.inventory.cleanup.StateOnlyCleaner;
import dev.inventory.query.QueryEngine;
import dev.inventory.query.QuerySelectionCheck;
import dev.inventory.query.Search;
import dev.inventory.state.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PolicyAssertionsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-04T00:00:00Z"), ZoneOffset.UTC);
  private static final Search POLICY = Search.of(AccessKey.class)
      .where(unusedFor(days(90)))
      .owner(User.class, name().notIn("jenkins", "ci"));

  private final Inventory inventory = Fixtures.aws(CLOCK)
      .account("111111111111", "prod", a -> a
          .user("alice", u -> u
              .accessKey("AKIAALICESTALE000001", k -> k.created(daysAgo(400)).lastUsed(daysAgo(95)))
              .accessKey("AKIAALICEFRESH000001", k -> k.created(daysAgo(400)).lastUsed(daysAgo(2))))
          .user("jenkins", u -> u
              .accessKey("AKIAJENKINSSTALE0001", k -> k.created(daysAgo(400)).lastUsed(daysAgo(300))))
          .user("legacy", u -> u
              .accessKey("AKIALEGACYUNKNOWN001", k -> k.created(daysAgo(500)).unknownUse())))
      .build();

  @Test
  void should_pass_when_the_policy_selects_what_it_should() {
    assertThatPolicy(POLICY).on(inventory).at(CLOCK)
        .selects("AKIAALICESTALE000001")
        .doesNotSelect("AKIAALICEFRESH000001", "AKIAJENKINSSTALE0001", "AKIALEGACYUNKNOWN001")
        .selectsExactly("AKIAALICESTALE000001");
    assertThatPolicy("is(access_key) and last_access > 90days").on(inventory).at(CLOCK.instant())
        .selects("AKIAALICESTALE000001", "AKIAJENKINSSTALE0001");
  }

  @Test
  void should_show_the_query_the_values_and_the_failing_term_when_a_node_is_not_selected() {
    assertThatThrownBy(() -> assertThatPolicy(POLICY).on(inventory).at(CLOCK).selects("AKIAJENKINSSTALE0001"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected the policy `" + POLICY.query() + "` to select AKIAJENKINSSTALE0001 but it did not: "
            + "AKIAJENKINSSTALE0001 (aws_iam_access_key)")
        .hasMessageContaining("last_access=2025-08-08T00:00:00Z (300 days before 2026-06-04T00:00:00Z)")
        .hasMessageContaining("/ancestors.user.reported.name=jenkins")
        .hasMessageContaining("failing term: `/ancestors.user.reported.name not in [jenkins, ci]`");
    assertThatThrownBy(() -> assertThatPolicy(POLICY).on(inventory).at(CLOCK).selects("AKIALEGACYUNKNOWN001"))
        .hasMessageContaining("last_use=unknown")
        .hasMessageContaining("failing term: `(last_use == used and last_access > 90days) or (last_use == never and age > 90days)`");
  }

  @Test
  void should_show_the_values_when_a_node_is_selected_that_should_not_be() {
    assertThatThrownBy(() -> assertThatPolicy(POLICY).on(inventory).at(CLOCK).doesNotSelect("AKIAALICESTALE000001"))
        .hasMessageStartingWith("expected the policy `" + POLICY.query() + "` not to select AKIAALICESTALE000001 but it did: ")
        .hasMessageContaining("last_access=2026-03-01T00:00:00Z (95 days before 2026-06-04T00:00:00Z)");
    assertThatThrownBy(() -> assertThatPolicy(POLICY).on(inventory).at(CLOCK).selectsExactly())
        .hasMessageContaining("but it also selected AKIAALICESTALE000001");
  }

  @Test
  void should_name_an_id_missing_from_the_inventory_and_ask_for_inventory_and_clock() {
    assertThatThrownBy(() -> assertThatPolicy(POLICY).on(inventory).at(CLOCK).selects("AKIANOSUCHKEY0000001"))
        .hasMessageContaining("expected a node AKIANOSUCHKEY0000001 in the inventory, but there is none");
    assertThatThrownBy(() -> assertThatPolicy(POLICY).at(CLOCK).selects("AKIAALICESTALE000001"))
        .hasMessageContaining("on(inventory)");
    assertThatThrownBy(() -> assertThatPolicy(POLICY).on(inventory).selects("AKIAALICESTALE000001"))
        .hasMessageContaining("at(clock)");
  }

  @Test
  void should_check_the_order_of_a_plan_and_the_outcomes_of_a_report() {
    // GIVEN alice's stale key and alice herself marked
    StateStore state = StateStore.inMemory();
    QueryEngine engine = QueryEngine.of(inventory, state);
    POLICY.clean(engine, "unused for 90 days", CLOCK);
    String alice = inventory.predecessors("AKIAALICESTALE000001", EdgeType.DEFAULT).get(0).id();
    Search.of(User.class).where(name().eq("alice")).clean(engine, "leaver", CLOCK);
    CleanupPlan plan = CleanupPlan.of(inventory, state);
    // WHEN / THEN the key goes first, then its user
    assertThat(plan).cleansInOrder("AKIAALICESTALE000001", alice).cleansExactly(alice, "AKIAALICESTALE000001")
        .doesNotClean("AKIAALICEFRESH000001");
    assertThatThrownBy(() -> assertThat(plan).cleansInOrder(alice, "AKIAALICESTALE000001"))
        .hasMessageContaining("expected the plan to clean " + alice + " before AKIAALICESTALE000001 but " + alice
            + " is in pass 2 and AKIAALICESTALE000001 in pass 1");
    assertThatThrownBy(() -> assertThat(plan).cleans("AKIAALICEFRESH000001"))
        .hasMessageContaining("AKIAALICEFRESH000001 (not marked for cleanup)");

    CleanupReport report = CleanupExecutor.builder()
        .config(CleanupConfig.builder().cleanup(true).dryRun(false).build())
        .cleaner(StateOnlyCleaner.forKind("aws_iam_access_key"))
        .cleaner(StateOnlyCleaner.forKind("aws_iam_user"))
        .selectionCheck(new QuerySelectionCheck())
        .clock(CLOCK)
        .withoutDiscovery()
        .build()
        .run(plan);
    // alice still owns her fresh key, which was not marked: she is skipped, not cleaned
    assertThat(report).hasCleaned("AKIAALICESTALE000001").hasSkipped(alice).hasNotCleaned("AKIAALICEFRESH000001");
    assertThatThrownBy(() -> assertThat(report).hasCleaned(alice))
        .hasMessageContaining(alice + " is skipped (1 resource that must be gone first is still there: AKIAALICEFRESH000001)");
    assertThatThrownBy(() -> assertThat(report).hasSkipped("AKIAALICESTALE000001"))
        .hasMessageContaining("expected skipped for AKIAALICESTALE000001 but AKIAALICESTALE000001 is cleaned (");
    assertThatThrownBy(() -> assertThat(report).hasCleaned("AKIAALICEFRESH000001"))
        .hasMessageContaining("AKIAALICEFRESH000001 is not in the report (it was not planned)");
  }
}
