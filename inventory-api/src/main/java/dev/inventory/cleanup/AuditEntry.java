package dev.inventory.cleanup;

import dev.inventory.cleanup.internal.ReportJson;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the audit trail: which run, when, in which mode, what happened to which node, and the
 * query that marked it.
 *
 * <pre>{@code
 * entry.toJson();   // {"time":"2026-05-01T00:00:00Z","run_id":"...","dry_run":false,"id":"AKIA...",...}
 * }</pre>
 *
 * @param runId the run's id (the same as {@link CleanupReport#runId()})
 * @param time when the node finished
 * @param dryRun whether the run was a dry run
 * @param result what happened
 * @param query the query text that marked the node, if the mark has one
 */
public record AuditEntry(String runId, Instant time, boolean dryRun, NodeResult result, Optional<String> query) {
  /**
   * Checks that the values are present.
   *
   * @param runId the run's id
   * @param time when the outcome was recorded
   * @param dryRun whether the run was a dry run
   * @param result the node's result
   * @param query the query that marked the node, if the mark kept one
   */
  public AuditEntry {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(query, "query");
  }

  /**
   * One line of JSON: {@code time}, {@code run_id}, {@code dry_run}, then the fields of the report's
   * nodes ({@code id}, {@code kind}, {@code name}, {@code account}, {@code pass}, {@code outcome},
   * {@code reason}, {@code error}, {@code retryable}, {@code duration_ms}), then {@code query}.
   *
   * @return the entry as one line of JSON, without a line break
   */
  public String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("time", ReportJson.time(time));
    m.put("run_id", runId);
    m.put("dry_run", dryRun);
    m.putAll(ReportJson.node(result));
    m.put("query", query.orElse(null));
    return ReportJson.write(m);
  }
}
