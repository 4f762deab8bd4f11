package dev.inventory.examples;

import static dev.inventory.query.Q.days;
import static dev.inventory.query.Q.name;
import static dev.inventory.query.Q.unusedFor;

import dev.inventory.AccessKey;
import dev.inventory.BaseKinds;
import dev.inventory.Inventory;
import dev.inventory.User;
import dev.inventory.cleanup.CleanupConfig;
import dev.inventory.cleanup.CleanupExecutor;
import dev.inventory.cleanup.CleanupReport;
import dev.inventory.cleanup.StateOnlyCleaner;
import dev.inventory.query.QueryEngine;
import dev.inventory.query.Search;
import dev.inventory.state.StateStore;
import java.io.PrintStream;
import java.time.Clock;

/**
 * A custom cleanup program written with the fluent DSL: mark the access keys of people (not
 * service accounts) that were unused for 90 days, then run the cleanup. It runs on the demo
 * organisation with cleaners that act on the state only; a host application would pass its own
 * inventory, state store and cleaners.
 *
 * <pre>
 * java -cp examples/target/inventory.jar dev.inventory.examples.CleanupStaleKeys [--no-dry-run]
 * </pre>
 */
public final class CleanupStaleKeys {
  /** The policy: unused for 90 days (or never used and older than that), owners other than jenkins and ci. */
  public static final Search POLICY = Search.of(AccessKey.class)
      .where(unusedFor(days(90)))
      .owner(User.class, name().notIn("jenkins", "ci"));

  private CleanupStaleKeys() {}

  public static void main(String[] args) {
    boolean dryRun = !(args.length == 1 && args[0].equals("--no-dry-run"));
    run(Clock.systemUTC(), dryRun, System.out);
  }

  /** Marks, plans and runs; returns the report. */
  static CleanupReport run(Clock clock, boolean dryRun, PrintStream out) {
    Inventory inventory = DemoOrganisation.build(clock);
    StateStore state = StateStore.inMemory();
    QueryEngine engine = QueryEngine.of(inventory, state);
    out.println(POLICY.clean(engine, "unused for 90 days", clock).text());
    CleanupExecutor executor = CleanupExecutor.builder()
        .config(CleanupConfig.builder().cleanup(true).dryRun(dryRun).build())
        .clock(clock)
        .cleaner(StateOnlyCleaner.forKind(BaseKinds.ACCESS_KEY))
        .build();
    out.println(executor.plan(inventory, state));
    CleanupReport report = executor.run(inventory, state);
    out.println(report.render());
    return report;
  }
}
