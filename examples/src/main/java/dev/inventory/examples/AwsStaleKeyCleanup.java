package dev.inventory.examples;

import dev.inventory.Inventory;
import dev.inventory.aws.AwsAccess;
import dev.inventory.aws.AwsKinds;
import dev.inventory.aws.AwsSession;
import dev.inventory.aws.IamAccessKeyCleaner;
import dev.inventory.aws.IamCollector;
import dev.inventory.aws.LastUsedMode;
import dev.inventory.cleanup.CleanupConfig;
import dev.inventory.cleanup.CleanupExecutor;
import dev.inventory.cleanup.CleanupReport;
import dev.inventory.cleanup.CleanupStrategy;
import dev.inventory.cleanup.JsonLinesAuditSink;
import dev.inventory.cleanup.Outcome;
import dev.inventory.collect.CollectContext;
import dev.inventory.collect.CollectResult;
import dev.inventory.query.QueryEngine;
import dev.inventory.query.QuerySelectionCheck;
import dev.inventory.state.StateStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A custom cleanup program for stale IAM access keys on real accounts: collect, mark with the
 * fluent policy of {@link CleanupStaleKeys}, and deactivate the keys first; a later run deletes a key
 * that stayed inactive for the grace period (14 days). Marks and deactivation times live in a state
 * file, every action is written to a JSON-lines audit file, and nothing changes without
 * {@code --no-dry-run}.
 *
 * <pre>
 * java -cp examples/target/inventory.jar dev.inventory.examples.AwsStaleKeyCleanup \
 *     [--profile NAME] [--role-arn ARN]... [--state state.json] [--audit audit.jsonl] [--no-dry-run]
 * </pre>
 */
public final class AwsStaleKeyCleanup {
  private AwsStaleKeyCleanup() {}

  public static void main(String[] args) {
    String profile = null;
    List<String> roles = new ArrayList<>();
    Path stateFile = Path.of("inventory-state.json");
    Path auditFile = Path.of("inventory-audit.jsonl");
    boolean dryRun = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--profile" -> profile = value(args, ++i);
        case "--role-arn" -> roles.add(value(args, ++i));
        case "--state" -> stateFile = Path.of(value(args, ++i));
        case "--audit" -> auditFile = Path.of(value(args, ++i));
        case "--no-dry-run" -> dryRun = false;
        default -> {
          System.err.println("unknown option '" + args[i] + "'");
          System.exit(2);
        }
      }
    }
    AwsAccess base = profile == null ? AwsAccess.defaultCredentials() : AwsAccess.profile(profile);
    AwsSession.Builder session = AwsSession.builder();
    if (roles.isEmpty()) {
      session.access(base);
    }
    roles.forEach(role -> session.access(base.assumeRole(role)));
    try (AwsSession aws = session.build()) {
      CleanupReport report = run(aws, StateStore.jsonFile(stateFile), auditFile, Clock.systemUTC(), dryRun, System.out);
      System.exit(report.count(Outcome.FAILED) == 0 ? 0 : 1);
    }
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      System.err.println("option " + args[i - 1] + " needs a value");
      System.exit(2);
    }
    return args[i];
  }

  /** Collects, marks with the policy, and runs the cleanup; returns the report. */
  static CleanupReport run(AwsSession aws, StateStore state, Path auditFile, Clock clock, boolean dryRun,
      PrintStream out) {
    CollectResult collected = IamCollector.builder(aws).lastUsed(LastUsedMode.AUTO).build()
        .collect(CollectContext.of(clock, p -> out.println(p.source() + ": " + p.message())));
    collected.errors().forEach(e -> out.println("collect error: " + e));
    Inventory inventory = collected.inventory();

    out.println(CleanupStaleKeys.POLICY.clean(QueryEngine.of(inventory, state), "unused for 90 days", clock).text());

    CleanupExecutor executor = CleanupExecutor.builder()
        .config(CleanupConfig.builder().cleanup(true).dryRun(dryRun).poolSize(8).maxResources(500).build())
        .clock(clock)
        .cleaner(new IamAccessKeyCleaner(aws))
        .strategy(AwsKinds.AWS_IAM_ACCESS_KEY, CleanupStrategy.deactivateThenDelete(Duration.ofDays(14)))
        .selectionCheck(new QuerySelectionCheck())
        .auditSink(new JsonLinesAuditSink(auditFile))
        .withoutDiscovery()
        .build();
    CleanupReport report = executor.run(inventory, state);
    out.println(report.render());
    return report;
  }
}
