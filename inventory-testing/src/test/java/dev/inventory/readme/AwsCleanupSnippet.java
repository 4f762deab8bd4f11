package dev.inventory.readme;

import static dev.inventory.query.Q.days;
import static dev.inventory.query.Q.name;
import static dev.inventory.query.Q.unusedFor;

import dev.inventory.AccessKey;
import dev.inventory.Inventory;
import dev.inventory.User;
import dev.inventory.aws.AwsAccess;
import dev.inventory.aws.AwsSession;
import dev.inventory.aws.IamAccessKeyCleaner;
import dev.inventory.aws.IamCollector;
import dev.inventory.cleanup.CleanupConfig;
import dev.inventory.cleanup.CleanupExecutor;
import dev.inventory.cleanup.CleanupReport;
import dev.inventory.cleanup.CleanupStrategy;
import dev.inventory.cleanup.JsonLinesAuditSink;
import dev.inventory.collect.CollectContext;
import dev.inventory.collect.CollectResult;
import dev.inventory.query.QueryEngine;
import dev.inventory.query.QuerySelectionCheck;
import dev.inventory.query.Search;
import dev.inventory.state.StateStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** The README's stale-key cleanup program (compiled only: it calls AWS). */
final class AwsCleanupSnippet {
  private AwsCleanupSnippet() {}

  static CleanupReport run() throws IOException {
    // snippet
    Clock clock = Clock.systemUTC();
    boolean dryRun = true;                                       // the default: change nothing, report would_clean
    CleanupReport report;
    try (AwsSession aws = AwsSession.builder().access(AwsAccess.profile("audit")).build();
        JsonLinesAuditSink audit = new JsonLinesAuditSink(Path.of("inventory-audit.jsonl"))) {
      CollectResult collected = IamCollector.builder(aws).build().collect(CollectContext.of(clock));
      Inventory inventory = collected.inventory();
      StateStore state = StateStore.jsonFile(Path.of("inventory-state.json"));

      Search.of(AccessKey.class)
          .where(unusedFor(days(90)))                            // or never used and older than that
          .owner(User.class, name().notIn("jenkins", "ci"))
          .clean(QueryEngine.of(inventory, state), "unused for 90 days", clock);

      report = CleanupExecutor.builder()
          .config(CleanupConfig.builder().cleanup(true).dryRun(dryRun).poolSize(8).maxResources(500).build())
          .cleaner(new IamAccessKeyCleaner(aws))
          .strategy("aws_iam_access_key", CleanupStrategy.deactivateThenDelete(Duration.ofDays(14)))
          .selectionCheck(new QuerySelectionCheck())             // re-runs the marking query before each action
          .auditSink(audit)
          .clock(clock)                                          // a fixed clock in tests
          .withoutDiscovery()
          .build()
          .run(inventory, state);
    }
    // end snippet
    return report;
  }
}
