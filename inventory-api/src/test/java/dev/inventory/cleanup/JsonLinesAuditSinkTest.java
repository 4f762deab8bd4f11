package dev.inventory.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default audit trail: one JSON object per line, appended, flushed per line, from many threads. */
class JsonLinesAuditSinkTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  static AuditEntry entry(String id) {
    NodeResult r = new NodeResult(id, "aws_iam_access_key", Optional.of("alice"), Optional.of("prod"), 1,
        Outcome.CLEANED, "deleted", Optional.empty(), false, Duration.ofMillis(12));
    return new AuditEntry("run-1", Instant.parse("2026-05-01T00:00:00Z"), false, r, Optional.of("search all | clean"));
  }

  @Test
  void should_create_a_new_audit_file_readable_by_its_owner_only() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class) != null,
        "the file system has no POSIX permissions");
    // WHEN
    Path file = dir.resolve("new-audit.jsonl");
    try (JsonLinesAuditSink sink = new JsonLinesAuditSink(file)) {
      // THEN
      assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(sink.file())))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void should_append_one_json_object_per_entry_flushed_per_line() throws IOException {
    // GIVEN a file with earlier content
    Path file = dir.resolve("audit.jsonl");
    Files.writeString(file, "{\"earlier\":true}\n");
    try (JsonLinesAuditSink sink = new JsonLinesAuditSink(file)) {
      // WHEN
      sink.record(entry("AKIA1"));
      // THEN the line is there before the sink is closed
      List<String> lines = Files.readAllLines(file);
      assertThat(lines).hasSize(2);
      assertThat(lines.get(0)).isEqualTo("{\"earlier\":true}");
      assertThat(lines.get(1)).isEqualTo("{\"time\":\"2026-05-01T00:00:00Z\",\"run_id\":\"run-1\",\"dry_run\":false,"
          + "\"id\":\"AKIA1\",\"kind\":\"aws_iam_access_key\",\"name\":\"alice\",\"account\":\"prod\",\"pass\":1,"
          + "\"outcome\":\"cleaned\",\"reason\":\"deleted\",\"error\":null,\"retryable\":false,\"duration_ms\":12.0,"
          + "\"query\":\"search all | clean\"}");
    }
  }

  @Test
  void should_never_interleave_lines_of_concurrent_writers() throws Exception {
    // GIVEN 8 threads writing 100 entries each
    Path file = dir.resolve("audit.jsonl");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (JsonLinesAuditSink sink = new JsonLinesAuditSink(file)) {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 100; i++) {
            sink.record(entry("key-" + thread + "-" + i));
          }
        }));
      }
      // WHEN
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    // THEN every line is one whole object, and none is missing
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(800);
    Set<String> ids = new HashSet<>();
    for (String line : lines) {
      JsonNode node = JSON.readTree(line);
      ids.add(node.get("id").asText());
    }
    assertThat(ids).hasSize(800);
  }

  @Test
  void should_receive_the_outcomes_of_a_run() throws IOException {
    // GIVEN
    Path file = dir.resolve("audit.jsonl");
    CleanupReport report;
    try (JsonLinesAuditSink sink = new JsonLinesAuditSink(file)) {
      TestOrg org = TestOrg.build();
      dev.inventory.state.StateStore state = dev.inventory.state.StateStore.inMemory();
      org.mark(state);
      // WHEN
      report = CleanupExecutorTest.executor(CleanupConfig.defaults(),
          new RecordingCleaner(TestKey.KIND).holding(org.keys)).auditSink(sink).build().run(org.inventory, state);
    }
    // THEN
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(26);
    assertThat(lines).allSatisfy(line -> {
      JsonNode node = JSON.readTree(line);
      assertThat(node.get("run_id").asText()).isEqualTo(report.runId());
      assertThat(node.get("dry_run").asBoolean()).isTrue();
      assertThat(node.get("outcome").asText()).isEqualTo("would_clean");
    });
  }
}
