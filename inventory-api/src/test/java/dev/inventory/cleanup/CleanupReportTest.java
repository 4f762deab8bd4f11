package dev.inventory.cleanup;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inventory.BaseKinds;
import dev.inventory.EdgeType;
import dev.inventory.GenericResource;
import dev.inventory.Inventory;
import dev.inventory.LastUse;
import dev.inventory.state.Mark;
import dev.inventory.state.StateStore;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The report's text (golden file) and JSON, from a run with every outcome. */
class CleanupReportTest {
  static final ObjectMapper JSON = new ObjectMapper();

  /** A run over one account: a key cleaned, one gone, one used since, one failing, and their user. */
  static CleanupReport runWithEveryOutcome(CleanupConfig config) {
    Inventory inventory = Inventory.builder(TestKey.registry())
        .add(GenericResource.builder("111111111111", BaseKinds.ACCOUNT).name("prod").build())
        .add(GenericResource.builder("arn:user/alice", BaseKinds.USER).name("alice").build())
        .add(TestKey.active("AKIA-CLEAN", "alice", LastUse.usedAt(TestOrg.daysAgo(200))))
        .add(TestKey.active("AKIA-GONE", "alice", LastUse.usedAt(TestOrg.daysAgo(150))))
        .add(TestKey.active("AKIA-USED", "alice", LastUse.usedAt(TestOrg.daysAgo(120))))
        .add(TestKey.active("AKIA-FAIL", "alice", LastUse.never()))
        .edge("111111111111", "arn:user/alice")
        .edge("arn:user/alice", "AKIA-CLEAN").edge("arn:user/alice", "AKIA-GONE")
        .edge("arn:user/alice", "AKIA-USED").edge("arn:user/alice", "AKIA-FAIL")
        .edge("arn:user/alice", "AKIA-CLEAN", EdgeType.DELETE).edge("arn:user/alice", "AKIA-FAIL", EdgeType.DELETE)
        .build();
    StateStore state = StateStore.inMemory();
    state.updateAll(List.of("arn:user/alice", "AKIA-CLEAN", "AKIA-GONE", "AKIA-USED", "AKIA-FAIL", "AKIA-OLD"),
        s -> s.withClean(Mark.of("unused", TestOrg.NOW)));
    RecordingCleaner keys = new RecordingCleaner(TestKey.KIND).holding(inventory.ofKind(TestKey.KIND));
    keys.cloud.remove("AKIA-GONE");
    keys.cloud.put("AKIA-USED", TestKey.active("AKIA-USED", "alice", LastUse.usedAt(TestOrg.daysAgo(2))));
    keys.failure = (op, id) -> op.equals("delete") && id.equals("AKIA-FAIL")
        ? CleanupActionException.retryable("Throttling: Rate exceeded") : null;
    RecordingCleaner users = new RecordingCleaner(BaseKinds.USER).holding(inventory.ofKind(BaseKinds.USER));
    return CleanupExecutorTest.executor(config, keys, users).build().run(inventory, state);
  }

  @Test
  void should_render_the_report_as_in_the_golden_file() throws IOException {
    // GIVEN a real run with a fixed clock, so every duration is 0
    CleanupReport report = runWithEveryOutcome(CleanupExecutorTest.REAL);
    // WHEN
    String text = report.render();
    // THEN
    assertThat(text).isEqualTo(golden("report.txt"));
    assertThat(report).hasToString(text);
  }

  @Test
  void should_render_a_dry_run_as_such() {
    // WHEN
    String text = runWithEveryOutcome(CleanupConfig.defaults()).render();
    // THEN
    assertThat(text).startsWith("Cleanup report (dry run: nothing was changed)\n")
        .contains("5 nodes: cleaned 0, would_clean 2, already_gone 1, skipped 2, failed 0\n")
        .contains("skipped       arn:user/alice  user")
        .contains("1 resource that must be gone first is still there: AKIA-USED");
  }

  @Test
  void should_write_every_field_to_json() throws IOException {
    // GIVEN
    CleanupReport report = runWithEveryOutcome(CleanupExecutorTest.REAL);
    // WHEN
    JsonNode json = JSON.readTree(report.toJson());
    // THEN
    assertThat(json.get("run_id").asText()).isEqualTo(report.runId());
    assertThat(json.get("started").asText()).isEqualTo("2026-05-01T00:00:00Z");
    assertThat(json.get("dry_run").asBoolean()).isFalse();
    assertThat(json.get("wall_time_ms").asDouble()).isZero();
    assertThat(json.get("totals").toString())
        .isEqualTo("{\"cleaned\":1,\"would_clean\":0,\"already_gone\":1,\"skipped\":2,\"failed\":1}");
    assertThat(json.get("nodes")).hasSize(5);
    JsonNode failed = json.get("nodes").get(3);
    assertThat(failed.toString()).isEqualTo("{\"id\":\"AKIA-FAIL\",\"kind\":\"test_access_key\",\"name\":\"alice\","
        + "\"account\":\"prod\",\"pass\":1,\"outcome\":\"failed\",\"reason\":\"failed; the node stays marked\","
        + "\"error\":\"Throttling: Rate exceeded\",\"retryable\":true,\"duration_ms\":0.0}");
    assertThat(json.get("notes").get(0).asText()).isEqualTo("not planned: AKIA-OLD: marked, but not in the snapshot");
  }

  @Test
  void should_total_every_outcome_and_find_nodes_by_id() {
    // GIVEN
    NodeResult a = new NodeResult("a", "k", Optional.empty(), Optional.empty(), 1, Outcome.CLEANED, "deleted",
        Optional.empty(), false, Duration.ofMillis(3));
    NodeResult b = new NodeResult("b", "k", Optional.of("bee"), Optional.of("prod"), 1, Outcome.FAILED, "failed",
        Optional.of("boom"), true, Duration.ofNanos(1_500_000));
    // WHEN
    CleanupReport report = new CleanupReport("run-1", Instant.EPOCH, Duration.ofSeconds(2), false, List.of(a, b), List.of());
    // THEN
    assertThat(report.totals()).containsExactly(
        entry(Outcome.CLEANED, 1), entry(Outcome.WOULD_CLEAN, 0), entry(Outcome.ALREADY_GONE, 0),
        entry(Outcome.SKIPPED, 0), entry(Outcome.FAILED, 1));
    assertThat(report.node("b")).contains(b);
    assertThat(report.node("c")).isEmpty();
    assertThat(report.render()).isEqualTo("""
        Cleanup report (real run)
        started 1970-01-01T00:00:00Z, wall time 2000.0 ms
        2 nodes: cleaned 1, would_clean 0, already_gone 0, skipped 0, failed 1

        outcome  id  kind  name  account  pass  time    reason
        cleaned  a   k     -     -        1     3.0 ms  deleted
        failed   b   k     bee   prod     1     1.5 ms  failed; error: boom (retryable)
        """);
  }

  private static java.util.Map.Entry<Outcome, Integer> entry(Outcome o, int n) {
    return java.util.Map.entry(o, n);
  }

  static String golden(String name) throws IOException {
    try (InputStream in = CleanupReportTest.class.getResourceAsStream(name)) {
      assertThat(in).as("golden file %s", name).isNotNull();
      return new String(in.readAllBytes(), UTF_8);
    }
  }
}
