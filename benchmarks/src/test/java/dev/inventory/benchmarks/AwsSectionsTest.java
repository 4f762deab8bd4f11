package dev.inventory.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.Inventory;
import dev.inventory.aws.LastUsedMode;
import dev.inventory.aws.fake.FakeCall;
import dev.inventory.cleanup.CleanupReport;
import dev.inventory.cleanup.NodeResult;
import dev.inventory.cleanup.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The collect and cleanup sections at tiny sizes without latency: their rows pass their checks, and
 * the checks fail on wrong answers. No timing.
 */
class AwsSectionsTest {
  @Test
  void theCollectSectionFindsTheSeededKeysInEveryModeAndCountsTheCalls() {
    List<Row> rows = new CollectSection().run(new CollectSection.Settings(20, 10, Duration.ZERO));

    assertThat(rows).hasSize(3).allSatisfy(r -> {
      assertThat(r.ok()).as(r.row() + ": " + r.check()).isTrue();
      assertThat(r.section()).isEqualTo("collect");
    });
    // 20 users, even ones with two keys: 30 keys; per key 30 GetAccessKeyLastUsed, the report none.
    assertThat(rows.get(0).check()).contains("20 users, 30 keys", "(30 GetAccessKeyLastUsed)");
    assertThat(rows.get(0).row()).startsWith("a. collect per-key");
    assertThat(rows.get(1).row()).startsWith("b. collect credential-report");
    assertThat(rows.get(2).size()).isEqualTo("10 users, 15 keys");
    assertThat(rows.get(2).note()).contains("first 10 users only");
  }

  @Test
  void theCollectSeedHasEveryKindOfLastUseAndIsTheSameEachTime() {
    Inventory seeded = CollectSection.seed(400);
    Map<String, CollectSection.KeyState> keys = CollectSection.keys(seeded);
    assertThat(keys).hasSize(600);
    assertThat(keys.values()).extracting(k -> k.lastUse().label()).contains("never", "used");
    Instant stale = FakeAws.NOW.minus(Duration.ofDays(90));
    assertThat(keys.values()).anyMatch(k -> k.lastUse().at().map(t -> t.isBefore(stale)).orElse(false))
        .anyMatch(k -> k.lastUse().at().map(t -> t.isAfter(stale)).orElse(false));
    assertThat(CollectSection.keys(CollectSection.seed(400))).isEqualTo(keys);
    // The first users of a larger seed are those of a smaller one (row c may use a prefix).
    assertThat(CollectSection.keys(CollectSection.seed(800))).containsAllEntriesOf(keys);
  }

  @Test
  void theCollectCheckFailsWhenAModeLosesALastUse() {
    Inventory seeded = CollectSection.seed(6);
    Map<String, CollectSection.KeyState> expected = CollectSection.keys(seeded);
    CollectSection.Run perKey = CollectSection.collect(seeded, LastUsedMode.PER_KEY, 2, Duration.ZERO);
    CollectSection.Run report = CollectSection.collect(seeded, LastUsedMode.CREDENTIAL_REPORT, 2, Duration.ZERO);
    assertThat(CollectSection.compare(seeded, expected, perKey, report)).startsWith("both = seed per key");

    Inventory other = CollectSection.seed(7);
    assertThat(CollectSection.compare(other, CollectSection.keys(other), perKey, report)).startsWith("MISMATCH");
  }

  @Test
  void theCleanupSectionDeletesEveryPlannedKeyOnceAtEveryPoolSizeAlsoWhenThrottled() {
    List<Row> rows = new CleanupSection().run(new CleanupSection.Settings(10, List.of(1, 4), Duration.ZERO, 0.2));

    assertThat(rows).extracting(Row::row).containsExactly("d. pool 1", "d. pool 4",
        "e. pool 1, 20% of calls throttled", "e. pool 4, 20% of calls throttled");
    assertThat(rows).allSatisfy(r -> {
      assertThat(r.ok()).as(r.row() + ": " + r.check()).isTrue();
      assertThat(r.check()).startsWith("10 cleaned, each deleted once");
      assertThat(r.size()).isEqualTo("10 keys, 2 accounts");
    });
    assertThat(rows.get(2).note()).containsPattern("\\(\\d+ throttled\\)").doesNotContain("(0 throttled)");
  }

  @Test
  void theGuideQueryMarksExactlyTheStaleKeysOfUsersOtherThanJenkinsAndCi() {
    Inventory snapshot = CleanupSection.snapshot(10);
    Set<String> planned = CleanupSection.expectedStale(snapshot);
    assertThat(planned).hasSize(10);
    CleanupSection.Run run = CleanupSection.cleanup(snapshot, planned, 2, Duration.ZERO, 0);
    assertThat(run.marked()).isEqualTo(planned);
    assertThat(run.left()).isEmpty();
    assertThat(run.othersLeft()).isEqualTo(run.others()).isEqualTo(2 * (2 + 3));
  }

  @Test
  void theCleanupCheckFailsOnADoubleDeleteASkippedKeyOrAKeyLeft() {
    Inventory snapshot = CleanupSection.snapshot(4);
    Set<String> planned = CleanupSection.expectedStale(snapshot);
    CleanupSection.Run good = CleanupSection.cleanup(snapshot, planned, 2, Duration.ZERO, 0);
    assertThat(CleanupSection.check(good, planned)).startsWith("4 cleaned");

    String first = planned.iterator().next();
    List<FakeCall> twice = new ArrayList<>(good.calls());
    twice.add(new FakeCall(CleanupSection.ACCOUNTS.get(0), "DeleteAccessKey", Map.of("AccessKeyId", first), 200, null,
        1, Instant.now()));
    assertThat(CleanupSection.check(withCalls(good, twice), planned))
        .startsWith("MISMATCH").contains("1 planned keys not deleted exactly once (1 more than once)");

    List<NodeResult> nodes = new ArrayList<>(good.report().nodes());
    NodeResult n = nodes.get(0);
    nodes.set(0, new NodeResult(n.id(), n.kind(), n.name(), n.account(), n.pass(), Outcome.SKIPPED,
        "used after the snapshot", Optional.empty(), false, n.duration()));
    CleanupReport skipped = new CleanupReport(good.report().runId(), good.report().started(),
        good.report().wallTime(), false, nodes, List.of());
    assertThat(CleanupSection.check(with(good, skipped, good.calls(), good.left()), planned))
        .startsWith("MISMATCH").contains("skipped 1");

    assertThat(CleanupSection.check(with(good, good.report(), good.calls(), Set.of(first)), planned))
        .startsWith("MISMATCH").contains("1 planned keys still in the fake");
  }

  private static CleanupSection.Run withCalls(CleanupSection.Run run, List<FakeCall> calls) {
    return with(run, run.report(), calls, run.left());
  }

  private static CleanupSection.Run with(CleanupSection.Run run, CleanupReport report, List<FakeCall> calls,
      Set<String> left) {
    return new CleanupSection.Run(run.marked(), report, run.millis(), calls, left, run.othersLeft(), run.others(),
        run.cpuSeconds(), run.load());
  }
}
