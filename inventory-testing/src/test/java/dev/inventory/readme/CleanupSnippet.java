package dev.inventory.readme;

import dev.inventory.Inventory;
import dev.inventory.cleanup.CleanupConfig;
import dev.inventory.cleanup.CleanupExecutor;
import dev.inventory.cleanup.CleanupPlan;
import dev.inventory.cleanup.CleanupReport;
import dev.inventory.cleanup.JsonLinesAuditSink;
import dev.inventory.cleanup.StateOnlyCleaner;
import dev.inventory.fixture.FixtureFormat;
import dev.inventory.query.QuerySelectionCheck;
import dev.inventory.spi.Cleaner;
import dev.inventory.state.StateStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/** The README's cleanup section (compiled only: it reads files). */
final class CleanupSnippet {
  private CleanupSnippet() {}

  static CleanupReport run() throws IOException {
    // snippet
    Clock clock = Clock.systemUTC();                      // a fixed clock in tests
    Inventory inventory = FixtureFormat.read(Path.of("org.ndjson")).inventory();
    StateStore state = StateStore.jsonFile(Path.of("state.json"));
    Cleaner myKeyCleaner = StateOnlyCleaner.forKind("aws_iam_access_key");   // or your own Cleaner
    CleanupReport report;
    try (JsonLinesAuditSink audit = new JsonLinesAuditSink(Path.of("cleanup-audit.jsonl"))) {// closes the audit file
      CleanupExecutor executor = CleanupExecutor.builder()
          .config(CleanupConfig.load(Path.of("worker.yaml")))// worker: {cleanup: true, cleanup_dry_run: false, ...}
          .cleaner(myKeyCleaner)                          // or META-INF/services/dev.inventory.spi.Cleaner
          .selectionCheck(new QuerySelectionCheck())      // re-runs marking queries (found by ServiceLoader too)
          .auditSink(audit)
          .clock(clock)                                   // times of the report, the audit trail, grace periods
          .build();
      CleanupPlan plan = executor.plan(inventory, state);
      System.out.println(plan);                           // inspect before anything runs
      report = executor.run(plan);
      System.out.println(report.render());                // or report.toJson()
    }
    // end snippet
    return report;
  }
}
