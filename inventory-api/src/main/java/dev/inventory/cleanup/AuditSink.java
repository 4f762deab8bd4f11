package dev.inventory.cleanup;

/**
 * Receives every outcome of a cleanup run as it happens, for an audit trail that outlives the
 * process. The default is {@link JsonLinesAuditSink}. Called from the executor's pool threads, so
 * implementations must be thread-safe. A sink that throws does not stop the run: the executor logs
 * the failure and goes on.
 *
 * <pre>{@code
 * AuditSink sink = entry -> auditLog.info("{} {} {}", entry.runId(), entry.result().id(), entry.result().outcome());
 * CleanupExecutor executor = CleanupExecutor.builder().auditSink(sink).build();
 * }</pre>
 */
@FunctionalInterface
public interface AuditSink {

  /**
   * Records one outcome.
   *
   * @param entry the outcome to record
   */
  void record(AuditEntry entry);

  /**
   * A sink that records nothing.
   *
   * @return a sink that discards every entry
   */
  static AuditSink none() {
    return entry -> { };
  }
}
