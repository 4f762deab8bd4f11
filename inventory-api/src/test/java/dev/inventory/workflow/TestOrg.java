package dev.inventory.workflow;

import dev.inventory.BaseKinds;
import dev.inventory.EdgeType;
import dev.inventory.GenericResource;
import dev.inventory.Inventory;
import dev.inventory.Resource;
import dev.inventory.cleanup.CleanupConfig;
import dev.inventory.cleanup.CleanupExecutor;
import dev.inventory.cleanup.StateOnlyCleaner;
import dev.inventory.state.Mark;
import dev.inventory.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * A small organisation for workflow tests: users alice, bob and jenkins, each with a stale key (last
 * used 120 days ago) and a recent one. The marking rule stands in for the guide's job: stale keys
 * of owners other than jenkins, so three runs of it mark {@link #MARKED} keys.
 */
final class TestOrg {
  static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final List<String> STALE_KEYS = List.of("key-alice-stale", "key-bob-stale", "key-jenkins-stale");
  static final Set<String> MARKED = Set.of("key-alice-stale", "key-bob-stale");

  private TestOrg() {}

  static Inventory inventory() {
    Inventory.Builder b = Inventory.builder();
    for (String user : List.of("alice", "bob", "jenkins")) {
      String userId = "user-" + user;
      b.add(GenericResource.builder(userId, BaseKinds.USER).name(user).build());
      for (String age : List.of("stale", "recent")) {
        String keyId = "key-" + user + "-" + age;
        Instant used = NOW.minus(Duration.ofDays(age.equals("stale") ? 120 : 2));
        b.add(GenericResource.builder(keyId, BaseKinds.ACCESS_KEY).name(user).atime(used).build());
        b.edge(userId, keyId);
        b.edge(userId, keyId, EdgeType.DELETE);
      }
    }
    return b.build();
  }

  /** Marks the stale keys of owners other than jenkins in {@code snapshot}; how many it marked. */
  static int markStaleKeys(Inventory snapshot, StateStore state) {
    List<String> ids = snapshot.ofKind(BaseKinds.ACCESS_KEY).stream()
        .filter(k -> k.atime().map(t -> t.isBefore(NOW.minus(Duration.ofDays(90)))).orElse(false))
        .filter(k -> !k.name().orElse("").equals("jenkins"))
        .map(Resource::id)
        .toList();
    state.updateAll(ids, s -> s.withClean(Mark.of("unused for 90 days", NOW)));
    return ids.size();
  }

  /** An executor with state-only cleaners for access keys, for the run's configuration. */
  static CleanupExecutor executor(CleanupConfig config) {
    return CleanupExecutor.builder()
        .config(config)
        .clock(CLOCK)
        .cleaner(StateOnlyCleaner.forKind(BaseKinds.ACCESS_KEY))
        .withoutDiscovery()
        .build();
  }

  static CleanupConfig enabled(boolean dryRun) {
    return CleanupConfig.builder().cleanup(true).dryRun(dryRun).build();
  }
}
