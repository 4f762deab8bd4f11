package dev.inventory.examples;

import static dev.inventory.aws.Fixtures.daysAgo;
import static dev.inventory.query.Q.days;
import static dev.inventory.query.Q.name;
import static dev.inventory.query.Q.unusedFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.AccessKey;
import dev.inventory.Inventory;
import dev.inventory.Resource;
import dev.inventory.User;
import dev.inventory.aws.Fixtures;
import dev.inventory.query.Search;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * An example of what users of the library write: a unit test of their cleanup policy against a
 * small fixture inventory with a fixed clock. No cloud, no credentials, milliseconds to run.
 */
class StaleKeyPolicyTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"), ZoneOffset.UTC);

  /** The policy under test: keys unused for 90 days (or never used and older), except service accounts. */
  static final Search POLICY = Search.of(AccessKey.class)
      .where(unusedFor(days(90)))
      .owner(User.class, name().notIn("jenkins", "ci"));

  private final Inventory inventory = Fixtures.aws(CLOCK)
      .account("111111111111", "prod", a -> a
          .user("nancy", u -> u
              .accessKey("AKIANANCYSTALE000001", k -> k.created(daysAgo(400)).lastUsed(daysAgo(120)))
              .accessKey("AKIANANCYFRESH000001", k -> k.created(daysAgo(400)).lastUsed(daysAgo(2))))
          .user("legacy", u -> u
              .accessKey("AKIALEGACYNEVER00001", k -> k.created(daysAgo(500)).neverUsed())
              .accessKey("AKIALEGACYNEWKEY0001", k -> k.created(daysAgo(10)).neverUsed())
              .accessKey("AKIALEGACYUNKNOWN001", k -> k.created(daysAgo(500)).unknownUse()))
          .user("jenkins", u -> u
              .accessKey("AKIAJENKINSSTALE0001", k -> k.created(daysAgo(400)).lastUsed(daysAgo(300)))))
      .build();

  @Test
  void should_select_stale_and_old_never_used_keys_of_people() {
    // WHEN
    var selected = POLICY.run(inventory, CLOCK).nodes();
    // THEN
    assertThat(selected).extracting(Resource::id)
        .containsExactlyInAnyOrder("AKIANANCYSTALE000001", "AKIALEGACYNEVER00001");
  }

  @Test
  void should_never_select_a_key_whose_last_use_is_unknown() {
    assertThat(POLICY.run(inventory, CLOCK).nodes()).extracting(Resource::id).doesNotContain("AKIALEGACYUNKNOWN001");
  }

  @Test
  void should_read_as_the_text_query_it_stands_for() {
    assertThat(POLICY.query().toString()).isEqualTo(
        "is(access_key) and ((last_use == used and last_access > 90days) or (last_use == never and age > 90days))"
            + " and /ancestors.user.reported.name not in [jenkins, ci]");
  }
}
