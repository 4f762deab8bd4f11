package dev.inventory.readme;

import static dev.inventory.aws.Fixtures.daysAgo;
import static dev.inventory.query.Q.days;
import static dev.inventory.query.Q.name;
import static dev.inventory.query.Q.unusedFor;
import static dev.inventory.testing.PolicyAssertions.assertThatPolicy;

import dev.inventory.AccessKey;
import dev.inventory.Inventory;
import dev.inventory.User;
import dev.inventory.aws.Fixtures;
import dev.inventory.query.Search;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StaleKeyPolicyTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-04T00:00:00Z"), ZoneOffset.UTC);
  static final Search POLICY = Search.of(AccessKey.class)
      .where(unusedFor(days(90)))                          // or never used and older than that
      .owner(User.class, name().notIn("jenkins", "ci"));

  final Inventory inventory = Fixtures.aws(CLOCK)
      .account("111111111111", "prod", a -> a
          .user("nancy", u -> u
              .accessKey("AKIANANCYSTALE000001", k -> k.created(daysAgo(400)).lastUsed(daysAgo(95)))
              .accessKey("AKIANANCYFRESH000001", k -> k.created(daysAgo(400)).lastUsed(daysAgo(2)))
              .accessKey("AKIANANCYUNKNOWN0001", k -> k.created(daysAgo(400)).unknownUse()))
          .user("jenkins", u -> u
              .accessKey("AKIAJENKINSSTALE0001", k -> k.created(daysAgo(400)).lastUsed(daysAgo(300)))))
      .build();

  @Test
  void should_select_stale_keys_of_people_only() {
    assertThatPolicy(POLICY).on(inventory).at(CLOCK)
        .selects("AKIANANCYSTALE000001")
        .doesNotSelect("AKIANANCYFRESH000001", "AKIANANCYUNKNOWN0001", "AKIAJENKINSSTALE0001");
  }
}
