package dev.inventory.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.Inventory;
import dev.inventory.Resource;
import dev.inventory.aws.AwsIamAccessKey;
import dev.inventory.aws.AwsKinds;
import dev.inventory.cleanup.CleanupConfig;
import dev.inventory.cleanup.CleanupContext;
import dev.inventory.cleanup.CleanupExecutor;
import dev.inventory.cleanup.CleanupPlan;
import dev.inventory.cleanup.CleanupReport;
import dev.inventory.cleanup.NodeResult;
import dev.inventory.cleanup.Outcome;
import dev.inventory.cleanup.ResourceGoneException;
import dev.inventory.query.command.Commands;
import dev.inventory.spi.Cleaner;
import dev.inventory.state.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The guide's flow on the demo organisation: mark the stale keys with the text command, then let
 * the cleanup executor act on them through a cleaner that records every call against an in-memory
 * "cloud". The marking query is re-checked with the query module's selection check, which the
 * executor finds on the class path.
 */
class DemoCleanupTest {
  private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String CLEAN_STALE_KEYS =
      "search is(access_key) and last_access > 90days and /ancestors.user.reported.name not in [jenkins, ci]"
          + " | clean \"unused for 90 days\"";

  private final Inventory demo = DemoOrganisation.build(CLOCK);
  private final StateStore state = StateStore.inMemory();
  private final RecordingKeyCleaner cloud = new RecordingKeyCleaner(demo.ofType(AwsIamAccessKey.class));

  /** Access keys "in the cloud": refresh reads them, delete removes them; every call is recorded. */
  static final class RecordingKeyCleaner implements Cleaner {
    final Map<String, Resource> keys = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> calls = new ConcurrentLinkedQueue<>();

    RecordingKeyCleaner(List<AwsIamAccessKey> initial) {
      initial.forEach(k -> keys.put(k.id(), k));
    }

    @Override
    public String kind() {
      return AwsKinds.AWS_IAM_ACCESS_KEY;
    }

    @Override
    public Optional<Resource> refresh(Resource resource, CleanupContext context) {
      calls.add("refresh " + resource.id());
      return Optional.ofNullable(keys.get(resource.id()));
    }

    @Override
    public void delete(Resource resource, CleanupContext context) {
      calls.add("delete " + resource.id());
      if (keys.remove(resource.id()) == null) {
        throw new ResourceGoneException(resource.id());
      }
    }

    List<String> mutating() {
      return calls.stream().filter(c -> !c.startsWith("refresh ")).toList();
    }
  }

  private CleanupExecutor executor(boolean dryRun) {
    return CleanupExecutor.builder()
        .config(CleanupConfig.builder().cleanup(true).dryRun(dryRun).poolSize(16).build())
        .clock(CLOCK)
        .cleaner(cloud)
        .build();
  }

  @BeforeEach
  void mark_the_stale_keys_as_the_guide_does() {
    Commands.builder().inventory(demo).state(state).clock(CLOCK).build().execute(CLEAN_STALE_KEYS);
  }

  @Test
  void should_plan_the_26_marked_keys() {
    // WHEN
    CleanupPlan plan = executor(true).plan(demo, state);
    // THEN
    assertThat(plan.size()).isEqualTo(26);
    assertThat(plan.nodes()).allSatisfy(r -> assertThat(r.kind()).isEqualTo("aws_iam_access_key"));
  }

  @Test
  void should_make_no_mutating_call_in_a_dry_run() {
    // WHEN
    CleanupReport report = executor(true).run(demo, state);
    // THEN
    assertThat(report.count(Outcome.WOULD_CLEAN)).isEqualTo(26);
    assertThat(cloud.mutating()).isEmpty();
    assertThat(cloud.keys).hasSize(demo.ofType(AwsIamAccessKey.class).size());
    assertThat(state.all().values()).noneMatch(s -> s.isCleaned());
  }

  @Test
  void should_delete_each_of_the_26_keys_exactly_once_with_a_pool_of_16() {
    // WHEN
    CleanupReport report = executor(false).run(demo, state);
    // THEN
    assertThat(report.count(Outcome.CLEANED)).isEqualTo(26);
    List<String> deletes = cloud.mutating();
    assertThat(deletes).hasSize(26).doesNotHaveDuplicates();
    assertThat(deletes.stream().map(d -> d.substring("delete ".length())).collect(Collectors.toSet()))
        .isEqualTo(report.withOutcome(Outcome.CLEANED).stream().map(NodeResult::id).collect(Collectors.toSet()));
    assertThat(report.withOutcome(Outcome.CLEANED)).extracting(r -> r.name().orElseThrow())
        .doesNotContain("jenkins", "ci");
    assertThat(state.all().values().stream().filter(s -> s.isCleaned()).count()).isEqualTo(26);
  }

  @Test
  void should_skip_a_key_used_since_it_was_marked_and_leave_it_alone() {
    // GIVEN one marked key is used again in the cloud after the snapshot
    String usedAgain = executor(true).plan(demo, state).nodes().get(0).id();
    AwsIamAccessKey key = (AwsIamAccessKey) cloud.keys.get(usedAgain);
    cloud.keys.put(usedAgain, key.toBuilder().lastUsed(NOW.minusSeconds(3600)).build());
    // WHEN
    CleanupReport report = executor(false).run(demo, state);
    // THEN
    assertThat(report.node(usedAgain)).map(NodeResult::outcome).contains(Outcome.SKIPPED);
    assertThat(report.count(Outcome.CLEANED)).isEqualTo(25);
    assertThat(cloud.mutating()).doesNotContain("delete " + usedAgain);
    assertThat(cloud.keys).containsKey(usedAgain);
  }
}
