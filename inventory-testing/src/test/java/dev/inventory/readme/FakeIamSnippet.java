package dev.inventory.readme;

import static dev.inventory.aws.Fixtures.daysAgo;
import static dev.inventory.testing.PolicyAssertions.assertThat;
import static dev.inventory.testing.PolicyAssertions.assertThatPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.AccessKey;
import dev.inventory.Inventory;
import dev.inventory.aws.AwsAccess;
import dev.inventory.aws.AwsSession;
import dev.inventory.aws.Fixtures;
import dev.inventory.aws.IamAccessKeyCleaner;
import dev.inventory.aws.IamCollector;
import dev.inventory.aws.fake.FakeIam;
import dev.inventory.cleanup.CleanupConfig;
import dev.inventory.cleanup.CleanupExecutor;
import dev.inventory.cleanup.CleanupReport;
import dev.inventory.collect.CollectContext;
import dev.inventory.query.Q;
import dev.inventory.query.QueryEngine;
import dev.inventory.query.QuerySelectionCheck;
import dev.inventory.query.Search;
import dev.inventory.state.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The README's "testing without AWS": run by ReadmeSnippetsTest. */
final class FakeIamSnippet {
  private FakeIamSnippet() {}

  static CleanupReport run() {
    // snippet
    Clock clock = Clock.fixed(Instant.parse("2026-06-04T00:00:00Z"), ZoneOffset.UTC);
    Search policy = Search.of(AccessKey.class).where(Q.unusedFor(Q.days(90)));
    Inventory fixture = Fixtures.aws(clock).account("111111111111", "prod", a -> a
        .user("alice", u -> u
            .accessKey("AKIAALICESTALE000001", k -> k.created(daysAgo(400)).lastUsed(daysAgo(200)))
            .accessKey("AKIAALICEUNKNOWN0001", k -> k.created(daysAgo(400)).unknownUse())))
        .build();
    CleanupReport report;
    try (FakeIam fake = FakeIam.builder().clock(clock).start().seed(fixture);
        AwsSession aws = AwsSession.builder()
            .access(AwsAccess.credentials(fake.account("111111111111").credentials()))   // static credentials
            .endpointOverride(fake.endpoint())                                            // loopback
            .requestsPerSecond(0)                                                         // no client-side limit
            .build()) {
      Inventory collected = IamCollector.builder(aws).build().collect(CollectContext.of(clock)).inventory();
      assertThatPolicy(policy).on(collected).at(clock)
          .selects("AKIAALICESTALE000001")
          .doesNotSelect("AKIAALICEUNKNOWN0001");                // unknown last use is never stale
      StateStore state = StateStore.inMemory();
      policy.clean(QueryEngine.of(collected, state), "unused for 90 days", clock);
      report = CleanupExecutor.builder()
          .config(CleanupConfig.builder().cleanup(true).dryRun(false).build())
          .cleaner(new IamAccessKeyCleaner(aws))
          .selectionCheck(new QuerySelectionCheck())
          .clock(clock)
          .withoutDiscovery()
          .build()
          .run(collected, state);
      assertThat(report).hasCleaned("AKIAALICESTALE000001").hasNotCleaned("AKIAALICEUNKNOWN0001");
      assertThat(fake.calls("DeleteAccessKey")).hasSize(1);
    }
    // end snippet
    return report;
  }
}
