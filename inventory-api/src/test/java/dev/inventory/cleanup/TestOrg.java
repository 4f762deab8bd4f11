package dev.inventory.cleanup;

import dev.inventory.AccessKey;
import dev.inventory.BaseKinds;
import dev.inventory.EdgeType;
import dev.inventory.GenericResource;
import dev.inventory.Inventory;
import dev.inventory.LastUse;
import dev.inventory.Resource;
import dev.inventory.spi.SelectionCheck;
import dev.inventory.state.Mark;
import dev.inventory.state.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The shape of the demo organisation without inventory-aws: twelve accounts; stale keys (last used
 * 120+ days ago) for test-max (12 accounts), packer-ami (9), db-runner (3), ci (2), ccm-sa, nancy
 * and jenkins (1 each); a recent second key of test-max and a recent deploy-bot key in every
 * account. Marking the stale keys of owners other than jenkins and ci, as the guide's query does,
 * marks 26 keys.
 */
final class TestOrg {
  static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
  static final String QUERY =
      "search is(access_key) and last_access > 90days and /ancestors.user.reported.name not in [jenkins, ci] | clean";
  static final Set<String> EXCLUDED_OWNERS = Set.of("jenkins", "ci");

  final Inventory inventory;
  final List<TestKey> keys = new ArrayList<>();
  final List<TestKey> staleKeys = new ArrayList<>();

  private final Inventory.Builder b = Inventory.builder(TestKey.registry());

  private TestOrg() {
    b.add(GenericResource.builder("aws", BaseKinds.CLOUD).name("aws").build());
    for (int a = 1; a <= 12; a++) {
      String account = String.format("1000000000%02d", a);
      b.add(GenericResource.builder(account, BaseKinds.ACCOUNT).name("acct" + a).build());
      b.edge("aws", account);
      user(account, "test-max", true);
      key(account, "test-max", "recent", daysAgo(3));
      user(account, "deploy-bot", false);
      key(account, "deploy-bot", "recent", daysAgo(1));
      if (a <= 9) {
        user(account, "packer-ami", true);
      }
      if (a <= 3) {
        user(account, "db-runner", true);
      }
      if (a <= 2) {
        user(account, "ci", true);
      }
      if (a == 1) {
        user(account, "ccm-sa", true);
        user(account, "nancy", true);
        user(account, "jenkins", true);
      }
    }
    inventory = b.build();
  }

  static TestOrg build() {
    return new TestOrg();
  }

  static Instant daysAgo(int days) {
    return NOW.minus(Duration.ofDays(days));
  }

  private void user(String account, String name, boolean staleKey) {
    String id = userId(account, name);
    b.add(GenericResource.builder(id, BaseKinds.USER).name(name).build());
    b.edge(account, id);
    if (staleKey) {
      staleKeys.add(key(account, name, "stale", daysAgo(120 + keys.size())));
    }
  }

  private TestKey key(String account, String owner, String label, Instant lastUsed) {
    TestKey key = TestKey.active("AKIA-" + account + "-" + owner + "-" + label, owner, LastUse.usedAt(lastUsed));
    b.add(key);
    b.edge(userId(account, owner), key.id());
    b.edge(userId(account, owner), key.id(), EdgeType.DELETE);
    keys.add(key);
    return key;
  }

  private static String userId(String account, String name) {
    return "arn:aws:iam::" + account + ":user/" + name;
  }

  /** Marks what the guide's query marks: stale keys whose owner is not jenkins or ci. */
  List<TestKey> mark(StateStore state) {
    List<TestKey> marked = staleKeys.stream().filter(k -> !EXCLUDED_OWNERS.contains(k.name().orElseThrow())).toList();
    state.updateAll(marked.stream().map(Resource::id).toList(), s -> s.withClean(Mark.of("stale key", NOW, QUERY)));
    return marked;
  }

  /** The guide's query, evaluated in code: what inventory-query's engine would answer. */
  static SelectionCheck selectionCheck() {
    return (query, refreshed, snapshot, now) -> {
      if (!query.equals(QUERY) || !(refreshed instanceof AccessKey key)) {
        return false;
      }
      boolean stale = key.lastUse().at().map(t -> t.isBefore(now.minus(Duration.ofDays(90)))).orElse(false);
      boolean owner = snapshot.predecessors(refreshed.id(), EdgeType.DEFAULT).stream()
          .filter(r -> r.kind().equals(BaseKinds.USER))
          .anyMatch(u -> !EXCLUDED_OWNERS.contains(u.name().orElse("")));
      return stale && owner;
    };
  }
}
