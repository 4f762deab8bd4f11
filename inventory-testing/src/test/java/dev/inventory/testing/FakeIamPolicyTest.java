package dev.inventory.testing;

import static dev.inventory.aws.Fixtures.daysAgo;
import static dev.inventory.query.Q.days;
import static dev.inventory.query.Q.unusedFor;
import static dev.inventory.testing.PolicyAssertions.assertThatPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.AccessKey;
import dev.inventory.Inventory;
import dev.inventory.LastUse;
import dev.inventory.aws.AwsAccess;
import dev.inventory.aws.AwsIamAccessKey;
import dev.inventory.aws.AwsSession;
import dev.inventory.aws.Fixtures;
import dev.inventory.aws.IamCollector;
import dev.inventory.aws.LastUsedMode;
import dev.inventory.aws.fake.FakeIam;
import dev.inventory.collect.CollectContext;
import dev.inventory.collect.CollectResult;
import dev.inventory.query.Search;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A fixture seeded into the fake and collected back keeps all three states of last use. */
class FakeIamPolicyTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-04T00:00:00Z"), ZoneOffset.UTC);
  private static final Search POLICY = Search.of(AccessKey.class).where(unusedFor(days(90)));

  @ParameterizedTest
  @EnumSource(LastUsedMode.class)
  void should_collect_an_unknown_last_use_as_unknown_so_that_the_policy_keeps_the_key(LastUsedMode mode) {
    Inventory fixture = Fixtures.aws(CLOCK).account("111111111111", "prod", a -> a
        .user("alice", u -> u
            .accessKey("AKIAALICESTALE000001", k -> k.created(daysAgo(400)).lastUsed(daysAgo(120)))
            .accessKey("AKIAALICEUNKNOWN0001", k -> k.created(daysAgo(400)).unknownUse()))
        .user("bob", u -> u.accessKey("AKIABOBNEVER00000001", k -> k.created(daysAgo(400)).neverUsed())))
        .build();
    try (FakeIam fake = FakeIam.builder().clock(CLOCK).start().seed(fixture);
        AwsSession aws = AwsSession.builder()
            .access(AwsAccess.credentials(fake.account("111111111111").credentials()))
            .endpointOverride(fake.endpoint())
            .build()) {
      // WHEN collected with the defaults (the report is ready at once: nothing waits)
      CollectResult collected = IamCollector.builder(aws).lastUsed(mode).build().collect(CollectContext.of(CLOCK));
      // THEN each key comes back in its state, and the policy decides on the collect as on the fixture
      Inventory inventory = collected.inventory();
      assertThat(inventory.node("AKIAALICEUNKNOWN0001").map(r -> ((AwsIamAccessKey) r).lastUse()))
          .containsInstanceOf(LastUse.Unknown.class);
      assertThat(inventory.node("AKIABOBNEVER00000001").map(r -> ((AwsIamAccessKey) r).lastUse()))
          .containsInstanceOf(LastUse.Never.class);
      assertThat(collected.errors()).singleElement()
          .satisfies(e -> assertThat(e.message()).contains("AccessDenied").contains("GetAccessKeyLastUsed"));
      for (Inventory i : new Inventory[] {fixture, inventory}) {
        assertThatPolicy(POLICY).on(i).at(CLOCK)
            .selectsExactly("AKIAALICESTALE000001", "AKIABOBNEVER00000001")
            .doesNotSelect("AKIAALICEUNKNOWN0001");
      }
      assertThat(fake.calls("GenerateCredentialReport")).hasSizeLessThanOrEqualTo(1);
    }
  }
}
