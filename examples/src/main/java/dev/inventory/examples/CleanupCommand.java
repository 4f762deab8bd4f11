package dev.inventory.examples;

import dev.inventory.Inventory;
import dev.inventory.cleanup.CleanupConfig;
import dev.inventory.cleanup.CleanupExecutor;
import dev.inventory.cleanup.CleanupPlan;
import dev.inventory.state.StateStore;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code cleanup plan} and {@code cleanup run [--dry-run|--no-dry-run]}, with the shell's one
 * cleanup configuration: the options change only {@code cleanup_dry_run}, so {@code cleanup:
 * false} and {@code cleanup_max_resources} hold as they do in a workflow; the executor refuses a
 * run they forbid before it calls any cleaner.
 */
final class CleanupCommand implements ShellCommand {
  static final String HELP =
      "cleanup plan                print what a cleanup would act on, pass by pass"
          + "\ncleanup run [--dry-run|--no-dry-run]  run the cleanup (as cleanup_dry_run says unless given;"
          + "\n                            refused while cleanup is false or the plan is over cleanup_max_resources;"
          + "\n                            on fixtures: state only, with --aws: IAM)";

  private final Supplier<Inventory> inventory;
  private final StateStore state;
  private final Supplier<CleanupConfig> config;
  private final Function<CleanupConfig, CleanupExecutor> executors;

  CleanupCommand(Supplier<Inventory> inventory, StateStore state, Supplier<CleanupConfig> config,
      Function<CleanupConfig, CleanupExecutor> executors) {
    this.inventory = inventory;
    this.state = state;
    this.config = config;
    this.executors = executors;
  }

  @Override
  public List<String> names() {
    return List.of("cleanup");
  }


  @Override
  public String run(String line) {
    String[] words = line.split("\\s+");
    CleanupConfig effective = config.get();
    if (words.length == 2 && words[1].equals("plan")) {
      CleanupPlan plan = executors.apply(effective).plan(inventory.get(), state);
      return plan.render().stripTrailing() + "\n" + configurationNote(effective, plan.size());
    }
    if (words.length < 2 || !words[1].equals("run") || words.length > 3) {
      throw usage(line);
    }
    if (words.length == 3) {
      effective = switch (words[2]) {
        case "--dry-run" -> effective.withDryRun(true);
        case "--no-dry-run" -> effective.withDryRun(false);
        default -> throw usage(line);
      };
    }
    return executors.apply(effective).run(inventory.get(), state).render();
  }

  // What a run would do with this plan under the configuration, so the plan shows a refusal ahead.
  private static String configurationNote(CleanupConfig c, int planned) {
    StringBuilder b = new StringBuilder("configuration: " + c);
    if (!c.cleanup()) {
      b.append("\na real run (cleanup run --no-dry-run) is refused: " + CleanupConfig.CLEANUP
          + " is false (config set worker cleanup=true allows it)");
    }
    if (c.maxResources().isPresent() && planned > c.maxResources().getAsInt()) {
      b.append("\na real run is refused: " + planned + " planned nodes are more than "
          + CleanupConfig.CLEANUP_MAX_RESOURCES + " = " + c.maxResources().getAsInt());
    }
    return b.toString();
  }

  private static RuntimeException usage(String line) {
    return ShellCommand.usage(line, "expected 'cleanup plan' or 'cleanup run [--dry-run|--no-dry-run]'",
        List.of("'plan'", "'run'"));
  }
}
