package com.example.stalekeys;

import static dev.inventory.aws.Fixtures.daysAgo;
import static dev.inventory.testing.PolicyAssertions.assertThat;
import static dev.inventory.testing.PolicyAssertions.assertThatPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.Inventory;
import dev.inventory.aws.AwsAccess;
import dev.inventory.aws.AwsSession;
import dev.inventory.aws.Fixtures;
import dev.inventory.aws.IamAccessKeyCleaner;
import dev.inventory.aws.IamCollector;
import dev.inventory.aws.fake.FakeIam;
import dev.inventory.cleanup.CleanupReport;
import dev.inventory.collect.CollectContext;
import dev.inventory.state.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StaleKeysTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-04T00:00:00Z"), ZoneOffset.UTC);

  private final Inventory inventory = Fixtures.aws(CLOCK)
      .account("111111111111", "prod", a -> a
          .user("nancy", u -> u
              .accessKey("AKIANANCYSTALE000001", k -> k.created(daysAgo(400)).lastUsed(daysAgo(95)))
              .accessKey("AKIANANCYFRESH000001", k -> k.created(daysAgo(400)).lastUsed(daysAgo(2))))
          .user("legacy", u -> u
              .accessKey("AKIALEGACYUNKNOWN001", k -> k.created(daysAgo(500)).unknownUse()))
          .user("jenkins", u -> u
              .accessKey("AKIAJENKINSSTALE0001", k -> k.created(daysAgo(400)).lastUsed(daysAgo(300)))))
      .build();

  @Test
  void should_select_the_stale_keys_of_people_only() {
    assertThatPolicy(StaleKeys.POLICY).on(inventory).at(CLOCK)
        .selectsExactly("AKIANANCYSTALE000001")
        .doesNotSelect("AKIANANCYFRESH000001", "AKIALEGACYUNKNOWN001", "AKIAJENKINSSTALE0001");
  }

  @Test
  void should_change_nothing_in_iam_in_the_dry_run_against_the_fake() {
    try (FakeIam fake = FakeIam.builder().clock(CLOCK).start().seed(inventory);
        AwsSession aws = AwsSession.builder()
            .access(AwsAccess.credentials(fake.account("111111111111").credentials()))
            .endpointOverride(fake.endpoint())
            .requestsPerSecond(0)
            .build()) {
      Inventory collected = IamCollector.builder(aws).build().collect(CollectContext.of(CLOCK)).inventory();
      CleanupReport report = StaleKeys.dryRun(collected, StateStore.inMemory(), new IamAccessKeyCleaner(aws), CLOCK);
      assertThat(report).wouldClean("AKIANANCYSTALE000001").hasNotCleaned("AKIALEGACYUNKNOWN001");
      assertThat(report.nodes()).hasSize(1);
      assertThat(fake.calls("DeleteAccessKey")).isEmpty();
      assertThat(fake.calls("UpdateAccessKey")).isEmpty();
    }
  }
}
