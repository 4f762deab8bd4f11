package com.example.stalekeys;

import static dev.inventory.query.Q.days;
import static dev.inventory.query.Q.name;
import static dev.inventory.query.Q.unusedFor;

import dev.inventory.AccessKey;
import dev.inventory.Inventory;
import dev.inventory.User;
import dev.inventory.cleanup.CleanupConfig;
import dev.inventory.cleanup.CleanupExecutor;
import dev.inventory.cleanup.CleanupReport;
import dev.inventory.cleanup.StateOnlyCleaner;
import dev.inventory.fixture.FixtureException;
import dev.inventory.fixture.FixtureFormat;
import dev.inventory.query.QueryEngine;
import dev.inventory.query.QuerySelectionCheck;
import dev.inventory.query.Search;
import dev.inventory.spi.Cleaner;
import dev.inventory.state.StateStore;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Marks the stale access keys of people (not of the service accounts jenkins and ci) in an
 * inventory and shows what a cleanup would do: a dry run, nothing is changed.
 *
 * <pre>{@code
 * java -cp ... com.example.stalekeys.StaleKeys org.ndjson
 * }</pre>
 */
public final class StaleKeys {
  /** Keys unused for 90 days (or never used and older), except those of the service accounts. */
  public static final Search POLICY = Search.of(AccessKey.class)
      .where(unusedFor(days(90)))
      .owner(User.class, name().notIn("jenkins", "ci"));

  private StaleKeys() {}

  /**
   * Marks the keys the policy selects and runs a dry-run cleanup.
   *
   * @param inventory the inventory to look at
   * @param state where the marks go
   * @param cleaner the cleaner of {@code aws_iam_access_key}
   * @param clock the clock the policy and the report use
   * @return the report of the dry run
   */
  public static CleanupReport dryRun(Inventory inventory, StateStore state, Cleaner cleaner, Clock clock) {
    POLICY.clean(QueryEngine.of(inventory, state), "unused for 90 days", clock);
    return CleanupExecutor.builder()
        .config(CleanupConfig.builder().cleanup(true).dryRun(true).build())
        .cleaner(cleaner)
        .selectionCheck(new QuerySelectionCheck())
        .clock(clock)
        .withoutDiscovery()
        .build()
        .run(inventory, state);
  }

  /**
   * Reads a fixture file and prints the dry run's report.
   *
   * @param args the fixture file
   */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: StaleKeys <inventory.ndjson>");
      System.exit(2);
    }
    try {
      Inventory inventory = FixtureFormat.read(Path.of(args[0])).inventory();
      CleanupReport report = dryRun(inventory, StateStore.inMemory(),
          StateOnlyCleaner.forKind("aws_iam_access_key"), Clock.systemUTC());
      System.out.println(report.render());
    } catch (FixtureException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }
}
