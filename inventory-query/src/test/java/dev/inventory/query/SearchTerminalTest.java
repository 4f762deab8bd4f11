package dev.inventory.query;

import static dev.inventory.aws.Fixtures.daysAgo;
import static dev.inventory.query.Q.days;
import static dev.inventory.query.Q.lastAccess;
import static dev.inventory.query.Q.name;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.AccessKey;
import dev.inventory.Inventory;
import dev.inventory.Resource;
import dev.inventory.User;
import dev.inventory.aws.AwsIamAccessKey;
import dev.inventory.aws.Fixtures;
import dev.inventory.query.command.CommandResult;
import dev.inventory.spi.SelectionCheck;
import dev.inventory.state.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The fluent search's terminal calls and the re-check the cleanup executor uses. */
class SearchTerminalTest {
  private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private final Inventory inventory = Fixtures.aws(CLOCK)
      .account("111111111111", "prod", a -> a
          .user("jenkins", u -> u.accessKey("AKIAJENKINS000000001", k -> k.lastUsed(daysAgo(120))))
          .user("nancy", u -> u.accessKey("AKIANANCY00000000001", k -> k.lastUsed(daysAgo(200))))
          .user("max", u -> u.accessKey("AKIAMAX0000000000001", k -> k.lastUsed(daysAgo(3)))))
      .build();

  private final Search stale = Search.of(AccessKey.class)
      .where(lastAccess().olderThan(days(90)))
      .owner(User.class, name().notIn("jenkins", "ci"));

  @Test
  void should_run_count_and_clean_like_the_text_commands() {
    // GIVEN
    QueryEngine engine = QueryEngine.of(inventory, StateStore.inMemory());
    // WHEN
    SearchResult result = stale.run(inventory, CLOCK);
    CommandResult.Counted counted = stale.count(engine, name(), CLOCK);
    CommandResult.Marked marked = stale.clean(engine, "unused \"90\" days", CLOCK);
    // THEN
    assertThat(result.nodes()).extracting(Resource::id).containsExactly("AKIANANCY00000000001");
    assertThat(counted.text()).isEqualTo("nancy: 1\ntotal matched: 1\ntotal unmatched: 0");
    assertThat(marked.ids()).containsExactly("AKIANANCY00000000001");
    assertThat(engine.state().get("AKIANANCY00000000001").clean()).hasValueSatisfying(m -> {
      assertThat(m.reason()).isEqualTo("unused \"90\" days");
      assertThat(m.time()).contains(NOW);
      assertThat(m.query()).contains(stale.query().toString());
    });
  }

  @Test
  void should_still_select_an_unchanged_node_and_not_one_used_since() {
    // GIVEN the check the cleanup executor finds with ServiceLoader
    SelectionCheck check = ServiceLoader.load(SelectionCheck.class).findFirst().orElseThrow();
    String query = stale.query().toString();
    AwsIamAccessKey key = (AwsIamAccessKey) inventory.node("AKIANANCY00000000001").orElseThrow();
    // WHEN / THEN
    assertThat(check).isInstanceOf(QuerySelectionCheck.class);
    assertThat(check.stillSelected(query, key, inventory, NOW)).isTrue();
    assertThat(check.stillSelected(query, key.toBuilder().lastUsed(NOW.minusSeconds(60)).build(), inventory, NOW)).isFalse();
    assertThat(check.stillSelected(query, key, inventory, NOW.minusSeconds(150L * 86400))).isFalse();
  }
}
